using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Domain.Reports;

namespace Lapor.UnitTests.Domain.Deadlines;

public sealed class EscalationLadderTests
{
    private static readonly DateOnly DueMonday = new(2026, 11, 9);

    [Theory]
    [InlineData("2026-11-05", "")] // Thursday: two working days before
    [InlineData("2026-11-06", "Reminder")] // Friday: one working day before
    [InlineData("2026-11-08", "Reminder")] // Sunday
    [InlineData("2026-11-09", "Reminder")] // the due day
    [InlineData("2026-11-10", "Breach")]
    [InlineData("2026-11-11", "Breach")]
    [InlineData("2026-11-12", "Breach,AgencyHeadAlert")] // three working days past
    [InlineData("2026-12-01", "Breach,AgencyHeadAlert")]
    public void FirstResponse_RungsReachedByDay(string today, string expected)
    {
        var rungs = EscalationLadder.ReachedRungs(Deadline.FirstResponse, DueMonday, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), WorkingDayCalendar.WeekendsOnly);

        Assert.Equal(expected, string.Join(",", rungs));
    }

    [Fact]
    public void Completion_PastDue_AlsoOffersTheReporterEscalation()
    {
        var rungs = EscalationLadder.ReachedRungs(Deadline.Completion, DueMonday, new DateOnly(2026, 11, 10), WorkingDayCalendar.WeekendsOnly);

        Assert.Equal([EscalationRung.Breach, EscalationRung.ReporterOffer], rungs);
    }

    [Fact]
    public void HeadAlert_CountsWorkingDaysNotCalendarDays()
    {
        // Due Friday; Monday and Tuesday are holidays: Wednesday is only one working day past.
        var calendar = new WorkingDayCalendar([new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 17)]);

        var rungs = EscalationLadder.ReachedRungs(Deadline.FirstResponse, new DateOnly(2026, 11, 13), new DateOnly(2026, 11, 18), calendar);

        Assert.Equal([EscalationRung.Breach], rungs);
    }
}
