using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class TriageClassifier : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TriageModels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TrainedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    TrainedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    SampleSize = table.Column<int>(type: "int", nullable: false),
                    TestSize = table.Column<int>(type: "int", nullable: false),
                    AgencyClasses = table.Column<int>(type: "int", nullable: false),
                    TrainingMilliseconds = table.Column<long>(type: "bigint", nullable: false),
                    AgencyTop1 = table.Column<double>(type: "float", nullable: false),
                    AgencyTop3 = table.Column<double>(type: "float", nullable: false),
                    CategoryTop1 = table.Column<double>(type: "float", nullable: false),
                    BaselineAgencyTop1 = table.Column<double>(type: "float", nullable: false),
                    AgencyModel = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    CategoryModel = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TriageModels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TriageSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    Threshold = table.Column<double>(type: "float", nullable: false),
                    TrainingClaimedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    TrainingClaimedUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TriageSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TriageSuggestions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReportId = table.Column<long>(type: "bigint", nullable: false),
                    ModelId = table.Column<int>(type: "int", nullable: false),
                    SuggestedAgencyId = table.Column<int>(type: "int", nullable: true),
                    AgencyConfidence = table.Column<double>(type: "float", nullable: true),
                    SuggestedCategoryId = table.Column<int>(type: "int", nullable: true),
                    CategoryConfidence = table.Column<double>(type: "float", nullable: true),
                    Preselected = table.Column<bool>(type: "bit", nullable: false),
                    ChosenAgencyId = table.Column<int>(type: "int", nullable: true),
                    ChosenAgencyCount = table.Column<int>(type: "int", nullable: false),
                    ChosenCategoryId = table.Column<int>(type: "int", nullable: true),
                    AgencyTaken = table.Column<bool>(type: "bit", nullable: false),
                    CategoryTaken = table.Column<bool>(type: "bit", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TriageSuggestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TriageSuggestions_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TriageSuggestions_ModelId_At",
                table: "TriageSuggestions",
                columns: new[] { "ModelId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_TriageSuggestions_ReportId",
                table: "TriageSuggestions",
                column: "ReportId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TriageModels");

            migrationBuilder.DropTable(
                name: "TriageSettings");

            migrationBuilder.DropTable(
                name: "TriageSuggestions");
        }
    }
}
