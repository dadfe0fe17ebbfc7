using Lapor.Web.Domain.Deadlines;

namespace Lapor.Web.Domain.Metrics;

/// <summary>
/// Ages in working days turned into filing days, so a list can ask "older than N working days" of an
/// indexed date column rather than counting working days per row.
/// </summary>
public static class Ageing
{
    /// <summary>The latest filing day whose age today is more than <paramref name="workingDays"/> working days.</summary>
    public static DateOnly LatestFiledOlderThan(int workingDays, DateOnly today, WorkingDayCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = today;
        var age = 0;
        while (age <= workingDays && day > DateOnly.MinValue.AddDays(1))
        {
            age += calendar.IsWorkingDay(day) ? 1 : 0;
            day = day.AddDays(-1);
        }

        return day;
    }

    /// <summary>
    /// Filing days whose age is from <paramref name="minAge"/> to <paramref name="maxAge"/> working days (either may be open):
    /// filed after <c>After</c> and on or before <c>OnOrBefore</c>.
    /// </summary>
    public static (DateOnly? After, DateOnly? OnOrBefore) Filed(int? minAge, int? maxAge, DateOnly today, WorkingDayCalendar calendar) =>
        (maxAge is { } max and >= 0 ? LatestFiledOlderThan(max, today, calendar) : null,
         minAge is { } min and > 0 ? LatestFiledOlderThan(min - 1, today, calendar) : null);
}
