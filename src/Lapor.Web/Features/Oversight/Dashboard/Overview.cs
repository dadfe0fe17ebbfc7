using Lapor.Web.Features.Shared.Forms;
using Lapor.Web.Infrastructure.Authorization;

namespace Lapor.Web.Features.Oversight.Dashboard;

/// <summary>The dashboard's first page: the period report, and the agencies and categories its filter offers. What is late now has its own page (<see cref="WhoIsLate"/>).</summary>
public static class Overview
{
    public sealed record Page(PeriodReport.View Report, FormOptions.View Options);

    /// <summary>The dashboard's two pages as tabs; each link keeps the narrowing (agency, category, classification, channel) of the page it leaves.</summary>
    public sealed record Tabs(bool Now, PeriodReport.Filter Narrowing);

    /// <summary>The narrowing fields of a dashboard page's filter form; the agency binds to <paramref name="AgencyField"/> (the period report's and the overdue lists' names differ).</summary>
    public sealed record Narrowing(PeriodReport.Filter Values, FormOptions.View Options, string AgencyField);

    public sealed class Handler(PeriodReport.Handler report, FormOptions.Handler options)
    {
        public async Task<Page> HandleAsync(ReportScope scope, PeriodReport.Filter filter, bool english, CancellationToken cancellationToken) =>
            new(await report.HandleAsync(scope, filter, cancellationToken), await options.HandleAsync(english, cancellationToken));
    }
}
