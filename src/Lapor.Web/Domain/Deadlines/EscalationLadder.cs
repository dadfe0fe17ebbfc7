using Lapor.Web.Domain.Reports;

namespace Lapor.Web.Domain.Deadlines;

/// <summary>
/// Which rungs of the escalation ladder (DESIGN §6) a due date has reached today: a reminder one
/// working day before, the breach the day after, the agency head three working days past, and —
/// for completion — the offer to the reporter to escalate. Pure; the job records each rung once.
/// </summary>
public static class EscalationLadder
{
    public const int HeadAlertAfterWorkingDays = 3;

    public static IEnumerable<EscalationRung> ReachedRungs(Deadline deadline, DateOnly dueOn, DateOnly today, WorkingDayCalendar calendar)
    {
        if (today <= dueOn)
        {
            if (calendar.WorkingDaysBetween(today, dueOn) <= 1)
            {
                yield return EscalationRung.Reminder;
            }

            yield break;
        }

        yield return EscalationRung.Breach;
        if (calendar.WorkingDaysBetween(dueOn, today) >= HeadAlertAfterWorkingDays)
        {
            yield return EscalationRung.AgencyHeadAlert;
        }

        if (deadline == Deadline.Completion)
        {
            yield return EscalationRung.ReporterOffer;
        }
    }
}
