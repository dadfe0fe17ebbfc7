using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Infrastructure.Security;

/// <summary>
/// Answers 400 to a request whose query, route or form values hold a NUL character (%00). No text anyone
/// types has one, and PostgreSQL cannot store or compare it (SQLite and SQL Server can), so it would
/// otherwise end in a 500 from the database. Pages get the 400 error page; JSON clients a problem document.
/// </summary>
public sealed class NulCharacterGuard(IStringLocalizer<SharedResource> t) : IAsyncAuthorizationFilter
{
    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        var nul = request.Query.Any(q => HasNul(q.Key) || q.Value.Any(HasNul))
            || context.RouteData.Values.Values.Any(v => v is string s && HasNul(s))
            || (request.HasFormContentType && await FormHasNulAsync(context.HttpContext));
        if (!nul)
        {
            return;
        }

        context.Result = request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase)
            ? new ObjectResult(new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = t["Error.400.Title"], Detail = t["Error.400.Text"] })
            {
                StatusCode = StatusCodes.Status400BadRequest,
                ContentTypes = { "application/problem+json" },
            }
            : new StatusCodeResult(StatusCodes.Status400BadRequest);
    }

    /// <summary>A body too large or not a form after all is not this guard's business: the action answers it as before.</summary>
    private static async Task<bool> FormHasNulAsync(HttpContext http)
    {
        try
        {
            return (await http.Request.ReadFormAsync(http.RequestAborted)).Any(f => HasNul(f.Key) || f.Value.Any(HasNul));
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or IOException)
        {
            return false;
        }
    }

    private static bool HasNul(string? value) => value is not null && value.Contains('\0', StringComparison.Ordinal);
}
