using Lapor.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Features.Citizen.Tracking;

/// <summary>
/// Remembers, for two hours, which reports this browser has unlocked with their access code, in an
/// encrypted cookie, so a guest need not retype the code on every page of their report.
/// </summary>
public sealed class TrackingAccess(IDataProtectionProvider protection, TimeProvider clock, IOptions<SecurityOptions> security)
{
    private readonly string _cookieName = security.Value.CookieName(SecurityOptions.TrackingCookie);
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Lapor.TrackingAccess").ToTimeLimitedDataProtector();

    public bool HasAccess(HttpRequest request, string trackingNumber) => Granted(request).Contains(trackingNumber);

    public void Grant(HttpResponse response, HttpRequest request, string trackingNumber)
    {
        var numbers = Granted(request).Append(trackingNumber).Distinct().TakeLast(10);
        var value = _protector.Protect(string.Join(',', numbers), clock.GetUtcNow().Add(Lifetime));
        response.Cookies.Append(_cookieName, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = security.Value.SecureCookies || request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = Lifetime,
            IsEssential = true,
        });
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
