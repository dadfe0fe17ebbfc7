using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.History;

namespace Lapor.UnitTests.Features.Shared;

/// <summary>The reporter is addressed as "Anda" on their own pages only; the public reads about "pelapor" (issue 20).</summary>
public sealed class StatusLabelsTests
{
    [Fact]
    public void OnHold_SpeaksToTheReporter_AndAboutThemToThePublic()
    {
        Assert.Equal("CitizenStatus.OnHold", StatusLabels.Key(ReportStatus.OnHold, Audience.Citizen));
        Assert.Equal("PublicStatus.OnHold", StatusLabels.Key(ReportStatus.OnHold, Audience.Public));
        Assert.Equal("Status.OnHold", StatusLabels.Key(ReportStatus.OnHold, Audience.Staff));
    }

    [Fact]
    public void Explanation_SpeaksAboutTheReporterToThePublic_ToThemOnTheirOwnPage()
    {
        Assert.Equal("Status.OnHold.Explain", StatusLabels.ExplainKey(ReportStatus.OnHold, Audience.Citizen));
        Assert.Equal("PublicStatus.OnHold.Explain", StatusLabels.ExplainKey(ReportStatus.OnHold, Audience.Public));
        Assert.Equal("PublicStatus.InProgress.Explain", StatusLabels.ExplainKey(ReportStatus.InProgress, Audience.Public));
        Assert.Equal("Status.Completed.Explain", StatusLabels.ExplainKey(ReportStatus.Completed, Audience.Public));
    }

    [Theory]
    [InlineData(ReportStatus.Unverified)]
    [InlineData(ReportStatus.Dispositioned)]
    [InlineData(ReportStatus.InProgress)]
    [InlineData(ReportStatus.Completed)]
    [InlineData(ReportStatus.Archived)]
    public void OtherStatuses_ReadTheSameForTheReporterAndThePublic(ReportStatus status)
    {
        Assert.Equal(StatusLabels.Key(status, Audience.Citizen), StatusLabels.Key(status, Audience.Public));
    }
}
