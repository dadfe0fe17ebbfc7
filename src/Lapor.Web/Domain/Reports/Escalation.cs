namespace Lapor.Web.Domain.Reports;

/// <summary>
/// A rung of the escalation ladder that has happened. Unique per (assignment or report, deadline,
/// rung, due date), so a job running twice or on two instances cannot fire it twice.
/// </summary>
public sealed class Escalation
{
    private Escalation() { }

    public Escalation(long reportId, long? assignmentId, Deadline deadline, EscalationRung rung, DateOnly dueOn, DateTimeOffset occurredAt)
    {
        ReportId = reportId;
        AssignmentId = assignmentId;
        Deadline = deadline;
        Rung = rung;
        DueOn = dueOn;
        OccurredAt = occurredAt;
    }

    public long Id { get; private set; }
    public long ReportId { get; private set; }
    public long? AssignmentId { get; private set; }
    public Deadline Deadline { get; private set; }
    public EscalationRung Rung { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
}
