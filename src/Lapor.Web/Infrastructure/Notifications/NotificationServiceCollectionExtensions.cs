using Lapor.Web.Infrastructure.Channels;
using Lapor.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>The outbox, its dispatcher and the daily digest, SMTP or the pickup folder as the way out for mail (pickup wins when configured), and the chat and SMS senders.</summary>
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
        services.AddScoped<Recipients>();
        services.AddScoped<NotificationOutbox>();
        services.AddPeriodicJob<OutboxDispatcher, MailOptions>(o => o.DispatchEnabled, o => o.PollInterval);
        return services;
    }
}
