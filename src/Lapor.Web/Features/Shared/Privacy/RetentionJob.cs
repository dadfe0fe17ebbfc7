using Lapor.Web.Data;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Features.Shared.Privacy;

/// <summary>
/// Erases reporter identities (and the device and account ids an app sent) of reports closed longer than the retention period, and deletes
/// outbox messages sent or given up longer ago than theirs (they carry recipients' addresses).
/// Idempotent: a second run finds nothing left to do.
/// </summary>
public sealed class RetentionJob(LaporDbContext db, IOptions<RetentionOptions> options, TimeProvider clock) : IPeriodicJob
{
    private const int BatchSize = 500;

    /// <summary>Closed sign-in sessions (device and address) are kept this long for the person to review, then deleted.</summary>
    public static readonly TimeSpan SessionRetention = TimeSpan.FromDays(30);

    /// <summary>Returns how many identities were erased, outbox messages and closed sessions deleted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken) =>
        await EraseIdentitiesAsync(cancellationToken) + await DeleteOldMessagesAsync(cancellationToken) + await DeleteOldSessionsAsync(cancellationToken);

    private async Task<int> DeleteOldSessionsAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - SessionRetention;
        return await db.UserSessions.Where(s => s.ExpiresAt < cutoff || (s.EndedAt != null && s.EndedAt < cutoff)).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<int> DeleteOldMessagesAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().AddDays(-options.Value.OutboxRetentionDays);
        var deleted = 0;
        int batch;
        do
        {
            // In batches, so a first run on a large table does not hold one long write lock.
            batch = await db.OutboxMessages
                .Where(m => (m.SentAt != null && m.SentAt < cutoff) || (m.DeadLetteredAt != null && m.DeadLetteredAt < cutoff))
                .OrderBy(m => m.Id).Take(BatchSize).ExecuteDeleteAsync(cancellationToken);
            deleted += batch;
        }
        while (batch == BatchSize);

        return deleted;
    }

    private async Task<int> EraseIdentitiesAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().AddDays(-options.Value.ReporterIdentityRetentionDays);
        var erased = 0;
        while (true)
        {
            var expired = db.Reports.Where(r => (r.Status == ReportStatus.Completed || r.Status == ReportStatus.Archived) && r.UpdatedAt < cutoff).Select(r => r.Id);
            var batch = await db.ReporterIdentities
                .Where(i => expired.Contains(i.ReportId) && (i.FullName != null || i.Email != null || i.Phone != null))
                .Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            batch.ForEach(i => i.Erase());
            erased += batch.Count;
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        // The device and account ids an app sent with the report point at the reporter as well.
        var closedLongAgo = db.Reports.Where(r => (r.Status == ReportStatus.Completed || r.Status == ReportStatus.Archived) && r.UpdatedAt < cutoff).Select(r => r.Id);
        await db.ApiSubmissions.Where(s => closedLongAgo.Contains(s.ReportId) && (s.DeviceId != null || s.AccountId != null))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.DeviceId, (string?)null).SetProperty(s => s.AccountId, (string?)null), cancellationToken);

        if (erased > 0)
        {
            db.AuditEntries.Add(new AuditEntry(AuditAction.RetentionErased, null, "ReporterIdentity", null, $"{erased} erased, closed before {cutoff:yyyy-MM-dd}", null, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }

        return erased;
    }
}
