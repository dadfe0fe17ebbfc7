using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicFlag : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsPublic",
                table: "Reports",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Existing reports: the rule Report.Touch applies from now on.
            migrationBuilder.Sql("""
                UPDATE "Reports" SET "IsPublic" = 1 WHERE NOT "IsConfidential" AND "Status" IN ('Dispositioned', 'InProgress', 'Completed');
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Reports_IsPublic_SubmittedAt",
                table: "Reports",
                columns: new[] { "IsPublic", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_IsPublic_SubmittedAt",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "IsPublic",
                table: "Reports");
        }
    }
}
