using Lapor.Web.Domain;
using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Domain.Reports;

namespace Lapor.UnitTests.Domain.Deadlines;

public sealed class DeadlinePolicyTests
{
    private static readonly DeadlineSchedule Schedule = new(
        new WorkingDayCalendar([new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 25)]), DeadlinePolicy.Default, TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"));

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

    [Theory]
    [InlineData(Classification.Aspiration, null, "2026-11-30")]
    [InlineData(Classification.InformationRequest, null, "2026-11-30")]
    [InlineData(Classification.Complaint, ComplaintKind.Ordinary, "2026-12-11")]
    [InlineData(Classification.Complaint, ComplaintKind.RequiresInvestigation, "2027-02-17")] // across 24–25 December
    public void CompletionDueDate_FromMondayRouting_ByClassification(Classification classification, ComplaintKind? kind, string expected)
    {
        var routedAt = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero); // Monday 09:00 WIB

        var due = Schedule.DueAfter(routedAt, DeadlinePolicy.Default.CompletionDays(classification, kind));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), due);
    }

    [Fact]
    public void Defaults_MatchTheDesign()
    {
        var policy = DeadlinePolicy.Default;

        Assert.Equal((3, 5, 10, 10), (policy.VerifyDays, policy.FirstResponseDays, policy.ReporterWindowDays, policy.HoldExpiryDays));
    }
}
