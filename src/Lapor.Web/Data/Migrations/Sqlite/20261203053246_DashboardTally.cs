using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardTally : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DashboardTallies",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Bucket = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    OnTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardTallies", x => new { x.Month, x.Measure, x.AgencyId, x.Bucket });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DashboardTallies");
        }
    }
}
