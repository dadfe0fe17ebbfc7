using System.Security.Cryptography;
using System.Text;
using Lapor.Web.Domain.Integrations;

namespace Lapor.Web.Features.Integrations.Intake;

/// <summary>
/// The signatures the intake checks. A gateway or relay signs as Lapor signs its own webhooks
/// (<see cref="WebhookSignature"/>: <c>X-Lapor-Timestamp</c> and <c>X-Lapor-Signature</c> over
/// <c>{timestamp}.{raw body}</c>, so a captured call cannot be replayed after the allowed skew);
/// WhatsApp's Cloud API signs with Meta's header, Telegram sends back a secret token.
/// </summary>
public static class IntakeSignature
{
    public const string TimestampHeader = WebhookSignature.TimestampHeader;
    public const string SignatureHeader = WebhookSignature.SignatureHeader;

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body) => WebhookSignature.Sign(secret, timestamp, body);

    public static bool IsValid(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan maxSkew) =>
        WebhookSignature.IsValid(secret, timestamp, signature, body, now, maxSkew);

    /// <summary>WhatsApp Cloud API's (Meta's) signature header.</summary>
    public const string HubSignatureHeader = "X-Hub-Signature-256";

    /// <summary>
    /// Meta's <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c>: the HMAC-SHA256 of the raw body with the app
    /// secret, compared in constant time. Meta signs no timestamp; a replayed call repeats a message id,
    /// which files once.
    /// </summary>
    public static bool IsValidHubSignature(string appSecret, string? signature, ReadOnlySpan<byte> body)
    {
        const string Prefix = "sha256=";
        if (signature is null || !signature.StartsWith(Prefix, StringComparison.Ordinal) || signature.Length != Prefix.Length + 64)
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(signature.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body), given);
    }

    /// <summary>Telegram's secret-token header (or a form gateway's token), compared in constant time.</summary>
    public static bool IsSameSecret(string expected, string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));
}
