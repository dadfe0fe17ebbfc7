using System.Globalization;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Oversight.Dashboard;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Oversight.Exports;

/// <summary>
/// The period report as named tables in the reader's language, the one source of the workbook's sheets,
/// the CSV's blocks and the PDF's tables, so the three files always say the same. Numbers only: no reporter appears.
/// </summary>
public static class PeriodTables
{
    /// <summary>What a cell holds, so each file can show it: a rate stays a number and is shown as a percentage.</summary>
    public enum Kind
    {
        /// <summary>Text, or (in the summary's value column) a count or days: shown as it comes.</summary>
        General,
        Count,
        Days,
        Rate,

        /// <summary>The first day of a month (a <see cref="DateOnly"/>).</summary>
        Month,

        /// <summary>A day (a <see cref="DateOnly"/>): a due date.</summary>
        Day,
    }

    /// <summary>A column: its header, what its cells hold, and its width on the PDF page in points (0: a number's width, or, for the first such column, what the others leave).</summary>
    public sealed record Column(string Header, Kind Kind, double Width = 0);

    public sealed record Table(string Name, IReadOnlyList<Column> Columns, IReadOnlyList<object?[]> Rows);

    /// <summary>Summary (with the OPDs' readiness as of today), per agency, what is late now (whatever the period) and the trend, in that order.</summary>
    public static IReadOnlyList<Table> Of(PeriodReport.View view, WhoIsLate.Readiness readiness, IReadOnlyList<OverdueNow.Row> overdue, string scope, IStringLocalizer t) =>
        [Summary(view, readiness, scope, t), PerAgency(view, t), Overdue(overdue, t), Trend(view, t)];

    /// <summary>"1 Januari 2026 – 31 Desember 2026" in the reader's language.</summary>
    public static string Period(PeriodReport.View view) =>
        $"{view.From.ToString("d MMMM yyyy", CultureInfo.CurrentCulture)} – {view.To.ToString("d MMMM yyyy", CultureInfo.CurrentCulture)}";

    /// <summary>A cell as text in the reader's language (the PDF): 33,3% or 33.3%, days with one decimal, "–" for no value.</summary>
    public static string Display(object? value, Kind kind) => (value, kind) switch
    {
        (null, _) => "–",
        (decimal rate, Kind.Rate) => rate.ToString("P1", CultureInfo.CurrentCulture),
        (decimal days, Kind.Days or Kind.General) => days.ToString("0.#", CultureInfo.CurrentCulture),
        (DateOnly month, Kind.Month) => month.ToString("MMMM yyyy", CultureInfo.CurrentCulture),
        (DateOnly day, Kind.Day) => day.ToString("d MMM yyyy", CultureInfo.CurrentCulture),
        (IFormattable number, _) => number.ToString(null, CultureInfo.CurrentCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The summary's rows as label, value and how to show it (its value sits in the value or the percentage column).</summary>
    public static IEnumerable<(string Label, object? Value, Kind Kind)> Figures(Table summary) =>
        summary.Rows.Select(row => Enumerable.Range(1, row.Length - 1).Where(i => row[i] is not null).Select(i => ((string)row[0]!, row[i], summary.Columns[i].Kind))
            .DefaultIfEmpty(((string)row[0]!, null, Kind.General)).First());

    private static Table Summary(PeriodReport.View view, WhoIsLate.Readiness readiness, string scope, IStringLocalizer t)
    {
        // Rates in their own column, so a spreadsheet shows them as percentages and the counts as counts.
        List<object?[]> rows =
        [
            [t["Dashboard.Period"].Value, Period(view), null],
            [t["Export.Scope"].Value, scope, null],
            [t["Stats.Received"].Value, view.Received, null],
            [t["Common.CompletionRate"].Value, null, view.CompletionRate],
            [t["Dashboard.FollowUpRate"].Value, null, view.FollowUpRate],
            [t["Dashboard.OnTimeVerify"].Value, null, view.Verify.OnTime],
            [t["Dashboard.OnTimeFirstResponse"].Value, null, view.FirstResponse.OnTime],
            [t["Dashboard.OnTimeCompletion"].Value, null, view.Completion.OnTime],
            [t["Dashboard.MedianVerify"].Value, view.Verify.Median, null],
            [t["Dashboard.MedianFirstResponse"].Value, view.FirstResponse.Median, null],
            [t["Dashboard.MedianCompletion"].Value, view.Completion.Median, null],
            [t["Dashboard.Satisfaction"].Value, null, view.Satisfaction],
            [t["Dashboard.Connectedness"].Value, null, readiness.Connectedness],
            [t["Dashboard.OfficerActivity"].Value, null, readiness.OfficerActivity],
            [t["Dashboard.Backlog"].Value, view.Backlog.Total, null],
        ];
        rows.AddRange(Enum.GetValues<ReportStatus>().Select(s => new object?[] { $"{t["Mine.Status"]}: {t[$"Status.{s}"]}", view.ByStatus.GetValueOrDefault(s), null }));
        return new Table(t["Dashboard.Summary"], [new(t["Dashboard.Figure"], Kind.General), new(t["Dashboard.Value"], Kind.General), new(t["Export.Percentage"], Kind.Rate)], rows);
    }

    /// <summary>
    /// The period report's per-agency table (the evidence pack shows it too). As on the dashboard, every agency shows its
    /// completion rate, and one with fewer than <see cref="PeriodReport.MinimumToRank"/> reports says beside it that it is
    /// too few to rank (the dashboard's asterisk and footnote, said in the row: a file travels without its footnote).
    /// </summary>
    public static Table PerAgency(PeriodReport.View view, IStringLocalizer t)
    {
        List<Column> columns =
        [
            new(t["Common.Agency"], Kind.General), new(t["Stats.Routed"], Kind.Count), new(t["Stats.Completed"], Kind.Count),
            new(t["Common.CompletionRate"], Kind.Rate), new(t["Dashboard.FollowUpRate"], Kind.Rate), new(t["Dashboard.OnTimeCompletion"], Kind.Rate),
            new(t["Dashboard.MedianCompletion"], Kind.Days), new(t["Dashboard.Ranking"], Kind.General, 120),
        ];
        if (view.ShowRefusals)
        {
            columns.Add(new(t["Dashboard.Refusals"], Kind.Count));
        }

        var tooFew = t["Dashboard.SmallVolumeTitle", PeriodReport.MinimumToRank].Value;
        var rows = view.Agencies.Select(a => new object?[]
            {
                a.Agency, a.Routed, a.Completed, a.CompletionRate, a.FollowUpRate, a.OnTimeCompletion, a.MedianDaysToComplete, a.Ranked ? t["Dashboard.Ranked"].Value : tooFew, a.Refusals,
            }[..columns.Count])
            .ToList();
        return new Table(t["Stats.PerAgency"], columns, rows);
    }

    /// <summary>Every stage late now, most late first: the tracking number names the report (no title: the file travels, a title can identify a reporter).</summary>
    private static Table Overdue(IReadOnlyList<OverdueNow.Row> overdue, IStringLocalizer t) =>
        new(t["Export.Overdue"],
            [new(t["Export.TrackingNumber"], Kind.General), new(t["Common.Agency"], Kind.General), new(t["Export.Stage"], Kind.General),
                new(t["Export.DueOn"], Kind.Day), new(t["Export.WorkingDaysLate"], Kind.Count)],
            [.. overdue.Select(r => new object?[] { r.TrackingNumber, r.Agency ?? "–", t[$"Deadline.{r.Stage}"].Value, r.DueOn, r.WorkingDaysLate })]);

    private static Table Trend(PeriodReport.View view, IStringLocalizer t) =>
        new(t["Export.Trend"], [new(t["Dashboard.Month"], Kind.Month), new(t["Stats.Received"], Kind.Count), new(t["Stats.Completed"], Kind.Count)],
            [.. view.Trend.Select(p => new object?[] { p.Month, p.Received, p.Completed })]);
}
