using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Workflow;

namespace Lapor.Web.Features.Integrations.Intake;

/// <summary>A photo or document sent with a message, already fetched from the platform; it goes through the web form's checks before it is kept.</summary>
public sealed record IncomingMedia(string FileName, string ContentType, byte[] Content);

/// <summary>A photo or document a platform keeps for a message, to be fetched with Lapor's credentials before filing.</summary>
public sealed record MediaReference(string Id, string? FileName, string? ContentType)
{
    /// <summary>At most this many files per message, as on the web form.</summary>
    public const int MaxPerMessage = 5;

    /// <summary>The types the web form takes; anything else would refuse the whole report, so it is not fetched.</summary>
    public static bool IsAccepted(string? contentType) =>
        contentType?.Split(';')[0].Trim().ToLowerInvariant() is "image/jpeg" or "image/png" or "application/pdf";
}

/// <summary>A message as its webhook delivered it: the message, and the platform's photos not fetched yet.</summary>
public sealed record WebhookMessage(IncomingMessage Message, IReadOnlyList<MediaReference> Media)
{
    /// <summary>A voice note, video, sticker, contact card or file of a type not taken, without text: the reporter is told what is taken.</summary>
    public bool OfAKindNotTaken { get; init; }
}

/// <summary>One incoming message, whatever the platform: who, what, where to answer, and a token that makes a retry file once.</summary>
public sealed record IncomingMessage(Channel Channel, Guid Token, string Text, string? Name, string? Phone, NotificationChannel ReplyChannel, string ReplyTo)
{
    /// <summary>Photos or documents that came with the text.</summary>
    public IReadOnlyList<IncomingMedia> Media { get; init; } = [];

    /// <summary>The sender's language as the platform knows it ("id" or "en"); null when it does not say.</summary>
    public string? Culture { get; init; }

    /// <summary>A place the reporter shared: a new report's location, or information on the open report.</summary>
    public SentLocation? Location { get; init; }

    /// <summary>The resource key of why the message cannot be taken (a kind not taken): the reporter hears it on the channel, in their language.</summary>
    public string? RefusalKey { get; init; }

    private const int MaxNameLength = 150;

    /// <summary>An SMS or WhatsApp gateway's message in Lapor's JSON; null when it lacks an id, a sender or text.</summary>
    public static IncomingMessage? FromGateway(byte[] body, Channel channel)
    {
        var message = Parse<GatewayMessage>(body);
        return message is null ? null : FromSender(channel, message.MessageId, message.From, message.Name, message.Text);
    }

    /// <summary>
    /// An SMS gateway's form callback (<c>application/x-www-form-urlencoded</c>), read through the configured field names;
    /// the body and its %-escapes are read in the declared charset (<see cref="FormCharset"/>, UTF-8 by default).
    /// </summary>
    public static IncomingMessage? FromSmsForm(byte[] body, SmsFormOptions fields, System.Text.Encoding? charset = null)
    {
        charset ??= System.Text.Encoding.UTF8;
        var form = System.Web.HttpUtility.ParseQueryString(charset.GetString(body), charset);
        string? Field(string? name) => !string.IsNullOrEmpty(name) && form.GetValues(name) is [var value] ? value : null;
        return FromSender(Channel.Sms, Field(fields.MessageIdField), Field(fields.FromField), Field(fields.NameField), Field(fields.TextField));
    }

    /// <summary>
    /// One message from a phone number (SMS or WhatsApp); null when it lacks an id, a sender that is a phone number,
    /// or text (unless <paramref name="textOptional"/>: a photo, a place or a kind not taken comes instead). The number becomes its one E.164 spelling here, the single place a
    /// sender turns into a reply address: storage, the conversation's matching, WhatsApp's window and the senders
    /// all see "+62812…", whether the gateway wrote 0812…, 62812… or +62 812-….
    /// </summary>
    public static IncomingMessage? FromSender(Channel channel, string? messageId, string? from, string? name, string? text, bool textOptional = false)
    {
        if (messageId is not { Length: > 0 and <= 100 } || PhoneNumber.Canonical(from) is not { } sender || (string.IsNullOrWhiteSpace(text) && !textOptional))
        {
            return null;
        }

        return new IncomingMessage(channel, TokenOf(channel, messageId), text?.Trim() ?? "", Clip(name), sender,
            channel == Channel.Sms ? NotificationChannel.Sms : NotificationChannel.WhatsApp, sender);
    }

    /// <summary>
    /// The filing token of a platform's message id: the same message delivered twice (a retry, or
    /// through a relay and natively) files once.
    /// </summary>
    public static Guid TokenOf(Channel channel, string messageId) => ReportFiling.TokenFrom($"intake:{channel}:{messageId}");

    /// <summary>
    /// A Telegram update; null unless it is a message in a private chat: text (bot commands such as /start and /status too,
    /// <see cref="ConversationCommand"/>), a photo, a document, a location (or venue), or a kind not taken (voice, video, sticker, contact…).
    /// </summary>
    public static WebhookMessage? FromTelegram(byte[] body)
    {
        var update = Parse<TelegramUpdate>(body);
        if (update?.Message is not { Chat: { Type: "private" } chat } message)
        {
            return null;
        }

        var text = (message.Text ?? message.Caption ?? "").Trim();
        var media = TelegramMedia(message);
        var location = message.Location is { } point ? SentLocation.From(point.Latitude, point.Longitude, message.Venue?.Title, message.Venue?.Address) : null;
        var notTaken = text.Length == 0 && media.Count == 0 && location is null
            && ((message.Voice ?? message.Audio ?? message.Video ?? message.VideoNote ?? message.Animation ?? message.Sticker ?? message.Contact) is not null || message.Document is not null);
        if (text.Length == 0 && media.Count == 0 && location is null && !notTaken)
        {
            return null;
        }

        var incoming = new IncomingMessage(Channel.Telegram, ReportFiling.TokenFrom($"intake:{Channel.Telegram}:{chat.Id}:{message.MessageId}"), text,
            Clip(string.Join(' ', new[] { message.From?.FirstName, message.From?.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)))),
            null, NotificationChannel.Telegram, chat.Id.ToString(CultureInfo.InvariantCulture))
        {
            Culture = LanguageOf(message.From?.LanguageCode),
            Location = location,
        };
        return new WebhookMessage(incoming, media) { OfAKindNotTaken = notTaken };
    }

    /// <summary>The largest size of a photo (Telegram sends several), or a document of a type the web form takes.</summary>
    private static IReadOnlyList<MediaReference> TelegramMedia(TelegramMessage message)
    {
        if (message.Photo?.Where(p => !string.IsNullOrEmpty(p.FileId)).MaxBy(p => (long)p.Width * p.Height) is { } largest)
        {
            // Telegram re-encodes every photo as JPEG.
            return [new MediaReference(largest.FileId!, null, "image/jpeg")];
        }

        return message.Document is { FileId.Length: > 0 } document && MediaReference.IsAccepted(document.MimeType)
            ? [new MediaReference(document.FileId, document.FileName, document.MimeType)]
            : [];
    }

    /// <summary>An IETF language tag ("en", "en-GB", "id") as one of Lapor's languages: English, else Indonesian.</summary>
    public static string? LanguageOf(string? languageCode) =>
        string.IsNullOrWhiteSpace(languageCode) ? null
        : languageCode.Split('-', '_')[0].Trim().Equals("en", StringComparison.OrdinalIgnoreCase) ? "en" : "id";

    internal static string? Clip(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : name.Trim()[..Math.Min(MaxNameLength, name.Trim().Length)];

    internal static T? Parse<T>(byte[] body) where T : class
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

    /// <summary>The sender's number, e.g. +6281234567890, 6281234567890 or 081234567890 (kept as +62…); replies go there.</summary>
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

    /// <summary>The text that comes with a photo or document.</summary>
    [JsonPropertyName("caption")] public string? Caption { get; set; }

    /// <summary>The same photo in several sizes.</summary>
    [JsonPropertyName("photo")] public List<TelegramPhotoSize>? Photo { get; set; }

    [JsonPropertyName("document")] public TelegramDocument? Document { get; set; }

    /// <summary>A shared point; a venue comes with one too.</summary>
    [JsonPropertyName("location")] public TelegramLocation? Location { get; set; }

    [JsonPropertyName("venue")] public TelegramVenue? Venue { get; set; }

    // Kinds not taken: only whether they are there matters.
    [JsonPropertyName("voice")] public JsonElement? Voice { get; set; }
    [JsonPropertyName("audio")] public JsonElement? Audio { get; set; }
    [JsonPropertyName("video")] public JsonElement? Video { get; set; }
    [JsonPropertyName("video_note")] public JsonElement? VideoNote { get; set; }
    [JsonPropertyName("animation")] public JsonElement? Animation { get; set; }
    [JsonPropertyName("sticker")] public JsonElement? Sticker { get; set; }
    [JsonPropertyName("contact")] public JsonElement? Contact { get; set; }
}

public sealed class TelegramLocation
{
    [JsonPropertyName("latitude")] public double? Latitude { get; set; }
    [JsonPropertyName("longitude")] public double? Longitude { get; set; }
}

public sealed class TelegramVenue
{
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("address")] public string? Address { get; set; }
}

public sealed class TelegramPhotoSize
{
    [JsonPropertyName("file_id")] public string? FileId { get; set; }
    [JsonPropertyName("width")] public int Width { get; set; }
    [JsonPropertyName("height")] public int Height { get; set; }
}

public sealed class TelegramDocument
{
    [JsonPropertyName("file_id")] public string? FileId { get; set; }
    [JsonPropertyName("file_name")] public string? FileName { get; set; }
    [JsonPropertyName("mime_type")] public string? MimeType { get; set; }
}

public sealed class TelegramUser
{
    [JsonPropertyName("id")] public long Id { get; set; }
    [JsonPropertyName("first_name")] public string? FirstName { get; set; }
    [JsonPropertyName("last_name")] public string? LastName { get; set; }

    /// <summary>The IETF language tag of the user's Telegram app, when Telegram sends it.</summary>
    [JsonPropertyName("language_code")] public string? LanguageCode { get; set; }
}

public sealed class TelegramChat
{
    [JsonPropertyName("id")] public long Id { get; set; }

    /// <summary>"private" for a one-to-one chat with the bot; groups and channels are not reporters.</summary>
    [JsonPropertyName("type")] public string? Type { get; set; }
}
