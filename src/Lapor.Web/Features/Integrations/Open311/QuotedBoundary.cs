using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;

namespace Lapor.Web.Features.Integrations.Open311;

/// <summary>
/// USF's open311-client sends <c>multipart/form-data; boundary====1764669600000===</c>: "=" may not stand unquoted
/// in a header parameter, so ASP.NET Core cannot parse the content type and sees no form at all. Before the form is
/// bound, such a boundary is put in quotes (which changes nothing else: the parts are delimited the same way).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class QuotedBoundaryAttribute : Attribute, IResourceFilter
{
    private const string Prefix = "boundary=";

    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var request = context.HttpContext.Request;
        var contentType = request.ContentType;
        if (contentType is null || MediaTypeHeaderValue.TryParse(contentType, out _)
            || !contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var at = contentType.IndexOf(Prefix, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return;
        }

        var start = at + Prefix.Length;
        var end = contentType.IndexOf(';', start);
        var boundary = (end < 0 ? contentType[start..] : contentType[start..end]).Trim();
        if (boundary.Length is 0 or > 200 || boundary.Contains('"', StringComparison.Ordinal))
        {
            return;
        }

        var quoted = $"{contentType[..start]}\"{boundary}\"{(end < 0 ? "" : contentType[end..])}";
        if (MediaTypeHeaderValue.TryParse(quoted, out _))
        {
            request.ContentType = quoted;
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
