using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Culture",
                table: "ReporterIdentities",
                type: "TEXT",
                unicode: false,
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplyChannel",
                table: "ReporterIdentities",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplyTo",
                table: "ReporterIdentities",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RequireFollowUpValidation",
                table: "DeadlinePolicies",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ValidationRefusals",
                table: "Assignments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Culture",
                table: "ReporterIdentities");

            migrationBuilder.DropColumn(
                name: "ReplyChannel",
                table: "ReporterIdentities");

            migrationBuilder.DropColumn(
                name: "ReplyTo",
                table: "ReporterIdentities");

            migrationBuilder.DropColumn(
                name: "RequireFollowUpValidation",
                table: "DeadlinePolicies");

            migrationBuilder.DropColumn(
                name: "ValidationRefusals",
                table: "Assignments");
        }
    }
}
