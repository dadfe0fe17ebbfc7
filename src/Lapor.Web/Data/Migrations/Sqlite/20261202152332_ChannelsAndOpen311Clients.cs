using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChannelsAndOpen311Clients : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ApiClientId",
                table: "Reports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WebhookSecret",
                table: "ApiClients",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WebhookUrl",
                table: "ApiClients",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ApiSubmissions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApiClientId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportId = table.Column<long>(type: "INTEGER", nullable: false),
                    BodyHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DeviceId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiSubmissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiSubmissions_ApiClients_ApiClientId",
                        column: x => x.ApiClientId,
                        principalTable: "ApiClients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ApiSubmissions_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChannelContacts",
                columns: table => new
                {
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AddressHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LastInboundAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelContacts", x => new { x.Channel, x.AddressHash });
                });

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
                name: "IX_RoutingEntries_OccurredAt",
                table: "RoutingEntries",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_ReporterIdentities_ReplyChannel_ReplyTo",
                table: "ReporterIdentities",
                columns: new[] { "ReplyChannel", "ReplyTo" });

            migrationBuilder.CreateIndex(
                name: "IX_ApiSubmissions_ApiClientId_BodyHash_ReceivedAt",
                table: "ApiSubmissions",
                columns: new[] { "ApiClientId", "BodyHash", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ApiSubmissions_ApiClientId_IdempotencyKey",
                table: "ApiSubmissions",
                columns: new[] { "ApiClientId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiSubmissions_ReportId",
                table: "ApiSubmissions",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ChannelContacts_LastInboundAt",
                table: "ChannelContacts",
                column: "LastInboundAt");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationReceipts_ReportId",
                table: "ConversationReceipts",
                column: "ReportId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiSubmissions");

            migrationBuilder.DropTable(
                name: "ChannelContacts");

            migrationBuilder.DropTable(
                name: "ConversationReceipts");

            migrationBuilder.DropIndex(
                name: "IX_RoutingEntries_OccurredAt",
                table: "RoutingEntries");

            migrationBuilder.DropIndex(
                name: "IX_ReporterIdentities_ReplyChannel_ReplyTo",
                table: "ReporterIdentities");

            // SQLite's own DROP COLUMN, not EF's rebuild of Reports: a rebuild would trip the search triggers (PublicSearch) on the table it renames.
            migrationBuilder.Sql("""ALTER TABLE "Reports" DROP COLUMN "ApiClientId";""");

            migrationBuilder.DropColumn(
                name: "WebhookSecret",
                table: "ApiClients");

            migrationBuilder.DropColumn(
                name: "WebhookUrl",
                table: "ApiClients");
        }
    }
}
