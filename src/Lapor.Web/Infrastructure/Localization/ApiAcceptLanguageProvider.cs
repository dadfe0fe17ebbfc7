using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace Lapor.Web.Infrastructure.Localization;

/// <summary>
/// The Accept-Language header, for the machine-facing endpoints only (Open311 and the channel webhooks):
/// a program states its language there and has no cookie to choose one. The pages keep ignoring it, so a
/// person sees Indonesian until they choose (<see cref="LaporLocalization"/>).
/// </summary>
public sealed class ApiAcceptLanguageProvider : RequestCultureProvider
{
    private static readonly PathString[] ApiPaths = ["/open311", "/intake"];

    private readonly AcceptLanguageHeaderRequestCultureProvider _header = new();

    public static bool IsApi(PathString path) => ApiPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (!IsApi(httpContext.Request.Path))
        {
            return NullProviderCultureResult;
        }

        // The answer now depends on the header: a shared cache must not give one caller's language to another.
        httpContext.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
        return _header.DetermineProviderCultureResult(httpContext);
    }
}
