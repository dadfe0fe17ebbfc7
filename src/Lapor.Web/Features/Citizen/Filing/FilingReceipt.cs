using System.Security.Cryptography;
using System.Text.Json;
using Lapor.Web.Features.Citizen.Tracking;
using Lapor.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Features.Citizen.Filing;

/// <summary>
/// Carries a guest's access code from the filing form to the confirmation page, instead of TempData
/// (which is not scoped to a report and lives for the whole browser session): an encrypted Data
/// Protection cookie, "__Host-", Secure, HttpOnly and SameSite=Strict, that expires after
/// <see cref="Lifetime"/> and pairs each code with the one report it opens, so a page for another
/// number never shows it. The confirmation page shows the code on every visit (reload, Back) until
/// the reporter says they wrote it down. The code is never stored in clear on the server.
/// Remembering a receipt also unlocks the report in this browser (<see cref="TrackingAccess"/>).
/// </summary>
public sealed class FilingReceipt(IDataProtectionProvider protection, TimeProvider clock, IOptions<SecurityOptions> security, TrackingAccess access)
{
    /// <summary>
    /// A reporter who did not tap "Sudah saya catat" can still find the code from the browser's history
    /// in the next days; after a week the code is worth less than the risk on a forgotten shared computer.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>A walk-in desk files several reports in a row from one browser.</summary>
    private const int MaxReports = 5;

    private readonly string _cookieName = security.Value.CookieName(SecurityOptions.FilingReceiptCookie);
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Lapor.FilingReceipt").ToTimeLimitedDataProtector();

    private sealed record Entry(string Number, string Code);

    public void Remember(HttpResponse response, HttpRequest request, string trackingNumber, string accessCode)
    {
        Write(response, request, [.. Read(request).Where(e => e.Number != trackingNumber).TakeLast(MaxReports - 1), new Entry(trackingNumber, accessCode)]);
        access.Grant(response, request, trackingNumber);
    }

    /// <summary>The code this browser was given for <paramref name="trackingNumber"/>, if it still holds it.</summary>
    public string? AccessCodeFor(HttpRequest request, string trackingNumber) =>
        Read(request).FirstOrDefault(e => e.Number == trackingNumber)?.Code;

    public void Forget(HttpResponse response, HttpRequest request, string trackingNumber) =>
        Write(response, request, [.. Read(request).Where(e => e.Number != trackingNumber)]);

    private void Write(HttpResponse response, HttpRequest request, List<Entry> entries)
    {
        var options = new CookieOptions
        {
            HttpOnly = true,
            Secure = security.Value.SecureCookies || request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            IsEssential = true,
        };
        if (entries.Count == 0)
        {
            response.Cookies.Delete(_cookieName, options);
            return;
        }

        options.MaxAge = Lifetime;
        response.Cookies.Append(_cookieName, _protector.Protect(JsonSerializer.Serialize(entries), clock.GetUtcNow().Add(Lifetime)), options);
    }

    private List<Entry> Read(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(_cookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<Entry>>(_protector.Unprotect(value, out _)) ?? [];
        }
        catch (Exception error) when (error is CryptographicException or JsonException)
        {
            // Expired or tampered: nothing to show.
            return [];
        }
    }
}
