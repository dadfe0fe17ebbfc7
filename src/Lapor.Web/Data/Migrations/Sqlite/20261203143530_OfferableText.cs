using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// SQLite only: the words of the reports the support offer at filing may offer (public, named, neither archived nor
    /// completed), as PostgreSQL's partial index IX_Reports_Offerable. The offer's search runs on every guest filing; over
    /// "ReportText" its prefix terms merged the posting lists of every report, a quarter of the portal's CPU while filing
    /// at a million reports (bench/README.md, issue 22), though only 3% of them (28,603) may be offered.
    /// Contentless: the words only, the text stays in Reports. Triggers on Reports add a report when it becomes offerable
    /// and remove it by its id when it stops being so or its words change (contentless_delete, SQLite 3.43: a removal
    /// needs no copy of the words it was indexed with, so a stale entry cannot outlive its removal). A later migration
    /// that rebuilds Reports drops these triggers: SearchIndexMigrationTests checks that they are there. To repair the
    /// table, 'delete-all' and insert the offerable reports again ('rebuild' needs content).
    /// </summary>
    public partial class OfferableText : Migration
    {
        public static readonly string[] Triggers = ["Reports_Offerable_Insert", "Reports_Offerable_Update", "Reports_Offerable_Delete"];

        private static string Offerable(string row) =>
            $"""({row}."IsPublic" AND NOT {row}."IsAnonymous" AND {row}."Status" NOT IN ('Archived', 'Completed'))""";

        private static readonly string Remove = $"""
            DELETE FROM "OfferableText" WHERE "rowid" = OLD."Id" AND {Offerable("OLD")};
            """;

        private static readonly string Add = $"""
            INSERT INTO "OfferableText" ("rowid", "Title", "Body", "Location") SELECT NEW."Id", NEW."Title", NEW."Body", NEW."Location" WHERE {Offerable("NEW")};
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "OfferableText" USING fts5("Title", "Body", "Location", content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql($"""
                INSERT INTO "OfferableText" ("rowid", "Title", "Body", "Location") SELECT "Id", "Title", "Body", "Location" FROM "Reports" AS r WHERE {Offerable("r")};
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Reports_Offerable_Insert" AFTER INSERT ON "Reports" BEGIN
                {Add}
                END;
                """);
            // Only when the report becomes or stops being offerable, or an offerable report's words change: a status change
            // between two open statuses (most of them) leaves the index alone.
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Reports_Offerable_Update" AFTER UPDATE OF "Status", "IsPublic", "IsAnonymous", "Title", "Body", "Location" ON "Reports"
                WHEN {Offerable("OLD")} <> {Offerable("NEW")}
                    OR ({Offerable("NEW")} AND (OLD."Title" IS NOT NEW."Title" OR OLD."Body" IS NOT NEW."Body" OR OLD."Location" IS NOT NEW."Location"))
                BEGIN
                {Remove}
                {Add}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Reports_Offerable_Delete" AFTER DELETE ON "Reports" BEGIN
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

            migrationBuilder.Sql("""DROP TABLE IF EXISTS "OfferableText";""");
        }
    }
}
