using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Metrics;
using Lapor.Web.Features.Shared.Forms;
using Lapor.Web.Features.Shared.Staffing;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Oversight.Dashboard;

/// <summary>
/// The dashboard's second page, "who is late, and where", as of today whatever the period: per agency
/// how many stages are late now (each number opens its <see cref="OverdueNow"/> list), whether each OPD
/// has somebody to work its inbox, and the officers' workload. Three reads: the unverified reports past
/// their day, the officers of the viewer's agencies, and their open assignments counted in SQL
/// (<see cref="Workload.Handler.SnapshotAsync"/>), which give the late counts, the unstaffed work and the workload alike.
/// </summary>
public static class WhoIsLate
{
    /// <summary>An OPD in scope with nobody to work its inbox: no active officer, or none signed in within 30 days (<paramref name="LastSignIn"/>: the latest of its officers).</summary>
    public sealed record IdleAgency(int AgencyId, string Agency, bool Staffed, DateTimeOffset? LastSignIn);

    /// <summary>
    /// Whether the OPDs in scope can work their inboxes now: the share with an active officer (connectedness),
    /// the share with one who signed in within 30 days (officer activity), the open work at agencies
    /// without an active officer, and the OPDs lacking either.
    /// </summary>
    public sealed record Readiness(decimal? Connectedness, decimal? OfficerActivity, int UnstaffedWork, IReadOnlyList<IdleAgency> IdleAgencies);

    public sealed record View(OverdueNow.Filter Filter, DateOnly Today, IReadOnlyList<OverdueNow.Count> Overdue, Readiness Readiness, Workload.View Workload, FormOptions.View Options)
    {
        public int LateTotal => Overdue.Sum(c => c.Total);
    }

    public sealed class Handler(
        PeriodReport.Handler report, OverdueNow.Handler overdue, Workload.Handler workload, FormOptions.Handler options, ReferenceData reference, TimeProvider clock)
    {
        public async Task<View> HandleAsync(ReportScope scope, OverdueNow.Filter filter, bool english, CancellationToken cancellationToken)
        {
            var choices = await options.HandleAsync(english, cancellationToken);
            var (today, late, readiness, officers) = await ComputeAsync(scope, filter, cancellationToken);
            return new View(filter, today, late, readiness, officers, choices);
        }

        /// <summary>Only whether the OPDs can work their inboxes: what the period exports add to their summary.</summary>
        public async Task<Readiness> ReadinessAsync(ReportScope scope, OverdueNow.Filter filter, CancellationToken cancellationToken) =>
            (await ComputeAsync(scope, filter, cancellationToken)).Readiness;

        private async Task<(DateOnly Today, IReadOnlyList<OverdueNow.Count> Late, Readiness Readiness, Workload.View Workload)> ComputeAsync(
            ReportScope scope, OverdueNow.Filter filter, CancellationToken cancellationToken)
        {
            // The same reports and agencies the overdue lists read, so each count matches the list it opens.
            var narrowing = filter.Narrowing();
            var reports = await report.ScopedAsync(scope, narrowing, cancellationToken);
            var agencies = await overdue.AgenciesAsync(scope, filter, cancellationToken);
            var snapshot = await workload.SnapshotAsync(agencies, await report.ReportsToTestAsync(scope, narrowing, cancellationToken), cancellationToken);
            var verifyLate = OverdueNow.Handler.WatchesVerification(scope) ? await reports.CountAsync(LateNow.Verification(snapshot.Today), cancellationToken) : 0;
            var names = await reference.AgencyNamesAsync(cancellationToken);

            var perAgency = snapshot.Tallies.GroupBy(t => t.AgencyId)
                .Select(g => new OverdueNow.Count(g.Key, names.GetValueOrDefault(g.Key, "?"), 0, g.Sum(t => t.FirstResponseLate), g.Sum(t => t.CompletionLate)))
                .Where(c => c.Total > 0)
                .OrderByDescending(c => c.Total).ThenBy(c => c.Agency, StringComparer.CurrentCulture);
            IReadOnlyList<OverdueNow.Count> late = verifyLate > 0 ? [new OverdueNow.Count(null, null, verifyLate, 0, 0), .. perAgency] : [.. perAgency];

            return (snapshot.Today, late, await ReadinessOfAsync(agencies, snapshot, names, cancellationToken), snapshot.ToView(names));
        }

        private async Task<Readiness> ReadinessOfAsync(
            IReadOnlyCollection<int> agencies, Workload.Snapshot snapshot, IReadOnlyDictionary<int, string> names, CancellationToken cancellationToken)
        {
            // OPDs and their sub-units take reports; a BUMD or the coordinators' own office is not counted.
            var inScope = agencies.ToHashSet();
            var opds = (await reference.AgenciesAsync(cancellationToken))
                .Where(a => inScope.Contains(a.Id) && a.IsActive && a.Kind is AgencyKind.Opd or AgencyKind.SubUnit)
                .Select(a => a.Id).ToList();

            var since = clock.GetUtcNow().AddDays(-30);
            var active = snapshot.Officers.Where(o => o.Active).ToLookup(o => o.AgencyId);
            var staffed = opds.Count(id => active[id].Any());
            var signedIn = opds.Count(id => active[id].Any(o => o.LastSignIn >= since));
            var unstaffedWork = snapshot.Tallies.Where(t => !active[t.AgencyId].Any()).Sum(t => t.Open);
            var idle = opds.Where(id => !active[id].Any(o => o.LastSignIn >= since))
                .Select(id => new IdleAgency(id, names.GetValueOrDefault(id, "?"), active[id].Any(), active[id].Max(o => o.LastSignIn)))
                .OrderBy(a => a.Staffed).ThenBy(a => a.LastSignIn).ThenBy(a => a.Agency, StringComparer.CurrentCulture)
                .ToList();
            return new Readiness(Rates.OfAgencies(staffed, opds.Count), Rates.OfAgencies(signedIn, opds.Count), unstaffedWork, idle);
        }
    }
}
