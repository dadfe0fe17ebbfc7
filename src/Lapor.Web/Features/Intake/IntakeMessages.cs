using System.Text.Json.Serialization;

namespace Lapor.Web.Features.Intake;

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
