namespace Lapor.Web.Features.Integrations.Intake;

/// <summary>
/// Shared secrets of the channel webhooks (configuration section <c>Intake</c>). A way in whose
/// secret is empty is switched off: its address answers 404. The credentials Lapor itself calls the
/// platforms with (to fetch photos, to reply) are <c>Channels</c>'.
/// </summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>HMAC-SHA256 key an SMS gateway signs each JSON call with (<c>X-Lapor-Signature</c>).</summary>
    public string? SmsSecret { get; set; }

    /// <summary>HMAC-SHA256 key a WhatsApp relay signs each JSON call in Lapor's own format with (<c>X-Lapor-Signature</c>).</summary>
    public string? WhatsAppSecret { get; set; }

    /// <summary>The Meta app's secret: WhatsApp Cloud API signs each webhook call with it (<c>X-Hub-Signature-256</c>).</summary>
    public string? WhatsAppAppSecret { get; set; }

    /// <summary>The verify token typed into Meta's webhook settings; Meta's verification request must carry it.</summary>
    public string? WhatsAppVerifyToken { get; set; }

    /// <summary>The <c>secret_token</c> given to Telegram's setWebhook; Telegram sends it back in a header.</summary>
    public string? TelegramSecretToken { get; set; }

    /// <summary>How far a signed call's timestamp may be from now (older calls are replays).</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>SMS gateways that post an HTML form (<c>application/x-www-form-urlencoded</c>) instead of signed JSON.</summary>
    public SmsFormOptions SmsForm { get; set; } = new();

    /// <summary>How long fetching one photo from WhatsApp or Telegram may take before the report is filed without it.</summary>
    public TimeSpan MediaTimeout { get; set; } = TimeSpan.FromSeconds(20);
}

/// <summary>
/// A form-posting SMS gateway: which fields carry the sender, the text and the gateway's message id,
/// and the shared token that proves the call is the gateway's (most such gateways cannot sign, but
/// can add a header or put a token in the callback address).
/// </summary>
public sealed class SmsFormOptions
{
    /// <summary>The shared token; empty: form callbacks are switched off.</summary>
    public string? Token { get; set; }

    /// <summary>The header the token may come in.</summary>
    public string TokenHeader { get; set; } = "X-Lapor-Token";

    /// <summary>The query parameter the token may come in instead (empty: only the header); the address then holds a secret, so keep it out of access logs.</summary>
    public string? TokenQueryParameter { get; set; }

    public string FromField { get; set; } = "from";

    public string TextField { get; set; } = "text";

    public string MessageIdField { get; set; } = "message_id";

    /// <summary>The sender's name, when the gateway knows it (empty: none).</summary>
    public string? NameField { get; set; }
}
