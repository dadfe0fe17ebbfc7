using Lapor.Web.Domain.Notifications;

namespace Lapor.Web.Infrastructure.Notifications;

/// <summary>Delivers a short text to a reporter on SMS, WhatsApp or Telegram; throws when it could not, so the outbox retries.</summary>
public interface IChannelMessageSender
{
    Task SendAsync(NotificationChannel channel, string recipient, string text, CancellationToken cancellationToken);
}

/// <summary>
/// The sender until a gateway is plugged in: writes the reply to the log. The recipient is masked
/// to its last four characters, since logs never carry reporter contacts.
/// </summary>
public sealed partial class LoggingChannelMessageSender(ILogger<LoggingChannelMessageSender> logger) : IChannelMessageSender
{
    public Task SendAsync(NotificationChannel channel, string recipient, string text, CancellationToken cancellationToken)
    {
        Log(logger, channel, ContactMask.Recipient(recipient), text);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reply on {Channel} to {Recipient}: {Text}")]
    private static partial void Log(ILogger logger, NotificationChannel channel, string recipient, string text);
}
