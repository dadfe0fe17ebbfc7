namespace Lapor.Web.Features.Integrations.Intake;

/// <summary>
/// Shared secrets of the channel gateways (configuration section <c>Intake</c>). A channel whose
/// secret is empty is switched off: its address answers 404.
/// </summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>HMAC-SHA256 key the SMS gateway signs each call with.</summary>
    public string? SmsSecret { get; set; }

    /// <summary>HMAC-SHA256 key the WhatsApp gateway signs each call with.</summary>
    public string? WhatsAppSecret { get; set; }

    /// <summary>The <c>secret_token</c> given to Telegram's setWebhook; Telegram sends it back in a header.</summary>
    public string? TelegramSecretToken { get; set; }

    /// <summary>How far a signed call's timestamp may be from now (older calls are replays).</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);
}
