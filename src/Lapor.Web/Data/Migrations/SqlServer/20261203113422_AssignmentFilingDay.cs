using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AssignmentFilingDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ReportSubmittedOn",
                table: "Assignments",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Existing assignments: their report's filing day.
            migrationBuilder.Sql(SqlServerDeferred.Exec("""
                UPDATE a SET [ReportSubmittedOn] = r.[SubmittedOn]
                FROM [Assignments] AS a INNER JOIN [Reports] AS r ON r.[Id] = a.[ReportId];
                """));

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_Running",
                table: "Assignments",
                columns: new[] { "State", "ReportSubmittedOn", "PausedAt", "AgencyId", "FirstRespondedAt", "FirstResponseDueOn", "CompletionDueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assignments_Running",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "ReportSubmittedOn",
                table: "Assignments");
        }
    }
}
