namespace Lapor.Web.Domain.Deadlines;

/// <summary>The stored due dates a report has, as far as a change to the holiday table is concerned.</summary>
public enum DueDateStage
{
    Verify,
    FirstResponse,
    Completion,
    ReporterWindow,
}

/// <summary>One stored due date that a change to the holiday table moves; the agency is null for the verification clock.</summary>
public sealed record DueDateMove(DueDateStage Stage, int? AgencyId, DateOnly From, DateOnly To);

/// <summary>
/// A change to the holiday table, seen from today. Due dates are stored when a clock starts, so a
/// holiday added or removed later would otherwise leave running clocks counting the wrong days: a
/// late-announced cuti bersama must give the officer that day, and a meeting imported by mistake
/// must not. The stored date moves by the working days that changed between today and it; a day
/// before today does not count again (its reminders and breaches are history), and a due date
/// already passed stays where it is.
/// </summary>
public sealed class CalendarChange(WorkingDayCalendar before, WorkingDayCalendar after, DateOnly today)
{
    public DateOnly Today { get; } = today;

    /// <summary>Where a stored due date lands under the new table (the same date when nothing between today and it changed).</summary>
    public DateOnly Move(DateOnly due)
    {
        if (due < Today)
        {
            return due;
        }

        var changed = false;
        for (var day = Today; day <= due && !changed; day = day.AddDays(1))
        {
            changed = before.IsWorkingDay(day) != after.IsWorkingDay(day);
        }

        if (!changed)
        {
            return due;
        }

        // Counted from yesterday, so that today itself can become (or stop being) a holiday. A due date
        // that already sat on a day off stands for the next working day.
        var anchor = Today.AddDays(-1);
        var workingDays = before.WorkingDaysBetween(anchor, due) + (before.IsWorkingDay(due) ? 0 : 1);
        return after.AddWorkingDays(anchor, workingDays);
    }
}
