using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lapor.Web.Features.Integrations.Intake;

/// <summary>
/// The gateways' signature: <c>X-Lapor-Timestamp</c> (Unix seconds) and <c>X-Lapor-Signature:
/// sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of <c>{timestamp}.{raw body}</c> with the channel's secret.
/// Signing the time too means a captured call cannot be replayed after the allowed skew.
/// </summary>
public static class IntakeSignature
{
    public const string TimestampHeader = "X-Lapor-Timestamp";
    public const string SignatureHeader = "X-Lapor-Signature";

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    public static bool IsValid(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan maxSkew)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || signature is null)
        {
            return false;
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253402300799))).Duration() > maxSkew)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, seconds, body)), Encoding.ASCII.GetBytes(signature.Trim()));
    }

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
