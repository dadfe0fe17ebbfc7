namespace Lapor.Web.Domain.Notifications;

/// <summary>An in-app notice for a staff member (new disposition, deadline, escalation), shown until read.</summary>
public sealed class StaffNotification
{
    private StaffNotification() { }

    public StaffNotification(string userId, string template, long? reportId, string trackingNumber, DateTimeOffset createdAt, string payloadJson = "{}")
    {
        PayloadJson = payloadJson;
        UserId = userId;
        Template = template;
        ReportId = reportId;
        TrackingNumber = trackingNumber;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public string Template { get; private set; } = "";
    public long? ReportId { get; private set; }
    public string TrackingNumber { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>What the notice's line names (agency, lateness, dates), as in the mail it goes with.</summary>
    public string PayloadJson { get; private set; } = "{}";

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}
