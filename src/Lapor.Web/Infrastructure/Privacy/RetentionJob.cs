using Lapor.Web.Data;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Privacy;

/// <summary>
/// Erases reporter identities of reports closed longer than the retention period. Idempotent: an
/// erased identity has nothing left to erase, so a second run changes nothing.
/// </summary>
public sealed class RetentionJob(LaporDbContext db, IOptions<RetentionOptions> options, TimeProvider clock)
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

/// <summary>Runs the retention job every few hours for as long as the app runs.</summary>
public sealed class RetentionJobService(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionJobService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.JobEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.JobInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunOnceAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "Retention job failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
