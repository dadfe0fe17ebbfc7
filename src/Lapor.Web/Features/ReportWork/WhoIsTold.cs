using Lapor.Web.Domain.Reports;

namespace Lapor.Web.Features.ReportWork;

/// <summary>Who hears of an event.</summary>
public enum Audience
{
    /// <summary>The reporter, on the channel the report came by (e-mail for the web, the API and staff entry).</summary>
    Reporter,

    /// <summary>
    /// Whoever holds the work: the liaison officers of the event's agency — or, when the event has no
    /// agency (the verification stage) or the agency has no active officer, the coordinators over it.
    /// </summary>
    Handlers,

    /// <summary>The liaison officers of the event's agency, and nobody in their place (news that only matters to them).</summary>
    Officers,

    /// <summary>The heads of the event's agency.</summary>
    AgencyHeads,

    /// <summary>The coordinators whose area holds the event's agency (or the report's target; every coordinator when none).</summary>
    Coordinators,
}

/// <summary>One message an event causes: to whom, with which template (<c>Mail.{Template}.*</c>, <c>Chat.{Template}</c>, <c>Notice.{Template}</c>).</summary>
public sealed record Notice(Audience To, string Template);

/// <summary>
/// The event × recipient table of DESIGN §7, written out in docs/architecture.md ("Who is told")
/// and walked by a test. Every event kind is named here, those that tell nobody included, so a new
/// kind does not compile into silence.
/// </summary>
public static class WhoIsTold
{
    /// <summary>The template coordinators get instead when an agency that should hear has no active officer.</summary>
    public const string Unstaffed = "Unstaffed";

    public static IReadOnlyList<Notice> For(ReportEvent e) => e.Kind switch
    {
        ReportEventKind.Filed => [new(Audience.Reporter, "FilingConfirmation")],
        ReportEventKind.Verified => [new(Audience.Reporter, "Verified")],
        ReportEventKind.Routed => [new(Audience.Handlers, "NewDisposition")],
        ReportEventKind.Held or ReportEventKind.QuestionAsked => [new(Audience.Reporter, "InformationRequested")],
        ReportEventKind.InformationAdded => [new(Audience.Coordinators, "ReporterReplied")],
        ReportEventKind.Archived or ReportEventKind.HoldExpired => [new(Audience.Reporter, "Archived")],
        ReportEventKind.Restored => [new(Audience.Reporter, "Restored")],
        ReportEventKind.Returned => [new(Audience.Coordinators, "Returned")],
        ReportEventKind.Withdrawn => [new(Audience.Officers, "Withdrawn")],
        ReportEventKind.Reminded => [new(Audience.Handlers, "Reminded")],
        ReportEventKind.Responded => [new(Audience.Reporter, "ResponsePosted")],
        ReportEventKind.ReporterReplied => [new(Audience.Handlers, "ReporterReplied")],
        ReportEventKind.FinalSubmitted => [new(Audience.Coordinators, "AwaitingValidation")],
        ReportEventKind.FinalResponded => [new(Audience.Reporter, "FinalResponse")],
        ReportEventKind.FinalRefused => [new(Audience.Handlers, "FollowUpRefused")],
        ReportEventKind.Completed => [new(Audience.Reporter, "Completed")],
        ReportEventKind.Reopened when e.AgencyId is null => [new(Audience.Reporter, "Reopened")],
        ReportEventKind.Reopened => [new(Audience.Handlers, "WorkReopened")],
        ReportEventKind.Rejected when e.AgencyId is not null => [new(Audience.Handlers, "ReporterRejected")],
        ReportEventKind.DeadlineNear => [new(Audience.Handlers, "EscalationReminder")],
        ReportEventKind.Overdue => [new(Audience.Handlers, "EscalationBreach"), new(Audience.Coordinators, "EscalationBreach")],
        ReportEventKind.EscalatedToHead => [new(Audience.AgencyHeads, "EscalationAgencyHeadAlert"), new(Audience.Coordinators, "EscalationAgencyHeadAlert")],
        ReportEventKind.EscalationOffered => [new(Audience.Reporter, "EscalationReporterOffer")],
        ReportEventKind.EscalatedByReporter => [new(Audience.Coordinators, "ReporterEscalated")],

        // Told through another event (the new agency hears of its Routed event), or nobody's business.
        ReportEventKind.Delegated or ReportEventKind.Referred or ReportEventKind.NoteAdded or ReportEventKind.Accepted
            or ReportEventKind.Rejected or ReportEventKind.Protected or ReportEventKind.Supported or ReportEventKind.Rated => [],
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.Kind, "Every event kind needs a row in the table."),
    };
}
