using Lapor.Web.Data;
using Lapor.Web.Features.Shared.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Citizen.Tracking;

/// <summary>
/// The signed link from the reporter's confirmation: opening it, and asking for a new one. A link
/// opens its report only while the contact it was sent to is still on file; a new one goes only to
/// that contact, and the asker is never told whether there is one.
/// </summary>
public static class ReportLink
{
    public enum Outcome
    {
        Opened,
        Expired,
        Refused,
    }

    /// <summary>New links a report's contact gets per day, however many addresses ask: a mailbox is not to be flooded.</summary>
    public const int NewLinksPerReportPerDay = 3;

    public sealed class OpenHandler(LaporDbContext db, ReportLinks links, TimeProvider clock)
    {
        public async Task<Outcome> HandleAsync(string trackingNumber, string? token, CancellationToken cancellationToken)
        {
            var (verdict, fingerprint) = links.Read(token, trackingNumber, clock.GetUtcNow());
            if (verdict != ReportLinks.Verdict.Valid)
            {
                return verdict == ReportLinks.Verdict.Expired ? Outcome.Expired : Outcome.Refused;
            }

            // The contacts on file now: a link sent to a contact erased or changed since no longer opens the report.
            var contacts = await db.Reports.AsNoTracking()
                .Where(r => r.TrackingNumber == trackingNumber)
                .Select(r => new
                {
                    Identity = db.ReporterIdentities.Where(i => i.ReportId == r.Id).Select(i => new { i.Email, i.Phone, i.ReplyTo }).FirstOrDefault(),
                    Account = db.Users.Where(u => u.Id == r.ReporterUserId).Select(u => u.Email).FirstOrDefault(),
                })
                .FirstOrDefaultAsync(cancellationToken);
            var onFile = new[] { contacts?.Identity?.Email, contacts?.Identity?.Phone, contacts?.Identity?.ReplyTo, contacts?.Account };
            return onFile.Any(c => !string.IsNullOrWhiteSpace(c) && ReportLinks.Fingerprint(c) == fingerprint) ? Outcome.Opened : Outcome.Refused;
        }
    }

    public sealed class ResendHandler(LaporDbContext db, ReportNotices notices, TimeProvider clock)
    {
        /// <summary>Queues a new link to the contact on file, if there is one; says nothing either way.</summary>
        public async Task HandleAsync(string trackingNumber, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.TrackingNumber == trackingNumber, cancellationToken);
            if (report is null)
            {
                return;
            }

            var since = now.AddDays(-1);
            var sent = await db.OutboxMessages.CountAsync(m => m.ReportId == report.Id && m.Template == ReportNotices.ReportLinkTemplate && m.CreatedAt > since, cancellationToken);
            if (sent < NewLinksPerReportPerDay && await notices.QueueReportLinkAsync(report, now, cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }
    }
}
