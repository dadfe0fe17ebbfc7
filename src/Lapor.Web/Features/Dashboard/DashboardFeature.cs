namespace Lapor.Web.Features.Dashboard;

public static class DashboardFeature
{
    /// <summary>The coordinator dashboard: period figures, drill-down and exports.</summary>
    public static IServiceCollection AddDashboardFeature(this IServiceCollection services) => services
        .AddScoped<PeriodReport.Handler>()
        .AddScoped<DrillDown.Handler>();
}
