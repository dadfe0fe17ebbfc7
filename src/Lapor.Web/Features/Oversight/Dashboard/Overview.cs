using Lapor.Web.Features.Shared.Forms;
using Lapor.Web.Infrastructure.Authorization;

namespace Lapor.Web.Features.Oversight.Dashboard;

/// <summary>The dashboard page: the period report, and the agencies and categories its filter offers.</summary>
public static class Overview
{
    public sealed record Page(PeriodReport.View Report, FormOptions.View Options);

    public sealed class Handler(PeriodReport.Handler report, FormOptions.Handler options)
    {
        public async Task<Page> HandleAsync(ReportScope scope, PeriodReport.Filter filter, bool english, CancellationToken cancellationToken)
        {
            var choices = await options.HandleAsync(english, cancellationToken);
            return new Page(await report.HandleAsync(scope, filter, cancellationToken), choices);
        }
    }
}
