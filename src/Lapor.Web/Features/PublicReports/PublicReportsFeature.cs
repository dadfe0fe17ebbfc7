namespace Lapor.Web.Features.PublicReports;

public static class PublicReportsFeature
{
    public static IServiceCollection AddPublicReportsFeature(this IServiceCollection services) => services
        .AddScoped<PublicList.Handler>()
        .AddScoped<PublicDetail.Handler>()
        .AddScoped<Support.Handler>()
        .AddScoped<PublicStatistics.Handler>();
}
