using Lapor.Web.Domain;
using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Domain.Reports;

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

    [Theory]
    [InlineData(Classification.Aspiration, null, 5)]
    [InlineData(Classification.InformationRequest, null, 5)]
    [InlineData(Classification.Complaint, null, 14)]
    [InlineData(Classification.Complaint, ComplaintKind.Ordinary, 14)]
    [InlineData(Classification.Complaint, ComplaintKind.RequiresInvestigation, 60)]
    public void Policy_CompletionDays_ByClassification(Classification classification, ComplaintKind? kind, int expected)
    {
        Assert.Equal(expected, DeadlinePolicy.Default.CompletionDays(classification, kind));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(366)]
    public void Policy_Change_OutOfRange_IsRefused(int days)
    {
        var policy = DeadlinePolicy.Default;

        Assert.Equal("Deadline.OutOfRange", Assert.Throws<DomainException>(() => policy.Change(days, 5, 5, 5, 14, 60, 10, 10)).Code);
        Assert.Equal(3, policy.VerifyDays);
    }

    [Fact]
    public void Policy_Change_Valid_IsApplied()
    {
        var policy = DeadlinePolicy.Default;

        policy.Change(2, 4, 6, 7, 10, 45, 8, 9);

        Assert.Equal((2, 4, 10, 45, 8, 9), (policy.VerifyDays, policy.FirstResponseDays, policy.OrdinaryComplaintDays, policy.InvestigationComplaintDays, policy.ReporterWindowDays, policy.HoldExpiryDays));
    }
}
