using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Workflow;

namespace Lapor.Web.Features.Integrations.Intake;

/// <summary>A photo or document sent with a message, already fetched from the platform; it goes through the web form's checks before it is kept.</summary>
public sealed record IncomingMedia(string FileName, string ContentType, byte[] Content);

/// <summary>One incoming message, whatever the platform: who, what, where to answer, and a token that makes a retry file once.</summary>
public sealed record IncomingMessage(Channel Channel, Guid Token, string Text, string? Name, string? Phone, NotificationChannel ReplyChannel, string ReplyTo)
{
    /// <summary>Photos or documents that came with the text.</summary>
    public IReadOnlyList<IncomingMedia> Media { get; init; } = [];

    private const int MaxNameLength = 150;

    /// <summary>An SMS or WhatsApp gateway's message; null when it lacks an id, a sender or text.</summary>
    public static IncomingMessage? FromGateway(byte[] body, Channel channel)
    {
        var message = Parse<GatewayMessage>(body);
        if (message is not { MessageId.Length: > 0 and <= 100, From.Length: > 0 and <= 30 } || string.IsNullOrWhiteSpace(message.Text))
        {
            return null;
        }

        var from = message.From.Trim();
        return new IncomingMessage(channel, ReportFiling.TokenFrom($"intake:{channel}:{message.MessageId}"), message.Text.Trim(), Clip(message.Name), from,
            channel == Channel.Sms ? NotificationChannel.Sms : NotificationChannel.WhatsApp, from);
    }

    /// <summary>A Telegram update; null unless it is text in a private chat that is not a command such as /start (every new user's first message).</summary>
    public static IncomingMessage? FromTelegram(byte[] body)
    {
        var update = Parse<TelegramUpdate>(body);
        if (update?.Message is not { Chat: { Type: "private" } chat } message || string.IsNullOrWhiteSpace(message.Text) || message.Text.TrimStart().StartsWith('/'))
        {
            return null;
        }

        return new IncomingMessage(Channel.Telegram, ReportFiling.TokenFrom($"intake:{Channel.Telegram}:{chat.Id}:{message.MessageId}"), message.Text.Trim(),
            Clip(string.Join(' ', new[] { message.From?.FirstName, message.From?.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)))),
            null, NotificationChannel.Telegram, chat.Id.ToString(CultureInfo.InvariantCulture));
    }

    private static string? Clip(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : name.Trim()[..Math.Min(MaxNameLength, name.Trim().Length)];

    private static T? Parse<T>(byte[] body) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>What an SMS or WhatsApp gateway posts: one incoming message (documented in docs/architecture.md).</summary>
public sealed class GatewayMessage
{
    /// <summary>The gateway's own id of the message: a repeated id files once.</summary>
    [JsonPropertyName("message_id")] public string? MessageId { get; set; }

    /// <summary>The sender's number (international form, e.g. +6281234567890); replies go there.</summary>
    [JsonPropertyName("from")] public string? From { get; set; }

    /// <summary>The sender's name when the platform knows it (WhatsApp profile name).</summary>
    [JsonPropertyName("name")] public string? Name { get; set; }

    [JsonPropertyName("text")] public string? Text { get; set; }
}

/// <summary>The part of a Telegram Bot API <c>Update</c> the intake reads (https://core.telegram.org/bots/api#update).</summary>
public sealed class TelegramUpdate
{
    [JsonPropertyName("update_id")] public long UpdateId { get; set; }
    [JsonPropertyName("message")] public TelegramMessage? Message { get; set; }
}

public sealed class TelegramMessage
{
    [JsonPropertyName("message_id")] public long MessageId { get; set; }
    [JsonPropertyName("from")] public TelegramUser? From { get; set; }
    [JsonPropertyName("chat")] public TelegramChat? Chat { get; set; }
    [JsonPropertyName("text")] public string? Text { get; set; }
}

public sealed class TelegramUser
{
    [JsonPropertyName("id")] public long Id { get; set; }
    [JsonPropertyName("first_name")] public string? FirstName { get; set; }
    [JsonPropertyName("last_name")] public string? LastName { get; set; }
}

public sealed class TelegramChat
{
    [JsonPropertyName("id")] public long Id { get; set; }

    /// <summary>"private" for a one-to-one chat with the bot; groups and channels are not reporters.</summary>
    [JsonPropertyName("type")] public string? Type { get; set; }
}
