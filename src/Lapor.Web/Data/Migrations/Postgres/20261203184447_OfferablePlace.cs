using Lapor.Web.Data.Search;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// PostgreSQL only: the support offer at filing looks the citizen's place up among the offerable reports, by the
    /// words of their location and by their point (partial indexes the model cannot express;
    /// <see cref="PostgresReportSearch.CreateOfferablePlaceIndexes"/>). SQLite reads its offerable reports' own
    /// index (migration OfferableText), and SQL Server's path is compiled only.
    /// </summary>
    public partial class OfferablePlace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => PostgresReportSearch.CreateOfferablePlaceIndexes(migrationBuilder);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("""DROP INDEX "IX_Reports_OfferablePoint"; DROP INDEX "IX_Reports_OfferablePlace";""");
    }
}
