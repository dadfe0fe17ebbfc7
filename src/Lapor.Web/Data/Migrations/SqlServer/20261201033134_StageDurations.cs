using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class StageDurations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assignments_ReportId",
                table: "Assignments");

            migrationBuilder.AddColumn<DateOnly>(
                name: "SubmittedOn",
                table: "Reports",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<bool>(
                name: "VerifiedOnTime",
                table: "Reports",
                type: "bit",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "VerifyWorkingDays",
                table: "Reports",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CompletedOnTime",
                table: "Assignments",
                type: "bit",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CompletionWorkingDays",
                table: "Assignments",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FirstResponseOnTime",
                table: "Assignments",
                type: "bit",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseWorkingDays",
                table: "Assignments",
                type: "int",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Dashboard",
                table: "Reports",
                columns: new[] { "SubmittedOn", "Status", "VerifyWorkingDays", "VerifiedOnTime", "FirstResponseAt", "TimesAccepted", "TimesRejected" });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_Dashboard",
                table: "Assignments",
                columns: new[] { "ReportId", "State", "AgencyId", "FirstResponseWorkingDays", "FirstResponseOnTime", "CompletionWorkingDays", "CompletedOnTime" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_Dashboard",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_Dashboard",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "SubmittedOn",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "VerifiedOnTime",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "VerifyWorkingDays",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "CompletedOnTime",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "CompletionWorkingDays",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "FirstResponseOnTime",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "FirstResponseWorkingDays",
                table: "Assignments");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_ReportId",
                table: "Assignments",
                column: "ReportId");
        }
    }
}
