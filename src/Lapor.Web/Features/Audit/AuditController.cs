using Lapor.Web.Data;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Audit;

/// <summary>/admin/audit: the security and privacy log (sign-ins, identity reveals, exports, settings), newest first.</summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/audit")]
public sealed class AuditController(LaporDbContext db) : Controller
{
    public const int PageSize = 100;

    public sealed record Row(long Id, DateTimeOffset At, AuditAction Action, string? User, string? Target, string? Reason, string? IpAddress);

    public sealed record Page(IReadOnlyList<Row> Rows, AuditAction? Action, long? Next);

    [HttpGet("")]
    public async Task<IActionResult> Index(AuditAction? action, long? before, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (action is { } chosen)
        {
            entries = entries.Where(a => a.Action == chosen);
        }

        if (before is { } id)
        {
            entries = entries.Where(a => a.Id < id);
        }

        var rows = await entries.OrderByDescending(a => a.Id).Take(PageSize + 1)
            .Select(a => new Row(a.Id, a.OccurredAt, a.Action, db.Users.Where(u => u.Id == a.UserId).Select(u => u.Email).FirstOrDefault(),
                a.TargetType == null ? null : a.TargetType + " " + a.TargetId, a.Reason, a.IpAddress))
            .ToListAsync(cancellationToken);
        var next = rows.Count > PageSize ? rows[PageSize - 1].Id : (long?)null;
        return View(new Page(rows.Take(PageSize).ToList(), action, next));
    }
}
