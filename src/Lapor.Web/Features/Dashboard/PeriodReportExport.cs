using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Lapor.Web.Features.Dashboard;

/// <summary>The period report as a workbook (summary and per-agency sheets) or as CSV. Numbers only: no reporter appears.</summary>
public static class PeriodReportExport
{
    public static async Task<byte[]> XlsxAsync(PeriodReport.View view, IStringLocalizer t, CancellationToken cancellationToken)
    {
        var sheets = new Dictionary<string, object>
        {
            [t["Dashboard.Summary"]] = Summary(view, t).Select(row => new Dictionary<string, object?> { [t["Dashboard.Figure"]] = row.Label, [t["Dashboard.Value"]] = row.Value }).ToList(),
            [t["Stats.PerAgency"]] = view.Agencies.Select(a => AgencyRow(a, t)).ToList(),
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    public static byte[] Csv(PeriodReport.View view, IStringLocalizer t)
    {
        var csv = new StringBuilder();
        foreach (var (label, value) in Summary(view, t))
        {
            Line(csv, [label, Format(value)]);
        }

        csv.AppendLine();
        var rows = view.Agencies.Select(a => AgencyRow(a, t)).ToList();
        if (rows.Count > 0)
        {
            Line(csv, [.. rows[0].Keys]);
            rows.ForEach(row => Line(csv, [.. row.Values.Select(Format)]));
        }

        // A BOM so that spreadsheet programs read the Indonesian text as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>
    /// One CSV field, safe against formula injection: text starting with = + - @ or a control
    /// character is prefixed with an apostrophe so a spreadsheet shows it instead of running it.
    /// </summary>
    internal static string Field(string value)
    {
        var safe = value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\n', '\r', ';']) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }

    private static void Line(StringBuilder csv, IEnumerable<string> fields) => csv.AppendLine(string.Join(',', fields.Select(Field)));

    private static string Format(object? value) => value switch
    {
        null => "",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static List<(string Label, object? Value)> Summary(PeriodReport.View view, IStringLocalizer t) =>
    [
        (t["Dashboard.Period"], $"{view.From:yyyy-MM-dd}..{view.To:yyyy-MM-dd}"),
        (t["Stats.Received"], view.Received),
        (t["Dashboard.CompletionRate"], view.CompletionRate),
        (t["Dashboard.FollowUpRate"], view.FollowUpRate),
        (t["Dashboard.OnTimeVerify"], view.Verify.OnTime),
        (t["Dashboard.OnTimeFirstResponse"], view.FirstResponse.OnTime),
        (t["Dashboard.OnTimeCompletion"], view.Completion.OnTime),
        (t["Dashboard.MedianVerify"], view.Verify.Median),
        (t["Dashboard.MedianFirstResponse"], view.FirstResponse.Median),
        (t["Dashboard.MedianCompletion"], view.Completion.Median),
        (t["Dashboard.Satisfaction"], view.Satisfaction),
        (t["Dashboard.Connectedness"], view.Connectedness),
        (t["Dashboard.OfficerActivity"], view.OfficerActivity),
        (t["Dashboard.Backlog"], view.Backlog.Total),
    ];

    private static Dictionary<string, object?> AgencyRow(PeriodReport.AgencyRow a, IStringLocalizer t) => new()
    {
        [t["Inbox.Agency"]] = a.Agency,
        [t["Stats.Routed"]] = a.Routed,
        [t["Stats.Completed"]] = a.Completed,
        [t["Dashboard.CompletionRate"]] = a.Ranked ? a.CompletionRate : null,
        [t["Dashboard.FollowUpRate"]] = a.FollowUpRate,
        [t["Dashboard.OnTimeCompletion"]] = a.OnTimeCompletion,
        [t["Dashboard.MedianCompletion"]] = a.MedianDaysToComplete,
    };
}
