using System.Security.Cryptography;
using System.Text;

namespace Lapor.Web.Domain.Integrations;

/// <summary>
/// What a client's key may do. Reading: GET requests with an api_key (optional there, the public reports
/// being public) must have it, and such a client may also read the reports it filed before they are
/// public. Value 4 was "channel intake", never checked: the SMS, WhatsApp and Telegram webhooks prove
/// themselves with their own secrets, not API keys. Stored clients may still carry the bit; it means nothing.
/// </summary>
[Flags]
public enum ApiOperations
{
    None = 0,
    ReadRequests = 1,
    CreateRequests = 2,
}

/// <summary>
/// A system allowed to call Lapor's API (an Open311 app, an SMS gateway). The key is shown once at
/// creation; only its SHA-256 hash is kept, with a short prefix so administrators can recognise it.
/// </summary>
public sealed class ApiClient
{
    private ApiClient() { }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string KeyPrefix { get; private set; } = "";
    public string KeyHash { get; private set; } = "";
    public ApiOperations Operations { get; private set; }
    public int RequestsPerMinute { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>Creates a client and returns it with its plain key, which is never stored.</summary>
    public static (ApiClient Client, string Key) Create(string name, ApiOperations operations, int requestsPerMinute, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (requestsPerMinute is < 1 or > 10_000)
        {
            throw new DomainException("ApiClient.RateOutOfRange");
        }

        var key = "lpr_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        return (new ApiClient { Name = name.Trim(), KeyPrefix = key[..8], KeyHash = Hash(key), Operations = operations, RequestsPerMinute = requestsPerMinute, CreatedAt = now }, key);
    }

    /// <summary>For the Development demo: a fixed, documented key.</summary>
    public static ApiClient WithKnownKey(string name, string key, ApiOperations operations, int requestsPerMinute, DateTimeOffset now) =>
        new() { Name = name, KeyPrefix = key[..Math.Min(8, key.Length)], KeyHash = Hash(key), Operations = operations, RequestsPerMinute = requestsPerMinute, CreatedAt = now };

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public bool Allows(ApiOperations operation) => IsActive && Operations.HasFlag(operation);

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public void MarkUsed(DateTimeOffset now) => LastUsedAt = now;
}
