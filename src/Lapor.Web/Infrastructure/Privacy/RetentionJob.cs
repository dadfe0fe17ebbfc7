using Lapor.Web.Data;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Privacy;

/// <summary>
/// Erases reporter identities of reports closed longer than the retention period. Idempotent: an
/// erased identity has nothing left to erase, so a second run changes nothing.
/// </summary>
public sealed class RetentionJob(LaporDbContext db, IOptions<RetentionOptions> options, TimeProvider clock) : IPeriodicJob
{
    private const int BatchSize = 500;

    /// <summary>Returns how many identities were erased.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
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

        if (erased > 0)
        {
            db.AuditEntries.Add(new AuditEntry(AuditAction.RetentionErased, null, "ReporterIdentity", null, $"{erased} erased, closed before {cutoff:yyyy-MM-dd}", null, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }

        return erased;
    }
}
