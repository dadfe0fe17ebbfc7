using Lapor.Web.Domain.Notifications;

namespace Lapor.Web.Infrastructure.Notifications;

/// <summary>
/// One reply to a reporter on SMS, WhatsApp or Telegram; the tracking number, when known, goes into
/// WhatsApp's template, with <see cref="TemplateText"/> (the same message with its answer clipped to
/// the template parameter's room) when there is one.
/// </summary>
public sealed record ChannelMessage(NotificationChannel Channel, string Recipient, string Text, string? TrackingNumber)
{
    public string? TemplateText { get; init; }
}

/// <summary>
/// Delivers a short text to a reporter on SMS, WhatsApp or Telegram. Returns only when the platform
/// accepted it; otherwise throws <see cref="ChannelNotConnectedException"/> (nothing configured for
/// the channel: the message waits), <see cref="ChannelDeliveryException"/> (the platform refused or
/// failed: permanent or not), or any other exception (retried by the outbox).
/// </summary>
public interface IChannelMessageSender
{
    Task SendAsync(ChannelMessage message, CancellationToken cancellationToken);

    /// <summary>Whether a sender is configured for the channel now (messages waiting for it can leave).</summary>
    bool IsConnected(NotificationChannel channel);
}

/// <summary>No sender is configured for the channel: the message was not sent and must wait.</summary>
public sealed class ChannelNotConnectedException(NotificationChannel channel)
    : Exception($"{channel} is not connected: no sender is configured for it.")
{
    public NotificationChannel Channel { get; } = channel;
}

/// <summary>
/// A platform answered but did not take the message. <see cref="Permanent"/> when sending it again
/// cannot help (the bot is blocked, the number is invalid); <see cref="RetryAfter"/> when the platform
/// asked to wait (HTTP 429). The message never holds a token; the recipient is masked where it is stored.
/// </summary>
public sealed class ChannelDeliveryException(string message, bool permanent, TimeSpan? retryAfter = null, int? providerCode = null) : Exception(message)
{
    public bool Permanent { get; } = permanent;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>The platform's own error code (Telegram's error_code, the Graph API's error.code).</summary>
    public int? ProviderCode { get; } = providerCode;
}

/// <summary>
/// Development only, for a channel with no sender configured: writes the reply to the log (recipient
/// masked, since logs never carry reporter contacts) so a developer can read it, then reports the
/// channel as not connected, so the message is never counted as sent.
/// </summary>
public sealed partial class LoggingChannelMessageSender(ILogger<LoggingChannelMessageSender> logger) : IChannelMessageSender
{
    public Task SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        Log(logger, message.Channel, ContactMask.Recipient(message.Recipient), ContactMask.Text(message.Text, message.Recipient));
        throw new ChannelNotConnectedException(message.Channel);
    }

    public bool IsConnected(NotificationChannel channel) => false;

    [LoggerMessage(Level = LogLevel.Information, Message = "Reply on {Channel} to {Recipient} (not sent: the channel is not connected): {Text}")]
    private static partial void Log(ILogger logger, NotificationChannel channel, string recipient, string text);
}
