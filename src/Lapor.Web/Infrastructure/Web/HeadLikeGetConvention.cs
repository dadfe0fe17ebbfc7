using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Lapor.Web.Infrastructure.Web;

/// <summary>
/// Every GET action answers HEAD too: HEAD is GET without the body (RFC 9110 §9.3.2), and link checkers,
/// monitors and caches that probe with it must see the page's real status, not the fallback's 404. The
/// action runs as for GET; the server sends the headers and drops the body. Antiforgery ignores HEAD as it
/// ignores GET, so nothing else changes.
/// </summary>
public sealed class HeadLikeGetConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        if (action.Attributes.OfType<GetOnlyAttribute>().Any())
        {
            return;
        }

        foreach (var selector in action.Selectors)
        {
            if (selector.ActionConstraints.OfType<HttpMethodActionConstraint>().FirstOrDefault() is not { } get
                || !get.HttpMethods.Contains(HttpMethods.Get) || get.HttpMethods.Contains(HttpMethods.Head))
            {
                continue;
            }

            string[] methods = [.. get.HttpMethods, HttpMethods.Head];
            selector.ActionConstraints.Remove(get);
            selector.ActionConstraints.Add(new HttpMethodActionConstraint(methods));
            foreach (var metadata in selector.EndpointMetadata.OfType<HttpMethodMetadata>().ToList())
            {
                selector.EndpointMetadata.Remove(metadata);
            }

            selector.EndpointMetadata.Add(new HttpMethodMetadata(methods));
        }
    }
}

/// <summary>
/// A GET with a side effect that a mere probe must not trigger (a code shown once, an audited download):
/// it does not answer HEAD.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class GetOnlyAttribute : Attribute;
