using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// Similar reports at verification (issue 21): an FTS5 table over every report's title, text and
    /// location, not only the public ones (the public search keeps its own table). External content:
    /// the text stays in Reports, the index holds only the words. Kept by triggers on Reports, which
    /// remove a row with its old values (FTS5's rule for external content). A later migration that
    /// rebuilds Reports drops these triggers: SearchIndexMigrationTests checks that they are there.
    /// </summary>
    public partial class SimilarReports : Migration
    {
        public static readonly string[] Triggers = ["Reports_Text_Insert", "Reports_Text_Update", "Reports_Text_Delete"];

        private const string Remove = """
            INSERT INTO "ReportText" ("ReportText", "rowid", "Title", "Body", "Location") VALUES ('delete', OLD."Id", OLD."Title", OLD."Body", OLD."Location");
            """;

        private const string Add = """
            INSERT INTO "ReportText" ("rowid", "Title", "Body", "Location") VALUES (NEW."Id", NEW."Title", NEW."Body", NEW."Location");
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ReportText" USING fts5("Title", "Body", "Location", content = 'Reports', content_rowid = 'Id', tokenize = 'unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""INSERT INTO "ReportText" ("ReportText") VALUES ('rebuild');""");
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Reports_Text_Insert" AFTER INSERT ON "Reports" BEGIN
                {Add}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Reports_Text_Update" AFTER UPDATE OF "Title", "Body", "Location" ON "Reports" BEGIN
                {Remove}
                {Add}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Reports_Text_Delete" AFTER DELETE ON "Reports" BEGIN
                {Remove}
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in Triggers)
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{trigger}";""");
            }

            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ReportText";""");
        }
    }
}
