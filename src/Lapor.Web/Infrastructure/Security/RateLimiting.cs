using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Lapor.Web.Infrastructure.Security;

/// <summary>Names of the rate-limit policies, used with [EnableRateLimiting] on the actions they guard.</summary>
public static class RateLimitPolicies
{
    public const string SignIn = "sign-in";
    public const string Registration = "registration";
    public const string AccountMail = "account-mail";
    /// <summary>Posts of the filing form, refused ones included: only against floods. Filed reports are counted by <see cref="FilingBudget"/>.</summary>
    public const string FilingAttempts = "filing-attempts";

    /// <summary>Files staged before the form is sent.</summary>
    public const string Uploads = "uploads";
    public const string TrackingCode = "tracking-code";
    public const string Export = "export";

    /// <summary>Answers 429 with Retry-After and logs the rejection as a security event.</summary>
    internal static void Configure(RateLimiterOptions o, RateLimitOptions limits)
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.OnRejected = (context, _) =>
        {
            var http = context.HttpContext;
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            http.RequestServices.GetRequiredService<SecurityEvents>().RateLimited(http);
            return ValueTask.CompletedTask;
        };

        o.AddPolicy(SignIn, http => PerAddress(http, limits.SignInPerMinute, TimeSpan.FromMinutes(1)));
        o.AddPolicy(Registration, http => PerAddress(http, limits.RegistrationPerHour, TimeSpan.FromHours(1)));
        o.AddPolicy(AccountMail, http => PerAddress(http, limits.AccountMailPerHour, TimeSpan.FromHours(1)));
        o.AddPolicy(TrackingCode, http => PerAddress(http, limits.TrackingCodePerMinute, TimeSpan.FromMinutes(1)));
        o.AddPolicy(FilingAttempts, http => PerAddress(http, limits.FilingAttemptsPerMinute, TimeSpan.FromMinutes(1)));
        o.AddPolicy(Uploads, http => PerAddress(http, limits.UploadsPerMinute, TimeSpan.FromMinutes(1)));
        o.AddPolicy(Export, http => RateLimitPartition.Get(
            http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? ClientAddress(http), _ => Window(limits.ExportsPerMinute, TimeSpan.FromMinutes(1))));
    }

    /// <summary>The client's address as the forwarded-headers middleware left it (proxies only when configured).</summary>
    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> PerAddress(HttpContext http, int permits, TimeSpan window) =>
        RateLimitPartition.Get(ClientAddress(http), _ => Window(permits, window));

    private static FixedWindowRateLimiter Window(int permits, TimeSpan window) =>
        new(new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true });
}
