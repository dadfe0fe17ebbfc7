using System.Globalization;
using Lapor.Web.Domain.Deadlines;

namespace Lapor.UnitTests.Domain.Deadlines;

public sealed class CalendarChangeTests
{
    // Wednesday 2 December 2026 is "today"; Friday 25 December is already a holiday.
    private static readonly DateOnly Today = Day("2026-12-02");
    private static readonly WorkingDayCalendar Before = new([Day("2026-12-25")]);

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-12-07", "2026-12-03", "2026-12-08")] // a day off before the due date: one working day later
    [InlineData("2026-12-07", "2026-12-07", "2026-12-08")] // the due date itself becomes a day off
    [InlineData("2026-12-04", "2026-12-04", "2026-12-07")] // a Friday due date goes past the weekend
    [InlineData("2026-12-07", "2026-12-02", "2026-12-08")] // today counts
    [InlineData("2026-12-07", "2026-12-08", "2026-12-07")] // after the due date: nothing moves
    [InlineData("2026-12-07", "2026-12-01", "2026-12-07")] // yesterday is history
    [InlineData("2026-12-01", "2026-12-01", "2026-12-01")] // a due date already passed stays
    [InlineData("2026-12-07", "2026-12-05", "2026-12-07")] // a Saturday was never a working day
    [InlineData("2026-12-28", "2026-12-25", "2026-12-28")] // already a holiday
    public void Adding_MovesDueDatesOnOrAfterTheDay(string due, string added, string expected)
    {
        var change = new CalendarChange(Before, Before.With([Day(added)], []), Today);

        Assert.Equal(Day(expected), change.Move(Day(due)));
    }

    [Theory]
    [InlineData("2026-12-28", "2026-12-25")] // Friday the 25th is a working day again: Monday's due date comes back to it
    [InlineData("2026-12-24", "2026-12-24")] // before the day: nothing moves
    public void Removing_MovesDueDatesEarlier(string due, string expected)
    {
        var change = new CalendarChange(Before, Before.With([], [Day("2026-12-25")]), Today);

        Assert.Equal(Day(expected), change.Move(Day(due)));
    }

    [Fact]
    public void AddingThenRemoving_GivesTheSameDueDateBack()
    {
        var after = Before.With([Day("2026-12-03"), Day("2026-12-04")], []);
        var moved = new CalendarChange(Before, after, Today).Move(Day("2026-12-10"));

        Assert.Equal(Day("2026-12-14"), moved);
        Assert.Equal(Day("2026-12-10"), new CalendarChange(after, Before, Today).Move(moved));
    }
}
