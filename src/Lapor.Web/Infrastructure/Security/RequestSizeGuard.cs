using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Infrastructure.Security;

/// <summary>
/// Answers 413 for a body over the action's [RequestSizeLimit] before anything reads it. Otherwise the
/// antiforgery check reads the form first, fails on the cut body and says "the form expired", which
/// is wrong and sends people to reload and lose what they typed. A declared length is refused at once
/// (a big upload on a slow link is not received for minutes first); a chunked body is read and
/// refused when it passes the limit. Pages get the 413 error page (it names the limits); JSON clients
/// get a problem document.
/// </summary>
public sealed class RequestSizeGuard(IStringLocalizer<SharedResource> t) : IAsyncAuthorizationFilter
{
    public const string ItemKey = "lapor.request-too-large";

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var limit = context.ActionDescriptor.EndpointMetadata.OfType<IRequestSizeLimitMetadata>().LastOrDefault()?.MaxRequestBodySize
            ?? http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        // Actions without antiforgery (Open311, intake) answer an oversized body in their own protocol's words.
        if (limit is null || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            || context.Filters.OfType<IAntiforgeryPolicy>().LastOrDefault() is IgnoreAntiforgeryTokenAttribute)
        {
            return;
        }

        if (http.Request.ContentLength > limit || (http.Request.ContentLength is null && http.Request.HasFormContentType && !await FormFitsAsync(http)))
        {
            http.Items[ItemKey] = limit;
            context.Result = Refusal(http, limit.Value);
        }
    }

    private static async Task<bool> FormFitsAsync(HttpContext http)
    {
        try
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
            return true;
        }
        catch (BadHttpRequestException error) when (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return false;
        }
    }

    private IActionResult Refusal(HttpContext http, long limit)
    {
        // The rest of the body is not wanted: let the connection go instead of draining it.
        http.Response.Headers.Connection = "close";
        if (!http.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }

        var megabytes = Math.Max(1, limit / (1024 * 1024)).ToString(CultureInfo.CurrentCulture);
        return new ObjectResult(new ProblemDetails
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = t["Error.413.Title"],
            Detail = t["Upload.RequestTooLarge", megabytes],
        })
        { StatusCode = StatusCodes.Status413PayloadTooLarge, ContentTypes = { "application/problem+json" } };
    }
}
