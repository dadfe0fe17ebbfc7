namespace Lapor.Web.Domain.Reports;

/// <summary>A file attached to a report, stored under a server-chosen name outside wwwroot.</summary>
public sealed class Attachment
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private Attachment() { }

    public Attachment(string originalFileName, string storedName, string contentType, long sizeBytes, string sha256, ActorRole uploadedBy, DateTimeOffset uploadedAt, long? messageId = null)
    {
        Id = Guid.NewGuid();
        OriginalFileName = Path.GetFileName(originalFileName);
        StoredName = storedName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
        MessageId = messageId;
    }

    public Guid Id { get; private set; }
    public long ReportId { get; private set; }
    public long? MessageId { get; private set; }
    public string OriginalFileName { get; private set; } = "";
    public string StoredName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string Sha256 { get; private set; } = "";
    public ActorRole UploadedBy { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>
    /// The message the file belongs to (evidence of a final response), set together with the message
    /// before either is stored: the save then fills in <see cref="MessageId"/>.
    /// </summary>
    public Message? Message { get; private set; }

    /// <summary>Belongs to a message rather than to the report as filed.</summary>
    public bool IsOnMessage => MessageId is not null || Message is not null;

    internal void BelongTo(Message message) => Message = message;
}
