using System.Security.Cryptography;
using System.Text;

namespace Lapor.Web.Domain.Integrations;

/// <summary>
/// One report an API client filed: what it sent (a fingerprint of the body, its Idempotency-Key, the
/// device and account ids the Open311 POST carries) so a retry files nothing twice and a key reused for
/// another body is caught; and whose report it is, so the client can read it before it is public.
/// </summary>
public sealed class ApiSubmission
{
    public const int MaxKeyLength = 200;
    public const int MaxIdLength = 200;

    private ApiSubmission() { }

    public ApiSubmission(int apiClientId, long reportId, string bodyHash, string? idempotencyKey, string? deviceId, string? accountId, DateTimeOffset receivedAt)
    {
        ApiClientId = apiClientId;
        ReportId = reportId;
        BodyHash = bodyHash;
        IdempotencyKey = idempotencyKey;
        DeviceId = deviceId;
        AccountId = accountId;
        ReceivedAt = receivedAt;
    }

    public long Id { get; private set; }
    public int ApiClientId { get; private set; }
    public long ReportId { get; private set; }

    /// <summary>SHA-256 of the request's fields and file (<see cref="Fingerprint"/>), never the text itself.</summary>
    public string BodyHash { get; private set; } = "";
    public string? IdempotencyKey { get; private set; }
    public string? DeviceId { get; private set; }
    public string? AccountId { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>
    /// The same fields in any order give the same fingerprint; the credential is left out (a client that
    /// rotates its key still sends the same report), a file counts by its bytes.
    /// </summary>
    public static string Fingerprint(IEnumerable<KeyValuePair<string, string>> fields, ReadOnlySpan<byte> file)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in fields.Where(f => f.Key != "api_key").OrderBy(f => f.Key, StringComparer.Ordinal).ThenBy(f => f.Value, StringComparer.Ordinal))
        {
            // Lengths first: no two different field lists write the same text.
            text.Append(name.Length).Append(':').Append(name).Append('=').Append(value.Length).Append(':').Append(value).Append('\n');
        }

        text.Append("file:").Append(file.IsEmpty ? "" : Convert.ToHexStringLower(SHA256.HashData(file)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
