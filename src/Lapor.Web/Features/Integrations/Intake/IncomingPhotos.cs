using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Storage;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Integrations.Intake;

/// <summary>
/// Photos and documents that came with a channel message for a report already filed: checked by their bytes and
/// stripped of metadata by the web form's <see cref="UploadInspector"/>, then stored, before the message is added.
/// (A message that files a report hands them to the filing, which does the same.)
/// </summary>
public sealed class IncomingPhotos(UploadInspector inspector, IAttachmentStore store, IStringLocalizer<SharedResource> t)
{
    public abstract record Result;

    /// <summary>All kept; each becomes an attachment of the reporter's message.</summary>
    public sealed record Kept(IReadOnlyList<StoredPhoto> Files) : Result;

    /// <summary>One was refused (its name and why); nothing is kept.</summary>
    public sealed record Refusal(string Message) : Result;

    public sealed record StoredPhoto(string FileName, string StoredName, InspectedUpload Upload)
    {
        public Attachment ToAttachment(DateTimeOffset now) =>
            new(FileName, StoredName, Upload.ContentType, Upload.Content.Length, Upload.Sha256, ActorRole.Citizen, now);
    }

    public async Task<Result> KeepAsync(IReadOnlyList<IncomingMedia> media, CancellationToken cancellationToken)
    {
        var inspected = new List<(string FileName, InspectedUpload Upload)>();
        foreach (var file in media)
        {
            var (upload, refusal) = await inspector.InspectAsync(new MemoryStream(file.Content), cancellationToken);
            if (upload is null)
            {
                return new Refusal(t[refusal, file.FileName]);
            }

            inspected.Add((file.FileName, upload));
        }

        var stored = new List<StoredPhoto>();
        foreach (var (fileName, upload) in inspected)
        {
            var storedName = $"{Guid.NewGuid():N}{upload.Extension}";
            await store.SaveAsync(storedName, new MemoryStream(upload.Content), cancellationToken);
            stored.Add(new StoredPhoto(fileName, storedName, upload));
        }

        return new Kept(stored);
    }

    /// <summary>Removes files whose message was not stored after all.</summary>
    public async Task ForgetAsync(IEnumerable<StoredPhoto> files)
    {
        foreach (var file in files)
        {
            await store.DeleteAsync(file.StoredName, CancellationToken.None);
        }
    }

    /// <summary>The media as the web form's upload, for a filing, so it meets the same checks and metadata stripping.</summary>
    public static IFormFile AsFile(IncomingMedia media) =>
        new FormFile(new MemoryStream(media.Content), 0, media.Content.Length, "Attachments", media.FileName) { Headers = new HeaderDictionary(), ContentType = media.ContentType };
}
