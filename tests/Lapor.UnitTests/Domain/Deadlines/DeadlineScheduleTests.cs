using Lapor.Web.Domain.Deadlines;

namespace Lapor.UnitTests.Domain.Deadlines;

public sealed class DeadlineScheduleTests
{
    private static readonly DeadlineSchedule Schedule = new(WorkingDayCalendar.WeekendsOnly, DeadlinePolicy.Default, TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"));

    [Fact]
    public void LocalDate_LateFridayUtc_IsSaturdayInJakarta()
    {
        Assert.Equal(new DateOnly(2026, 11, 21), Schedule.LocalDate(new DateTimeOffset(2026, 11, 20, 17, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void DueAfter_FiledFridayEveningWib_CountsFromFriday()
    {
        // 16:30 UTC is 23:30 WIB on Friday.
        Assert.Equal(new DateOnly(2026, 11, 25), Schedule.DueAfter(new DateTimeOffset(2026, 11, 20, 16, 30, 0, TimeSpan.Zero), 3));
    }

    [Fact]
    public void Extend_ByPausedWorkingDays()
    {
        var paused = new DateTimeOffset(2026, 11, 2, 2, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 11, 12), Schedule.Extend(new DateOnly(2026, 11, 5), paused, paused.AddDays(7)));
    }
}
