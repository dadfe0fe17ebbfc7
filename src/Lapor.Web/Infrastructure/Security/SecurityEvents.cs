using System.Security.Claims;
using Lapor.Web.Infrastructure.Telemetry;

namespace Lapor.Web.Infrastructure.Security;

/// <summary>
/// Structured security log events named after the OWASP Logging Vocabulary. They carry account ids,
/// the client address and a target id, never e-mail addresses, names or typed values.
/// </summary>
public sealed partial class SecurityEvents(ILogger<SecurityEvents> logger, LaporMetrics metrics)
{
    public void SignInSucceeded(HttpContext http, string userId) => Write(http, "authn_login_success", userId, null);

    public void SignInFailed(HttpContext http, string? userId) => Write(http, "authn_login_fail", userId, null);

    public void LockedOut(HttpContext http, string? userId) => Write(http, "authn_login_lock", userId, null);

    public void SignedOut(HttpContext http) => Write(http, "authn_logout", Actor(http), null);

    public void PasswordChanged(HttpContext http, string userId) => Write(http, "authn_password_change", userId, null);

    public void TwoFactorChanged(HttpContext http, string userId, bool enabled) =>
        Write(http, enabled ? "authn_mfa_enabled" : "authn_mfa_disabled", userId, null);

    public void AccountChanged(HttpContext http, string targetUserId) => Write(http, "authz_change", Actor(http), targetUserId);

    public void AccountDeleted(HttpContext http, string userId) => Write(http, "user_deleted", userId, userId);

    public void IdentityRevealed(HttpContext http, string trackingNumber) => Write(http, "sensitive_read", Actor(http), trackingNumber);

    public void Exported(HttpContext http, string what) => Write(http, "sensitive_export", Actor(http), what);

    public void UploadRejected(HttpContext http) => Write(http, "upload_rejected", Actor(http), null);

    public void AntiforgeryRejected(HttpContext http) => Write(http, "input_validation_fail_csrf", Actor(http), http.Request.Path);

    public void RateLimited(HttpContext http) => Write(http, "malicious_excess_use", Actor(http), http.Request.Path);

    /// <summary>A new report link was asked for: logged alike whether or not the report has a contact, so the log tells no more than the page.</summary>
    public void ReportLinkRequested(HttpContext http, string trackingNumber) => Write(http, "authn_token_created", Actor(http), trackingNumber);

    /// <summary>A report link that does not open its report (expired, cut short, forged, or sent to a contact no longer on file).</summary>
    public void ReportLinkRefused(HttpContext http, string trackingNumber) => Write(http, "authn_login_fail", Actor(http), trackingNumber);

    public void ForeignObjectRefused(HttpContext http, string target) => Write(http, "authz_fail", Actor(http), target);

    private static string? Actor(HttpContext http) => http.User.FindFirstValue(ClaimTypes.NameIdentifier);

    private void Write(HttpContext http, string eventName, string? actorId, string? target)
    {
        Log(logger, eventName, actorId ?? "-", RateLimitPolicies.ClientAddress(http), OneLine(target ?? "-"));
        metrics.SecurityEvent(eventName);
    }

    /// <summary>Text from the address bar may hold CR/LF: control characters could forge extra log lines.</summary>
    public static string OneLine(string value) => string.Concat(value.Where(c => !char.IsControl(c)));

    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "Security event {SecurityEvent} actor {ActorId} from {ClientAddress} target {Target}")]
    private static partial void Log(ILogger logger, string securityEvent, string actorId, string clientAddress, string target);
}
