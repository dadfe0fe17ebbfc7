using Lapor.Web.Domain.Notifications;

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

    /// <summary>Each call to a platform, one attempt: after this it is abandoned (and retried while the total allows).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Tries of one call beyond the first, on a network error, a timeout or a 5xx answer only (never on
    /// a 4xx: the platform refused the message, and sending it again would not change that).
    /// </summary>
    public int Retries { get; set; } = 2;

    /// <summary>The first retry's wait; later ones double it, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Validation messages, in English like every configuration error.</summary>
    public IEnumerable<string> Problems()
    {
        if (AttemptTimeout <= TimeSpan.Zero || AttemptTimeout > TimeSpan.FromMinutes(2))
        {
            yield return "Channels:AttemptTimeout must be between 0 and 2 minutes.";
        }

        if (Retries is < 0 or > 5)
        {
            yield return "Channels:Retries must be between 0 and 5.";
        }

        if (RetryDelay <= TimeSpan.Zero || RetryDelay > TimeSpan.FromSeconds(30))
        {
            yield return "Channels:RetryDelay must be between 0 and 30 seconds.";
        }

        foreach (var problem in Telegram.Problems().Concat(WhatsApp.Problems()).Concat(Sms.Problems()))
        {
            yield return problem;
        }
    }

    internal static bool IsWebAddress(Uri? address) =>
        address is { IsAbsoluteUri: true } && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp);
}

/// <summary>The Telegram Bot API (https://core.telegram.org/bots/api).</summary>
public sealed class TelegramChannelOptions
{
    /// <summary>The bot's token from BotFather; empty: Telegram is not connected.</summary>
    public string? BotToken { get; set; }

    /// <summary>The Bot API's address (a local stand-in in tests).</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://api.telegram.org/");

    public bool Connected => !string.IsNullOrWhiteSpace(BotToken);

    internal IEnumerable<string> Problems()
    {
        if (!ChannelOptions.IsWebAddress(ApiBaseUrl))
        {
            yield return "Channels:Telegram:ApiBaseUrl must be an absolute http(s) address.";
        }

        // BotFather's tokens look like 123456789:AA…; anything with a slash or space would change the request's path.
        if (Connected && !System.Text.RegularExpressions.Regex.IsMatch(BotToken!, "^[0-9]+:[A-Za-z0-9_-]+$"))
        {
            yield return "Channels:Telegram:BotToken must be the token BotFather gave (digits, a colon, letters, digits, _ and -).";
        }
    }
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

    /// <summary>
    /// The approved message template sent outside the 24-hour customer-service window, with two body
    /// parameters: {{1}} the tracking number, {{2}} the message on one line (README: "WhatsApp").
    /// </summary>
    public string? TemplateName { get; set; }

    /// <summary>The template's language code as approved in WhatsApp Manager (e.g. <c>id</c>, <c>en_US</c>).</summary>
    public string TemplateLanguage { get; set; } = "id";

    /// <summary>
    /// {{1}} of a reply about no single report (the STATUS list, the help text): with the suggested body
    /// "Kabar laporan {{1}}: {{2}}" it reads "Kabar laporan Anda: …". A template in another language needs its own word.
    /// </summary>
    public string TemplateNoReportWord { get; set; } = "Anda";

    public bool Connected => !string.IsNullOrWhiteSpace(AccessToken);

    internal IEnumerable<string> Problems()
    {
        if (!ChannelOptions.IsWebAddress(ApiBaseUrl))
        {
            yield return "Channels:WhatsApp:ApiBaseUrl must be an absolute http(s) address.";
        }

        if (string.IsNullOrWhiteSpace(TemplateNoReportWord) || TemplateNoReportWord.Any(char.IsControl))
        {
            yield return "Channels:WhatsApp:TemplateNoReportWord must be a word on one line.";
        }

        if (!Connected)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(PhoneNumberId) || !PhoneNumberId.All(char.IsAsciiDigit))
        {
            yield return "Channels:WhatsApp:PhoneNumberId (digits) is required with Channels:WhatsApp:AccessToken.";
        }

        // Without a template nothing can reach a reporter who wrote more than a day ago.
        if (string.IsNullOrWhiteSpace(TemplateName))
        {
            yield return "Channels:WhatsApp:TemplateName is required with Channels:WhatsApp:AccessToken.";
        }

        if (string.IsNullOrWhiteSpace(TemplateLanguage))
        {
            yield return "Channels:WhatsApp:TemplateLanguage must not be empty.";
        }
    }
}

/// <summary>How a gateway wants the message in the request.</summary>
public enum SmsBodyEncoding
{
    /// <summary>The body template is JSON; the placeholders' values are escaped as JSON string content.</summary>
    Json,

    /// <summary>The body template is <c>application/x-www-form-urlencoded</c>; the values are percent-encoded.</summary>
    Form,
}

/// <summary>
/// A generic HTTP SMS gateway, as Indonesian regions buy them: one request per message, the number
/// and text put into a configured body (or, for GET, the address) through the placeholders
/// <c>{to}</c> and <c>{text}</c>, with one authentication header.
/// </summary>
public sealed class SmsGatewayOptions
{
    /// <summary>The gateway's send address; empty: SMS is not connected. May hold the placeholders (for GET).</summary>
    public Uri? Url { get; set; }

    /// <summary>POST (default), PUT or GET (then the placeholders go in <see cref="Url"/> and no body is sent).</summary>
    public string Method { get; set; } = "POST";

    /// <summary>The request body with <c>{to}</c> and <c>{text}</c>, e.g. <c>{"to":"{to}","message":"{text}"}</c>.</summary>
    public string BodyTemplate { get; set; } = """{"to":"{to}","text":"{text}"}""";

    public SmsBodyEncoding BodyEncoding { get; set; } = SmsBodyEncoding.Json;

    /// <summary>
    /// How <c>{to}</c> is written: <c>E164</c> (+6281234567890, the default), <c>National</c> (081234567890, for
    /// gateways that take only Indonesian numbers; a foreign number stays E.164) or <c>DigitsOnly</c> (6281234567890).
    /// </summary>
    public PhoneNumberFormat NumberFormat { get; set; } = PhoneNumberFormat.E164;

    /// <summary>The authentication header's name (e.g. <c>Authorization</c>, <c>X-API-Key</c>); empty: none.</summary>
    public string? AuthHeaderName { get; set; }

    /// <summary>The header's value (e.g. <c>Bearer …</c>, a key).</summary>
    public string? AuthHeaderValue { get; set; }

    /// <summary>
    /// For gateways that answer 200 even when they refuse (with a status field in the body): text a
    /// successful answer always contains, e.g. <c>"status":"1"</c>. Empty: any 2xx answer is success.
    /// </summary>
    public string? SuccessBodyContains { get; set; }

    public bool Connected => Url is not null;

    private static bool HasPlaceholders(string template) =>
        template.Contains("{to}", StringComparison.Ordinal) && template.Contains("{text}", StringComparison.Ordinal);

    internal HttpMethod HttpMethod => new(Method.Trim().ToUpperInvariant());

    internal IEnumerable<string> Problems()
    {
        if (!Connected)
        {
            yield break;
        }

        if (!ChannelOptions.IsWebAddress(Url))
        {
            yield return "Channels:Sms:Url must be an absolute http(s) address.";
        }

        if (Method.Trim().ToUpperInvariant() is not ("POST" or "PUT" or "GET"))
        {
            yield return "Channels:Sms:Method must be POST, PUT or GET.";
        }
        else if (HttpMethod == HttpMethod.Get ? !HasPlaceholders(Url!.OriginalString.Replace("%7B", "{", StringComparison.OrdinalIgnoreCase).Replace("%7D", "}", StringComparison.OrdinalIgnoreCase)) : !HasPlaceholders(BodyTemplate))
        {
            yield return "Channels:Sms:BodyTemplate (or, for GET, Channels:Sms:Url) must contain {to} and {text}.";
        }

        if (!Enum.IsDefined(NumberFormat))
        {
            yield return "Channels:Sms:NumberFormat must be E164, National or DigitsOnly.";
        }

        if (string.IsNullOrWhiteSpace(AuthHeaderName) != string.IsNullOrWhiteSpace(AuthHeaderValue))
        {
            yield return "Channels:Sms:AuthHeaderName and Channels:Sms:AuthHeaderValue go together.";
        }
    }
}
