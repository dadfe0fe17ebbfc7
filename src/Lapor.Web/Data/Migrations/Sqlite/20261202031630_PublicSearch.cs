using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// Full-text search over what the public may read (issue 18): an FTS5 table with one row per public
    /// report (rowid = report id), case- and accent-insensitive, kept by triggers on Reports and
    /// Messages so no code path (staff action, job, privacy redaction, a bulk UPDATE) can leave it
    /// behind. Each trigger rebuilds the report's row from the tables, so the order of the writes in
    /// one transaction does not matter. A later migration that rebuilds Reports or Messages drops their
    /// triggers: MigrationTests checks that they are all still there.
    /// </summary>
    public partial class PublicSearch : Migration
    {
        public static readonly string[] Triggers =
        [
            "Reports_Search_Insert", "Reports_Search_Update", "Reports_Search_Delete",
            "Messages_Search_Insert", "Messages_Search_Update", "Messages_Search_Delete",
        ];

        /// <summary>The public text of the public reports chosen by <paramref name="where"/>: what /laporan/{n} shows.</summary>
        private static string Rows(string where) => $"""
            INSERT INTO "ReportSearch" ("rowid", "Title", "Summary", "Answers")
            SELECT r."Id", COALESCE(r."PublicTitle", r."Title"), COALESCE(r."PublicSummary", r."Body"),
                (SELECT group_concat(m."Body", char(10)) FROM "Messages" AS m WHERE m."ReportId" = r."Id" AND m."Visibility" = 'Public')
            FROM "Reports" AS r WHERE r."IsPublic" AND {where};
            """;

        private static string Refresh(string reportId) => $"""
            DELETE FROM "ReportSearch" WHERE "rowid" = {reportId};
            {Rows($"r.\"Id\" = {reportId}")}
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ReportSearch" USING fts5("Title", "Summary", "Answers", tokenize = 'unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql(Rows("1"));

            // Only the columns the public text depends on wake the report triggers (not support counts or deadlines).
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Reports_Search_Insert" AFTER INSERT ON "Reports" WHEN NEW."IsPublic" BEGIN
                {Refresh("NEW.\"Id\"")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Reports_Search_Update" AFTER UPDATE OF "Title", "Body", "PublicTitle", "PublicSummary", "IsPublic" ON "Reports" BEGIN
                {Refresh("NEW.\"Id\"")}
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Reports_Search_Delete" AFTER DELETE ON "Reports" BEGIN
                DELETE FROM "ReportSearch" WHERE "rowid" = OLD."Id";
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Messages_Search_Insert" AFTER INSERT ON "Messages" WHEN NEW."Visibility" = 'Public' BEGIN
                {Refresh("NEW.\"ReportId\"")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Messages_Search_Update" AFTER UPDATE OF "Body", "Visibility" ON "Messages" BEGIN
                {Refresh("NEW.\"ReportId\"")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Messages_Search_Delete" AFTER DELETE ON "Messages" WHEN OLD."Visibility" = 'Public' BEGIN
                {Refresh("OLD.\"ReportId\"")}
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

            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ReportSearch";""");
        }
    }
}
