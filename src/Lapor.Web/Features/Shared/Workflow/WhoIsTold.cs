using Lapor.Web.Domain.Reports;

namespace Lapor.Web.Features.Shared.Workflow;

/// <summary>Who hears of an event.</summary>
public enum NoticeAudience
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

    /// <summary>
    /// Those who follow a public report without having filed it: the citizens who support it (by their
    /// account's e-mail), and the reporters of reports archived as its duplicates (on their own channel).
    /// They hear the outcome only — completed, or archived — never a question or an answer meant for the reporter.
    /// </summary>
    Followers,
}

/// <summary>One message an event causes: to whom, with which template (<c>Mail.{Template}.*</c>, <c>Chat.{Template}</c>, <c>Notice.{Template}</c>).</summary>
public sealed record Notice(NoticeAudience To, string Template)
{
    /// <summary>
    /// The reporter's mail carries a signed link (<see cref="ReportLinks"/>) that opens the whole
    /// report without the access code: only the confirmation, so a later mail passed on to a
    /// neighbour does not hand over the report (a mail reporter has the access code). Every chat or
    /// SMS reply carries one whatever this says: the access code never reaches those reporters, and
    /// the reply itself is the only way back to the page.
    /// </summary>
    public bool WithReportLink { get; init; }
}

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
        ReportEventKind.Filed => [new(NoticeAudience.Reporter, "FilingConfirmation") { WithReportLink = true }],
        ReportEventKind.Verified => [new(NoticeAudience.Reporter, "Verified")],
        ReportEventKind.Routed => [new(NoticeAudience.Handlers, "NewDisposition")],
        ReportEventKind.Held or ReportEventKind.QuestionAsked => [new(NoticeAudience.Reporter, "InformationRequested")],
        ReportEventKind.InformationAdded => [new(NoticeAudience.Coordinators, ReporterWrote(e))],
        ReportEventKind.Archived when e.DuplicateOf is not null => [new(NoticeAudience.Reporter, "ArchivedDuplicate")],
        ReportEventKind.Archived => [new(NoticeAudience.Reporter, "Archived"), new(NoticeAudience.Followers, "FollowedArchived")],
        ReportEventKind.HoldExpired => [new(NoticeAudience.Reporter, "Archived")],
        ReportEventKind.Restored => [new(NoticeAudience.Reporter, "Restored")],
        ReportEventKind.Returned => [new(NoticeAudience.Coordinators, "Returned")],
        ReportEventKind.Withdrawn => [new(NoticeAudience.Officers, "Withdrawn")],
        ReportEventKind.Reminded => [new(NoticeAudience.Handlers, "Reminded")],
        ReportEventKind.Responded => [new(NoticeAudience.Reporter, "ResponsePosted")],
        ReportEventKind.ReporterReplied => [new(NoticeAudience.Handlers, ReporterWrote(e))],
        ReportEventKind.FinalSubmitted => [new(NoticeAudience.Coordinators, "AwaitingValidation")],
        ReportEventKind.FinalResponded => [new(NoticeAudience.Reporter, "FinalResponse")],
        ReportEventKind.FinalRefused => [new(NoticeAudience.Handlers, "FollowUpRefused")],
        ReportEventKind.Completed => [new(NoticeAudience.Reporter, "Completed"), new(NoticeAudience.Followers, "FollowedCompleted")],
        ReportEventKind.Reopened when e.AgencyId is null => [new(NoticeAudience.Reporter, "Reopened")],
        ReportEventKind.Reopened => [new(NoticeAudience.Handlers, "WorkReopened")],
        ReportEventKind.Rejected when e.AgencyId is not null => [new(NoticeAudience.Handlers, "ReporterRejected")],
        ReportEventKind.DeadlineNear => [new(NoticeAudience.Handlers, "EscalationReminder")],
        ReportEventKind.Overdue => [new(NoticeAudience.Handlers, "EscalationBreach"), new(NoticeAudience.Coordinators, "EscalationBreach")],
        ReportEventKind.EscalatedToHead => [new(NoticeAudience.AgencyHeads, "EscalationAgencyHeadAlert"), new(NoticeAudience.Coordinators, "EscalationAgencyHeadAlert")],
        ReportEventKind.EscalationOffered => [new(NoticeAudience.Reporter, "EscalationReporterOffer")],
        ReportEventKind.EscalatedByReporter => [new(NoticeAudience.Coordinators, "ReporterEscalated")],

        // Told through another event (the new agency hears of its Routed event), or nobody's business.
        ReportEventKind.Delegated or ReportEventKind.Referred or ReportEventKind.NoteAdded or ReportEventKind.Accepted
            or ReportEventKind.Rejected or ReportEventKind.Protected or ReportEventKind.Supported or ReportEventKind.Rated => [],
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.Kind, "Every event kind needs a row in the table."),
    };

    /// <summary>The reporter answered the question staff asked, or added something unasked: staff read which it was.</summary>
    private static string ReporterWrote(ReportEvent e) => e.AnswersQuestion ? "ReporterAnswered" : "ReporterReplied";
}
