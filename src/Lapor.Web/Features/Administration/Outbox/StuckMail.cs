using Lapor.Web.Data;
using Lapor.Web.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Administration.Outbox;

/// <summary>Mail the dispatcher gave up on, and mail still retrying, newest first, with addresses masked.</summary>
public static class StuckMail
{
    public sealed record Row(long Id, string Template, string Recipient, int Attempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, bool Dead);

    public sealed class Handler(LaporDbContext db)
    {
        public async Task<List<Row>> HandleAsync(CancellationToken cancellationToken)
        {
            var rows = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.SentAt == null && (m.DeadLetteredAt != null || m.Attempts > 0))
                .OrderByDescending(m => m.Id).Take(200)
                .Select(m => new Row(m.Id, m.Template, m.Recipient, m.Attempts, m.LastError, m.CreatedAt, m.NextAttemptAt, m.DeadLetteredAt != null))
                .ToListAsync(cancellationToken);

            // Errors are masked when stored; masking again on the way out covers rows stored before that.
            return [.. rows.Select(r => r with { Recipient = ContactMask.Recipient(r.Recipient), LastError = r.LastError is null ? null : ContactMask.Text(r.LastError, r.Recipient) })];
        }
    }
}
