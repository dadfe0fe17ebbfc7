using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DashboardLateNowAndTrend : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_Dashboard",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_Dashboard",
                table: "Assignments");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Dashboard",
                table: "Reports",
                columns: new[] { "SubmittedOn", "Status", "VerifyWorkingDays", "VerifiedOnTime", "FirstResponseAt", "TimesAccepted", "TimesRejected", "VerifyDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Status_CompletedAt",
                table: "Reports",
                columns: new[] { "Status", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_Dashboard",
                table: "Assignments",
                columns: new[] { "ReportId", "State", "AgencyId", "FirstResponseWorkingDays", "FirstResponseOnTime", "CompletionWorkingDays", "CompletedOnTime", "ValidationRefusals", "PausedAt", "FirstRespondedAt", "FirstResponseDueOn", "CompletionDueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_Dashboard",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_Status_CompletedAt",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_Dashboard",
                table: "Assignments");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Dashboard",
                table: "Reports",
                columns: new[] { "SubmittedOn", "Status", "VerifyWorkingDays", "VerifiedOnTime", "FirstResponseAt", "TimesAccepted", "TimesRejected" });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_Dashboard",
                table: "Assignments",
                columns: new[] { "ReportId", "State", "AgencyId", "FirstResponseWorkingDays", "FirstResponseOnTime", "CompletionWorkingDays", "CompletedOnTime", "ValidationRefusals" });
        }
    }
}
