namespace Lapor.Web.Features.Open311;

public static class Open311Feature
{
    public static IServiceCollection AddOpen311Feature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Open311Options>().Bind(configuration.GetSection(Open311Options.Section))
            .Validate(o => o.PageSize is >= 1 and <= 1000, "Open311:PageSize must be between 1 and 1000.").ValidateOnStart();
        services.AddSingleton<Infrastructure.Integrations.ApiClientRateLimits>().AddScoped<Infrastructure.Integrations.ApiClientGate>();
        return services.AddScoped<ServiceCatalogue>().AddScoped<ServiceRequests.Handler>().AddScoped<NewServiceRequest.Handler>();
    }
}
