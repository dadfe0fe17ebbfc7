using Lapor.Web.Domain.Reports;
using Lapor.Web.Domain.Triage;
using static Lapor.UnitTests.Builders.ReportBuilder;

namespace Lapor.UnitTests.Domain.Triage;

/// <summary>Which agency the classifier learns as a report's, on reports moved through the domain's own routing methods.</summary>
public sealed class HandledReportsTests
{
    private static readonly Func<Report, bool> Kept = HandledReports.Kept.Compile();
    private static readonly Func<Assignment, bool> KeptShare = HandledReports.KeptShare.Compile();

    [Fact]
    public void Unrouted_IsNotKept()
    {
        Assert.False(Kept(In(ReportStatus.Unverified)));
    }

    [Theory]
    [InlineData(ReportStatus.Dispositioned)]
    [InlineData(ReportStatus.InProgress)]
    [InlineData(ReportStatus.Completed)]
    public void Routed_IsKeptByItsAgency_OpenOrCompleted(ReportStatus status)
    {
        var report = In(status);

        Assert.True(Kept(report));
        Assert.Equal([AgencyA], KeptBy(report));
    }

    [Fact]
    public void Forwarded_IsKeptByTheAgencyItWentTo()
    {
        var report = In(ReportStatus.Dispositioned);
        report.Forward(OfficerOf(AgencyA), new AgencyRef(AgencyB, null), "Bukan kewenangan kami, ini jalan provinsi.", Schedule, Monday.AddHours(2));

        Assert.True(Kept(report));
        Assert.Equal([AgencyB], KeptBy(report));
    }

    [Fact]
    public void Rerouted_IsKeptByTheNewAgency()
    {
        var report = In(ReportStatus.Dispositioned);
        report.Reroute(Coordinator, AgencyA, AgencyB, "Salah instansi.", Schedule, Monday.AddHours(2));

        Assert.Equal([AgencyB], KeptBy(report));
    }

    [Fact]
    public void WithdrawnFromOneOfTwo_IsKeptByTheOther()
    {
        var report = In(ReportStatus.Dispositioned, twoAgencies: true);
        report.Withdraw(Coordinator, AgencyA, "Cukup satu instansi.", Schedule, Monday.AddHours(2));

        Assert.Equal([AgencyB], KeptBy(report));
    }

    [Fact]
    public void ReturnedByItsOnlyAgency_IsNotKept()
    {
        var report = In(ReportStatus.Dispositioned);
        report.Return(OfficerOf(AgencyA), "Bukan kewenangan kami.", Schedule, Monday.AddHours(2));

        Assert.False(Kept(report));
        Assert.Empty(KeptBy(report));
    }

    private static List<int> KeptBy(Report report) => [.. report.Assignments.Where(KeptShare).Select(a => a.AgencyId)];
}
