using Lapor.Web.Domain.Auditing;
using Lapor.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lapor.Web.Features.Administration.Audit;

/// <summary>/admin/audit: the security and privacy log (sign-ins, identity reveals, exports, settings), newest first.</summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/audit")]
public sealed class AuditController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(AuditAction? action, long? before, [FromServices] AuditLog.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(action, before, cancellationToken));
}
