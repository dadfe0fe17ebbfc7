using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Web.Data.Migrations.SqlServer
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
                type: "bit",
                nullable: false,
                defaultValue: false);

            // Existing reports: the rule Report.Touch applies from now on.
            migrationBuilder.Sql(SqlServerDeferred.Exec("""
                UPDATE [Reports] SET [IsPublic] = CAST(1 AS bit) WHERE [IsConfidential] = CAST(0 AS bit) AND [Status] IN (N'Dispositioned', N'InProgress', N'Completed');
                """));

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
