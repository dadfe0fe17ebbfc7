using Lapor.Web.Domain;
using Lapor.Web.Domain.Reports;
using static Lapor.UnitTests.Builders.ReportBuilder;

namespace Lapor.UnitTests.Domain.Reports;

/// <summary>Privacy: flags that are set but never cleared, and what the public may see.</summary>
public sealed class ReportPrivacyTests
{
    [Fact]
    public void Protect_CanSetButNeverClearPrivacyFlags()
    {
        var report = Submitted();

        report.Protect(Coordinator, anonymous: true, confidential: false, Monday);
        report.Protect(Coordinator, anonymous: false, confidential: true, Monday);

        Assert.True(report.IsAnonymous);
        Assert.True(report.IsConfidential);
    }

    [Fact]
    public void Protect_ByTheReporter_AddsPrivacy_ByAnOfficer_IsRefused()
    {
        var report = Submitted();

        report.Protect(Actor.Guest, anonymous: false, confidential: true, Monday);

        Assert.Equal((false, true), (report.IsAnonymous, report.IsConfidential));
        Assert.Equal("Lifecycle.NotAllowed", Assert.Throws<DomainException>(() => report.Protect(Officer, anonymous: true, confidential: false, Monday)).Code);
    }

    [Theory]
    [InlineData(ReportStatus.Unverified, false)]
    [InlineData(ReportStatus.OnHold, false)]
    [InlineData(ReportStatus.Archived, false)]
    [InlineData(ReportStatus.Dispositioned, true)]
    [InlineData(ReportStatus.InProgress, true)]
    [InlineData(ReportStatus.Completed, true)]
    public void IsPublic_FollowsTheStatus(ReportStatus status, bool expected)
    {
        Assert.Equal(expected, In(status).IsPublic);
    }

    [Fact]
    public void IsPublic_EndsWhenTheCoordinatorMakesItConfidential()
    {
        var report = In(ReportStatus.InProgress);

        report.Protect(Coordinator, anonymous: false, confidential: true, Monday.AddDays(1));

        Assert.False(report.IsPublic);
    }
}
