using Lapor.Web.Features.Integrations.Intake;
using Lapor.Web.Features.Integrations.Open311;
using Lapor.Web.Infrastructure.Integrations;
using Lapor.Web.Infrastructure.Localization;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Features.Integrations;

public static class IntegrationsArea
{
    /// <summary>The Open311 GeoReport v2 API and the SMS, WhatsApp and Telegram intake webhooks.</summary>
    public static IServiceCollection AddIntegrationsArea(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAreaTexts<IntegrationsResource>();
        services.AddOptions<Open311Options>().Bind(configuration.GetSection(Open311Options.Section))
            .Validate(o => o.PageSize is >= 1 and <= 1000, "Open311:PageSize must be between 1 and 1000.")
            .Validate(o => o.RetryWindow >= TimeSpan.Zero && o.RetryWindow <= TimeSpan.FromDays(1), "Open311:RetryWindow must be between 00:00:00 and 1.00:00:00.").ValidateOnStart();

        // The GET methods are public data: any web page may read them, without cookies (none are needed).
        services.AddCors(o => o.AddPolicy(Open311Controller.ReadPolicy, policy => policy.AllowAnyOrigin().WithMethods("GET", "HEAD").AllowAnyHeader()));
        services.AddOptions<IntakeOptions>().Bind(configuration.GetSection(IntakeOptions.Section))
            .Validate(o => new[] { o.SmsForm.FromField, o.SmsForm.TextField, o.SmsForm.MessageIdField, o.SmsForm.TokenHeader }.All(f => !string.IsNullOrWhiteSpace(f)),
                "Intake:SmsForm:FromField, TextField, MessageIdField and TokenHeader must not be empty.")
            .Validate(o => o.MediaTimeout > TimeSpan.Zero && o.MediaTimeout <= TimeSpan.FromMinutes(2), "Intake:MediaTimeout must be between 0 and 2 minutes.")
            .ValidateOnStart();

        // The photos reporters send on WhatsApp and Telegram; the clients log no addresses (Telegram's carry the bot token).
        foreach (var client in new[] { PlatformMedia.WhatsAppClient, PlatformMedia.TelegramClient })
        {
            services.AddHttpClient(client, (provider, http) => http.Timeout = provider.GetRequiredService<IOptions<IntakeOptions>>().Value.MediaTimeout).RemoveAllLoggers();
        }

        services.AddScoped<PlatformMedia>();
        services.AddSingleton<ApiClientRateLimits>().AddScoped<ApiClientGate>();
        services.AddScoped<ConversationReplies>().AddScoped<ConversationVerdicts>().AddScoped<ConversationPrivacy>().AddScoped<Conversation>();
        services.AddScoped<RequestUpdates.Handler>();
        return services.AddScoped<ServiceCatalogue>().AddScoped<ServiceRequests.Handler>().AddScoped<NewServiceRequest.Handler>().AddScoped<RequestByToken.Handler>()
            .AddProblemDetails();
    }
}
