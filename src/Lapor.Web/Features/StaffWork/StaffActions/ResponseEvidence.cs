using System.Diagnostics.CodeAnalysis;
using Lapor.Web.Data;
using Lapor.Web.Domain;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.StaffWork.StaffActions;

/// <summary>
/// Photos and PDFs an officer sends with a final response, to show the work done. They go through
/// the same checks as a citizen's files (<see cref="UploadInspector"/>: type by content, metadata
/// removed; at most five of 10 MB each), are stored under server-chosen names only once the report
/// took the answer, and are deleted again when that answer is not saved after all.
/// </summary>
public sealed class ResponseEvidence(LaporDbContext db, UploadInspector inspector, IAttachmentStore store, IStringLocalizer<StaffWorkResource> t, ILogger<ResponseEvidence> logger)
{
    /// <summary>Five files of 10 MB and the form around them.</summary>
    public const long MaxRequestBytes = 55 * 1024 * 1024;

    /// <summary>The rule a refused file breaks; <see cref="Upload.Refusal"/> says which file and why.</summary>
    public const string RefusedCode = "Attachment.Refused";

    public Upload For(IReadOnlyList<IFormFile> files, ActorRole uploadedBy) => new(db, inspector, store, t, logger, files, uploadedBy);

    /// <summary>One request's files. Disposing it deletes what it stored unless the attachment rows were saved.</summary>
    public sealed class Upload(
        LaporDbContext db, UploadInspector inspector, IAttachmentStore store, IStringLocalizer<StaffWorkResource> t, ILogger<ResponseEvidence> logger,
        IReadOnlyList<IFormFile> files, ActorRole uploadedBy) : IAsyncDisposable
    {
        private readonly List<(Attachment Attachment, byte[] Content)> _checked = [];
        private readonly List<Attachment> _stored = [];

        /// <summary>Set when a file was refused: its name and the reason, for the person who sent it.</summary>
        public string? Refusal { get; private set; }

        /// <summary>Checks every file and names the attachments to be; nothing is stored yet. Throws <see cref="RefusedCode"/> for the first bad file.</summary>
        public async Task<IReadOnlyList<Attachment>> CheckAsync(DateTimeOffset now, CancellationToken cancellationToken)
        {
            if (files.Count > Report.MaxAttachments)
            {
                Refuse(t["Validation.TooManyFiles", Report.MaxAttachments]);
            }

            foreach (var file in files)
            {
                if (file.Length is <= 0 or > Attachment.MaxBytes)
                {
                    Refuse(t["Validation.FileSize", file.FileName, Attachment.MaxBytes / (1024 * 1024)]);
                }

                await using var stream = file.OpenReadStream();
                var (upload, refusal) = await inspector.InspectAsync(stream, cancellationToken);
                if (upload is null)
                {
                    Refuse(t[refusal, file.FileName]);
                }

                var attachment = new Attachment(file.FileName, $"{Guid.NewGuid():N}{upload.Extension}", upload.ContentType, upload.Content.Length, upload.Sha256, uploadedBy, now);
                _checked.Add((attachment, upload.Content));
            }

            return [.. _checked.Select(c => c.Attachment)];
        }

        /// <summary>Stores the checked files, once the report has taken the answer they belong to.</summary>
        public async Task StoreAsync(CancellationToken cancellationToken)
        {
            foreach (var (attachment, content) in _checked)
            {
                await store.SaveAsync(attachment.StoredName, new MemoryStream(content), cancellationToken);
                _stored.Add(attachment);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_stored.Count == 0)
            {
                return;
            }

            // Refused by a rule, changed by someone else meanwhile, or failed: no row names these files.
            try
            {
                var ids = _stored.Select(a => a.Id).ToList();
                var saved = await db.Attachments.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(CancellationToken.None);
                foreach (var orphan in _stored.Where(a => !saved.Contains(a.Id)))
                {
                    await store.DeleteAsync(orphan.StoredName, CancellationToken.None);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Not the request's failure: the attachment sweep removes what is left.
                logger.LogWarning(error, "Could not remove the evidence files of an unsaved final response");
            }
        }

        [DoesNotReturn]
        private void Refuse(string message)
        {
            Refusal = message;
            throw new DomainException(RefusedCode);
        }
    }
}
