using Lapor.Web.Domain.Deadlines;

namespace Lapor.UnitTests.Domain.Deadlines;

public sealed class TimeLeftTests
{
    private static readonly DateOnly DueFriday = new(2026, 11, 20);

    [Theory]
    [InlineData("2026-11-16", 4, false)] // Monday: four working days left
    [InlineData("2026-11-20", 0, false)] // due today
    [InlineData("2026-11-21", 1, true)] // Saturday after: late, counted as one
    [InlineData("2026-11-25", 3, true)] // Wednesday after: three working days late
    public void Until_CountsWorkingDaysEitherWay(string today, int days, bool late)
    {
        Assert.Equal(new TimeLeft(days, late), TimeLeft.Until(DueFriday, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), WorkingDayCalendar.WeekendsOnly));
    }
}
