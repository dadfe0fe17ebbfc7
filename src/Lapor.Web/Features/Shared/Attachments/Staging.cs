using System.Globalization;
using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Shared.Attachments;

/// <summary>
/// Files picked in a form before it is sent: checked and cleaned exactly as filing does (type from the
/// bytes, size, metadata stripped), stored, and held for the form (its submission token) and the
/// browser (its filing cookie's hash) until the report is filed or <see cref="StagedUploadCleanup"/> removes them.
/// </summary>
public static class Staging
{
    public sealed record Item(Guid Id, string FileName, string ContentType, long SizeBytes)
    {
        public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
    }

    /// <summary>The staged file, or null and the reason it was refused (naming the file and the limit or the accepted types).</summary>
    public sealed record Outcome(Item? Staged, string? Refusal);

    public sealed record File(Stream Content, string ContentType, string FileName);

    /// <summary>A form's files after it was sent: those staged (kept and new), the reasons for those refused, and whether some kept ones were gone.</summary>
    public sealed record Kept(IReadOnlyList<Item> Staged, IReadOnlyList<string> Refusals, bool SomeGone);

    /// <summary>The rule broken when a staged file named by a form is gone.</summary>
    public const string GoneCode = "Attachment.Gone";

    public static string MaxMegabytes => (Attachment.MaxBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture);

    public sealed class Handler(
        LaporDbContext db, UploadInspector inspector, IAttachmentStore store, TimeProvider clock, IStringLocalizer<SharedResource> t, ILogger<Handler> logger)
    {
        public async Task<Outcome> StageAsync(Guid form, string owner, IFormFile file, CancellationToken cancellationToken) =>
            (await StageAllAsync(form, owner, [file], cancellationToken))[0];

        /// <summary>Each file staged or refused with its reason, in one save (a form sent without script carries several).</summary>
        public async Task<IReadOnlyList<Outcome>> StageAllAsync(Guid form, string owner, IReadOnlyList<IFormFile> files, CancellationToken cancellationToken)
        {
            var count = await db.StagedUploads.CountAsync(s => s.FormToken == form && s.Owner == owner, cancellationToken);
            var outcomes = new List<Outcome>();
            foreach (var file in files)
            {
                var outcome = await CheckAndStoreAsync(form, owner, file, count, cancellationToken);
                count += outcome.Staged is null ? 0 : 1;
                outcomes.Add(outcome);
            }

            if (outcomes.Any(o => o.Staged is not null))
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            return outcomes;
        }

        private async Task<Outcome> CheckAndStoreAsync(Guid form, string owner, IFormFile file, int count, CancellationToken cancellationToken)
        {
            var name = Path.GetFileName(file.FileName);
            if (file.Length == 0)
            {
                return new Outcome(null, t["Upload.Empty", name]);
            }

            if (file.Length > Attachment.MaxBytes)
            {
                return new Outcome(null, t["Upload.TooBig", name, MaxMegabytes]);
            }

            if (count >= Report.MaxAttachments)
            {
                return new Outcome(null, t["Upload.TooMany", Report.MaxAttachments]);
            }

            await using var stream = file.OpenReadStream();
            var (upload, refusal) = await inspector.InspectAsync(stream, cancellationToken);
            if (upload is null)
            {
                return new Outcome(null, refusal == UploadInspector.FileTypeKey ? t["Upload.WrongType", name] : t[refusal, name]);
            }

            var storedName = $"{Guid.NewGuid():N}{upload.Extension}";
            try
            {
                await store.SaveAsync(storedName, new MemoryStream(upload.Content), cancellationToken);
            }
            catch (AttachmentStoreUnavailableException error)
            {
                // The form comes back with everything typed and this file named, to be sent again later.
                logger.LogError(error, "An attachment could not be stored");
                return new Outcome(null, t["Upload.NotStored", name]);
            }

            var staged = new StagedUpload(form, owner, name, storedName, upload.ContentType, upload.Content.Length, upload.Sha256, clock.GetUtcNow());
            db.StagedUploads.Add(staged);
            return new Outcome(new Item(staged.Id, staged.OriginalFileName, staged.ContentType, staged.SizeBytes), null);
        }

        /// <summary>
        /// The files a form came back with: those of <paramref name="kept"/> still staged, then <paramref name="sent"/> (the
        /// plain way, without script) staged beside them, so an error anywhere in the form keeps them all.
        /// </summary>
        public async Task<Kept> KeepAsync(Guid form, string owner, IReadOnlyCollection<Guid> kept, IReadOnlyList<IFormFile> sent, CancellationToken cancellationToken)
        {
            var requested = kept.Distinct().ToList();
            var staged = (await ListAsync(form, owner, requested, cancellationToken)).ToList();
            var someGone = staged.Count < requested.Count;
            var refusals = new List<string>();
            foreach (var outcome in sent.Count == 0 ? [] : await StageAllAsync(form, owner, sent, cancellationToken))
            {
                if (outcome.Staged is { } item)
                {
                    staged.Add(item);
                }
                else
                {
                    refusals.Add(outcome.Refusal!);
                }
            }

            return new Kept(staged, refusals, someGone);
        }

        /// <summary>Those of <paramref name="ids"/> this browser staged for this form, in the order given; anyone else's are left out.</summary>
        public async Task<IReadOnlyList<Item>> ListAsync(Guid form, string owner, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
        {
            if (ids.Count == 0)
            {
                return [];
            }

            var found = await db.StagedUploads.AsNoTracking()
                .Where(s => s.FormToken == form && s.Owner == owner && ids.Contains(s.Id))
                .Select(s => new Item(s.Id, s.OriginalFileName, s.ContentType, s.SizeBytes))
                .ToListAsync(cancellationToken);
            return [.. ids.Distinct().Select(id => found.FirstOrDefault(f => f.Id == id)).OfType<Item>()];
        }

        /// <summary>Everything this browser staged for this form so far, oldest first: what a form that came back lists again.</summary>
        public async Task<IReadOnlyList<Item>> ListForFormAsync(Guid form, string? owner, CancellationToken cancellationToken) =>
            owner is null ? [] : await db.StagedUploads.AsNoTracking()
                .Where(s => s.FormToken == form && s.Owner == owner)
                .OrderBy(s => s.StagedAt).ThenBy(s => s.OriginalFileName)
                .Select(s => new Item(s.Id, s.OriginalFileName, s.ContentType, s.SizeBytes))
                .ToListAsync(cancellationToken);

        /// <summary>
        /// The staged files <paramref name="ids"/> names, marked for removal from staging in the caller's save (their stored
        /// files become the report's as they are); null when any is gone (a day old, or not this browser's), as a
        /// message must never be sent without a photo the person thinks is attached.
        /// </summary>
        public async Task<IReadOnlyList<StagedUpload>?> TakeAsync(Guid form, string? owner, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
        {
            var wanted = ids.Distinct().ToList();
            if (wanted.Count == 0)
            {
                return [];
            }

            var staged = await db.StagedUploads.Where(s => s.FormToken == form && s.Owner == owner && wanted.Contains(s.Id)).ToListAsync(cancellationToken);
            if (staged.Count != wanted.Count)
            {
                return null;
            }

            db.StagedUploads.RemoveRange(staged);
            return [.. wanted.Select(id => staged.First(s => s.Id == id))];
        }

        public async Task<bool> RemoveAsync(Guid id, string owner, CancellationToken cancellationToken)
        {
            var staged = await db.StagedUploads.FirstOrDefaultAsync(s => s.Id == id && s.Owner == owner, cancellationToken);
            if (staged is null)
            {
                return false;
            }

            db.StagedUploads.Remove(staged);
            await db.SaveChangesAsync(cancellationToken);
            await store.DeleteAsync(staged.StoredName, CancellationToken.None);
            return true;
        }

        /// <summary>The staged file for its own browser only (the thumbnail); null for anyone else.</summary>
        public async Task<File?> OpenAsync(Guid id, string owner, CancellationToken cancellationToken)
        {
            var staged = await db.StagedUploads.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.Owner == owner, cancellationToken);
            var stream = staged is null ? null : await store.OpenReadAsync(staged.StoredName, cancellationToken);
            return stream is null ? null : new File(stream, staged!.ContentType, staged.OriginalFileName);
        }
    }
}
