using System.Globalization;
using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Dashboard;

/// <summary>
/// Every figure the dashboard shows for October 2026 against an independent recount of the rows
/// in the database, written here with plain queries and arithmetic rather than the app's functions.
/// </summary>
public sealed class DashboardReconciliationTests(ManualJobsAppFactory app) : IClassFixture<ManualJobsAppFactory>
{
    private static readonly CultureInfo Indonesian = new("id");

    [Fact]
    public async Task Dashboard_October2026_MatchesAnIndependentRecount()
    {
        var world = await StaffWorld.CreateAsync(app);
        await SeedOctoberAsync(world);
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
        Assert.Equal(expected.Completion.ToString("P1", Indonesian), Card(page, "Tingkat Penyelesaian"));
        Assert.Equal(expected.FollowUp.ToString("P1", Indonesian), Card(page, "Tingkat Tindak Lanjut"));
        Assert.Equal(expected.Satisfaction.ToString("P1", Indonesian), Card(page, "Kepuasan pelapor"));
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

    private static string Card(HtmlPage page, string title) =>
        page.Document.QuerySelectorAll(".card-body").Single(c => c.QuerySelector("h2")?.TextContent == title).QuerySelector("p")!.TextContent.Trim();

    /// <summary>Twelve reports in October 2026 across every status, two agencies, accepted and rejected answers.</summary>
    private async Task SeedOctoberAsync(StaffWorld world)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        if (await db.Reports.AnyAsync(r => r.Title.StartsWith("Oktober")))
        {
            return;
        }

        var schedule = await scope.ServiceProvider.GetRequiredService<DeadlineScheduleProvider>().GetAsync(CancellationToken.None);
        var coordinator = new Actor(null, ActorRole.Coordinator);
        var officer = new Actor(null, ActorRole.Officer);
        for (var i = 0; i < 12; i++)
        {
            var at = new DateTimeOffset(2026, 10, 5 + i, 2, 0, 0, TimeSpan.Zero);
            var report = Report.Submit(new ReportDraft(Classification.Complaint, $"Oktober laporan {i}", "Isi laporan uji rekonsiliasi.", null, null, null, null, null, null, false, false),
                Actor.Guest, Channel.Web, Guid.NewGuid(), null, schedule, at);
            var agency = i % 2 == 0 ? world.AgencyA : world.AgencyB;
            switch (i % 6)
            {
                case 0:
                    break;
                case 1:
                    report.Archive(coordinator, ArchiveReason.Spam, "Spam", null, at.AddHours(1));
                    break;
                case 2:
                    report.Verify(coordinator, [agency], ComplaintKind.Ordinary, null, null, schedule, at.AddDays(1));
                    break;
                case 3:
                    report.Verify(coordinator, [agency], ComplaintKind.Ordinary, null, null, schedule, at.AddDays(1));
                    report.Respond(Actor.Officer(null!, [agency]), "Ditangani", MessageVisibility.Public, schedule, at.AddDays(2));
                    break;
                case 4:
                    report.Verify(coordinator, [agency], ComplaintKind.Ordinary, null, null, schedule, at.AddDays(1));
                    report.RespondFinal(Actor.Officer(null!, [agency]), "Selesai", MessageVisibility.Public, schedule, at.AddDays(3));
                    report.Accept(Actor.Guest, schedule, at.AddDays(4));
                    break;
                case 5:
                    report.Verify(coordinator, [agency], ComplaintKind.Ordinary, null, null, schedule, at.AddDays(1));
                    report.RespondFinal(Actor.Officer(null!, [agency]), "Selesai", MessageVisibility.Public, schedule, at.AddDays(3));
                    report.Reject(Actor.Guest, "Belum beres", at.AddDays(4));
                    break;
            }

            db.Reports.Add(report);
            db.ReporterIdentities.Add(new ReporterIdentity(report, "Uji", null, null));
        }

        await db.SaveChangesAsync();
    }
}
