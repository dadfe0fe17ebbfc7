using Lapor.Web.Domain.Deadlines;

namespace Lapor.Web.Domain.Reports;

/// <summary>One agency's share of a report, with its own state, officer and due dates.</summary>
public sealed class Assignment
{
    private Assignment() { }

    public long Id { get; private set; }
    public long ReportId { get; private set; }
    public Report? Report { get; private set; }
    public int AgencyId { get; private set; }
    public AssignmentKind Kind { get; private set; }
    public long? ParentAssignmentId { get; private set; }
    public AssignmentState State { get; private set; }
    public string? OfficerUserId { get; private set; }
    public DateTimeOffset AssignedAt { get; private set; }

    /// <summary>
    /// The report's local filing day (<see cref="Report.SubmittedOn"/>), kept here as well so the dashboard finds
    /// a period's running assignments from their own index, without walking the period's reports first.
    /// </summary>
    public DateOnly ReportSubmittedOn { get; private set; }
    public DateOnly FirstResponseDueOn { get; private set; }
    public DateOnly CompletionDueOn { get; private set; }
    public DateTimeOffset? FirstRespondedAt { get; private set; }
    public DateTimeOffset? FinalRespondedAt { get; private set; }
    public DateOnly? ReporterWindowEndsOn { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public DateTimeOffset? PausedAt { get; private set; }
    public int RejectionCount { get; private set; }

    /// <summary>How often the coordinator refused this agency's final response ("tindak lanjut ditolak").</summary>
    public int ValidationRefusals { get; private set; }

    /// <summary>
    /// Working days to the first response and to completion, and whether each met its due date:
    /// recorded when the stage ends, with that day's calendar (like the due dates themselves), so
    /// the dashboard's medians and on-time rates are sums in SQL rather than date maths per row.
    /// </summary>
    public int? FirstResponseWorkingDays { get; private set; }

    public bool? FirstResponseOnTime { get; private set; }

    public int? CompletionWorkingDays { get; private set; }

    public bool? CompletedOnTime { get; private set; }

    /// <summary>Set by the escalation job when a due date passes; kept so lists can filter without date maths.</summary>
    public bool IsOverdue { get; private set; }

    public bool IsOpen => IsOpenState(State);

    /// <summary>States in which an agency still has work on the report (read models use it too).</summary>
    public static bool IsOpenState(AssignmentState state) => state is AssignmentState.Dispositioned or AssignmentState.InProgress
        or AssignmentState.AwaitingReporter or AssignmentState.AwaitingValidation or AssignmentState.FinalResponded;

    internal static Assignment Open(Report report, int agencyId, AssignmentKind kind, long? parentId, DeadlineSchedule schedule, DateTimeOffset now) => new()
    {
        ReportId = report.Id,
        AgencyId = agencyId,
        Kind = kind,
        ParentAssignmentId = parentId,
        State = AssignmentState.Dispositioned,
        AssignedAt = now,
        ReportSubmittedOn = report.SubmittedOn,
        FirstResponseDueOn = schedule.DueAfter(now, schedule.Policy.FirstResponseDays),
        CompletionDueOn = schedule.DueAfter(now, schedule.Policy.CompletionDays(report.Classification, report.ComplaintKind)),
    };

    public void AssignOfficer(string officerUserId) => OfficerUserId = officerUserId;

    public void MarkOverdue() => IsOverdue = true;

    internal void MarkResponded(DeadlineSchedule schedule, DateTimeOffset now)
    {
        RecordFirstResponse(schedule, now);
        if (State == AssignmentState.Dispositioned)
        {
            State = AssignmentState.InProgress;
        }
    }

    internal void AwaitReporter(DateTimeOffset now)
    {
        if (State is AssignmentState.FinalResponded or AssignmentState.AwaitingValidation)
        {
            throw new DomainException("Lifecycle.NotAllowed");
        }

        State = AssignmentState.AwaitingReporter;
        PausedAt = now;
    }

    internal void ResumeFromReporter(DeadlineSchedule schedule, DateTimeOffset now)
    {
        if (PausedAt is { } pausedAt)
        {
            FirstResponseDueOn = FirstRespondedAt is null ? schedule.Extend(FirstResponseDueOn, pausedAt, now) : FirstResponseDueOn;
            CompletionDueOn = schedule.Extend(CompletionDueOn, pausedAt, now);
        }

        PausedAt = null;
        State = AssignmentState.InProgress;
    }

    internal void MarkFinal(DeadlineSchedule schedule, DateTimeOffset now, bool awaitValidation)
    {
        RecordFirstResponse(schedule, now);
        FinalRespondedAt = now;
        if (awaitValidation)
        {
            State = AssignmentState.AwaitingValidation;
            return;
        }

        Validate(schedule, now);
    }

    /// <summary>The final response holds: the reporter's window opens from now.</summary>
    internal void Validate(DeadlineSchedule schedule, DateTimeOffset now)
    {
        ReporterWindowEndsOn = schedule.DueAfter(now, schedule.Policy.ReporterWindowDays);
        State = AssignmentState.FinalResponded;
    }

    /// <summary>The final response was refused: the agency works on, its completion clock running as before.</summary>
    internal void Refuse()
    {
        ValidationRefusals++;
        State = AssignmentState.InProgress;
    }

    internal void Complete(DeadlineSchedule schedule, DateTimeOffset now)
    {
        State = AssignmentState.Completed;
        ClosedAt = now;
        TimeCompletion(schedule, now);
    }

    /// <summary>The reporter rejected the final response: the agency works on against its original due dates.</summary>
    internal void ReopenAfterRejection()
    {
        RejectionCount++;
        State = AssignmentState.InProgress;
        ReporterWindowEndsOn = null;
    }

    /// <summary>
    /// Completed work opens again. The old due dates lie in the past, so the clocks start afresh from
    /// today; the overdue mark goes, and a new lateness is escalated against the new dates.
    /// </summary>
    internal void Reopen(DeadlineSchedule schedule, int completionDays, DateTimeOffset now)
    {
        State = AssignmentState.InProgress;
        ReporterWindowEndsOn = null;
        ClosedAt = null;
        (CompletionWorkingDays, CompletedOnTime) = (null, null);
        FirstResponseDueOn = schedule.DueAfter(now, schedule.Policy.FirstResponseDays);
        CompletionDueOn = schedule.DueAfter(now, completionDays);
        IsOverdue = false;
    }

    internal void RecordMissingStageDurations(DeadlineSchedule schedule, DateOnly reportSubmittedOn)
    {
        ReportSubmittedOn = reportSubmittedOn;
        if (FirstRespondedAt is { } respondedAt && FirstResponseWorkingDays is null)
        {
            TimeFirstResponse(schedule, respondedAt);
        }

        if (State == AssignmentState.Completed && ClosedAt is { } closedAt && CompletionWorkingDays is null)
        {
            TimeCompletion(schedule, closedAt);
        }
    }

    private void RecordFirstResponse(DeadlineSchedule schedule, DateTimeOffset now)
    {
        if (FirstRespondedAt is null)
        {
            FirstRespondedAt = now;
            TimeFirstResponse(schedule, now);
        }
    }

    private void TimeFirstResponse(DeadlineSchedule schedule, DateTimeOffset at) =>
        (FirstResponseWorkingDays, FirstResponseOnTime) = (schedule.WorkingDaysBetween(AssignedAt, at), schedule.IsOnTime(at, FirstResponseDueOn));

    private void TimeCompletion(DeadlineSchedule schedule, DateTimeOffset at) =>
        (CompletionWorkingDays, CompletedOnTime) = (schedule.WorkingDaysBetween(AssignedAt, at), schedule.IsOnTime(at, CompletionDueOn));

    /// <summary>Moves this share's stored due dates after a change to the holiday table (<see cref="Report.FollowCalendar"/>).</summary>
    internal IEnumerable<DueDateMove> FollowCalendar(CalendarChange change)
    {
        var moves = new List<DueDateMove>();
        DateOnly Follow(DueDateStage stage, DateOnly due)
        {
            var moved = change.Move(due);
            if (moved != due)
            {
                moves.Add(new DueDateMove(stage, AgencyId, due, moved));
            }

            return moved;
        }

        FirstResponseDueOn = FirstRespondedAt is null ? Follow(DueDateStage.FirstResponse, FirstResponseDueOn) : FirstResponseDueOn;
        CompletionDueOn = Follow(DueDateStage.Completion, CompletionDueOn);
        ReporterWindowEndsOn = ReporterWindowEndsOn is { } window ? Follow(DueDateStage.ReporterWindow, window) : null;
        return moves;
    }

    internal void Close(AssignmentState closedAs, DateTimeOffset now)
    {
        State = closedAs;
        ClosedAt = now;
        PausedAt = null;
    }
}
