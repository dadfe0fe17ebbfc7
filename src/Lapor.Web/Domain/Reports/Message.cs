namespace Lapor.Web.Domain.Reports;

/// <summary>A response, question, reply or internal note on a report.</summary>
public sealed class Message
{
    private Message() { }

    internal Message(Report report, int? agencyId, Actor author, MessageKind kind, MessageVisibility visibility, string body, DateTimeOffset createdAt)
    {
        ReportId = report.Id;
        AgencyId = agencyId;
        AuthorUserId = author.UserId;
        AuthorRole = author.Role;
        Kind = kind;
        Visibility = visibility;
        Body = body.Trim();
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public long ReportId { get; private set; }
    public int? AgencyId { get; private set; }
    public string? AuthorUserId { get; private set; }
    public ActorRole AuthorRole { get; private set; }
    public MessageKind Kind { get; private set; }
    public MessageVisibility Visibility { get; private set; }
    public string Body { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// A final response waiting for validation is staff-only; this is the visibility the officer chose,
    /// given to it when the coordinator validates it (and dropped when they refuse it).
    /// </summary>
    public MessageVisibility? HeldVisibility { get; private set; }

    internal void Hold() => (HeldVisibility, Visibility) = (Visibility, MessageVisibility.Internal);

    internal void Release() => (Visibility, HeldVisibility) = (HeldVisibility ?? Visibility, null);

    internal void Withhold() => HeldVisibility = null;
}
