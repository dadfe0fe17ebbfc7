namespace Lapor.Web.Domain.Reports;

/// <summary>
/// What happened to a report, as the aggregate records it. Whom each event reaches, on which
/// channel and with which text is decided in one place outside the domain (docs/architecture.md,
/// "Who is told"); the report's own counters are kept from the same events.
/// </summary>
public enum ReportEventKind
{
    Filed,
    Verified,

    /// <summary>An agency got the report: at verification, added later, re-routed, delegated or referred.</summary>
    Routed,
    Held,
    InformationAdded,
    HoldExpired,
    Archived,
    Restored,
    Returned,
    Delegated,
    Referred,
    Withdrawn,
    Reminded,
    Responded,
    NoteAdded,
    QuestionAsked,
    ReporterReplied,

    /// <summary>An agency's final response, waiting for the coordinator's validation.</summary>
    FinalSubmitted,

    /// <summary>A final response the reporter may now judge (given directly, or validated).</summary>
    FinalResponded,
    FinalRefused,
    Accepted,
    Rejected,
    Completed,
    Reopened,

    /// <summary>Ladder: a due date is one working day away.</summary>
    DeadlineNear,

    /// <summary>Ladder: a due date passed.</summary>
    Overdue,

    /// <summary>Ladder: three working days past, the agency head hears.</summary>
    EscalatedToHead,

    /// <summary>Ladder: the completion date passed, the reporter may escalate.</summary>
    EscalationOffered,
    EscalatedByReporter,
    Protected,
    Supported,
    Rated,
}

/// <summary>One event with what its recipients need to know. Reasons are only those written for the event's audience.</summary>
public sealed record ReportEvent(ReportEventKind Kind, Actor Actor, DateTimeOffset At)
{
    /// <summary>The agency the event is about (routed to, returned by, late, refused…).</summary>
    public int? AgencyId { get; init; }

    /// <summary>For delegations and referrals: the agency that handed the work on.</summary>
    public int? FromAgencyId { get; init; }

    /// <summary>Staff-written text meant for the recipients (archive message, refusal reason, reminder).</summary>
    public string? Reason { get; init; }

    public ArchiveReason? ArchiveReason { get; init; }

    /// <summary>Archived as a duplicate: the original's tracking number, and whether the public may open it.</summary>
    public string? DuplicateOf { get; init; }

    public bool DuplicateOfIsPublic { get; init; }

    public Deadline? Deadline { get; init; }

    public DateOnly? DueOn { get; init; }

    /// <summary>For overdue events: working days from the due date to today.</summary>
    public int? WorkingDaysLate { get; init; }

    /// <summary>The reporter's information answers a question staff asked (a hold, an agency's question), rather than coming unasked.</summary>
    public bool AnswersQuestion { get; init; }
}
