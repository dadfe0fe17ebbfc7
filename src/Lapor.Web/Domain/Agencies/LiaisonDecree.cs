using Lapor.Web.Domain.Metrics;

namespace Lapor.Web.Domain.Agencies;

/// <summary>Why a liaison decree as entered cannot be recorded.</summary>
public enum DecreeProblem
{
    /// <summary>A number without a date, or a date without a number.</summary>
    Incomplete,
    NumberTooLong,

    /// <summary>After today, or before 2000.</summary>
    DateOutOfRange,
}

/// <summary>Whose SK names an agency's liaison officers: its own, its parent's (a sub-unit under its OPD's decree), or none (what an evaluator looks for).</summary>
public enum DecreeStanding
{
    Own,
    Parent,
    Missing,
}

/// <summary>
/// The SK penetapan pejabat penghubung: the decree appointing an agency's liaison officers, recorded as a
/// number and a date. The rules for recording one, and which decree covers an agency in the evidence pack.
/// </summary>
public static class LiaisonDecree
{
    public const int MaxNumberLength = 100;

    /// <summary>
    /// Why a decree as entered cannot be recorded, or null when it can: both number and date,
    /// or neither (no decree); the number at most <see cref="MaxNumberLength"/> characters; the date neither
    /// after <paramref name="today"/> (a decree is signed before it is recorded) nor before the year 2000.
    /// </summary>
    public static DecreeProblem? Problem(string? number, DateOnly? date, DateOnly today)
    {
        var hasNumber = !string.IsNullOrWhiteSpace(number);
        if (hasNumber != date.HasValue)
        {
            return DecreeProblem.Incomplete;
        }

        if (hasNumber && number!.Trim().Length > MaxNumberLength)
        {
            return DecreeProblem.NumberTooLong;
        }

        return date is { } day && (day > today || !ReportingPeriod.IsPlausible(day)) ? DecreeProblem.DateOutOfRange : null;
    }

    /// <summary>The decree covering an agency: its own if recorded, else its parent's when the agency is a sub-unit of one that has it.</summary>
    public static (DecreeStanding Standing, string? Number, DateOnly? Date) Covering(
        AgencyKind kind, string? number, DateOnly? date, string? parentNumber, DateOnly? parentDate)
    {
        if (!string.IsNullOrWhiteSpace(number) && date is not null)
        {
            return (DecreeStanding.Own, number, date);
        }

        return kind == AgencyKind.SubUnit && !string.IsNullOrWhiteSpace(parentNumber) && parentDate is not null
            ? (DecreeStanding.Parent, parentNumber, parentDate)
            : (DecreeStanding.Missing, null, null);
    }
}
