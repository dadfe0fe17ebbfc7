namespace Lapor.Web.Domain.Deadlines;

/// <summary>
/// What a clock needs to set a due date: the calendar, the policy and the deployment's time zone
/// (a report filed at 23:30 WIB on Friday is a Friday report, whatever UTC says).
/// </summary>
public sealed class DeadlineSchedule(WorkingDayCalendar calendar, DeadlinePolicy policy, TimeZoneInfo timeZone)
{
    public WorkingDayCalendar Calendar { get; } = calendar;
    public DeadlinePolicy Policy { get; } = policy;
    public TimeZoneInfo TimeZone { get; } = timeZone;

    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>Whole working days from the local day of one instant to the local day of another.</summary>
    public int WorkingDaysBetween(DateTimeOffset start, DateTimeOffset end) =>
        Calendar.WorkingDaysBetween(LocalDate(start), LocalDate(end));

    /// <summary>Whether something done at this instant met a due date (the whole due day counts).</summary>
    public bool IsOnTime(DateTimeOffset doneAt, DateOnly? dueOn) => dueOn is not { } due || LocalDate(doneAt) <= due;

    public DateOnly DueAfter(DateTimeOffset start, int workingDays) =>
        Calendar.AddWorkingDays(LocalDate(start), workingDays);

    /// <summary>Moves a due date by the working days a paused clock stood still.</summary>
    public DateOnly Extend(DateOnly due, DateTimeOffset pausedAt, DateTimeOffset resumedAt) =>
        Calendar.AddWorkingDays(due, Math.Max(0, Calendar.WorkingDaysBetween(LocalDate(pausedAt), LocalDate(resumedAt))));
}
