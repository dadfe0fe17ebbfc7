using Lapor.Web.Domain.Reports;

namespace Lapor.Web.Domain.Metrics;

/// <summary>The columns of a report the dashboard counts; <paramref name="CompletedOn"/> is the local day of completion.</summary>
public sealed record ReportFacts(
    DateOnly SubmittedOn, ReportStatus Status, int? VerifyWorkingDays, bool? VerifiedOnTime, bool Responded, int TimesAccepted, int TimesRejected, int? Rating,
    DateOnly? CompletedOn);

/// <summary>The columns of an assignment the dashboard counts, with its report's filing day.</summary>
public sealed record AssignmentFacts(
    DateOnly FiledOn, int AgencyId, AssignmentState State, int? FirstResponseWorkingDays, bool? FirstResponseOnTime, int? CompletionWorkingDays, bool? CompletedOnTime,
    int ValidationRefusals);

/// <summary>
/// Changes to the dashboard tally. A report's (and an assignment's) share of the tally is a pure function
/// of its columns: a change is the share of its new values added and that of its old values taken away,
/// and a recount is every row's share added up. The same rules as the live period report (<c>PeriodReport</c>).
/// </summary>
public sealed class TallyChanges
{
    private readonly Dictionary<TallyKey, (long Count, long OnTime)> _cells = [];

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>The cells that changed (a change that cancels out is left out).</summary>
    public IEnumerable<(TallyKey Key, long Count, long OnTime)> Cells =>
        _cells.Where(c => c.Value != (0, 0)).Select(c => (c.Key, c.Value.Count, c.Value.OnTime));

    public bool IsEmpty => !Cells.Any();

    /// <summary>Adds a report's share (<paramref name="sign"/> +1), or takes it away (−1).</summary>
    public void Add(ReportFacts report, int sign = 1)
    {
        var month = MonthOf(report.SubmittedOn);
        Count(new(month, TallyMeasure.Status, 0, (int)report.Status), sign);
        if (report.Responded && report.Status is ReportStatus.Dispositioned or ReportStatus.InProgress or ReportStatus.Completed)
        {
            Count(new(month, TallyMeasure.FollowedUp, 0, 0), sign);
        }

        if (report.VerifyWorkingDays is { } verifyDays)
        {
            Count(new(month, TallyMeasure.Verification, 0, verifyDays), sign, report.VerifiedOnTime == true);
        }

        Count(new(month, TallyMeasure.Accepted, 0, 0), sign * report.TimesAccepted);
        Count(new(month, TallyMeasure.Rejected, 0, 0), sign * report.TimesRejected);
        if (report.Rating is { } stars)
        {
            Count(new(month, TallyMeasure.Rated, 0, 0), sign);
            Count(new(month, TallyMeasure.Stars, 0, 0), sign * stars);
        }

        if (report.Status == ReportStatus.Completed && report.CompletedOn is { } completedOn)
        {
            Count(new(MonthOf(completedOn), TallyMeasure.CompletedIn, 0, 0), sign);
        }
    }

    /// <summary>Adds an assignment's share, or takes it away: returned, forwarded and withdrawn ones count nowhere.</summary>
    public void Add(AssignmentFacts assignment, int sign = 1)
    {
        if (assignment.State is AssignmentState.Returned or AssignmentState.Forwarded or AssignmentState.Withdrawn)
        {
            return;
        }

        var (month, agency) = (MonthOf(assignment.FiledOn), assignment.AgencyId);
        Count(new(month, TallyMeasure.Assigned, agency, 0), sign);
        Count(new(month, TallyMeasure.Refusals, agency, 0), sign * assignment.ValidationRefusals);
        if (assignment.FirstResponseWorkingDays is { } responseDays)
        {
            Count(new(month, TallyMeasure.FirstResponse, agency, responseDays), sign, assignment.FirstResponseOnTime == true);
        }

        // Completion durations are recorded only while an assignment is completed (a reopening clears them).
        if (assignment.CompletionWorkingDays is { } completionDays)
        {
            Count(new(month, TallyMeasure.Completion, agency, completionDays), sign, assignment.CompletedOnTime == true);
        }
    }

    private void Count(TallyKey key, int count, bool onTime = false)
    {
        if (count == 0)
        {
            return;
        }

        var (had, hadOnTime) = _cells.GetValueOrDefault(key);
        _cells[key] = (had + count, hadOnTime + (onTime ? count : 0));
    }
}
