using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Lapor.Web.Data.Search;

/// <summary>
/// PostgreSQL: generated tsvector columns with GIN indexes (created by <see cref="CreateIndexes"/> in the
/// Postgres migration set, outside the EF model so entity queries never read them back), searched with
/// to_tsquery prefix terms and ranked with ts_rank. The text configuration is <c>simple</c> (plus unaccent):
/// PostgreSQL ships no Indonesian dictionary, so words are only lower-cased, never stemmed (as on SQLite's
/// FTS5; <see cref="Domain.Reports.SearchTerms"/> widens the query side instead).
/// </summary>
public static class PostgresReportSearch
{
    /// <summary>PostgreSQL's "simple" configuration with accents removed (<see cref="CreateIndexes"/>).</summary>
    private const string Configuration = "lapor_simple";

    /// <summary>ts_rank's weights for D, C, B, A. Public search: title (A) four times an answer (D), the text (B) twice.</summary>
    private const string PublicWeights = "ARRAY[0.25, 0.25, 0.5, 1.0]::float4[]";

    /// <summary>Similar reports: title and place (A) three times the text (B), as SQLite's bm25 weights.</summary>
    private const string SimilarWeights = "ARRAY[0.1, 0.1, 0.33, 1.0]::float4[]";

    /// <summary>
    /// Reports."PublicText": the public title (or the title) and the public summary (or the text) of a
    /// public report, null for the others; Messages."PublicText": a public answer's text. Reports."SimilarText":
    /// every report's title, place and text, for <see cref="Similar"/>.
    /// </summary>
    public static void CreateIndexes(MigrationBuilder migrationBuilder)
    {
        // "simple" without accents, as SQLite's remove_diacritics: "kafé" is indexed as "kafe". unaccent
        // ships with PostgreSQL (contrib) and is a trusted extension, so the database's owner may create it.
        migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
        migrationBuilder.Sql($"CREATE TEXT SEARCH CONFIGURATION {Configuration} (COPY = simple);");
        migrationBuilder.Sql($"ALTER TEXT SEARCH CONFIGURATION {Configuration} ALTER MAPPING FOR word, hword, hword_part, numword, numhword, hword_numpart WITH unaccent, simple;");
        migrationBuilder.Sql("""
            ALTER TABLE "Reports" ADD COLUMN "PublicText" tsvector GENERATED ALWAYS AS (CASE WHEN "IsPublic" THEN
                setweight(to_tsvector('lapor_simple', coalesce("PublicTitle", "Title", '')), 'A') || setweight(to_tsvector('lapor_simple', coalesce("PublicSummary", "Body", '')), 'B')
                END) STORED;
            """);
        migrationBuilder.Sql("""CREATE INDEX "IX_Reports_PublicText" ON "Reports" USING GIN ("PublicText");""");
        migrationBuilder.Sql("""
            ALTER TABLE "Reports" ADD COLUMN "SimilarText" tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('lapor_simple', coalesce("Title", '')), 'A') || setweight(to_tsvector('lapor_simple', coalesce("Location", '')), 'A')
                || setweight(to_tsvector('lapor_simple', coalesce("Body", '')), 'B')) STORED;
            """);
        migrationBuilder.Sql("""CREATE INDEX "IX_Reports_SimilarText" ON "Reports" USING GIN ("SimilarText");""");
        migrationBuilder.Sql("""
            ALTER TABLE "Messages" ADD COLUMN "PublicText" tsvector GENERATED ALWAYS AS (CASE WHEN "Visibility" = 'Public' THEN
                setweight(to_tsvector('lapor_simple', coalesce("Body", '')), 'D') END) STORED;
            """);
        migrationBuilder.Sql("""CREATE INDEX "IX_Messages_PublicText" ON "Messages" USING GIN ("PublicText");""");
    }

    /// <summary>
    /// Public reports holding every term, the words allowed in different fields (the report's own public
    /// text or a public answer), as on SQLite and SQL Server: one match set per term and field, kept when
    /// every term matched; the ranks are summed.
    /// </summary>
    public static IQueryable<SearchHit> Search(DbContext db, IReadOnlyList<IReadOnlyList<string>> terms)
    {
        ArgumentOutOfRangeException.ThrowIfZero(terms.Count);

        // Only fixed text and parameter placeholders ({0}, {1}…) go into the statement; the words are parameters.
        var parts = new List<string>();
        for (var i = 0; i < terms.Count; i++)
        {
            parts.Add($$"""SELECT {{i}} AS "Term", r."Id" AS "ReportId", ts_rank({{PublicWeights}}, r."PublicText", q) AS "Score" FROM "Reports" AS r, to_tsquery('lapor_simple', {{{i}}}) AS q WHERE r."PublicText" @@ q""");
            parts.Add($$"""SELECT {{i}}, m."ReportId", ts_rank({{PublicWeights}}, m."PublicText", q) FROM "Messages" AS m JOIN "Reports" AS r ON r."Id" = m."ReportId", to_tsquery('lapor_simple', {{{i}}}) AS q WHERE m."PublicText" @@ q AND r."IsPublic" """);
        }

        var sql = new StringBuilder("""SELECT h."ReportId", SUM(h."Score")::float8 AS "Score" FROM (""")
            .AppendJoin(" UNION ALL ", parts)
            .Append($$""") AS h GROUP BY h."ReportId" HAVING COUNT(DISTINCT h."Term") = {{terms.Count}}""")
            .ToString();
        return db.Database.SqlQuery<SearchHit>(FormattableStringFactory.Create(sql, [.. terms.Select(Query)]));
    }

    /// <summary>
    /// Reports filed from <paramref name="since"/> on and before <paramref name="beforeReportId"/> whose title,
    /// place or text holds any of the terms: the best <paramref name="limit"/> by ts_rank (newest first among equals).
    /// </summary>
    public static IQueryable<SearchHit> Similar(DbContext db, IReadOnlyList<IReadOnlyList<string>> terms, long beforeReportId, DateTimeOffset since, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfZero(terms.Count);
        var query = string.Join(" | ", terms.SelectMany(t => t).Distinct(StringComparer.Ordinal).Select(Prefix));
        const string Sql = $$"""
            SELECT r."Id" AS "ReportId", ts_rank({{SimilarWeights}}, r."SimilarText", q)::float8 AS "Score"
            FROM "Reports" AS r, to_tsquery('lapor_simple', {0}) AS q
            WHERE r."SimilarText" @@ q AND r."Id" < {1} AND r."SubmittedAt" >= {2}
            ORDER BY 2 DESC, r."Id" DESC LIMIT {3}
            """;
        return db.Database.SqlQuery<SearchHit>(FormattableStringFactory.Create(Sql, query, beforeReportId, since.ToUniversalTime(), limit));
    }

    /// <summary>One term as a tsquery: any of its forms as a quoted prefix (nothing inside the quotes is syntax).</summary>
    public static string Query(IReadOnlyList<string> forms) => string.Join(" | ", forms.Select(Prefix));

    private static string Prefix(string form) => $"'{form.Replace("'", "''", StringComparison.Ordinal)}':*";
}
