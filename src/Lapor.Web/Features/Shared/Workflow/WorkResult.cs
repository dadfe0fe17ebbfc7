
namespace Lapor.Web.Features.Shared.Workflow;

public enum WorkOutcome
{
    Done,

    /// <summary>No such report, or not one this person may act on: the same answer, so nothing leaks.</summary>
    NotFound,

    /// <summary>Someone changed the report since this person looked at it; nothing was written.</summary>
    Conflict,

    /// <summary>A business rule said no; <see cref="WorkResult.Code"/> names it (a <c>Domain.*</c> resource key).</summary>
    Refused,
}

/// <summary>How a piece of report work ended: the one shape every expected failure takes.</summary>
public sealed record WorkResult(WorkOutcome Outcome, string? Code = null)
{
    public static readonly WorkResult Done = new(WorkOutcome.Done);
    public static readonly WorkResult NotFound = new(WorkOutcome.NotFound);
    public static readonly WorkResult Conflict = new(WorkOutcome.Conflict);

    public static WorkResult Refused(string code) => new(WorkOutcome.Refused, code);

    public bool Succeeded => Outcome == WorkOutcome.Done;
}
