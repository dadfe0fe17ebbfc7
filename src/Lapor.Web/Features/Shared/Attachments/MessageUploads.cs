using System.Diagnostics.CodeAnalysis;
using Lapor.Web.Data;
using Lapor.Web.Domain;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Shared.Attachments;

/// <summary>
/// Photos or PDFs sent with an officer's message (the evidence with a final response), in the same
/// request as the message; the reporter's files come staged instead (<see cref="Staging"/>). Same checks as the filing form's files (<see cref="UploadInspector"/>: type by
/// content, metadata removed; at most five of 10 MB each); stored under server-chosen names only once
/// the report took the message, deleted again when it was not saved after all.
/// </summary>
public sealed class MessageUploads(LaporDbContext db, UploadInspector inspector, IAttachmentStore store, IStringLocalizer<SharedResource> t, ILogger<MessageUploads> logger)
{
    /// <summary>Five files of 10 MB and the form around them.</summary>
    public const long MaxRequestBytes = 55 * 1024 * 1024;

    /// <summary>The rule a refused file breaks; <see cref="Upload.Refusal"/> says which file and why.</summary>
    public const string RefusedCode = "Attachment.Refused";

    public Upload For(IReadOnlyList<IFormFile> files, ActorRole uploadedBy) => new(db, inspector, store, t, logger, files, uploadedBy);

    /// <summary>One request's files. Disposing it deletes what it stored unless the attachment rows were saved.</summary>
    public sealed class Upload(
        LaporDbContext db, UploadInspector inspector, IAttachmentStore store, IStringLocalizer<SharedResource> t, ILogger<MessageUploads> logger,
        IReadOnlyList<IFormFile> files, ActorRole uploadedBy) : IAsyncDisposable
    {
        private readonly List<(Attachment Attachment, byte[] Content)> _checked = [];
        private readonly List<Attachment> _stored = [];

        /// <summary>Set when a file was refused: its name and the reason, for the person who sent it.</summary>
        public string? Refusal { get; private set; }

        /// <summary>Checks every file (none stored yet); throws <see cref="RefusedCode"/> for the first bad one.</summary>
        public async Task<IReadOnlyList<Attachment>> CheckAsync(DateTimeOffset now, CancellationToken cancellationToken)
        {
            var sent = files.Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
            if (sent.Count > Report.MaxAttachments)
            {
                Refuse(t["Validation.TooManyFiles", Report.MaxAttachments]);
            }

            foreach (var file in sent)
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

                var attachment = new Attachment(Path.GetFileName(file.FileName), $"{Guid.NewGuid():N}{upload.Extension}", upload.ContentType, upload.Content.Length, upload.Sha256, uploadedBy, now);
                _checked.Add((attachment, upload.Content));
            }

            return [.. _checked.Select(c => c.Attachment)];
        }

        /// <summary>Stores the checked files, once the report has taken the message they belong to.</summary>
        public async Task StoreAsync(CancellationToken cancellationToken)
        {
            foreach (var (attachment, content) in _checked)
            {
                try
                {
                    await store.SaveAsync(attachment.StoredName, new MemoryStream(content), cancellationToken);
                }
                catch (AttachmentStoreUnavailableException error)
                {
                    // Refused as a bad file is, so the message is not saved and the text typed comes back.
                    logger.LogError(error, "An attachment could not be stored");
                    Refuse(t["Upload.NotStored", attachment.OriginalFileName]);
                }

                _stored.Add(attachment);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_stored.Count == 0)
            {
                return;
            }

            // Refused by a rule, changed meanwhile, or failed: no row names these files.
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
                logger.LogWarning(error, "Could not remove the files of an unsaved message");
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
