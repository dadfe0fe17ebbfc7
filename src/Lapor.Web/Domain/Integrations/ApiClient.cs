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

    /// <summary>Where the status changes of the reports this client filed are POSTed (see <see cref="WebhookSignature"/>); null for none.</summary>
    public string? WebhookUrl { get; private set; }

    /// <summary>
    /// The HMAC key of the webhook's signature, as stored: protected at rest by whoever set it (it must sign, so it
    /// cannot be hashed like the key), never the secret itself; shown to the administrator once, when it is set.
    /// </summary>
    public string? WebhookSecret { get; private set; }

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

    /// <summary>The shortest webhook secret accepted: 128 bits written as hex, or as long a passphrase.</summary>
    public const int MinimumSecretLength = 32;

    /// <summary>A fresh webhook secret (256 bits), for an administrator who does not bring one.</summary>
    public static string NewWebhookSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// Sets the webhook: an absolute http(s) address without credentials in it (https when
    /// <paramref name="requireHttps"/>, as everywhere but Development) and a secret of at least
    /// <see cref="MinimumSecretLength"/> characters, kept only as <paramref name="protect"/> turns it.
    /// Throws the broken rule's code.
    /// </summary>
    public void SetWebhook(string? url, string? secret, bool requireHttps, Func<string, string> protect)
    {
        ArgumentNullException.ThrowIfNull(protect);
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var address)
            || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(address.UserInfo) || !string.IsNullOrEmpty(address.Fragment) || address.OriginalString.Length > 500)
        {
            throw new DomainException("ApiClient.WebhookUrl");
        }

        if (requireHttps && address.Scheme != Uri.UriSchemeHttps)
        {
            throw new DomainException("ApiClient.WebhookHttps");
        }

        if (string.IsNullOrWhiteSpace(secret) || secret.Trim().Length is < MinimumSecretLength or > 200)
        {
            throw new DomainException("ApiClient.WebhookSecret");
        }

        (WebhookUrl, WebhookSecret) = (address.AbsoluteUri, protect(secret.Trim()));
    }

    /// <summary>Replaces the stored secret with its protected form (a secret stored before secrets were protected).</summary>
    public void ProtectStoredWebhookSecret(Func<string, string> protect) => WebhookSecret = WebhookSecret is { } stored ? protect(stored) : null;

    public void RemoveWebhook() => (WebhookUrl, WebhookSecret) = (null, null);
}
