namespace Lapor.Web.Infrastructure.Channels;

/// <summary>
/// How Lapor reaches the chat and SMS platforms (configuration section <c>Channels</c>): the credentials
/// and addresses its outgoing calls use — replies to reporters, and fetching the photos they send. A
/// platform without its credentials is not connected. The intake's webhook secrets are <c>Intake</c>'s.
/// </summary>
public sealed class ChannelOptions
{
    public const string Section = "Channels";

    public TelegramChannelOptions Telegram { get; set; } = new();

    public WhatsAppChannelOptions WhatsApp { get; set; } = new();

    public SmsGatewayOptions Sms { get; set; } = new();
}

/// <summary>The Telegram Bot API (https://core.telegram.org/bots/api).</summary>
public sealed class TelegramChannelOptions
{
    /// <summary>The bot's token from BotFather; empty: Telegram is not connected.</summary>
    public string? BotToken { get; set; }

    /// <summary>The Bot API's address (a local stand-in in tests).</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://api.telegram.org/");
}

/// <summary>The WhatsApp Business Cloud API (Meta's Graph API).</summary>
public sealed class WhatsAppChannelOptions
{
    /// <summary>A system user's access token; empty: WhatsApp is not connected.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The id of the business phone number messages are sent from.</summary>
    public string? PhoneNumberId { get; set; }

    /// <summary>The Graph API's address with its version (a local stand-in in tests).</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://graph.facebook.com/v21.0/");
}

/// <summary>A generic HTTP SMS gateway, as Indonesian regions buy them: one request per message.</summary>
public sealed class SmsGatewayOptions
{
    /// <summary>The gateway's send address; empty: SMS is not connected.</summary>
    public Uri? Url { get; set; }
}
