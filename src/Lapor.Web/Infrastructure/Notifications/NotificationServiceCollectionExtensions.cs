using Lapor.Web.Infrastructure.Channels;
using Lapor.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>The outbox, its dispatcher and the daily digest, SMTP or the pickup folder as the way out for mail (pickup wins when configured), the chat and SMS senders, and API clients' webhooks.</summary>
    public static IServiceCollection AddLaporNotifications(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.PickupDirectory) || !string.IsNullOrWhiteSpace(o.SmtpHost), "Set Mail:PickupDirectory or Mail:SmtpHost.")
            .Validate(o => o.DigestInterval > TimeSpan.Zero, "Mail:DigestInterval must be positive.")
            .ValidateOnStart();
        services.AddSingleton<MailTemplates>();
        services.AddSingleton<IMailSender>(provider =>
            string.IsNullOrWhiteSpace(provider.GetRequiredService<IOptions<MailOptions>>().Value.PickupDirectory)
                ? ActivatorUtilities.CreateInstance<SmtpMailSender>(provider)
                : ActivatorUtilities.CreateInstance<PickupDirectoryMailSender>(provider));
        // Replies to SMS, WhatsApp and Telegram reporters: each channel's sender once its credentials are configured.
        services.AddLaporChannels();
        services.AddScoped<IChannelMessageSender, ChannelSenders>();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section)
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Timeout <= TimeSpan.FromMinutes(1), "Webhooks:Timeout must be between 0 and 1 minute.")
            .ValidateOnStart();

        // API clients' webhooks: no redirects (the administrator set this address, not the receiver), a short timeout; the outbox retries.
        services.AddHttpClient(WebhookSender.HttpClientName, (provider, client) =>
            {
                client.Timeout = provider.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Lapor-Webhook/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddScoped<WebhookSender>();
        services.AddSingleton<Integrations.WebhookSecrets>();
        services.AddScoped<Recipients>();
        services.AddScoped<NotificationOutbox>();
        services.AddPeriodicJob<OutboxDispatcher, MailOptions>(o => o.DispatchEnabled, o => o.PollInterval);
        return services;
    }
}
