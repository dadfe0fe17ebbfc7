using System.Linq.Expressions;
using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Domain.Reports;

namespace Lapor.Web.Domain.Metrics;

/// <summary>
/// "Terlambat sekarang": a stage whose clock still runs and whose due day has passed (the whole due
/// day counts, as for <see cref="DeadlineSchedule.IsOnTime"/>). The running clocks are those the
/// deadline job watches: verification while a report is unverified; per assignment that is routed or
/// in progress and not paused, its first response until one is posted and its completion. The
/// dashboard, its overdue lists, the coordinator's queue and /statistik all count lateness here.
/// </summary>
public static class LateNow
{
    /// <summary>Whether a due day has passed by <paramref name="today"/> (local day).</summary>
    public static bool IsPast(DateOnly? dueOn, DateOnly today) => dueOn is { } due && due < today;

    /// <summary>Working days a stage is late today: at least one once its due day has passed, zero before.</summary>
    public static int WorkingDaysLate(DateOnly dueOn, DateOnly today, WorkingDayCalendar calendar) =>
        IsPast(dueOn, today) ? TimeLeft.Until(dueOn, today, calendar).WorkingDays : 0;

    /// <summary>
    /// The on-time share of a stage: finished within the due date over everything finished plus what is
    /// late now. Leaving the unfinished late ones out would make a stage nobody attends look punctual.
    /// </summary>
    public static decimal? OnTimeShare(int finishedOnTime, int finished, int lateNow) => Rates.OnTime(finishedOnTime, finished + lateNow);

    /// <summary>Reports whose verification is late: unverified (not on hold) past their verification due day.</summary>
    public static Expression<Func<Report, bool>> Verification(DateOnly today) =>
        r => r.Status == ReportStatus.Unverified && r.VerifyDueOn != null && r.VerifyDueOn < today;

    /// <summary>The same rule in memory, on a report's status and verification due day (kept by the dashboard's grouped counts).</summary>
    public static bool IsVerificationLate(ReportStatus status, DateOnly? verifyDueOn, DateOnly today) => status == ReportStatus.Unverified && IsPast(verifyDueOn, today);

    /// <summary>Assignments whose first response is late: running, unanswered, past the first-response due day.</summary>
    public static Expression<Func<Assignment, bool>> FirstResponse(DateOnly today) =>
        a => (a.State == AssignmentState.Dispositioned || a.State == AssignmentState.InProgress) && a.PausedAt == null
            && a.FirstRespondedAt == null && a.FirstResponseDueOn < today;

    /// <summary>Assignments whose completion is late: running and past the completion due day.</summary>
    public static Expression<Func<Assignment, bool>> Completion(DateOnly today) =>
        a => (a.State == AssignmentState.Dispositioned || a.State == AssignmentState.InProgress) && a.PausedAt == null && a.CompletionDueOn < today;

    /// <summary>Assignments with any stage late now: <see cref="FirstResponse"/> or <see cref="Completion"/> in one test (one read for both lists).</summary>
    public static Expression<Func<Assignment, bool>> AnyStage(DateOnly today) =>
        a => (a.State == AssignmentState.Dispositioned || a.State == AssignmentState.InProgress) && a.PausedAt == null
            && ((a.FirstRespondedAt == null && a.FirstResponseDueOn < today) || a.CompletionDueOn < today);

    /// <summary>The same rules for one assignment in memory: its late stages with their due days.</summary>
    public static IEnumerable<(Deadline Stage, DateOnly DueOn)> StagesOf(AssignmentState state, DateTimeOffset? pausedAt, DateTimeOffset? firstRespondedAt,
        DateOnly firstResponseDueOn, DateOnly completionDueOn, DateOnly today) =>
        StagesOf(state, pausedAt is not null, firstRespondedAt is not null, IsPast(firstResponseDueOn, today), IsPast(completionDueOn, today))
            .Select(stage => (stage, stage == Deadline.FirstResponse ? firstResponseDueOn : completionDueOn));

    /// <summary>
    /// The rules on what a grouped count keeps of an assignment: its state, whether it is paused or
    /// answered, and whether each due day has passed (so a workload can be counted in SQL by these keys).
    /// </summary>
    public static IEnumerable<Deadline> StagesOf(AssignmentState state, bool paused, bool answered, bool firstResponsePast, bool completionPast)
    {
        if (state is not (AssignmentState.Dispositioned or AssignmentState.InProgress) || paused)
        {
            yield break;
        }

        if (!answered && firstResponsePast)
        {
            yield return Deadline.FirstResponse;
        }

        if (completionPast)
        {
            yield return Deadline.Completion;
        }
    }
}
