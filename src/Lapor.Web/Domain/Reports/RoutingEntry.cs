namespace Lapor.Web.Domain.Reports;

/// <summary>One step of a report's history. Append-only: the database context refuses updates and deletes.</summary>
public sealed class RoutingEntry
{
    private RoutingEntry() { }

    internal RoutingEntry(
        Actor actor, DateTimeOffset occurredAt, RoutingAction action, ReportStatus? fromStatus, ReportStatus toStatus,
        int? fromAgencyId, int? toAgencyId, string? reason)
    {
        ActorUserId = actor.UserId;
        ActorRole = actor.Role;
        OccurredAt = occurredAt;
        Action = action;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        FromAgencyId = fromAgencyId;
        ToAgencyId = toAgencyId;
        Reason = reason;
    }

    public long Id { get; private set; }
    public long ReportId { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string? ActorUserId { get; private set; }
    public ActorRole ActorRole { get; private set; }
    public RoutingAction Action { get; private set; }
    public ReportStatus? FromStatus { get; private set; }
    public ReportStatus ToStatus { get; private set; }
    public int? FromAgencyId { get; private set; }
    public int? ToAgencyId { get; private set; }
    public string? Reason { get; private set; }
}
