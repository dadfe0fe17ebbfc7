using Lapor.Web.Infrastructure.Maps;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Lapor.Web.Infrastructure.Security;

/// <summary>
/// Security headers on every response (pages, redirects, errors, files). They are added when the
/// response starts, so error pages re-executed after the headers were cleared still get them.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// No inline script or style at all: every script and stylesheet is a file served by the app.
    /// Bootstrap's form icons are data: SVG images; a photo picked for upload shows its thumbnail from a
    /// blob: of the browser's own; map tiles come from the configured tile server.
    /// </summary>
    public static string ContentSecurityPolicy(string? tileOrigin) =>
        $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:{(tileOrigin is null ? "" : " " + tileOrigin)}; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    /// <summary>Only the portal's own pages may ask for the location ("gunakan lokasi saya" on the filing form).</summary>
    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(self), payment=()";

    /// <summary>User uploads never run in the portal's origin, even when opened directly (ASVS 3.2.1).</summary>
    public const string UserFilePolicy = "sandbox; default-src 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseLaporSecurityHeaders(this IApplicationBuilder app)
    {
        var contentSecurityPolicy = ContentSecurityPolicy(app.ApplicationServices.GetRequiredService<IOptions<MapOptions>>().Value.TileOrigin);
        return app.Use((context, next) => AddHeaders(context, next, contentSecurityPolicy));
    }

    private static Task AddHeaders(HttpContext context, RequestDelegate next, string contentSecurityPolicy)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.TryAdd(HeaderNames.ContentSecurityPolicy, contentSecurityPolicy);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";

            // Pages of a signed-in user, of an unlocked report or showing a new access code hold
            // personal data: never keep them in a cache.
            // Static files are the same for everyone and keep their long cache lifetime.
            if (context.GetEndpoint() is not null && !Web.StaticAssets.IsStaticAsset(context))
            {
                if (IsPersonal(context))
                {
                    headers.CacheControl = "no-store";
                }
                else if (headers.CacheControl.Count == 0 && context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true)
                {
                    // A public page is fetched again on every visit (its form tokens, counts and lists change); without a
                    // header a browser may show a stale copy on "back". Its files stay cached (fingerprinted, immutable).
                    headers.CacheControl = "no-cache";
                }
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>
    /// Whether the response may carry personal data: a signed-in user, or a visitor who unlocked a report or just filed one.
    /// Such responses are never cached, and never compressed (BREACH; see <c>StaticAssets.AddLaporCompression</c>).
    /// </summary>
    public static bool IsPersonal(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            return true;
        }

        var security = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
        return context.Request.Cookies.ContainsKey(security.CookieName(SecurityOptions.TrackingCookie))
            || context.Request.Cookies.ContainsKey(security.CookieName(SecurityOptions.FilingReceiptCookie));
    }

    /// <summary>Headers for a user's uploaded file: a download, sandboxed, never sniffed into HTML.</summary>
    public static void ForUserFile(HttpResponse response) => response.Headers.ContentSecurityPolicy = UserFilePolicy;
}
