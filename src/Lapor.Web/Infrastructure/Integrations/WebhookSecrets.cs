using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Lapor.Web.Infrastructure.Integrations;

/// <summary>
/// API clients' webhook secrets at rest: protected with the app's key ring under a purpose of their own,
/// so a copy of the database (a backup, a leaked file) cannot sign deliveries, while the sender can still
/// read the secret back to sign. A stored value carries a prefix; one without it is a secret stored in clear
/// before this existed, read as it is until <c>WebhookSecretBackfill</c> protects it at start-up.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    /// <summary>The Data Protection purpose: no other protector of the app can read these values, nor these protectors theirs.</summary>
    public const string Purpose = "Lapor.ApiClient.WebhookSecret.v1";

    private const string Prefix = "dp1:";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    public static bool IsProtected(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    public string Protect(string secret) => Prefix + _protector.Protect(secret);

    /// <summary>The secret to sign with. Throws <see cref="CryptographicException"/> when the key ring no longer has its key.</summary>
    public string Reveal(string stored) => IsProtected(stored) ? _protector.Unprotect(stored[Prefix.Length..]) : stored;

    /// <summary>For the backfill: a clear secret protected, a protected one unchanged.</summary>
    public string ProtectIfClear(string stored) => IsProtected(stored) ? stored : Protect(stored);
}
