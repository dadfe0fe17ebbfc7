using Lapor.Web.Domain.Accounts;

namespace Lapor.Web.Infrastructure.Security;

/// <summary>The "Security" configuration section: cookies, second factor, proxies and rate limits.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>The cookie that remembers which reports this browser unlocked with their access code.</summary>
    public const string TrackingCookie = "lapor.track";

    /// <summary>The cookie that carries a guest's new access code to the confirmation page.</summary>
    public const string FilingReceiptCookie = "lapor.filed";

    /// <summary>The browser's filing cookie (<see cref="FilingBrowser"/>): owns staged uploads, keys the filing limit.</summary>
    public const string FilingBrowserCookie = "lapor.browser";

    /// <summary>
    /// Cookies are Secure and "__Host-" prefixed, so only HTTPS pages of this exact host can set or read
    /// them. Turn off only for plain-HTTP development on a workstation.
    /// </summary>
    public bool SecureCookies { get; set; } = true;

    /// <summary>
    /// Coordinators and administrators must sign in with an authenticator app as a second factor
    /// (ASVS 6.3.3): they see every agency's reports and can reveal anonymous reporters.
    /// </summary>
    public bool RequireTwoFactor { get; set; } = true;

    /// <summary>The roles <see cref="RequireTwoFactor"/> applies to.</summary>
    public static IReadOnlyList<string> TwoFactorRoles { get; } = [Roles.Coordinator, Roles.Administrator];

    /// <summary>
    /// Addresses of reverse proxies whose X-Forwarded-For/-Proto headers are believed. Empty: the
    /// headers are ignored, so nobody can fake a client address to dodge rate limits.
    /// </summary>
    public IList<string> KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, e.g. "10.0.0.0/8") of trusted reverse proxies.</summary>
    public IList<string> KnownNetworks { get; set; } = [];

    public RateLimitOptions RateLimits { get; set; } = new();

    public SessionOptions Sessions { get; set; } = new();

    public SignInLockoutOptions Lockout { get; set; } = new();

    /// <summary>The cookie name to use: "__Host-" prefixed when cookies are secure.</summary>
    public string CookieName(string name) => SecureCookies ? "__Host-" + name : name;
}

/// <summary>How long a signed-in browser stays signed in.</summary>
public sealed class SessionOptions
{
    /// <summary>Signed out after this long without a request (the cookie slides).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Signed out this long after signing in, however active (ASVS 7.3.2).</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);
}

/// <summary>
/// Wrong passwords are counted per account and client address, so a stranger cannot lock the owner
/// out from the owner's own network; see docs/security.md ("Sign-in lock-out").
/// </summary>
public sealed class SignInLockoutOptions
{
    /// <summary>Failures from one address that lock that address out of one account.</summary>
    public int FailuresPerAddress { get; set; } = 5;

    /// <summary>
    /// Failures from all addresses together after which a password alone no longer signs the account in:
    /// accounts with an authenticator still get in after their code, others wait or reset their password.
    /// </summary>
    public int FailuresPerAccount { get; set; } = 20;

    /// <summary>How long a lock holds after the last failure.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>Permits per client address (or per account for exports) and window.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Sign-in, two-factor and password posts per address per minute.</summary>
    public int SignInPerMinute { get; set; } = 20;

    /// <summary>"Forgotten password", "send the verification mail again" and "Kirim ulang tautan" (a new report link) requests per address per hour.</summary>
    public int AccountMailPerHour { get; set; } = 10;

    /// <summary>Account registrations per address per hour.</summary>
    public int RegistrationPerHour { get; set; } = 10;

    /// <summary>Filed reports per browser (address and filing cookie) per minute (a walk-in desk files a few).</summary>
    public int FilingPerMinute { get; set; } = 5;

    /// <summary>Filed reports per browser (address and filing cookie) per day.</summary>
    public int FilingPerDay { get; set; } = 30;

    /// <summary>Filed reports per minute from all browsers without a filing cookie at one address together (stricter: clearing cookies is no way around the limit).</summary>
    public int FilingWithoutCookiePerMinute { get; set; } = 3;

    /// <summary>Filed reports per day from all browsers without a filing cookie at one address together.</summary>
    public int FilingWithoutCookiePerDay { get; set; } = 10;

    /// <summary>Filed reports per day from one address, all browsers together: a carrier's shared address holds many citizens, a script making new cookies meets this.</summary>
    public int FilingPerAddressPerDay { get; set; } = 600;

    /// <summary>Filing-form posts per address per minute, refused ones included (only against floods; a validation error costs nothing from the filing budget).</summary>
    public int FilingAttemptsPerMinute { get; set; } = 60;

    /// <summary>Photos and documents staged (uploaded before the form is sent) per address per minute.</summary>
    public int UploadsPerMinute { get; set; } = 60;

    /// <summary>Access-code attempts per address per minute (tracking numbers are guessable, codes must not be).</summary>
    public int TrackingCodePerMinute { get; set; } = 10;

    /// <summary>Exports per signed-in account per minute.</summary>
    public int ExportsPerMinute { get; set; } = 10;
}
