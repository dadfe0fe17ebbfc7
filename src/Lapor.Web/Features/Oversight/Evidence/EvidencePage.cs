using Lapor.Web.Features.Oversight.Dashboard;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Caching;
using Lapor.Web.Infrastructure.Deadlines;

namespace Lapor.Web.Features.Oversight.Evidence;

/// <summary>The evidence page: the period's download links, the agencies still without a liaison decree, and the period's outreach events.</summary>
public static class EvidencePage
{
    /// <summary><paramref name="CanRecord"/>: the viewer is a coordinator (oversight only reads).</summary>
    public sealed record View(
        PeriodReport.Filter Filter, DateOnly From, DateOnly To, DateOnly Today, string Region, IReadOnlyList<EvidencePack.DecreeRow> WithoutDecree, int Agencies,
        IReadOnlyList<OutreachLog.Item> Events, bool CanRecord);

    public sealed class Handler(EvidencePack.Handler pack, OutreachLog.Handler outreach, ReferenceData reference, DeadlineScheduleProvider schedules, TimeProvider clock)
    {
        public async Task<View> HandleAsync(ReportScope scope, PeriodReport.Filter filter, bool canRecord, CancellationToken cancellationToken)
        {
            var period = EvidencePack.PeriodOnly(filter);
            var today = (await schedules.GetAsync(cancellationToken)).LocalDate(clock.GetUtcNow());
            var (from, to) = period.Range(today);
            var decrees = await pack.DecreesAsync(scope, cancellationToken);
            return new View(period, from, to, today, RegionTops.Name(scope.Subtree, await reference.AgencySetAsync(cancellationToken)),
                [.. decrees.Where(d => d.Standing == Domain.Agencies.DecreeStanding.Missing)], decrees.Count,
                await outreach.InPeriodAsync(scope, from, to, cancellationToken), canRecord);
        }
    }
}
