using Lapor.Web.Data;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.Outbox;

/// <summary>/admin/surat: mail the dispatcher gave up on, and mail still retrying, so administrators can act.</summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/surat")]
public sealed class OutboxController(LaporDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    public sealed record Row(long Id, string Template, string Recipient, int Attempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, bool Dead);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && (m.DeadLetteredAt != null || m.Attempts > 0))
            .OrderByDescending(m => m.Id).Take(200)
            .Select(m => new Row(m.Id, m.Template, m.Recipient, m.Attempts, m.LastError, m.CreatedAt, m.NextAttemptAt, m.DeadLetteredAt != null))
            .ToListAsync(cancellationToken);
        // Errors are masked when stored; masking again on the way out covers rows stored before that.
        return View(rows.Select(r => r with { Recipient = ContactMask.Recipient(r.Recipient), LastError = r.LastError is null ? null : ContactMask.Text(r.LastError, r.Recipient) }).ToList());
    }

    [HttpPost("{id:long}/kirim-ulang")]
    public async Task<IActionResult> Requeue([FromRoute] long id, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == id && m.SentAt == null, cancellationToken);
        if (message is null)
        {
            return NotFound();
        }

        message.Requeue(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        TempData[FlashMessage.SuccessKey] = t["Outbox.Requeued"].Value;
        return RedirectToAction(nameof(Index));
    }
}
