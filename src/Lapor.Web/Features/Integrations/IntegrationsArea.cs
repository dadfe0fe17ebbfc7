using Lapor.Web.Features.Integrations.Intake;
using Lapor.Web.Features.Integrations.Open311;
using Lapor.Web.Infrastructure.Integrations;
using Lapor.Web.Infrastructure.Localization;

namespace Lapor.Web.Features.Integrations;

public static class IntegrationsArea
{
    /// <summary>The Open311 GeoReport v2 API and the SMS, WhatsApp and Telegram intake webhooks.</summary>
    public static IServiceCollection AddIntegrationsArea(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAreaTexts<IntegrationsResource>();
        services.AddOptions<Open311Options>().Bind(configuration.GetSection(Open311Options.Section))
            .Validate(o => o.PageSize is >= 1 and <= 1000, "Open311:PageSize must be between 1 and 1000.").ValidateOnStart();
        services.AddOptions<IntakeOptions>().Bind(configuration.GetSection(IntakeOptions.Section));
        services.AddSingleton<ApiClientRateLimits>().AddScoped<ApiClientGate>();
        services.AddScoped<Conversation>();
        services.AddScoped<RequestUpdates.Handler>();
        return services.AddScoped<ServiceCatalogue>().AddScoped<ServiceRequests.Handler>().AddScoped<NewServiceRequest.Handler>().AddScoped<RequestByToken.Handler>()
            .AddProblemDetails();
    }
}
