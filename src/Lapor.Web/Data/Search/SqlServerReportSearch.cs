using System.Runtime.CompilerServices;
using System.Text;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Data.Search;

/// <summary>
/// SQL Server: the full-text index on Reports and Messages (migration PublicSearch, catalog
/// LaporSearch, accent-insensitive, neutral language, no stoplist) searched with CONTAINSTABLE,
/// one term at a time so the words may sit in different fields, as on SQLite. Only public text
/// counts: the public title or, when there is none, the title; the same for the summary; answers
/// whose visibility is Public. RANK is summed, title hits weighing four times an answer's.
/// </summary>
public static class SqlServerReportSearch
{
    private static readonly (string Table, string Column, int Weight, string Where)[] Fields =
    [
        ("Reports", "PublicTitle", 4, ""),
        ("Reports", "Title", 4, "WHERE x.[PublicTitle] IS NULL"),
        ("Reports", "PublicSummary", 2, ""),
        ("Reports", "Body", 2, "WHERE x.[PublicSummary] IS NULL"),
        ("Messages", "Body", 1, "WHERE x.[Visibility] = N'Public'"),
    ];

    public static IQueryable<SearchHit> Search(DbContext db, IReadOnlyList<IReadOnlyList<string>> terms)
    {
        ArgumentOutOfRangeException.ThrowIfZero(terms.Count);

        // Only fixed text and parameter placeholders ({0}, {1}…) go into the statement; the words are parameters.
        var parts = new List<string>();
        for (var i = 0; i < terms.Count; i++)
        {
            foreach (var (table, column, weight, where) in Fields)
            {
                var report = table == "Reports" ? "x.[Id]" : "x.[ReportId]";
                parts.Add($"SELECT {i} AS [Term], {report} AS [ReportId], {weight} * t.[RANK] AS [Score] FROM CONTAINSTABLE([{table}], [{column}], {{{i}}}) AS t JOIN [{table}] AS x ON x.[Id] = t.[KEY] {where}");
            }
        }

        var sql = new StringBuilder("SELECT h.[ReportId], CAST(SUM(h.[Score]) AS float) AS [Score] FROM (")
            .AppendJoin(" UNION ALL ", parts)
            .Append($") AS h GROUP BY h.[ReportId] HAVING COUNT(DISTINCT h.[Term]) = {terms.Count}")
            .ToString();
        return db.Database.SqlQuery<SearchHit>(FormattableStringFactory.Create(sql, [.. terms.Select(Condition)]));
    }

    /// <summary>
    /// Every report's title, text and location (the full-text index on Reports; Location joined it in
    /// migration SimilarReports), filed from <paramref name="since"/> on and before <paramref name="beforeReportId"/>:
    /// any term may match, the best <paramref name="limit"/> by RANK; with <paramref name="sharing"/>, only reports holding a word of the problem.
    /// </summary>
    public static IQueryable<SearchHit> Similar(DbContext db, IReadOnlyList<IReadOnlyList<string>> terms, long beforeReportId, DateTimeOffset since, int limit, SupportOffer.PlaceQuery? offerableAt = null, SupportOffer.ProblemQuery? sharing = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(terms.Count);
        List<object> parameters = [string.Join(" OR ", terms.Select(Condition)), beforeReportId, since, limit];
        var place = "";
        if (offerableAt is not null)
        {
            // Offerable, and at the citizen's place: a word of the location (CONTAINS on Location alone) or a point in the box.
            List<string> arms = [];
            if (offerableAt.Beginnings.Count > 0)
            {
                arms.Add($"r.[Id] IN (SELECT [KEY] FROM CONTAINSTABLE([Reports], [Location], {{{parameters.Count}}}))");
                parameters.Add(string.Join(" OR ", offerableAt.Beginnings.Select(f => Quoted($"{f}*")).Concat(offerableAt.Words.Select(Quoted))));
            }

            if (offerableAt.Near is { } box)
            {
                arms.Add($"(r.[Latitude] BETWEEN {{{parameters.Count}}} AND {{{parameters.Count + 1}}} AND r.[Longitude] BETWEEN {{{parameters.Count + 2}}} AND {{{parameters.Count + 3}}})");
                // float parameters: EF sends a raw decimal as decimal(18,2), which would round the box's edges to 1 km.
                parameters.AddRange([box.South, box.North, box.West, box.East]);
            }

            place = $"AND r.[IsPublic] = 1 AND r.[IsAnonymous] = 0 AND r.[Status] NOT IN (N'Archived', N'Completed') AND ({string.Join(" OR ", arms)})";
        }

        if (sharing is not null)
        {
            place += $" AND t.[KEY] IN (SELECT [KEY] FROM CONTAINSTABLE([Reports], ([Title], [Body], [Location]), {{{parameters.Count}}}))";
            parameters.Add(Condition(sharing.Beginnings));
        }

        var sql = $$"""
            SELECT TOP ({3}) t.[KEY] AS [ReportId], CAST(t.[RANK] AS float) AS [Score]
            FROM CONTAINSTABLE([Reports], ([Title], [Body], [Location]), {0}) AS t JOIN [Reports] AS r ON r.[Id] = t.[KEY]
            WHERE t.[KEY] < {1} AND r.[SubmittedAt] >= {2} {{place}}
            ORDER BY t.[RANK] DESC
            """;
        return db.Database.SqlQuery<SearchHit>(FormattableStringFactory.Create(sql, [.. parameters]));
    }

    /// <summary>One term as a CONTAINS condition: its forms as quoted prefix terms.</summary>
    public static string Condition(IReadOnlyList<string> forms) =>
        string.Join(" OR ", forms.Select(f => Quoted($"{f}*")));

    /// <summary>A CONTAINS term in double quotes (a trailing * inside makes it a prefix).</summary>
    private static string Quoted(string term) => $"\"{term.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
