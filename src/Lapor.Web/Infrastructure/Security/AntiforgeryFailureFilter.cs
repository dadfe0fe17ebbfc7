using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Lapor.Web.Infrastructure.Security;

/// <summary>
/// A refused antiforgery token is logged as a security event and explained on the error page
/// ("the form expired, reload it") instead of a bare "bad request".
/// </summary>
public sealed class AntiforgeryFailureFilter(SecurityEvents events) : IAlwaysRunResultFilter
{
    public const string ItemKey = "lapor.antiforgery-failed";

    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            context.HttpContext.Items[ItemKey] = true;
            events.AntiforgeryRejected(context.HttpContext);
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
