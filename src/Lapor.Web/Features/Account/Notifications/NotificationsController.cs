using System.Security.Claims;
using Lapor.Web.Data;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Account.Notifications;

/// <summary>
/// /notifikasi: a staff member's in-app notices, newest first. Reading them is an explicit action:
/// opening one (a button styled as a link, since a GET never changes anything) or marking all.
/// </summary>
[Authorize(Policy = Policies.Staff)]
[Route("notifikasi")]
public sealed class NotificationsController(LaporDbContext db, MailTemplates templates, TimeProvider clock) : Controller
{
    public sealed record Item(long Id, string Text, DateTimeOffset CreatedAt, bool Unread);

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var notices = await db.StaffNotifications.AsNoTracking().Where(n => n.UserId == UserId)
            .OrderByDescending(n => n.Id).Take(100)
            .Select(n => new { n.Id, n.Template, n.TrackingNumber, n.PayloadJson, n.CreatedAt, Unread = n.ReadAt == null })
            .ToListAsync(cancellationToken);

        // Worded like the mail's subject in the reader's language; older notices carry only the tracking number.
        var culture = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return View(notices.Select(n => new Item(n.Id, templates.Subject(n.Template, culture,
            n.PayloadJson is "{}" or "" ? System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["TrackingNumber"] = n.TrackingNumber }) : n.PayloadJson),
            n.CreatedAt, n.Unread)).ToList());
    }

    /// <summary>Marks one of the user's own notices read and opens its report; anyone else's is not found.</summary>
    [HttpPost("{id:long}/buka")]
    public async Task<IActionResult> Open(long id, CancellationToken cancellationToken)
    {
        var notice = await db.StaffNotifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == UserId, cancellationToken);
        if (notice is null)
        {
            return NotFound();
        }

        notice.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return notice.ReportId is null
            ? RedirectToAction(nameof(Index))
            : RedirectToAction("Detail", "Inbox", new { trackingNumber = notice.TrackingNumber });
    }

    [HttpPost("baca")]
    public async Task<IActionResult> MarkAllRead(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.StaffNotifications.Where(n => n.UserId == UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
        return RedirectToAction(nameof(Index));
    }
}
