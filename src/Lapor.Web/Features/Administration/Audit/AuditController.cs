using System.Globalization;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Lapor.Web.Features.Administration.Audit;

/// <summary>/admin/audit: the security and privacy log (sign-ins, identity reveals, exports, settings), newest first.</summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/audit")]
public sealed class AuditController : Controller
{
    /// <summary>The filter comes from the query string only: bound by name alone, "action" would be the route's own value ("Index").</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "action")] AuditAction? action, long? before, [FromServices] AuditLog.Handler handler, CancellationToken cancellationToken)
    {
        var page = await handler.HandleAsync(action, before, cancellationToken);
        return View(page.Next is { } next ? page with { NextLink = NextLink(page.Action, next) } : page);
    }

    // "action" as a route value would name the controller action, so the filter goes on as a plain query string.
    private string NextLink(AuditAction? action, long before) =>
        QueryHelpers.AddQueryString(Url.Action(nameof(Index))!, new Dictionary<string, string?>
        {
            ["action"] = action?.ToString() ?? "",
            ["before"] = before.ToString(CultureInfo.InvariantCulture),
        });
}
