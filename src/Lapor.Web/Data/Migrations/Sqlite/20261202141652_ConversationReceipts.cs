using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConversationReceipts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConversationReceipts",
                columns: table => new
                {
                    Token = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationReceipts", x => x.Token);
                    table.ForeignKey(
                        name: "FK_ConversationReceipts_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReporterIdentities_ReplyChannel_ReplyTo",
                table: "ReporterIdentities",
                columns: new[] { "ReplyChannel", "ReplyTo" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationReceipts_ReportId",
                table: "ConversationReceipts",
                column: "ReportId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConversationReceipts");

            migrationBuilder.DropIndex(
                name: "IX_ReporterIdentities_ReplyChannel_ReplyTo",
                table: "ReporterIdentities");
        }
    }
}
