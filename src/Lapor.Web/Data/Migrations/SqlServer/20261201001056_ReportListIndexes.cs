using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ReportListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_IsConfidential_Status_SubmittedAt",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_Status_SubmittedAt",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Status_IsReturned_SubmittedAt",
                table: "Reports",
                columns: new[] { "Status", "IsReturned", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_SubmittedAt",
                table: "Reports",
                column: "SubmittedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_Status_IsReturned_SubmittedAt",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_SubmittedAt",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_IsConfidential_Status_SubmittedAt",
                table: "Reports",
                columns: new[] { "IsConfidential", "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Status_SubmittedAt",
                table: "Reports",
                columns: new[] { "Status", "SubmittedAt" });
        }
    }
}
