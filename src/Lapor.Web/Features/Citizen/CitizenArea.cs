using Lapor.Web.Features.Citizen.Filing;
using Lapor.Web.Features.Citizen.MyReports;
using Lapor.Web.Features.Citizen.Operators;
using Lapor.Web.Features.Citizen.Privacy;
using Lapor.Web.Features.Citizen.PublicReports;
using Lapor.Web.Features.Citizen.Tracking;
using Lapor.Web.Infrastructure.Localization;

namespace Lapor.Web.Features.Citizen;

public static class CitizenArea
{
    /// <summary>Filing, tracking with the access code, the reporter's own steps, "my reports" and the public pages.</summary>
    public static IServiceCollection AddCitizenArea(this IServiceCollection services) => services
        .AddAreaTexts<CitizenResource>()
        .AddSingleton<TrackingAccess>()
        .AddSingleton<FilingReceipt>()
        .AddScoped<Submit.Handler>()
        .AddScoped<SupportOffers.Handler>()
        .AddScoped<Track.Handler>()
        .AddScoped<Unlock.Handler>()
        .AddScoped<Lookup.Handler>()
        .AddScoped<ReportLink.OpenHandler>()
        .AddScoped<ReportLink.ResendHandler>()
        .AddScoped<ReporterEscalation.Handler>()
        .AddScoped<Mine.Handler>()
        .AddScoped<ReadNotice.Handler>()
        .AddScoped<PublicList.Handler>()
        .AddScoped<PublicDetail.Handler>()
        .AddScoped<PublicMap.Handler>()
        .AddScoped<Support.Handler>()
        .AddScoped<PublicStatistics.Handler>()
        .AddScoped<OperatorDesk.ServicePointHandler>()
        .AddScoped<OperatorDesk.FileHandler>()
        .AddScoped<OperatorDesk.ReprintHandler>()
        .AddScoped<OperatorDesk.ListHandler>()
        .AddScoped<OperatorDesk.ReportHandler>();
}
