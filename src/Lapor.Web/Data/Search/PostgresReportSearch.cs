using System.Runtime.CompilerServices;
using Lapor.Web.Domain.Reports;
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
        migrationBuilder.Sql($"""ALTER TABLE "Reports" {ReportsColumns(text => text)};""");
        migrationBuilder.Sql("""CREATE INDEX "IX_Reports_PublicText" ON "Reports" USING GIN ("PublicText");""");
        migrationBuilder.Sql("""CREATE INDEX "IX_Reports_SimilarText" ON "Reports" USING GIN ("SimilarText");""");
        migrationBuilder.Sql($"""ALTER TABLE "Messages" {MessagesColumns(text => text)};""");
        migrationBuilder.Sql("""CREATE INDEX "IX_Messages_PublicText" ON "Messages" USING GIN ("PublicText");""");
    }

    /// <summary>
    /// The search columns again (migration SearchWords), each text read with its punctuation as spaces
    /// (<see cref="Words"/>): PostgreSQL's parser takes "Jl.Melati" for one host name and "RT-02" for a word and a
    /// negative number, so a search for "melati" missed what SQLite's FTS5 finds. One rewrite of each table.
    /// <paramref name="words"/> false puts the columns back as <see cref="CreateIndexes"/> made them.
    /// </summary>
    public static void RecreateSearchColumns(MigrationBuilder migrationBuilder, bool words = true)
    {
        Func<string, string> text = words ? Words : t => t;
        migrationBuilder.Sql($"""ALTER TABLE "Reports" DROP COLUMN "PublicText", DROP COLUMN "SimilarText", {ReportsColumns(text)};""");
        migrationBuilder.Sql("""CREATE INDEX "IX_Reports_PublicText" ON "Reports" USING GIN ("PublicText");""");
        migrationBuilder.Sql("""CREATE INDEX "IX_Reports_SimilarText" ON "Reports" USING GIN ("SimilarText");""");
        migrationBuilder.Sql($"""ALTER TABLE "Messages" DROP COLUMN "PublicText", {MessagesColumns(text)};""");
        migrationBuilder.Sql("""CREATE INDEX "IX_Messages_PublicText" ON "Messages" USING GIN ("PublicText");""");
        migrationBuilder.Sql("""ANALYZE "Reports", "Messages";""");
    }

    private static string ReportsColumns(Func<string, string> text) => $$"""
        ADD COLUMN "PublicText" tsvector GENERATED ALWAYS AS (CASE WHEN "IsPublic" THEN
            setweight(to_tsvector('lapor_simple', {{text("""coalesce("PublicTitle", "Title", '')""")}}), 'A')
            || setweight(to_tsvector('lapor_simple', {{text("""coalesce("PublicSummary", "Body", '')""")}}), 'B') END) STORED,
        ADD COLUMN "SimilarText" tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('lapor_simple', {{text("""coalesce("Title", '')""")}}), 'A') || setweight(to_tsvector('lapor_simple', {{text("""coalesce("Location", '')""")}}), 'A')
            || setweight(to_tsvector('lapor_simple', {{text("""coalesce("Body", '')""")}}), 'B')) STORED
        """;

    private static string MessagesColumns(Func<string, string> text) => $$"""
        ADD COLUMN "PublicText" tsvector GENERATED ALWAYS AS (CASE WHEN "Visibility" = 'Public' THEN
            setweight(to_tsvector('lapor_simple', {{text("""coalesce("Body", '')""")}}), 'D') END) STORED
        """;

    /// <summary>
    /// A text as <see cref="SearchTerms.Words"/> reads it: each run of punctuation a space, so the parser sees the
    /// words SQLite's FTS5 and the query side see ("Jl.Melati" is "Jl" and "Melati").
    /// </summary>
    private static string Words(string text) => $"regexp_replace({text}, '[[:punct:]]+', ' ', 'g')";

    /// <summary>
    /// The reports a citizen may be offered to support at filing, by filing time (16% of the offer's 90 days at a
    /// million reports). The offer's search now starts from the place (<see cref="CreateOfferablePlaceIndexes"/>);
    /// this index is what the planner falls back on when it expects a place's words to match most reports,
    /// instead of reading the whole table. The predicate is the query's own, word for word, so the planner can
    /// prove the index covers it.
    /// </summary>
    public static void CreateOfferableIndex(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql($"""CREATE INDEX "IX_Reports_Offerable" ON "Reports" ("SubmittedAt") WHERE {Offerable};""");

    /// <summary>
    /// The support offer's look-ups by place (<see cref="Similar"/> with a place): the words of each offerable
    /// report's location, and its point. The location's punctuation is read as a space, as
    /// <see cref="Domain.Reports.SearchTerms.Words"/> reads it: PostgreSQL's parser takes "Jl.Melati" for a host
    /// name, one word, where the citizen's "Melati" must find it. The query repeats the expressions word for word,
    /// so the planner matches them and proves the predicate.
    /// </summary>
    public static void CreateOfferablePlaceIndexes(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""CREATE INDEX "IX_Reports_OfferablePlace" ON "Reports" USING GIN ({PlaceWords}) WHERE {Offerable};""");
        migrationBuilder.Sql($"""CREATE INDEX "IX_Reports_OfferablePoint" ON "Reports" ("Latitude", "Longitude") WHERE {Offerable};""");

        // An expression index's statistics come only with the table's next ANALYZE; until then the planner guessed
        // the place's reports at every offerable report of the period, and read them all (60 ms instead of 2 at a million).
        migrationBuilder.Sql("""ANALYZE "Reports";""");
    }

    /// <summary>The words of a report's location, for <see cref="CreateOfferablePlaceIndexes"/>.</summary>
    internal static readonly string PlaceWords = $"""to_tsvector('lapor_simple', {Words("coalesce(\"Location\", '')")})""";

    /// <summary>Public, named, neither archived nor completed: what the support offer at filing may offer.</summary>
    internal const string Offerable = "\"IsPublic\" AND NOT \"IsAnonymous\" AND \"Status\" <> 'Archived' AND \"Status\" <> 'Completed'";

    /// <summary>
    /// Public reports holding every term, the words allowed in different fields (the report's own public
    /// text or a public answer), as on SQLite and SQL Server; the score is the sum of each term's ts_rank in
    /// the report's text and in every public answer holding it. Without <paramref name="ranked"/> the score is
    /// 0: a count needs no rank, and ranking reads every match's text.
    /// <para>
    /// Written for the planner at a million reports (bench/README.md, issue 22): most matches hold every term
    /// in their own text, found by one GIN lookup of all terms together; only reports with a public answer
    /// holding some term are checked term by term. The answers are looked up one prefix at a time, because
    /// PostgreSQL guesses an OR of prefixes to match a tenth of the table and reads all of it instead of the index.
    /// </para>
    /// </summary>
    public static IQueryable<SearchHit> Search(DbContext db, IReadOnlyList<IReadOnlyList<string>> terms, bool ranked = true)
    {
        ArgumentOutOfRangeException.ThrowIfZero(terms.Count);

        // Only fixed text and parameter placeholders go into the statement; the words are parameters:
        // {0}…{n-1} each term's tsquery, then one parameter per form of a term for the answers' look-ups.
        var forms = terms.SelectMany(t => t).Distinct(StringComparer.Ordinal).ToList();
        string Term(int i) => $"to_tsquery('lapor_simple', {{{i}}})";
        string Rank(string column, int i) => $"ts_rank({PublicWeights}, {column}, {Term(i)})";
        var range = Enumerable.Range(0, terms.Count).ToList();
        const string ReportText = "r.\"PublicText\"", AnswerText = "a.\"PublicText\"";
        var every = string.Join(" && ", range.Select(Term));

        var answers = string.Join(" UNION ALL ", forms.Select((_, f) =>
            $$"""SELECT "Id", "ReportId", "PublicText" FROM "Messages" WHERE "PublicText" @@ to_tsquery('lapor_simple', {{{terms.Count + f}}})"""));
        var holds = string.Join(", ", range.Select(i => $"""bool_or(a."PublicText" @@ {Term(i)}) AS "T{i}" """));
        var answerScore = ranked
            ? string.Join(" + ", range.Select(i => $"""CASE WHEN a."PublicText" @@ {Term(i)} THEN {Rank(AnswerText, i)} ELSE 0 END"""))
            : "0";
        var ownScore = ranked ? string.Join(" + ", range.Select(i => Rank(ReportText, i))) : "0";
        var partScore = ranked
            ? string.Join(" + ", range.Select(i => $"""CASE WHEN r."PublicText" @@ {Term(i)} THEN {Rank(ReportText, i)} ELSE 0 END"""))
            : "0";
        var eachTerm = string.Join(" AND ", range.Select(i => $"""(f."T{i}" OR r."PublicText" @@ {Term(i)})"""));

        var sql = $$"""
            WITH answers AS MATERIALIZED (SELECT DISTINCT ON (m."Id") m."ReportId", m."PublicText" FROM ({{answers}}) AS m),
            found AS (SELECT a."ReportId", {{holds}}, SUM({{answerScore}}) AS "Score" FROM answers AS a GROUP BY a."ReportId")
            SELECT r."Id" AS "ReportId", ({{ownScore}} + COALESCE(f."Score", 0))::float8 AS "Score"
            FROM "Reports" AS r LEFT JOIN found AS f ON f."ReportId" = r."Id"
            WHERE r."PublicText" @@ ({{every}})
            UNION ALL
            SELECT r."Id", ({{partScore}} + f."Score")::float8
            FROM found AS f JOIN "Reports" AS r ON r."Id" = f."ReportId"
            WHERE r."IsPublic" AND NOT (r."PublicText" @@ ({{every}})) AND {{eachTerm}}
            """;
        return db.Database.SqlQuery<SearchHit>(FormattableStringFactory.Create(sql, [.. terms.Select(Query), .. forms.Select(Prefix)]));
    }

    /// <summary>
    /// Reports filed from <paramref name="since"/> on and before <paramref name="beforeReportId"/> whose title,
    /// place or text holds any of the terms: the best <paramref name="limit"/> by ts_rank (newest first among equals).
    /// With <paramref name="offerableAt"/> only reports a citizen may be offered to support, at that place: the
    /// words of their location (<see cref="CreateOfferablePlaceIndexes"/>) or their point in the box; the index
    /// hands over a few hundred reports instead of every offerable report of the period, and only those are ranked.
    /// With <paramref name="sharing"/>, only those holding a word of the problem are ranked.
    /// </summary>
    public static IQueryable<SearchHit> Similar(DbContext db, IReadOnlyList<IReadOnlyList<string>> terms, long beforeReportId, DateTimeOffset since, int limit, SupportOffer.PlaceQuery? offerableAt = null, SupportOffer.ProblemQuery? sharing = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(terms.Count);
        var query = string.Join(" | ", terms.SelectMany(t => t).Distinct(StringComparer.Ordinal).Select(Prefix));
        List<object> parameters = [query, beforeReportId, since.ToUniversalTime(), limit];
        var (place, source) = ("", "\"Reports\"");
        if (offerableAt is not null)
        {
            List<string> arms = [];
            if (offerableAt.Beginnings.Count > 0)
            {
                arms.Add($"{PlaceWords} @@ to_tsquery('lapor_simple', {{{parameters.Count}}})");
                parameters.Add(string.Join(" | ", offerableAt.Beginnings.Select(Prefix).Concat(offerableAt.Words.Select(Word))));
            }

            if (offerableAt.Near is { } box)
            {
                // numeric parameters, as the columns are: a float8 one would compare the columns as float8 and miss the index.
                arms.Add($$"""("Latitude" BETWEEN {{{parameters.Count}}} AND {{{parameters.Count + 1}}} AND "Longitude" BETWEEN {{{parameters.Count + 2}}} AND {{{parameters.Count + 3}}})""");
                parameters.AddRange([(decimal)box.South, (decimal)box.North, (decimal)box.West, (decimal)box.East]);
            }

            // The place's reports first (a few hundred), then the period and the text among them only: left to itself
            // the planner guesses a place's reports by the thousand and intersects or joins them with the 60,000 of the
            // period (15 and 150 ms at a million reports, against 2).
            place = $"""
                WITH place AS MATERIALIZED (
                    SELECT "Id", "SubmittedAt", "SimilarText" FROM "Reports" WHERE {Offerable} AND ({string.Join(" OR ", arms)}))
                """;
            source = "place";
        }

        var (problem, holdsProblem) = ("", "");
        if (sharing is not null)
        {
            // A filter on what the place handed over, never an index look-up: ranking is what costs (at 5M a district's
            // 1,580 open reports took 8 ms to rank, most of them about other problems), and the prefixes of a problem's
            // words are common enough that even the offerable reports' index took 12 ms to intersect them. The query is
            // made once in FROM: to_tsquery is only stable, so written in WHERE it would be parsed again for every row.
            (problem, holdsProblem) = ($", to_tsquery('lapor_simple', {{{parameters.Count}}}) AS p", "r.\"SimilarText\" @@ p AND");
            parameters.Add(Query(sharing.Beginnings));
        }

        var sql = $$"""
            {{place}}
            SELECT r."Id" AS "ReportId", ts_rank({{SimilarWeights}}, r."SimilarText", q)::float8 AS "Score"
            FROM {{source}} AS r, to_tsquery('lapor_simple', {0}) AS q{{problem}}
            WHERE {{holdsProblem}} r."SimilarText" @@ q AND r."Id" < {1} AND r."SubmittedAt" >= {2}
            ORDER BY 2 DESC, r."Id" DESC LIMIT {3}
            """;
        return db.Database.SqlQuery<SearchHit>(FormattableStringFactory.Create(sql, [.. parameters]));
    }

    /// <summary>One term as a tsquery: any of its forms as a quoted prefix (nothing inside the quotes is syntax).</summary>
    public static string Query(IReadOnlyList<string> forms) => string.Join(" | ", forms.Select(Prefix));

    private static string Prefix(string form) => $"{Word(form)}:*";

    /// <summary>A word exactly, quoted.</summary>
    private static string Word(string form) => $"'{form.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal)}'";
}
