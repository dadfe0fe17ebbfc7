using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// The open reports by status, filing day and due day: "who is late" counts the verifications past their due day,
    /// and the dashboard the open reports of a period, from this index alone.
    /// </summary>
    public partial class OpenReportsByStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Reports_Status_SubmittedOn_VerifyDueOn",
                table: "Reports",
                columns: new[] { "Status", "SubmittedOn", "VerifyDueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_Status_SubmittedOn_VerifyDueOn",
                table: "Reports");
        }
    }
}
