using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicPortal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportSupports",
                columns: table => new
                {
                    ReportId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSupports", x => new { x.ReportId, x.UserId });
                    table.ForeignKey(
                        name: "FK_ReportSupports_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ReportSupports_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_IsConfidential_Status_SubmittedAt",
                table: "Reports",
                columns: new[] { "IsConfidential", "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportSupports_UserId",
                table: "ReportSupports",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportSupports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_IsConfidential_Status_SubmittedAt",
                table: "Reports");
        }
    }
}
