using System.Globalization;
using Lapor.TestSupport;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Features.Dashboard;

/// <summary>
/// Every figure the period report shows for October 2026 against an independent recount of the rows in the
/// database, written here with plain queries and arithmetic rather than the app's functions.
/// </summary>
public sealed class DashboardPeriodReconciliationTests(StoppedClockAppFactory app) : IClassFixture<StoppedClockAppFactory>
{
    private static readonly CultureInfo Indonesian = new("id");

    [Fact]
    public async Task Dashboard_October2026_MatchesAnIndependentRecount()
    {
        var world = await StaffWorld.CreateAsync(app);
        await OctoberScenario.SeedAsync(app, world);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        var page = await coordinator.OpenAsync("/dashboard?Year=2026&Month=10");

        var start = new DateTimeOffset(2026, 9, 30, 17, 0, 0, TimeSpan.Zero); // 1 October 00:00 WIB
        var end = new DateTimeOffset(2026, 10, 31, 17, 0, 0, TimeSpan.Zero);
        var expected = await app.WithDbAsync(async db =>
        {
            var reports = await db.Reports.Where(r => r.SubmittedAt >= start && r.SubmittedAt < end).Select(r => new { r.Id, r.Status, r.FirstResponseAt }).ToListAsync();
            var ids = reports.Select(r => r.Id).ToList();
            var assignments = await db.Assignments.Where(a => ids.Contains(a.ReportId) && a.State != AssignmentState.Returned && a.State != AssignmentState.Forwarded)
                .Select(a => new { a.AgencyId, a.State, a.FirstRespondedAt }).ToListAsync();
            var routed = reports.Where(r => r.Status is ReportStatus.Dispositioned or ReportStatus.InProgress or ReportStatus.Completed).ToList();
            var accepted = await db.RoutingEntries.CountAsync(e => ids.Contains(e.ReportId) && e.Action == RoutingAction.Accept);
            var rejected = await db.RoutingEntries.CountAsync(e => ids.Contains(e.ReportId) && e.Action == RoutingAction.Reject);
            return new
            {
                Received = reports.Count,
                Completion = (decimal)routed.Count(r => r.Status == ReportStatus.Completed) / routed.Count,
                FollowUp = (decimal)routed.Count(r => r.FirstResponseAt != null) / routed.Count,
                Satisfaction = (decimal)accepted / (accepted + rejected),
                ByStatus = reports.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count()),
                AgencyA = (Routed: assignments.Count(a => a.AgencyId == world.AgencyA), Completed: assignments.Count(a => a.AgencyId == world.AgencyA && a.State == AssignmentState.Completed)),
            };
        });

        Assert.Contains($"Laporan diterima: {expected.Received}", page.Text, StringComparison.Ordinal);
        Assert.Equal(expected.Completion.ToString("P1", Indonesian), DashboardCards.Card(page, "Tingkat Penyelesaian"));
        Assert.Equal(expected.FollowUp.ToString("P1", Indonesian), DashboardCards.Card(page, "Tingkat Tindak Lanjut"));
        Assert.Equal(expected.Satisfaction.ToString("P1", Indonesian), DashboardCards.Card(page, "Kepuasan pelapor"));
        var statusTable = page.Document.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")?.TextContent == "Laporan menurut status");
        var shown = statusTable.QuerySelectorAll("tbody tr").Select(r => int.Parse(r.QuerySelectorAll("td")[1].TextContent, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enum.GetValues<ReportStatus>().Select(s => expected.ByStatus.GetValueOrDefault(s)), shown);
        foreach (var link in statusTable.QuerySelectorAll("tbody a"))
        {
            var drill = await coordinator.OpenAsync(link.GetAttribute("href")!);
            Assert.Equal(int.Parse(link.TextContent, CultureInfo.InvariantCulture), drill.Document.QuerySelectorAll("tbody tr").Length);
        }

        var csv = await coordinator.Client.GetStringAsync("/dashboard/ekspor-laporan.csv?Year=2026&Month=10");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected.Received + 1, lines.Length);
        Assert.Equal(expected.Received, lines.Count(l => l.Contains("Oktober laporan", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains("Dinas A", StringComparison.Ordinal) && l.Contains("Selesai", StringComparison.Ordinal));
        Assert.DoesNotContain("Uji,", csv, StringComparison.Ordinal); // the reporter name seeded for every report

        // Scope narrowed to agency B: only the reports routed there (every odd report that was verified).
        var scoped = await coordinator.OpenAsync($"/dashboard?Year=2026&Month=10&AgencyId={world.AgencyB}");
        var routedToB = await app.WithDbAsync(db => db.Reports.CountAsync(r => r.Title.StartsWith("Oktober") && r.Assignments.Any(a => a.AgencyId == world.AgencyB)));
        Assert.Contains($"Laporan diterima: {routedToB}", scoped.Text, StringComparison.Ordinal);

        Assert.Contains("Laporan diterima: 0", (await coordinator.OpenAsync("/dashboard?Year=2026&Month=10&Classification=Aspiration")).Text, StringComparison.Ordinal);
        Assert.Contains($"Laporan diterima: {expected.Received}", (await coordinator.OpenAsync("/dashboard?Year=2026&Month=10&Channel=Web&Classification=Complaint")).Text, StringComparison.Ordinal);

        var agencyRow = page.Document.QuerySelectorAll("tr").Single(r => r.QuerySelector("td")?.TextContent == "Dinas A");
        var agencyDrill = await coordinator.OpenAsync(agencyRow.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Equal(expected.AgencyA.Routed, agencyDrill.Document.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(expected.AgencyA.Routed.ToString(CultureInfo.InvariantCulture), agencyRow.QuerySelectorAll("td")[1].TextContent);
        Assert.Equal(expected.AgencyA.Completed.ToString(CultureInfo.InvariantCulture), agencyRow.QuerySelectorAll("td")[2].TextContent);
    }
}
