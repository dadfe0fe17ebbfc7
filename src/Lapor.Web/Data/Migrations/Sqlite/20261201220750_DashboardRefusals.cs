using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardRefusals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assignments_Dashboard",
                table: "Assignments");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_Dashboard",
                table: "Assignments",
                columns: new[] { "ReportId", "State", "AgencyId", "FirstResponseWorkingDays", "FirstResponseOnTime", "CompletionWorkingDays", "CompletedOnTime", "ValidationRefusals" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assignments_Dashboard",
                table: "Assignments");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_Dashboard",
                table: "Assignments",
                columns: new[] { "ReportId", "State", "AgencyId", "FirstResponseWorkingDays", "FirstResponseOnTime", "CompletionWorkingDays", "CompletedOnTime" });
        }
    }
}
