using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Performance;

/// <summary>The benchmark data set: written past EF by prepared inserts, so read it back through EF and check it holds together.</summary>
public sealed class DataGeneratorTests(GeneratedProvinceFactory app) : IClassFixture<GeneratedProvinceFactory>
{
    [Fact]
    public async Task Generate_WritesTheAskedNumberOfReportsAndAgencies()
    {
        var settings = GeneratedProvinceFactory.Settings;

        Assert.Equal(settings.Reports, app.Summary!.Reports);
        Assert.Equal(settings.Agencies, await app.WithDbAsync(db => db.Agencies.CountAsync()));
        Assert.Equal(settings.Reports, await app.WithDbAsync(db => db.Reports.CountAsync()));
        Assert.Equal(settings.Reports, await app.WithDbAsync(db => db.Reports.Select(r => r.TrackingNumber).Distinct().CountAsync()));
    }

    [Fact]
    public async Task Generate_GivesEveryReportAHistoryStartingWithItsSubmission()
    {
        var firstActions = await app.WithDbAsync(db => db.Reports
            .Select(r => r.Routing.OrderBy(e => e.Id).Select(e => e.Action).First())
            .Distinct().ToListAsync());
        var sample = await app.WithDbAsync(db => db.Reports.Include(r => r.Routing).Include(r => r.Assignments)
            .Where(r => r.Status == ReportStatus.Completed).OrderBy(r => r.Id).FirstAsync());

        Assert.Equal([RoutingAction.Submit], firstActions);
        Assert.Equal(ReportStatus.Completed, sample.Routing.OrderBy(e => e.Id).Last().ToStatus);
        Assert.All(sample.Assignments.Where(a => a.State == AssignmentState.Completed), a => Assert.NotNull(a.ClosedAt));
        Assert.True(sample.Routing.Zip(sample.Routing.Skip(1)).All(p => p.First.OccurredAt <= p.Second.OccurredAt), "History runs forward in time.");
    }

    [Fact]
    public async Task Generate_CoversTheLifecycleAndSkewsTheLoad()
    {
        var statuses = await app.WithDbAsync(db => db.Reports.Select(r => r.Status).Distinct().ToListAsync());
        var states = await app.WithDbAsync(db => db.Assignments.Select(a => a.State).Distinct().ToListAsync());
        var load = await app.WithDbAsync(db => db.Assignments.GroupBy(a => a.AgencyId).Select(g => g.Count()).OrderByDescending(n => n).ToListAsync());
        var kinds = await app.WithDbAsync(db => db.Agencies.Select(a => a.Kind).Distinct().ToListAsync());

        Assert.Superset(new HashSet<ReportStatus> { ReportStatus.Archived, ReportStatus.Dispositioned, ReportStatus.InProgress, ReportStatus.Completed }, statuses.ToHashSet());
        Assert.Superset(new HashSet<AssignmentState> { AssignmentState.Completed, AssignmentState.Returned }, states.ToHashSet());
        Assert.True(load[0] > 5 * load[load.Count / 2], $"The busiest agency ({load[0]}) should carry far more than the median one ({load[load.Count / 2]}).");
        Assert.Superset(new HashSet<AgencyKind> { AgencyKind.Province, AgencyKind.RegencyCity, AgencyKind.Opd, AgencyKind.SubUnit }, kinds.ToHashSet());
    }
}
