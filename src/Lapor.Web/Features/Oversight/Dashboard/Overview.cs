using Lapor.Web.Features.Shared.Forms;
using Lapor.Web.Features.Shared.Staffing;
using Lapor.Web.Infrastructure.Authorization;

namespace Lapor.Web.Features.Oversight.Dashboard;

/// <summary>The dashboard page: the period report, what is late now per agency, the officers' workload, and the agencies and categories its filter offers.</summary>
public static class Overview
{
    public sealed record Page(PeriodReport.View Report, FormOptions.View Options, IReadOnlyList<OverdueNow.Count> Overdue, Workload.View Workload);

    public sealed class Handler(PeriodReport.Handler report, OverdueNow.Handler overdue, Workload.Handler workload, FormOptions.Handler options)
    {
        public async Task<Page> HandleAsync(ReportScope scope, PeriodReport.Filter filter, bool english, CancellationToken cancellationToken)
        {
            var choices = await options.HandleAsync(english, cancellationToken);
            var period = await report.HandleAsync(scope, filter, cancellationToken);
            var late = await overdue.CountsAsync(scope, filter, cancellationToken);

            // The officers of the agencies the viewer answers for: an agency head's own, a coordinator's or overseer's subtree.
            var officers = await workload.ForAgenciesAsync(scope.Subtree.Count > 0 ? scope.Subtree : scope.AssignedAgencies, cancellationToken);
            return new Page(period, choices, late, officers);
        }
    }
}
