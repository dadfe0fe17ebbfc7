using Lapor.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>The outbox, its dispatcher and the daily digest, and SMTP or the pickup folder as the way out (pickup wins when configured).</summary>
    public static IServiceCollection AddLaporNotifications(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.PickupDirectory) || !string.IsNullOrWhiteSpace(o.SmtpHost), "Set Mail:PickupDirectory or Mail:SmtpHost.")
            .Validate(o => o.DigestInterval > TimeSpan.Zero, "Mail:DigestInterval must be positive.")
            .ValidateOnStart();
        services.AddOptions<Channels.ChannelOptions>().BindConfiguration(Channels.ChannelOptions.Section);
        services.AddSingleton<MailTemplates>();
        services.AddSingleton<IMailSender>(provider =>
            string.IsNullOrWhiteSpace(provider.GetRequiredService<IOptions<MailOptions>>().Value.PickupDirectory)
                ? ActivatorUtilities.CreateInstance<SmtpMailSender>(provider)
                : ActivatorUtilities.CreateInstance<PickupDirectoryMailSender>(provider));
        // Replies to SMS, WhatsApp and Telegram reporters: logged until a gateway is configured (issue: channel gateways).
        services.AddSingleton<IChannelMessageSender, LoggingChannelMessageSender>();
        services.AddScoped<Recipients>();
        services.AddScoped<NotificationOutbox>();
        services.AddPeriodicJob<OutboxDispatcher, MailOptions>(o => o.DispatchEnabled, o => o.PollInterval);
        return services;
    }
}
