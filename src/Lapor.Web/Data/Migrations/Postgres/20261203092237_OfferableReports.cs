using Lapor.Web.Data.Search;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// PostgreSQL only: the reports the support offer at filing may offer, by filing time (a partial index the model
    /// cannot express; <see cref="PostgresReportSearch.CreateOfferableIndex"/>). SQLite keeps an FTS5 table of those
    /// reports instead (its own migration OfferableText), and SQL Server's path is compiled only.
    /// </summary>
    public partial class OfferableReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => PostgresReportSearch.CreateOfferableIndex(migrationBuilder);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""DROP INDEX "IX_Reports_Offerable";""");
    }
}
