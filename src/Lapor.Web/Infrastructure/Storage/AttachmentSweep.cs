using Lapor.Web.Data;
using Lapor.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Storage;

/// <summary>
/// Removes stored files that no attachment row (nor staged upload, nor outreach event's photo) names. Files are written before the report that
/// names them commits, so a filing cut short (a crash, a lost race for the same form, a rollback)
/// leaves its files behind; they are never served, only waste space. Only files older than
/// <see cref="AttachmentStorageOptions.OrphanAge"/> are considered, so uploads in flight are safe,
/// and several instances sweeping at once only delete the same orphans twice. Against a wrong
/// configuration (an empty database, another portal's folder) it does nothing when the database
/// names no attachment at all, and removes at most <see cref="MaxPerRun"/> files per run.
/// </summary>
public sealed class AttachmentSweep(LaporDbContext db, IAttachmentStore store, IOptions<AttachmentStorageOptions> options, TimeProvider clock, ILogger<AttachmentSweep> logger)
    : IPeriodicJob
{
    private const int BatchSize = 500;

    /// <summary>Crashes leave a handful of files; thousands mean something else is wrong, so they are left for a person to look at.</summary>
    public const int MaxPerRun = 1000;

    /// <summary>Returns how many files were removed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!await db.Attachments.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var cutoff = clock.GetUtcNow() - options.Value.OrphanAge;
        var removed = 0;
        var batch = new List<string>(BatchSize);
        await foreach (var name in store.ListOlderThanAsync(cutoff, cancellationToken))
        {
            batch.Add(name);
            if (batch.Count == BatchSize)
            {
                removed += await RemoveUnnamedAsync(batch, MaxPerRun - removed, cancellationToken);
                batch.Clear();
                if (removed >= MaxPerRun)
                {
                    logger.LogWarning("Stopped after removing {Count} unnamed stored files: check Attachments settings before the next run", removed);
                    return removed;
                }
            }
        }

        removed += await RemoveUnnamedAsync(batch, MaxPerRun - removed, cancellationToken);
        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} stored files that no attachment names (older than {Cutoff:u})", removed, cutoff);
        }

        return removed;
    }

    private async Task<int> RemoveUnnamedAsync(List<string> names, int allowed, CancellationToken cancellationToken)
    {
        // Anything not shaped like a name the portal generates is someone else's file: left alone.
        var candidates = names.Where(AttachmentNames.IsValid).ToList();
        if (candidates.Count == 0)
        {
            return 0;
        }

        var named = await db.Attachments.Where(a => candidates.Contains(a.StoredName)).Select(a => a.StoredName)
            .Concat(db.StagedUploads.Where(s => candidates.Contains(s.StoredName)).Select(s => s.StoredName))
            .Concat(db.OutreachEvents.Where(e => e.PhotoStoredName != null && candidates.Contains(e.PhotoStoredName)).Select(e => e.PhotoStoredName!))
            .ToListAsync(cancellationToken);
        var orphans = candidates.Except(named, StringComparer.Ordinal).Take(allowed).ToList();
        foreach (var orphan in orphans)
        {
            await store.DeleteAsync(orphan, cancellationToken);
        }

        return orphans.Count;
    }
}
