using Lapor.Web.Domain.Notifications;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Channels;

/// <summary>
/// The way out for replies to reporters: each channel's sender when its credentials are configured
/// (<see cref="ChannelOptions"/>). A channel without them is not connected: the message is reported
/// so and waits in the outbox (in Development it is also written to the log), never counted as sent.
/// </summary>
public sealed class ChannelSenders(
    IOptions<ChannelOptions> options, IServiceProvider services, IHostEnvironment environment, ILogger<LoggingChannelMessageSender> developmentLog) : IChannelMessageSender
{
    public Task SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        return message.Channel switch
        {
            NotificationChannel.Telegram when settings.Telegram.Connected => services.GetRequiredService<TelegramBotSender>().SendAsync(message, cancellationToken),
            NotificationChannel.WhatsApp when settings.WhatsApp.Connected => services.GetRequiredService<WhatsAppCloudSender>().SendAsync(message, cancellationToken),
            NotificationChannel.Sms when settings.Sms.Connected => services.GetRequiredService<SmsGatewaySender>().SendAsync(message, cancellationToken),
            _ when environment.IsDevelopment() => new LoggingChannelMessageSender(developmentLog).SendAsync(message, cancellationToken),
            _ => throw new ChannelNotConnectedException(message.Channel),
        };
    }

    public bool IsConnected(NotificationChannel channel) => channel switch
    {
        NotificationChannel.Telegram => options.Value.Telegram.Connected,
        NotificationChannel.WhatsApp => options.Value.WhatsApp.Connected,
        NotificationChannel.Sms => options.Value.Sms.Connected,
        _ => false,
    };
}
