using Lapor.Web.Domain.Deadlines;

namespace Lapor.UnitTests.Domain.Deadlines;

public sealed class WorkingDayCalendarTests
{
    // A few 2026 days off (national holidays and cuti bersama) as plain data.
    private static readonly WorkingDayCalendar Calendar = new(
    [
        new DateOnly(2026, 3, 18), new DateOnly(2026, 3, 19), new DateOnly(2026, 3, 20),
        new DateOnly(2026, 3, 23), new DateOnly(2026, 3, 24),
        new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 25),
        new DateOnly(2027, 1, 1),
    ]);

    [Theory]
    [InlineData("2026-11-02", 0, "2026-11-02")] // no days: the same day
    [InlineData("2026-11-02", 1, "2026-11-03")] // Monday + 1
    [InlineData("2026-11-06", 1, "2026-11-09")] // Friday + 1 skips the weekend
    [InlineData("2026-11-07", 1, "2026-11-09")] // from Saturday
    [InlineData("2026-11-02", 5, "2026-11-09")] // a full week
    [InlineData("2026-03-17", 1, "2026-03-25")] // Nyepi, Idul Fitri and cuti bersama
    [InlineData("2026-12-23", 3, "2026-12-30")] // Christmas and its joint leave
    [InlineData("2026-12-31", 1, "2027-01-04")] // across New Year
    public void AddWorkingDays_SkipsWeekendsAndHolidays(string start, int days, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Calendar.AddWorkingDays(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days));
    }

    [Theory]
    [InlineData("2026-11-02", "2026-11-09", 5)]
    [InlineData("2026-11-09", "2026-11-02", -5)]
    [InlineData("2026-11-06", "2026-11-08", 0)]
    [InlineData("2026-03-17", "2026-03-25", 1)]
    [InlineData("2026-11-02", "2026-11-02", 0)]
    public void WorkingDaysBetween_CountsDaysAfterStartUpToEnd(string from, string to, int expected)
    {
        Assert.Equal(expected, Calendar.WorkingDaysBetween(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-11-02", true)]
    [InlineData("2026-11-07", false)]
    [InlineData("2026-11-08", false)]
    [InlineData("2026-03-19", false)]
    public void IsWorkingDay_WeekdaysThatAreNotHolidays(string date, bool expected)
    {
        Assert.Equal(expected, Calendar.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void AddWorkingDays_Negative_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(new DateOnly(2026, 11, 2), -1));
    }

    [Theory]
    [InlineData("2026-11-02", "2026-11-09", "2026-11-13", "2026-11-20")] // paused a full week: due moves five working days
    [InlineData("2026-11-06", "2026-11-08", "2026-11-13", "2026-11-13")] // paused over a weekend only: no move
    [InlineData("2026-03-17", "2026-03-25", "2026-03-27", "2026-03-30")] // paused across Nyepi, Idul Fitri and cuti bersama: one working day
    [InlineData("2026-12-23", "2026-12-28", "2026-12-30", "2026-12-31")] // over Christmas and its joint leave: only Monday 28 counts
    public void Pause_MovesTheDueDateByTheWorkingDaysItLasted(string pausedOn, string resumedOn, string due, string expected)
    {
        static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

        var moved = Calendar.AddWorkingDays(D(due), Calendar.WorkingDaysBetween(D(pausedOn), D(resumedOn)));

        Assert.Equal(D(expected), moved);
    }
}
