using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lapor.Web.Domain.Integrations;

/// <summary>
/// How Lapor signs what it POSTs to an API client's webhook, the same way gateways sign what they
/// send to Lapor: <c>X-Lapor-Timestamp</c> (Unix seconds) and <c>X-Lapor-Signature: sha256=&lt;hex&gt;</c>,
/// the lowercase hex HMAC-SHA256 of <c>{timestamp}.{raw body}</c> keyed with the client's webhook
/// secret (UTF-8). Signing the time too lets a receiver refuse a replayed delivery. The intake checks
/// SMS and WhatsApp relays' calls with the same functions (<c>IntakeSignature</c>).
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-Lapor-Timestamp";
    public const string SignatureHeader = "X-Lapor-Signature";

    /// <summary>The outbox row's id: the same for every retry of one delivery, so a receiver can drop repeats.</summary>
    public const string DeliveryHeader = "X-Lapor-Delivery";

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>What a receiver does: the signature matches (compared in constant time) and the timestamp is within <paramref name="maxSkew"/> of now.</summary>
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
}
