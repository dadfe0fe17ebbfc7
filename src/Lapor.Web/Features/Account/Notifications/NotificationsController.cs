using System.Security.Claims;
using Lapor.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lapor.Web.Features.Account.Notifications;

/// <summary>
/// /notifikasi: a staff member's in-app notices, newest first. Reading them is an explicit action:
/// opening one (a button styled as a link, since a GET never changes anything) or marking all.
/// </summary>
[Authorize(Policy = Policies.Staff)]
[Route("notifikasi")]
public sealed class NotificationsController : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] NoticeList.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.ListAsync(UserId, cancellationToken));

    /// <summary>Marks one of the user's own notices read and opens its report; anyone else's is not found.</summary>
    [HttpPost("{id:long}/buka")]
    public async Task<IActionResult> Open(long id, [FromServices] OpenNotice.Handler handler, CancellationToken cancellationToken) =>
        await handler.OpenAsync(id, UserId, cancellationToken) switch
        {
            null => NotFound(),
            { TrackingNumber: null } => RedirectToAction(nameof(Index)),
            { TrackingNumber: var trackingNumber } => RedirectToAction("Detail", "ReportPage", new { trackingNumber }),
        };

    [HttpPost("baca")]
    public async Task<IActionResult> MarkAllRead([FromServices] MarkAllRead.Handler handler, CancellationToken cancellationToken)
    {
        await handler.MarkAsync(UserId, cancellationToken);
        return RedirectToAction(nameof(Index));
    }
}
