namespace Lapor.Web.Domain.Deadlines;

/// <summary>How a due date stands today, in working days: to be shown as "2 hari kerja lagi" or "terlambat 3 hari kerja".</summary>
public readonly record struct TimeLeft(int WorkingDays, bool IsLate)
{
    public static TimeLeft Until(DateOnly dueOn, DateOnly today, WorkingDayCalendar calendar) =>
        today <= dueOn
            ? new TimeLeft(calendar.WorkingDaysBetween(today, dueOn), false)
            : new TimeLeft(Math.Max(1, calendar.WorkingDaysBetween(dueOn, today)), true);
}
