using Lapor.Web.Data;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Outbox;

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
        return View(rows.Select(r => r with { Recipient = Mask(r.Recipient) }).ToList());
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

    /// <summary>Enough of the address to recognise a typo, not enough to harvest contacts.</summary>
    internal static string Mask(string email) =>
        email.Split('@') is [var local, var domain] && local.Length > 0 ? $"{local[0]}***@{domain}" : "***";
}
