using Lapor.Web.Features.Oversight.Dashboard;

namespace Lapor.Web.Features.Oversight;

public static class OversightArea
{
    /// <summary>The coordinator dashboard: period figures, drill-down, print and exports.</summary>
    public static IServiceCollection AddOversightArea(this IServiceCollection services) => services
        .AddScoped<PeriodReport.Handler>()
        .AddScoped<DrillDown.Handler>();
}
