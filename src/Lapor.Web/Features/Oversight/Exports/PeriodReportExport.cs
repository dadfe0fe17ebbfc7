using System.Globalization;
using System.Text;
using Lapor.Web.Features.Oversight.Dashboard;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Lapor.Web.Features.Oversight.Exports;

/// <summary>The period report as a workbook (summary and per-agency sheets) or as CSV. Numbers only: no reporter appears.</summary>
public static class PeriodReportExport
{
    public static async Task<byte[]> XlsxAsync(PeriodReport.View view, IStringLocalizer t, CancellationToken cancellationToken)
    {
        var sheets = new Dictionary<string, object>
        {
            [t["Dashboard.Summary"]] = Summary(view, t).Select(row => new Dictionary<string, object?> { [t["Dashboard.Figure"]] = row.Label, [t["Dashboard.Value"]] = row.Value }).ToList(),
            [t["Stats.PerAgency"]] = view.Agencies.Select(a => AgencyRow(view, a, t)).ToList(),
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
        var rows = view.Agencies.Select(a => AgencyRow(view, a, t)).ToList();
        if (rows.Count > 0)
        {
            Line(csv, [.. rows[0].Keys]);
            rows.ForEach(row => Line(csv, [.. row.Values.Select(Format)]));
        }

        // A BOM so that spreadsheet programs read the Indonesian text as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>Writes the report list as CSV while rows arrive; memory stays flat whatever the period's size.</summary>
    public static async Task WriteReportListAsync(Stream body, IAsyncEnumerable<ReportList.Row> rows, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024);
        await writer.WriteLineAsync("tracking_number,submitted_at,classification,channel,status,title,category,agencies,first_response_at,completed_at");
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            string[] fields =
            [
                r.TrackingNumber, r.SubmittedAt.ToString("o", CultureInfo.InvariantCulture), r.Classification.ToString(), r.Channel.ToString(), r.Status.ToString(),
                r.Title ?? "", r.Category ?? "", r.Agencies, r.FirstResponseAt?.ToString("o", CultureInfo.InvariantCulture) ?? "", r.CompletedAt?.ToString("o", CultureInfo.InvariantCulture) ?? "",
            ];
            await writer.WriteLineAsync(string.Join(',', fields.Select(Field)));
        }
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
        (t["Common.CompletionRate"], view.CompletionRate),
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

    private static Dictionary<string, object?> AgencyRow(PeriodReport.View view, PeriodReport.AgencyRow a, IStringLocalizer t)
    {
        var row = new Dictionary<string, object?>
        {
            [t["Common.Agency"]] = a.Agency,
            [t["Stats.Routed"]] = a.Routed,
            [t["Stats.Completed"]] = a.Completed,
            [t["Common.CompletionRate"]] = a.Ranked ? a.CompletionRate : null,
            [t["Dashboard.FollowUpRate"]] = a.FollowUpRate,
            [t["Dashboard.OnTimeCompletion"]] = a.OnTimeCompletion,
            [t["Dashboard.MedianCompletion"]] = a.MedianDaysToComplete,
        };
        if (view.ShowRefusals)
        {
            row[t["Dashboard.Refusals"]] = a.Refusals;
        }

        return row;
    }
}
