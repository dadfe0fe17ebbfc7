using Lapor.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Features.Citizen.Tracking;

/// <summary>
/// Remembers which reports this browser may read in full — filed here, unlocked with the access code,
/// or opened from the signed link — in an encrypted cookie (Secure, HttpOnly, SameSite=Lax, "__Host-"),
/// so a guest need not retype the code on every page of their report or after coming back.
/// </summary>
public sealed class TrackingAccess(IDataProtectionProvider protection, TimeProvider clock, IOptions<SecurityOptions> security)
{
    /// <summary>
    /// A report lives for weeks to months (verification, the agency's answer and its completion
    /// deadline, the reporter's window to accept or reject, a reopening), and a reporter who returns a
    /// month later on the phone they filed from must not be locked out. Longer would leave a shared or
    /// lost device open for no purpose; the confirmation page offers to lock this browser again.
    /// Every grant restarts the clock for every report the cookie holds.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    /// <summary>A walk-in desk or a family phone follows several reports; the cookie stays well under 1 KB.</summary>
    private const int MaxReports = 20;

    private readonly string _cookieName = security.Value.CookieName(SecurityOptions.TrackingCookie);
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Lapor.TrackingAccess").ToTimeLimitedDataProtector();

    public bool HasAccess(HttpRequest request, string trackingNumber) => Granted(request).Contains(trackingNumber);

    public void Grant(HttpResponse response, HttpRequest request, string trackingNumber) =>
        Write(response, request, [.. Granted(request).Where(n => n != trackingNumber).TakeLast(MaxReports - 1), trackingNumber]);

    /// <summary>Locks the report in this browser again (a shared computer); other reports stay open.</summary>
    public void Revoke(HttpResponse response, HttpRequest request, string trackingNumber) =>
        Write(response, request, [.. Granted(request).Where(n => n != trackingNumber)]);

    private void Write(HttpResponse response, HttpRequest request, List<string> numbers)
    {
        var options = new CookieOptions
        {
            HttpOnly = true,
            Secure = security.Value.SecureCookies || request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            IsEssential = true,
        };
        if (numbers.Count == 0)
        {
            response.Cookies.Delete(_cookieName, options);
            return;
        }

        options.MaxAge = Lifetime;
        response.Cookies.Append(_cookieName, _protector.Protect(string.Join(',', numbers), clock.GetUtcNow().Add(Lifetime)), options);
    }

    private string[] Granted(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(_cookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return [];
        }

        try
        {
            return _protector.Unprotect(value, out _).Split(',', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Expired or tampered: simply no access.
            return [];
        }
    }
}
