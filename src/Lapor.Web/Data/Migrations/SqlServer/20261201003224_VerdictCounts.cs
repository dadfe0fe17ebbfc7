using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Web.Data.Migrations.SqlServer
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
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TimesRejected",
                table: "Reports",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // Existing reports: count the verdicts their history already holds.
            migrationBuilder.Sql(SqlServerDeferred.Exec("""
                UPDATE r SET
                    [TimesAccepted] = (SELECT COUNT(*) FROM [RoutingEntries] AS e WHERE e.[ReportId] = r.[Id] AND e.[Action] = N'Accept'),
                    [TimesRejected] = (SELECT COUNT(*) FROM [RoutingEntries] AS e WHERE e.[ReportId] = r.[Id] AND e.[Action] = N'Reject')
                FROM [Reports] AS r;
                """));
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
