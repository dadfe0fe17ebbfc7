using Lapor.Web.Domain.Deadlines;

namespace Lapor.Web.Domain.Reports;

public sealed partial class Report
{
    /// <summary>
    /// The holiday table changed: every stored due date of a clock that is running or paused moves as
    /// <see cref="CalendarChange"/> says. Not a transition (no status changes, nothing appears in the
    /// history); the administrator's audited change is the record. Returns what moved.
    /// </summary>
    public IReadOnlyList<DueDateMove> FollowCalendar(CalendarChange change)
    {
        var moves = new List<DueDateMove>();
        if (Status is ReportStatus.Unverified or ReportStatus.OnHold && VerifyDueOn is { } verify && change.Move(verify) is var moved && moved != verify)
        {
            VerifyDueOn = moved;
            moves.Add(new DueDateMove(DueDateStage.Verify, null, verify, moved));
        }

        foreach (var assignment in _assignments.Where(a => a.IsOpen))
        {
            moves.AddRange(assignment.FollowCalendar(change));
        }

        return moves;
    }
}
