using Lapor.Web.Data;
using Lapor.Web.Domain;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Citizen.Tracking;

/// <summary>
/// The reporter's one-click escalation to the coordinator, open once the deadline job offered it
/// (completion date passed). Recorded as an escalation row, so it happens once and shows in the
/// coordinator's escalation queue.
/// </summary>
public static class ReporterEscalation
{
    public sealed class Handler(LaporDbContext db)
    {
        public Task<bool> IsOfferedAsync(string trackingNumber, CancellationToken cancellationToken) =>
            db.Escalations.AnyAsync(e => e.Rung == EscalationRung.ReporterOffer && db.Reports.Any(r => r.Id == e.ReportId && r.TrackingNumber == trackingNumber
                && (r.Status == ReportStatus.Dispositioned || r.Status == ReportStatus.InProgress)), cancellationToken);

        /// <summary>Adds the escalation to a report loaded by the reporter action; refuses when it was not offered or already taken.</summary>
        public async Task EscalateAsync(Report report, Actor actor, string reason, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var offer = await db.Escalations.AsNoTracking().Where(e => e.ReportId == report.Id && e.Rung == EscalationRung.ReporterOffer)
                .OrderByDescending(e => e.DueOn).Select(e => (DateOnly?)e.DueOn).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainException("Escalation.NotOffered");
            if (await db.Escalations.AnyAsync(e => e.ReportId == report.Id && e.Rung == EscalationRung.ReporterEscalated && e.DueOn == offer, cancellationToken))
            {
                throw new DomainException("Escalation.AlreadyDone");
            }

            report.EscalateByReporter(actor, reason, now);
            db.Escalations.Add(new Escalation(report.Id, null, Deadline.Completion, EscalationRung.ReporterEscalated, offer, now));
        }
    }
}
