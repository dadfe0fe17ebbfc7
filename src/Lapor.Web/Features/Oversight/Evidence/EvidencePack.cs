using Lapor.Web.Data;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Domain.Metrics;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Oversight.Dashboard;
using Lapor.Web.Features.Shared.Staffing;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Caching;
using Lapor.Web.Infrastructure.Deadlines;
using Lapor.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Oversight.Evidence;

/// <summary>
/// The evidence pack (bukti dukung) for Kemendagri's complaint-handling evaluation and KemenPANRB's SP4N-LAPOR!
/// targets, for one period and the viewer's whole scope. Its figures are the dashboard's own objects, not a
/// recount: the period report (<see cref="PeriodReport.Handler"/>), the OPDs' readiness (<see cref="WhoIsLate.Handler.ReadinessAsync"/>),
/// the officers of the workload (<see cref="Workload.Handler.SnapshotAsync"/>) and the period's reports
/// (<see cref="PeriodReport.Handler.InPeriodAsync"/>) counted by channel and kind. Added here: the liaison decrees,
/// which officers were active in the period (<see cref="OfficerActivity"/>), and the outreach log.
/// </summary>
public static class EvidencePack
{
    /// <summary>The decree covering one OPD or sub-unit (<see cref="LiaisonDecree.Covering"/>).</summary>
    public sealed record DecreeRow(int AgencyId, string Agency, DecreeStanding Standing, string? Number, DateOnly? Date);

    /// <summary>One OPD or sub-unit: its enabled officer accounts, how many were active in the period, whether it is connected.</summary>
    public sealed record AgencyRow(int AgencyId, string Agency, int Officers, int ActiveOfficers, bool Connected);

    /// <summary>One liaison officer of an agency in scope: sign-ins and actions on reports on the period's days. A name only, no contact.</summary>
    public sealed record OfficerRow(string Name, string Agency, bool Enabled, int SignIns, int Actions)
    {
        public bool Active => OfficerActivity.IsActive(Enabled, SignIns, Actions);
    }

    public sealed record ChannelRow(Channel Channel, int Reports);

    public sealed record Pack(
        string Region, PeriodReport.View Report, WhoIsLate.Readiness Readiness, int FirstResponseDays, IReadOnlyDictionary<Classification, int> ByClassification,
        IReadOnlyList<ChannelRow> Channels, IReadOnlyList<DecreeRow> Decrees, IReadOnlyList<AgencyRow> Agencies, IReadOnlyList<OfficerRow> Officers,
        IReadOnlyList<OutreachLog.Item> Events)
    {
        public int ChannelsInUse => Channels.Count(c => c.Reports > 0);

        public int WithDecree => Decrees.Count(d => d.Standing != DecreeStanding.Missing);

        public int ActiveOfficers => Officers.Count(o => o.Active);
    }

    /// <summary>The pack covers the viewer's whole scope: only the filter's period is taken, never its narrowing.</summary>
    public static PeriodReport.Filter PeriodOnly(PeriodReport.Filter filter) =>
        new() { Year = filter.Year, Quarter = filter.Quarter, Month = filter.Month, From = filter.From, To = filter.To };

    public sealed class Handler(
        LaporDbContext db, PeriodReport.Handler report, WhoIsLate.Handler now, OverdueNow.Handler overdue, Workload.Handler workload, OutreachLog.Handler outreach,
        ReferenceData reference, DeadlineScheduleProvider schedules, LocalTime local, TimeProvider clock)
    {
        public async Task<Pack> HandleAsync(ReportScope scope, PeriodReport.Filter filter, CancellationToken cancellationToken)
        {
            var period = PeriodOnly(filter);
            var view = await report.HandleAsync(scope, period, cancellationToken);
            var readiness = await now.ReadinessAsync(scope, OverdueNow.Filter.Within(period), cancellationToken);
            var schedule = await schedules.GetAsync(cancellationToken);
            var agencySet = await reference.AgencySetAsync(cancellationToken);

            var opds = await OpdsAsync(scope, agencySet, cancellationToken);
            var decrees = await DecreesAsync(opds, agencySet, cancellationToken);
            var officers = (await workload.SnapshotAsync([.. opds.Select(a => a.Id)], null, cancellationToken)).Officers;
            var activity = await ActivityAsync([.. officers.Select(o => o.UserId).Distinct()], view.From, view.To, cancellationToken);
            var (channels, kinds) = await CountsAsync(scope, period, view, cancellationToken);

            return new Pack(RegionTops.Name(scope.Subtree, agencySet), view, readiness, schedule.Policy.FirstResponseDays, kinds, channels, decrees,
                AgencyRows(opds, officers, activity), OfficerRows(officers, activity, agencySet), await outreach.InPeriodAsync(scope, view.From, view.To, cancellationToken));
        }

        /// <summary>Records who took the pack of which period (UU PDP: the officers' names are personal data).</summary>
        public async Task AuditAsync(ReportScope scope, Pack pack, string format, string? ipAddress, CancellationToken cancellationToken)
        {
            db.AuditEntries.Add(new AuditEntry(AuditAction.Export, scope.UserId, "EvidencePack", $"{pack.Report.From:yyyy-MM-dd}..{pack.Report.To:yyyy-MM-dd}", format, ipAddress, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }

        /// <summary>Each officer with their sign-ins and actions in the period, by agency then name.</summary>
        private static List<OfficerRow> OfficerRows(IReadOnlyList<Workload.Officer> officers, Activity activity, ReferenceData.AgencySet agencies) =>
            [.. officers
                .Select(o => new OfficerRow(o.Name, agencies.Names.GetValueOrDefault(o.AgencyId, "?"), o.Active, activity.SignIns(o.UserId), activity.Actions(o.UserId)))
                .OrderBy(o => o.Agency, StringComparer.CurrentCulture).ThenBy(o => o.Name, StringComparer.CurrentCulture)];

        /// <summary>Each OPD and sub-unit: its enabled officer accounts, how many were active in the period, whether it is connected.</summary>
        private static List<AgencyRow> AgencyRows(IReadOnlyList<ReferenceData.AgencyEntry> opds, IReadOnlyList<Workload.Officer> officers, Activity activity)
        {
            var byAgency = officers.ToLookup(o => o.AgencyId);
            return [.. opds.Select(a => new AgencyRow(a.Id, a.Name, byAgency[a.Id].Count(o => o.Active),
                byAgency[a.Id].Count(o => OfficerActivity.IsActive(o.Active, activity.SignIns(o.UserId), activity.Actions(o.UserId))),
                OfficerActivity.IsConnected(byAgency[a.Id].Select(o => o.Active))))];
        }

        /// <summary>The same reports the period report counted, by channel and by kind.</summary>
        private async Task<(List<ChannelRow> Channels, Dictionary<Classification, int> Kinds)> CountsAsync(
            ReportScope scope, PeriodReport.Filter period, PeriodReport.View view, CancellationToken cancellationToken)
        {
            var counts = await (await report.InPeriodAsync(scope, period, view.From, view.To, cancellationToken))
                .GroupBy(r => new { r.Channel, r.Classification })
                .Select(g => new { g.Key.Channel, g.Key.Classification, Count = g.Count() })
                .ToListAsync(cancellationToken);
            return (
                [.. Enum.GetValues<Channel>().Select(c => new ChannelRow(c, counts.Where(x => x.Channel == c).Sum(x => x.Count)))],
                Enum.GetValues<Classification>().ToDictionary(c => c, c => counts.Where(x => x.Classification == c).Sum(x => x.Count)));
        }

        /// <summary>The decree covering each OPD and sub-unit in the viewer's scope (the evidence page lists those without one).</summary>
        public async Task<IReadOnlyList<DecreeRow>> DecreesAsync(ReportScope scope, CancellationToken cancellationToken)
        {
            var agencySet = await reference.AgencySetAsync(cancellationToken);
            return await DecreesAsync(await OpdsAsync(scope, agencySet, cancellationToken), agencySet, cancellationToken);
        }

        /// <summary>The active OPDs and sub-units the viewer watches: the ones the readiness figures count, so the tables add up to them.</summary>
        private async Task<List<ReferenceData.AgencyEntry>> OpdsAsync(ReportScope scope, ReferenceData.AgencySet agencySet, CancellationToken cancellationToken)
        {
            var inScope = (await overdue.AgenciesAsync(scope, new OverdueNow.Filter(), cancellationToken)).ToHashSet();
            return [.. agencySet.All.Where(a => inScope.Contains(a.Id) && a.IsActive && a.Kind is AgencyKind.Opd or AgencyKind.SubUnit)];
        }

        private async Task<List<DecreeRow>> DecreesAsync(IReadOnlyList<ReferenceData.AgencyEntry> opds, ReferenceData.AgencySet agencySet, CancellationToken cancellationToken)
        {
            // Their own decrees and their parents' (a sub-unit is usually named in its OPD's decree).
            var ids = opds.Select(a => a.Id).Concat(opds.Where(a => a.ParentId is not null).Select(a => a.ParentId!.Value)).Distinct().ToArray();
            var recorded = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id))
                .Select(a => new { a.Id, a.LiaisonDecreeNumber, a.LiaisonDecreeDate }).ToDictionaryAsync(a => a.Id, cancellationToken);
            return [.. opds.Select(a =>
            {
                var own = recorded.GetValueOrDefault(a.Id);
                var parent = a.ParentId is { } p ? recorded.GetValueOrDefault(p) : null;
                var (standing, number, date) = LiaisonDecree.Covering(a.Kind, own?.LiaisonDecreeNumber, own?.LiaisonDecreeDate, parent?.LiaisonDecreeNumber, parent?.LiaisonDecreeDate);
                return new DecreeRow(a.Id, agencySet.Names.GetValueOrDefault(a.Id, "?"), standing, number, date);
            })];
        }

        /// <summary>Per officer, sign-ins (the audit log) and actions on reports (messages written, routing steps taken) on the period's local days.</summary>
        private async Task<Activity> ActivityAsync(string[] userIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
        {
            if (userIds.Length == 0)
            {
                return new Activity([], []);
            }

            var (start, end) = (local.At(from, TimeOnly.MinValue), local.At(to.AddDays(1), TimeOnly.MinValue));
            var signIns = await db.AuditEntries.AsNoTracking()
                .Where(a => a.Action == AuditAction.SignIn && a.OccurredAt >= start && a.OccurredAt < end && a.UserId != null && userIds.Contains(a.UserId))
                .GroupBy(a => a.UserId!).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            var written = db.Messages.Where(m => m.AuthorUserId != null && userIds.Contains(m.AuthorUserId) && m.CreatedAt >= start && m.CreatedAt < end).Select(m => m.AuthorUserId!);
            var routed = db.RoutingEntries.Where(e => e.ActorUserId != null && userIds.Contains(e.ActorUserId) && e.OccurredAt >= start && e.OccurredAt < end).Select(e => e.ActorUserId!);
            var actions = await written.Concat(routed).GroupBy(u => u).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            return new Activity(signIns, actions);
        }

        /// <summary>What each officer did in the period: sign-ins and actions on reports, zero for one who did nothing.</summary>
        private sealed record Activity(Dictionary<string, int> SignedIn, Dictionary<string, int> Acted)
        {
            public int SignIns(string userId) => SignedIn.GetValueOrDefault(userId);

            public int Actions(string userId) => Acted.GetValueOrDefault(userId);
        }
    }
}
