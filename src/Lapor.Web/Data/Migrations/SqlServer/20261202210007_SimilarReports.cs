using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Web.Data.Migrations.SqlServer
{
    /// <summary>
    /// Similar reports at verification (issue 21): the report's location joins the full-text index on
    /// Reports (migration PublicSearch), so a place typed in another report finds it. Full-text DDL
    /// cannot run inside a transaction.
    /// </summary>
    public partial class SimilarReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER FULLTEXT INDEX ON [Reports] ADD ([Location] LANGUAGE 0);", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER FULLTEXT INDEX ON [Reports] DROP ([Location]);", suppressTransaction: true);
        }
    }
}
