using Lapor.Web.Data;
using Lapor.Web.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Administration.Outbox;

/// <summary>
/// Messages not delivered — mail, replies on SMS, WhatsApp and Telegram, and API clients' webhook deliveries:
/// given up, still retrying, or waiting for their channel to be connected — newest first, with addresses and numbers masked.
/// </summary>
public static class StuckMail
{
    public sealed record Row(
        long Id, NotificationChannel Channel, string Template, string Recipient, int Attempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, bool Dead,
        string? TrackingNumber)
    {
        public bool WaitsForChannel => !Dead && LastError == OutboxMessage.ChannelNotConnected;
    }

    public sealed class Handler(LaporDbContext db)
    {
        private const string Webhook = Infrastructure.Notifications.NotificationOutbox.WebhookTemplate;

        public async Task<List<Row>> HandleAsync(CancellationToken cancellationToken)
        {
            var rows = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.SentAt == null && (m.DeadLetteredAt != null || m.Attempts > 0 || m.LastError != null))
                .OrderByDescending(m => m.Id).Take(200)
                .Select(m => new Row(m.Id, m.Channel, m.Template, m.Recipient, m.Attempts, m.LastError, m.CreatedAt, m.NextAttemptAt, m.DeadLetteredAt != null,
                    db.Reports.Where(r => r.Id == m.ReportId).Select(r => r.TrackingNumber).FirstOrDefault()))
                .ToListAsync(cancellationToken);

            // A webhook's recipient is an API client's id, not a contact: it reads as the client's name.
            var webhooks = rows.Where(r => r.Template == Webhook).Select(r => r.Recipient).Distinct().ToList();
            var clients = webhooks.Count == 0 ? [] : await db.ApiClients.AsNoTracking()
                .Where(c => webhooks.Contains(c.Id.ToString())).ToDictionaryAsync(c => c.Id.ToString(), c => c.Name, cancellationToken);

            // Errors are masked when stored; masking again on the way out covers rows stored before that.
            return [.. rows.Select(r => r with
            {
                Recipient = r.Template == Webhook ? clients.GetValueOrDefault(r.Recipient, r.Recipient) : ContactMask.Recipient(r.Recipient),
                LastError = r.LastError is null ? null : ContactMask.Text(r.LastError, r.Recipient),
            })];
        }
    }
}
