using System.Linq.Expressions;

namespace Lapor.Web.Domain.Reports;

/// <summary>Where an agency's share of a report stands, as the officer's inbox shows it: whose move it is.</summary>
public enum ShareStage
{
    /// <summary>Nobody has answered the reporter yet: the first-response due date is the one that counts.</summary>
    FirstResponse,

    /// <summary>Answered; the follow-up runs to the completion due date.</summary>
    Completion,

    /// <summary>The officer asked the reporter something; the clock waits for the answer.</summary>
    AwaitingReporter,

    /// <summary>The final response waits for the coordinator's validation.</summary>
    AwaitingValidation,

    /// <summary>The final response is given; the reporter may accept or reject it until the window ends.</summary>
    ReporterWindow,

    /// <summary>Nothing left to do for this agency.</summary>
    Closed,
}

/// <summary>
/// The due date an officer works to next: the first response until someone answers, then completion.
/// A share in the first-response stage is often days from its completion due date while its first
/// response is due tomorrow, so lists sort and warn by this one, not by completion.
/// </summary>
public static class ShareDeadline
{
    /// <summary>The same rule for a query: the date the inbox sorts by (completion for shares past the first response).</summary>
    public static readonly Expression<Func<Assignment, DateOnly>> NextDueOn =
        a => a.FirstRespondedAt == null && a.State == AssignmentState.Dispositioned ? a.FirstResponseDueOn : a.CompletionDueOn;

    public static (ShareStage Stage, DateOnly? DueOn) Of(AssignmentState state, bool responded, DateOnly firstResponseDueOn, DateOnly completionDueOn, DateOnly? reporterWindowEndsOn) =>
        state switch
        {
            AssignmentState.Dispositioned when !responded => (ShareStage.FirstResponse, firstResponseDueOn),
            AssignmentState.Dispositioned or AssignmentState.InProgress => (ShareStage.Completion, completionDueOn),
            AssignmentState.AwaitingReporter => (ShareStage.AwaitingReporter, null),
            AssignmentState.AwaitingValidation => (ShareStage.AwaitingValidation, null),
            AssignmentState.FinalResponded => (ShareStage.ReporterWindow, reporterWindowEndsOn),
            _ => (ShareStage.Closed, null),
        };
}
