using System.Security.Claims;
using Lapor.Web.Data;
using Lapor.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Notifications;

/// <summary>/notifikasi: a staff member's in-app notices, newest first; reading them is an explicit action.</summary>
[Authorize(Policy = Policies.Staff)]
[Route("notifikasi")]
public sealed class NotificationsController(LaporDbContext db, TimeProvider clock) : Controller
{
    public sealed record Item(string Template, string TrackingNumber, DateTimeOffset CreatedAt, bool Unread);

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await db.StaffNotifications.AsNoTracking().Where(n => n.UserId == UserId)
            .OrderByDescending(n => n.Id).Take(100)
            .Select(n => new Item(n.Template, n.TrackingNumber, n.CreatedAt, n.ReadAt == null))
            .ToListAsync(cancellationToken));

    [HttpPost("baca")]
    public async Task<IActionResult> MarkAllRead(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.StaffNotifications.Where(n => n.UserId == UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
        return RedirectToAction(nameof(Index));
    }
}
