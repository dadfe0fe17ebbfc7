namespace Lapor.Web.Features.Shared.Attachments;

/// <summary>
/// The model of the file picker (<c>Attachments/_Uploader</c>): the plain file input, the files staged so
/// far (each with its thumbnail and a way to remove it), and the addresses uploader.js uses to stage
/// each photo as soon as it is picked.
/// </summary>
public sealed record Uploader(string FileField, string StagedField, Guid FormToken, string StageUrl, IReadOnlyList<Uploader.Entry> Staged)
{
    public sealed record Entry(Staging.Item Item, string FileUrl, string RemoveUrl);

    /// <summary>The picker's label and help when not the filing form's ("Lampiran").</summary>
    public string? Label { get; init; }

    public string? Help { get; init; }

    /// <summary>The limit the browser checks before uploading, in bytes.</summary>
    public static long MaxBytes => Domain.Reports.Attachment.MaxBytes;

    public static int MaxFiles => Domain.Reports.Report.MaxAttachments;
}
