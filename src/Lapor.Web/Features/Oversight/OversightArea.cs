using Lapor.Web.Features.Oversight.Dashboard;
using Lapor.Web.Features.Oversight.Evidence;
using Lapor.Web.Features.Oversight.Exports;
using Lapor.Web.Infrastructure.Localization;

namespace Lapor.Web.Features.Oversight;

public static class OversightArea
{
    /// <summary>The coordinator dashboard: period figures, who is late now, drill-down, print and exports, and the evaluation's evidence pack.</summary>
    public static IServiceCollection AddOversightArea(this IServiceCollection services) => services
        .AddAreaTexts<OversightResource>()
        .AddScoped<PeriodReport.Handler>()
        .AddScoped<Overview.Handler>()
        .AddScoped<DrillDown.Handler>()
        .AddScoped<OverdueNow.Handler>()
        .AddScoped<WhoIsLate.Handler>()
        .AddScoped<ReportList.Handler>()
        .AddScoped<PeriodFile.Handler>()
        .AddScoped<EvidencePack.Handler>()
        .AddScoped<EvidenceFile.Handler>()
        .AddScoped<EvidencePage.Handler>()
        .AddScoped<OutreachLog.Handler>();
}
