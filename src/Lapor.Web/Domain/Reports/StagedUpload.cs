namespace Lapor.Web.Domain.Reports;

/// <summary>
/// A checked, cleaned file waiting for its form to be sent: tied to the form (its submission token)
/// and to the browser that sent it (a hash of its filing cookie), so nobody else can attach or see it.
/// Becomes an <see cref="Attachment"/> under the same stored name when the report is filed; removed after a day otherwise.
/// </summary>
public sealed class StagedUpload
{
    private StagedUpload() { }

    public StagedUpload(Guid formToken, string owner, string originalFileName, string storedName, string contentType, long sizeBytes, string sha256, DateTimeOffset stagedAt)
    {
        Id = Guid.NewGuid();
        FormToken = formToken;
        Owner = owner;
        OriginalFileName = Path.GetFileName(originalFileName);
        StoredName = storedName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        StagedAt = stagedAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The submission token of the form the file was picked in.</summary>
    public Guid FormToken { get; private set; }

    /// <summary>SHA-256 (hex) of the browser's filing cookie; the cookie itself is never stored.</summary>
    public string Owner { get; private set; } = "";

    public string OriginalFileName { get; private set; } = "";
    public string StoredName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string Sha256 { get; private set; } = "";
    public DateTimeOffset StagedAt { get; private set; }

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);

    /// <summary>The report's attachment, naming the same stored file (nothing is copied).</summary>
    public Attachment ToAttachment(ActorRole uploadedBy, DateTimeOffset now) =>
        new(OriginalFileName, StoredName, ContentType, SizeBytes, Sha256, uploadedBy, now);
}
