using System.Text.Json.Serialization;
using Lapor.Web.Domain.Reports;

namespace Lapor.Web.Features.Integrations.Intake;

/// <summary>
/// A WhatsApp Cloud API webhook notification, as Meta documents it: <c>object:
/// whatsapp_business_account</c>, <c>entry[].changes[].value</c> with the reporters' <c>messages</c>
/// (or <c>statuses</c> of what Lapor sent, which are not messages) and their <c>contacts</c>.
/// </summary>
public sealed class WhatsAppWebhook
{
    [JsonPropertyName("object")] public string? Kind { get; set; }
    [JsonPropertyName("entry")] public List<WhatsAppEntry>? Entry { get; set; }

    /// <summary>
    /// The messages of a notification: text (a button's or list's reply by its visible title), images or
    /// documents with their caption, locations, and the kinds Lapor does not take (audio, video, stickers,
    /// contacts, files of other types), so the reporter hears which are. Null when the body is not a WhatsApp
    /// Business notification at all; empty when it holds no message (delivery statuses, reactions, system notices).
    /// </summary>
    public static IReadOnlyList<WebhookMessage>? Read(byte[] body)
    {
        if (IncomingMessage.Parse<WhatsAppWebhook>(body) is not { Kind: "whatsapp_business_account" } notification)
        {
            return null;
        }

        var messages = new List<WebhookMessage>();
        foreach (var value in (notification.Entry ?? []).SelectMany(e => e.Changes ?? []).Select(c => c.Value).OfType<WhatsAppValue>())
        {
            foreach (var message in value.Messages ?? [])
            {
                if (Read(message, value.Contacts) is { } read)
                {
                    messages.Add(read);
                }
            }
        }

        return messages;
    }

    private static WebhookMessage? Read(WhatsAppMessage message, List<WhatsAppContact>? contacts)
    {
        // WhatsApp ids are the number in international form without "+": with it, any country's number is E.164 (PhoneNumber).
        if (message.From is not { Length: > 0 and <= 20 } from || !from.All(char.IsAsciiDigit))
        {
            return null;
        }

        var (text, media) = message.Type switch
        {
            "text" => (message.Text?.Body, null),
            "image" => (message.Image?.Caption, message.Image),
            "document" => (message.Document?.Caption, message.Document),
            "interactive" => (message.Interactive?.ButtonReply?.Title ?? message.Interactive?.ListReply?.Title, null),
            "button" => (message.Button?.Text, null),
            _ => ((string?)null, (WhatsAppMedia?)null),
        };
        var references = media is { Id.Length: > 0 } && MediaReference.IsAccepted(media.MimeType)
            ? new[] { new MediaReference(media.Id, media.FileName, media.MimeType) }
            : [];
        var location = message is { Type: "location", Location: { } point } ? SentLocation.From(point.Latitude, point.Longitude, point.Name, point.Address) : null;
        var withoutContent = string.IsNullOrWhiteSpace(text) && references.Length == 0 && location is null;
        var notTaken = withoutContent && message.Type is "audio" or "video" or "sticker" or "contacts" or "image" or "document" or "unsupported";
        if (withoutContent && !notTaken)
        {
            return null;
        }

        var name = contacts?.FirstOrDefault(c => c.WaId == from)?.Profile?.Name ?? contacts?.FirstOrDefault()?.Profile?.Name;
        return IncomingMessage.FromSender(Channel.WhatsApp, message.Id, "+" + from, name, text, textOptional: true) is { } incoming
            ? new WebhookMessage(incoming with { Location = location }, references) { OfAKindNotTaken = notTaken }
            : null;
    }
}

public sealed class WhatsAppEntry
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("changes")] public List<WhatsAppChange>? Changes { get; set; }
}

public sealed class WhatsAppChange
{
    /// <summary>"messages" for the messages webhook field.</summary>
    [JsonPropertyName("field")] public string? Field { get; set; }
    [JsonPropertyName("value")] public WhatsAppValue? Value { get; set; }
}

public sealed class WhatsAppValue
{
    [JsonPropertyName("messaging_product")] public string? MessagingProduct { get; set; }
    [JsonPropertyName("contacts")] public List<WhatsAppContact>? Contacts { get; set; }
    [JsonPropertyName("messages")] public List<WhatsAppMessage>? Messages { get; set; }
}

public sealed class WhatsAppContact
{
    [JsonPropertyName("wa_id")] public string? WaId { get; set; }
    [JsonPropertyName("profile")] public WhatsAppProfile? Profile { get; set; }
}

public sealed class WhatsAppProfile
{
    [JsonPropertyName("name")] public string? Name { get; set; }
}

public sealed class WhatsAppMessage
{
    [JsonPropertyName("from")] public string? From { get; set; }

    /// <summary>The message id (<c>wamid.…</c>): a repeated id files once.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }

    /// <summary>Unix seconds, as a string.</summary>
    [JsonPropertyName("timestamp")] public string? Timestamp { get; set; }

    /// <summary>text, image, document, location, interactive, button (taken); audio, video, sticker, contacts, unsupported (answered with what is taken); reaction, system, … (acknowledged only).</summary>
    [JsonPropertyName("type")] public string? Type { get; set; }

    [JsonPropertyName("text")] public WhatsAppText? Text { get; set; }
    [JsonPropertyName("image")] public WhatsAppMedia? Image { get; set; }
    [JsonPropertyName("document")] public WhatsAppMedia? Document { get; set; }
    [JsonPropertyName("location")] public WhatsAppLocation? Location { get; set; }

    /// <summary>A reply to an interactive message: the button or list row the reporter tapped.</summary>
    [JsonPropertyName("interactive")] public WhatsAppInteractive? Interactive { get; set; }

    /// <summary>A template's quick-reply button the reporter tapped.</summary>
    [JsonPropertyName("button")] public WhatsAppButton? Button { get; set; }
}

/// <summary>A shared place: the point, with a name and address when the reporter picked a saved place.</summary>
public sealed class WhatsAppLocation
{
    [JsonPropertyName("latitude")] public double? Latitude { get; set; }
    [JsonPropertyName("longitude")] public double? Longitude { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("address")] public string? Address { get; set; }
}

public sealed class WhatsAppInteractive
{
    /// <summary>button_reply or list_reply.</summary>
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("button_reply")] public WhatsAppReply? ButtonReply { get; set; }
    [JsonPropertyName("list_reply")] public WhatsAppReply? ListReply { get; set; }
}

/// <summary>The option tapped: its id (Lapor sends no interactive messages, so it means nothing here) and the title the reporter saw.</summary>
public sealed class WhatsAppReply
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
}

public sealed class WhatsAppButton
{
    [JsonPropertyName("payload")] public string? Payload { get; set; }
    [JsonPropertyName("text")] public string? Text { get; set; }
}

public sealed class WhatsAppText
{
    [JsonPropertyName("body")] public string? Body { get; set; }
}

/// <summary>An image or document: its media id (fetched through the Graph API), type and caption.</summary>
public sealed class WhatsAppMedia
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("mime_type")] public string? MimeType { get; set; }
    [JsonPropertyName("caption")] public string? Caption { get; set; }

    /// <summary>Documents only.</summary>
    [JsonPropertyName("filename")] public string? FileName { get; set; }
}
