using Lapor.Web.Domain.Metrics;

namespace Lapor.UnitTests.Domain.Metrics;

/// <summary>The from/to days every list filters by: whole days in UTC, and a day no report can have leaves its side open.</summary>
public sealed class ReportingPeriodTests
{
    [Fact]
    public void Instants_PlausibleDays_CoverFromTheFirstDayUpToTheDayAfterTheLast()
    {
        var (start, end) = ReportingPeriod.Instants(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), end);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1999, 12, 31)]
    [InlineData(2101, 1, 1)]
    [InlineData(9999, 12, 31)]
    public void Instants_DayOutsideTheRange_LeavesThatSideOpen(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);

        Assert.Equal((null, null), ReportingPeriod.Instants(date, date));
    }

    [Fact]
    public void Instants_NoDays_LeavesBothSidesOpen()
    {
        Assert.Equal((null, null), ReportingPeriod.Instants(null, null));
    }
}
