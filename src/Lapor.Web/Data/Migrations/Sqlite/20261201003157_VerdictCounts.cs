using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VerdictCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "TimesAccepted",
                table: "Reports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TimesRejected",
                table: "Reports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Existing reports: count the verdicts their history already holds.
            migrationBuilder.Sql("""
                UPDATE "Reports" SET
                    "TimesAccepted" = (SELECT COUNT(*) FROM "RoutingEntries" AS e WHERE e."ReportId" = "Reports"."Id" AND e."Action" = 'Accept'),
                    "TimesRejected" = (SELECT COUNT(*) FROM "RoutingEntries" AS e WHERE e."ReportId" = "Reports"."Id" AND e."Action" = 'Reject');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TimesAccepted",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "TimesRejected",
                table: "Reports");
        }
    }
}
