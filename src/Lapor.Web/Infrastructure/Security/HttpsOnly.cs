using Lapor.Web.Infrastructure.Notifications;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Security;

/// <summary>
/// With secure cookies the portal works over HTTPS only: its antiforgery cookie is Secure, and rendering any form
/// on a plain-HTTP request throws, so a request that reached Kestrel without the proxy answered 500. Such a request
/// now goes to the same address on the public HTTPS origin (<c>Mail:PublicBaseUrl</c>, never the Host header) when
/// it is a GET or HEAD and that origin is HTTPS; anything else gets the 400 page, which then shows no forms. Health
/// checks stay reachable over plain HTTP for probes on the server itself.
/// </summary>
public static class HttpsOnly
{
    /// <summary>Set on a refused request, so its error page renders without forms.</summary>
    public const string ItemKey = "lapor.https-required";

    public static bool Refused(HttpContext context) => context.Items.ContainsKey(ItemKey);

    public static IApplicationBuilder UseLaporHttpsOnly(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var request = context.Request;
        var services = context.RequestServices;
        if (request.IsHttps || Refused(context) || !services.GetRequiredService<IOptions<SecurityOptions>>().Value.SecureCookies
            || request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        var origin = services.GetRequiredService<IOptions<MailOptions>>().Value.PublicBaseUrl.TrimEnd('/');
        // A proxy that says HTTPS without being trusted (Security:KnownProxies) would be sent round in circles.
        var untrustedProxy = request.Headers.ContainsKey("X-Forwarded-Proto");
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && !untrustedProxy
            && origin.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Redirect(origin + request.Path.ToUriComponent() + request.QueryString.ToUriComponent(), permanent: false, preserveMethod: true);
            return Task.CompletedTask;
        }

        if (untrustedProxy)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpsOnly))
                .LogWarning("Plain-HTTP request with X-Forwarded-Proto from {RemoteAddress}, which is not in Security:KnownProxies", context.Connection.RemoteIpAddress);
        }

        context.Items[ItemKey] = true;
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return Task.CompletedTask;
    });
}
