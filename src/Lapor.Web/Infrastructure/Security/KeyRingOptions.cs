namespace Lapor.Web.Infrastructure.Security;

/// <summary>
/// Where the Data Protection key ring (which signs sign-in cookies, form tokens and the tracking
/// access cookie) is kept. Every instance must use the same ring.
/// </summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>A folder every instance shares, instead of the default: the database's DataProtectionKeys table.</summary>
    public string? KeysFolder { get; set; }

    /// <summary>A PKCS#12 (.pfx) certificate that encrypts the keys at rest; without it they are stored as plain XML.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Earlier certificates (.pfx paths, each with its password after a '|' if it has one) still
    /// accepted for reading keys they encrypted, so a certificate can be renewed without signing
    /// everyone out. New keys are encrypted with <see cref="CertificatePath"/> only.
    /// </summary>
    public List<string> PreviousCertificates { get; set; } = [];
}
