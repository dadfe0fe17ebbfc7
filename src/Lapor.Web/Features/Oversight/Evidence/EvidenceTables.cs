using System.Globalization;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Oversight.Exports;
using Microsoft.Extensions.Localization;
using static Lapor.Web.Features.Oversight.Exports.PeriodTables;

namespace Lapor.Web.Features.Oversight.Evidence;

/// <summary>
/// The evidence pack as named tables in the reader's language: the workbook's sheets and the PDF's tables
/// (<see cref="PeriodReportExport.XlsxAsync"/>, <see cref="PeriodPdf.Render"/>), so both say the same.
/// A header names one kind of cell in every table (the workbook formats columns by header).
/// </summary>
public static class EvidenceTables
{
    public static IReadOnlyList<Table> Of(EvidencePack.Pack pack, IStringLocalizer t) =>
        [Summary(pack, t), Stages(pack, t), Channels(pack, t), Decrees(pack, t), Agencies(pack, t), Officers(pack, t), PerAgency(pack.Report, t), Events(pack, t)];

    private static Table Summary(EvidencePack.Pack pack, IStringLocalizer t)
    {
        var view = pack.Report;
        List<object?[]> rows =
        [
            [t["Evidence.Region"].Value, pack.Region, null],
            [t["Dashboard.Period"].Value, Period(view), null],
            [t["Stats.Received"].Value, view.Received, null],
        ];
        rows.AddRange(Enum.GetValues<Classification>().Select(c => new object?[] { $"– {t[$"Classification.{c}"]}", pack.ByClassification.GetValueOrDefault(c), null }));
        rows.AddRange(
        [
            [t["Common.CompletionRate"].Value, null, view.CompletionRate],
            [t["Dashboard.FollowUpRate"].Value, null, view.FollowUpRate],
            [t["Evidence.FollowedUpWithin", pack.FirstResponseDays].Value, null, view.FirstResponse.OnTime],
            [t["Dashboard.MedianVerify"].Value, view.Verify.Median, null],
            [t["Dashboard.MedianFirstResponse"].Value, view.FirstResponse.Median, null],
            [t["Dashboard.MedianCompletion"].Value, view.Completion.Median, null],
            [t["Dashboard.Satisfaction"].Value, null, view.Satisfaction],
            [t["Evidence.Accepted"].Value, view.Accepted, null],
            [t["Evidence.Rejected"].Value, view.Rejected, null],
            [t["Evidence.Rated"].Value, view.Rated, null],
            [t["Evidence.MeanRating"].Value, view.MeanRating, null],
            [t["Evidence.Agencies"].Value, pack.Decrees.Count, null],
            [t["Evidence.WithDecree"].Value, pack.WithDecree, null],
            [t["Evidence.WithoutDecree"].Value, pack.Decrees.Count - pack.WithDecree, null],
            [t["Evidence.Connected"].Value, pack.Agencies.Count(a => a.Connected), null],
            [t["Dashboard.Connectedness"].Value, null, pack.Readiness.Connectedness],
            [t["Evidence.OfficerAccounts"].Value, pack.Officers.Count(o => o.Enabled), null],
            [t["Evidence.ActiveOfficers"].Value, pack.ActiveOfficers, null],
            [t["Evidence.ChannelsInUse"].Value, pack.ChannelsInUse, null],
            [t["Evidence.EventCount"].Value, pack.Events.Count, null],
            [t["Evidence.ParticipantTotal"].Value, pack.Events.Sum(e => e.Participants), null],
        ]);
        return new Table(t["Dashboard.Summary"], [new(t["Dashboard.Figure"], Kind.General), new(t["Dashboard.Value"], Kind.General), new(t["Export.Percentage"], Kind.Rate)], rows);
    }

    private static Table Stages(EvidencePack.Pack pack, IStringLocalizer t) =>
        new(t["Dashboard.Stages"],
            [
                new(t["Dashboard.Stage"], Kind.General), new(t["Dashboard.OnTime"], Kind.Rate), new(t["Evidence.Finished"], Kind.Count), new(t["Dashboard.LateNow"], Kind.Count),
                new(t["Evidence.MedianDays"], Kind.Days), new(t["Evidence.MeanDays"], Kind.Days),
            ],
            [.. new[] { (Deadline.Verify, pack.Report.Verify), (Deadline.FirstResponse, pack.Report.FirstResponse), (Deadline.Completion, pack.Report.Completion) }
                .Select(s => new object?[] { Capitalised(t[$"Deadline.{s.Item1}"].Value), s.Item2.OnTime, s.Item2.Finished, s.Item2.LateNow, s.Item2.Median, s.Item2.Mean })]);

    private static Table Channels(EvidencePack.Pack pack, IStringLocalizer t)
    {
        var total = pack.Channels.Sum(c => c.Reports);
        return new(t["Evidence.Channels"], [new(t["Common.Channel"], Kind.General), new(t["Stats.Received"], Kind.Count), new(t["Evidence.Share"], Kind.Rate)],
            [.. pack.Channels.Select(c => new object?[] { t[$"Channel.{c.Channel}"].Value, c.Reports, Domain.Metrics.Rates.Share(c.Reports, total) })]);
    }

    private static Table Decrees(EvidencePack.Pack pack, IStringLocalizer t) =>
        new(t["Evidence.Decrees"],
            [new(t["Common.Agency"], Kind.General), new(t["Evidence.DecreeNumber"], Kind.General, 125), new(t["Evidence.DecreeDate"], Kind.Day, 72), new(t["Evidence.DecreeStanding"], Kind.General, 105)],
            [.. pack.Decrees.Select(d => new object?[] { d.Agency, d.Number ?? "–", d.Date, t[$"Evidence.Decree.{d.Standing}"].Value })]);

    private static Table Agencies(EvidencePack.Pack pack, IStringLocalizer t) =>
        new(t["Evidence.ConnectedAgencies"],
            [new(t["Common.Agency"], Kind.General), new(t["Evidence.OfficerAccounts"], Kind.Count), new(t["Evidence.ActiveOfficers"], Kind.Count), new(t["Evidence.IsConnected"], Kind.General, 62)],
            [.. pack.Agencies.Select(a => new object?[] { a.Agency, a.Officers, a.ActiveOfficers, t[a.Connected ? "Evidence.Yes" : "Evidence.No"].Value })]);

    private static Table Officers(EvidencePack.Pack pack, IStringLocalizer t) =>
        new(t["Evidence.Officers"],
            [
                new(t["Evidence.OfficerName"], Kind.General), new(t["Common.Agency"], Kind.General, 150), new(t["Evidence.SignIns"], Kind.Count), new(t["Evidence.Actions"], Kind.Count),
                new(t["Evidence.ActiveInPeriod"], Kind.General, 62),
            ],
            [.. pack.Officers.Select(o => new object?[]
            {
                o.Name, o.Agency, o.SignIns, o.Actions, t[o.Active ? "Evidence.Yes" : o.Enabled ? "Evidence.No" : "Evidence.Disabled"].Value,
            })]);

    private static Table Events(EvidencePack.Pack pack, IStringLocalizer t) =>
        new(t["Evidence.Events"],
            [
                new(t["Evidence.HeldOn"], Kind.Day, 66), new(t["Evidence.EventKind"], Kind.General, 72), new(t["Evidence.EventTitle"], Kind.General), new(t["Evidence.Audience"], Kind.General, 120),
                new(t["Evidence.Participants"], Kind.Count, 52), new(t["Evidence.Photo"], Kind.General, 72),
            ],
            [.. pack.Events.Select(e => new object?[] { e.HeldOn, t[$"OutreachKind.{e.Kind}"].Value, e.Title, e.Audience, e.Participants, e.HasPhoto ? t["Evidence.PhotoWhere", t["Evidence.Photos"]].Value : "–" })]);

    /// <summary>"verifikasi" as a table's row label: "Verifikasi".</summary>
    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.CurrentCulture) + text[1..];
}
