using System.Runtime.CompilerServices;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Data.Search;

/// <summary>
/// SQLite: the FTS5 table "ReportSearch" (migration PublicSearch) holds one row per public report,
/// rowid = report id: its public title, its public text and its public answers, kept by triggers
/// on Reports and Messages. bm25 ranks, a title hit weighing four times an answer's.
/// </summary>
public static class SqliteReportSearch
{
    public static IQueryable<SearchHit> Search(DbContext db, IReadOnlyList<IReadOnlyList<string>> terms) =>
        db.Database.SqlQuery<SearchHit>($"""
            SELECT "rowid" AS "ReportId", -bm25("ReportSearch", 4.0, 2.0, 1.0) AS "Score" FROM "ReportSearch" WHERE "ReportSearch" MATCH {MatchExpression(terms)}
            """);

    /// <summary>
    /// The FTS5 table "ReportText" (migration SimilarReports) indexes every report's title, text and
    /// location (external content: the text stays in Reports only). Any term may match; bm25 ranks, the
    /// title and the place weighing more than the text. Only reports filed from <paramref name="since"/>
    /// on: ids follow filing, so the first such report's id bounds the index's rowid range and the ranking
    /// reads only that stretch of the index (one seek on IX_Reports_SubmittedAt). The cap is applied in the
    /// index, before the caller joins the reports. With a place (the support offer at filing) the same search
    /// reads "OfferableText" (migration OfferableText), which holds only the reports that may be offered, and only
    /// those at the citizen's place (<see cref="SupportOffer.PlaceQuery"/>). With <paramref name="sharing"/>, only those
    /// holding a word of the problem (looked up apart, so that bm25 weighs each term once).
    /// </summary>
    public static IQueryable<SearchHit> Similar(DbContext db, IReadOnlyList<IReadOnlyList<string>> terms, long beforeReportId, DateTimeOffset since, int limit, SupportOffer.PlaceQuery? offerableAt = null, SupportOffer.ProblemQuery? sharing = null)
    {
        // SubmittedAt as the column stores it, through the model's own converter (built once per model: a new converter
        // compiled a dynamic method on each call, and freeing those cost the portal a tenth of its CPU while citizens filed).
        var stored = db.Model.FindEntityType(typeof(Report))!.FindProperty(nameof(Report.SubmittedAt))!.GetTypeMapping().Converter;
        var from = (long)(stored?.ConvertToProvider(since) ?? throw new InvalidOperationException("SQLite stores SubmittedAt through a converter."));
        List<object> parameters = [AnyTermExpression(terms), beforeReportId, from, limit];
        var (index, place) = ("ReportText", "");
        if (offerableAt is not null)
        {
            // Only reports a citizen may be offered to support: their own index (migration OfferableText), 3% of the
            // reports in the bench's million, and of those only the ones at the citizen's place: a word of the location
            // (the index's Location column) or a point in the box (Latitude is stored as text, so compared as a number).
            List<string> arms = [];
            if (offerableAt.Beginnings.Count > 0)
            {
                // "+": a filter on the rows the text search found, not handed to FTS5 as rowids to look up one by one (each
                // one a whole MATCH: 30 times slower at a million reports).
                arms.Add($$"""
                    +"rowid" IN (SELECT "rowid" FROM "OfferableText" WHERE "OfferableText" MATCH {{{parameters.Count}}})
                    """);
                parameters.Add(PlaceExpression(offerableAt));
            }

            if (offerableAt.Near is { } box)
            {
                arms.Add($$"""
                    EXISTS (SELECT 1 FROM "Reports" AS p WHERE p."Id" = "OfferableText"."rowid"
                        AND CAST(p."Latitude" AS REAL) BETWEEN {{{parameters.Count}}} AND {{{parameters.Count + 1}}} AND CAST(p."Longitude" AS REAL) BETWEEN {{{parameters.Count + 2}}} AND {{{parameters.Count + 3}}})
                    """);
                parameters.AddRange([box.South, box.North, box.West, box.East]);
            }

            (index, place) = ("OfferableText", $"AND ({string.Join(" OR ", arms)})");
        }

        if (sharing is not null)
        {
            place += $$"""
                 AND +"rowid" IN (SELECT "rowid" FROM "{{index}}" WHERE "{{index}}" MATCH {{{parameters.Count}}})
                """;
            parameters.Add(AnyTermExpression([sharing.Beginnings]));
        }

        var sql = $$"""
            SELECT "rowid" AS "ReportId", -bm25("{{index}}", 3.0, 1.0, 3.0) AS "Score" FROM "{{index}}"
            WHERE "{{index}}" MATCH {0} AND "rowid" < {1}
                AND "rowid" >= COALESCE((SELECT "Id" FROM "Reports" WHERE "SubmittedAt" >= {2} ORDER BY "SubmittedAt" LIMIT 1), {1})
                {{place}}
            ORDER BY bm25("{{index}}", 3.0, 1.0, 3.0) LIMIT {3}
            """;
        return db.Database.SqlQuery<SearchHit>(FormattableStringFactory.Create(sql, [.. parameters]));
    }

    /// <summary>A word of the location beginning with one of the place's forms, or equal to one of its words.</summary>
    public static string PlaceExpression(SupportOffer.PlaceQuery place) =>
        $"Location : ({string.Join(" OR ", place.Beginnings.Select(f => $"{Quoted(f)}*").Concat(place.Words.Select(Quoted)))})";

    /// <summary>A form in double quotes: FTS5 reads nothing inside quotes as syntax.</summary>
    private static string Quoted(string form) => $"\"{form.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>Any of the terms, each a quoted prefix.</summary>
    public static string AnyTermExpression(IReadOnlyList<IReadOnlyList<string>> terms)
    {
        ArgumentOutOfRangeException.ThrowIfZero(terms.Count);
        return string.Join(" OR ", terms.SelectMany(t => t).Distinct(StringComparer.Ordinal).Select(f => $"{Quoted(f)}*"));
    }

    /// <summary>Every term, each a quoted prefix (or a choice of them): FTS5 reads nothing inside quotes as syntax.</summary>
    public static string MatchExpression(IReadOnlyList<IReadOnlyList<string>> terms)
    {
        ArgumentOutOfRangeException.ThrowIfZero(terms.Count);
        static string Prefix(string form) => $"{Quoted(form)}*";
        return string.Join(" AND ", terms.Select(t => t.Count == 1 ? Prefix(t[0]) : $"({string.Join(" OR ", t.Select(Prefix))})"));
    }
}
