using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VillageOperators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ServicePoint",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 150,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OperatorFilings",
                columns: table => new
                {
                    ReportId = table.Column<long>(type: "INTEGER", nullable: false),
                    OperatorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ServicePoint = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    ConsentWording = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ConsentRecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OperatorFilings", x => x.ReportId);
                    table.ForeignKey(
                        name: "FK_OperatorFilings_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OperatorFilings_OperatorUserId_ReportId",
                table: "OperatorFilings",
                columns: new[] { "OperatorUserId", "ReportId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OperatorFilings");

            migrationBuilder.DropColumn(
                name: "ServicePoint",
                table: "AspNetUsers");
        }
    }
}
