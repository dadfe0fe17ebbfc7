using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Security;

/// <summary>
/// The browser's filing cookie: a random id the browser gets with the filing form. Staged uploads
/// belong to it (nobody else can attach or see them), and the filing limit counts per address and
/// cookie, so citizens behind one carrier address do not share one budget. HttpOnly, Secure and
/// "__Host-" like the other cookies; SameSite=Lax so arriving from a link keeps it.
/// </summary>
public sealed class FilingBrowser(IOptions<SecurityOptions> security)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private readonly string _cookieName = security.Value.CookieName(SecurityOptions.FilingBrowserCookie);

    /// <summary>The id the request came with, when it looks like one the portal issues.</summary>
    public string? Read(HttpRequest request) =>
        request.Cookies.TryGetValue(_cookieName, out var value) && value is { Length: 32 } && value.All(char.IsAsciiHexDigitLower) ? value : null;

    /// <summary>The request's id, or a new one set on the response (also for this request, via <see cref="HttpContext.Items"/>).</summary>
    public string Ensure(HttpContext http)
    {
        if (http.Items[ItemKey] is string issued)
        {
            return issued;
        }

        var id = Read(http.Request) ?? Issue(http);
        http.Items[ItemKey] = id;
        return id;
    }

    /// <summary>What staged uploads store: a hash, so the database alone cannot impersonate a browser.</summary>
    public static string OwnerOf(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(id)));

    /// <summary>The owner of this request's staged files, or null for a browser without the cookie (it has none).</summary>
    public string? Owner(HttpRequest request) => Read(request) is { } id ? OwnerOf(id) : null;

    /// <summary>The owner of the files this request stages, giving the browser its cookie first when it has none.</summary>
    public string EnsureOwner(HttpContext http) => OwnerOf(Ensure(http));

    private const string ItemKey = "lapor.filing-browser";

    private string Issue(HttpContext http)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        http.Response.Cookies.Append(_cookieName, id, new CookieOptions
        {
            HttpOnly = true,
            Secure = security.Value.SecureCookies || http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            IsEssential = true,
            MaxAge = Lifetime,
        });
        return id;
    }
}
