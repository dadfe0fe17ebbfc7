using Lapor.Web.Data;
using Lapor.Web.Infrastructure.Jobs;
using Lapor.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Features.Shared.Attachments;

/// <summary>
/// Removes staged uploads whose form was never sent: the row and the stored file, once older than
/// <see cref="AttachmentStorageOptions.StagedLifetime"/> (a day). Filed ones are gone already (their
/// rows became attachments), so only abandoned forms are touched.
/// </summary>
public sealed class StagedUploadCleanup(LaporDbContext db, IAttachmentStore store, IOptions<AttachmentStorageOptions> options, TimeProvider clock, ILogger<StagedUploadCleanup> logger)
    : IPeriodicJob
{
    private const int BatchSize = 200;

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.StagedLifetime;
        var removed = 0;
        while (true)
        {
            var expired = await db.StagedUploads.Where(s => s.StagedAt < cutoff).OrderBy(s => s.StagedAt).Take(BatchSize).ToListAsync(cancellationToken);
            if (expired.Count == 0)
            {
                break;
            }

            // Rows first: a file without a row is swept later (AttachmentSweep); a row without its file would show a broken thumbnail.
            db.StagedUploads.RemoveRange(expired);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var staged in expired)
            {
                await store.DeleteAsync(staged.StoredName, cancellationToken);
            }

            removed += expired.Count;
        }

        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} staged uploads older than {Cutoff:u}", removed, cutoff);
        }

        return removed;
    }
}
