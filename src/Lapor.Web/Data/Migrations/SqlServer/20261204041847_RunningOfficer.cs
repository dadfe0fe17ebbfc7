using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Web.Data.Migrations.SqlServer
{
    /// <summary>
    /// The officer joins IX_Assignments_Running, so "who is late" and the agency head's workload count open work
    /// per officer from the index alone instead of reading every open assignment's row.
    /// </summary>
    public partial class RunningOfficer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assignments_Running",
                table: "Assignments");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_Running",
                table: "Assignments",
                columns: new[] { "State", "ReportSubmittedOn", "PausedAt", "AgencyId", "FirstRespondedAt", "FirstResponseDueOn", "CompletionDueOn", "OfficerUserId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assignments_Running",
                table: "Assignments");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_Running",
                table: "Assignments",
                columns: new[] { "State", "ReportSubmittedOn", "PausedAt", "AgencyId", "FirstRespondedAt", "FirstResponseDueOn", "CompletionDueOn" });
        }
    }
}
