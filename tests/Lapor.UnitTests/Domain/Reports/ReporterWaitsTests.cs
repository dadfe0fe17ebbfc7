using Lapor.Web.Domain.Reports;
using static Lapor.UnitTests.Builders.ReportBuilder;

namespace Lapor.UnitTests.Domain.Reports;

/// <summary>The query-side definition reads as the report's own properties do, for every status a report can be in.</summary>
public sealed class ReporterWaitsTests
{
    private static readonly Func<Report, bool> WaitsForAnswer = ReporterWaits.ForAnswer.Compile();
    private static readonly Func<Report, bool> WaitsForVerdict = ReporterWaits.ForVerdict.Compile();

    [Theory]
    [InlineData(ReportStatus.Unverified)]
    [InlineData(ReportStatus.Archived)]
    [InlineData(ReportStatus.Dispositioned)]
    [InlineData(ReportStatus.InProgress)]
    [InlineData(ReportStatus.Completed)]
    public void NothingAsked_NothingWaits(ReportStatus status)
    {
        var report = In(status);

        Assert.False(WaitsForAnswer(report));
        Assert.False(WaitsForVerdict(report));
    }

    [Fact]
    public void Hold_WaitsForTheReportersAnswer()
    {
        Assert.True(WaitsForAnswer(In(ReportStatus.OnHold)));
    }

    [Fact]
    public void AgencysQuestion_WaitsForTheAnswer_UntilTheReporterReplies()
    {
        var report = In(ReportStatus.InProgress);
        report.RequestInformation(OfficerOf(AgencyA), "Foto?", Monday.AddDays(1));

        Assert.True(report.AwaitsReporterAnswer);
        Assert.True(WaitsForAnswer(report));

        report.ReporterReply(Reporter, "Foto terlampir", Schedule, Monday.AddDays(2));

        Assert.False(report.AwaitsReporterAnswer);
        Assert.False(WaitsForAnswer(report));
    }

    [Fact]
    public void FinalResponse_WaitsForTheVerdict_AsTheReportSays_UntilAccepted()
    {
        var report = In(ReportStatus.InProgress);
        report.RespondFinal(OfficerOf(AgencyA), "Selesai", MessageVisibility.Public, Schedule, Monday.AddDays(1));

        Assert.True(report.AwaitsReporterVerdict);
        Assert.True(WaitsForVerdict(report));

        report.Accept(Reporter, Schedule, Monday.AddDays(2));

        Assert.Equal(ReportStatus.Completed, report.Status);
        Assert.Equal(report.AwaitsReporterVerdict, WaitsForVerdict(report));
        Assert.False(WaitsForVerdict(report));
    }

    [Fact]
    public void OneAgencyAsks_WhileTheOthersFinalResponseWaits_BothWait()
    {
        var report = In(ReportStatus.InProgress, twoAgencies: true);
        report.RespondFinal(OfficerOf(AgencyA), "Selesai dari A", MessageVisibility.Public, Schedule, Monday.AddDays(1));
        report.RequestInformation(OfficerOf(AgencyB), "Foto?", Monday.AddDays(1));

        Assert.True(WaitsForAnswer(report));
        Assert.True(WaitsForVerdict(report));
    }
}
