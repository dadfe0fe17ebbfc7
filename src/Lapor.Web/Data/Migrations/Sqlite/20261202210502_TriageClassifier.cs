using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Web.Data.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrainedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TrainedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SampleSize = table.Column<int>(type: "INTEGER", nullable: false),
                    TestSize = table.Column<int>(type: "INTEGER", nullable: false),
                    AgencyClasses = table.Column<int>(type: "INTEGER", nullable: false),
                    TrainingMilliseconds = table.Column<long>(type: "INTEGER", nullable: false),
                    AgencyTop1 = table.Column<double>(type: "REAL", nullable: false),
                    AgencyTop3 = table.Column<double>(type: "REAL", nullable: false),
                    CategoryTop1 = table.Column<double>(type: "REAL", nullable: false),
                    BaselineAgencyTop1 = table.Column<double>(type: "REAL", nullable: false),
                    AgencyModel = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CategoryModel = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TriageModels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TriageSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Threshold = table.Column<double>(type: "REAL", nullable: false),
                    TrainingClaimedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TrainingClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TriageSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TriageSuggestions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<long>(type: "INTEGER", nullable: false),
                    ModelId = table.Column<int>(type: "INTEGER", nullable: false),
                    SuggestedAgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    AgencyConfidence = table.Column<double>(type: "REAL", nullable: true),
                    SuggestedCategoryId = table.Column<int>(type: "INTEGER", nullable: true),
                    CategoryConfidence = table.Column<double>(type: "REAL", nullable: true),
                    Preselected = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChosenAgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    ChosenAgencyCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ChosenCategoryId = table.Column<int>(type: "INTEGER", nullable: true),
                    AgencyTaken = table.Column<bool>(type: "INTEGER", nullable: false),
                    CategoryTaken = table.Column<bool>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
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
