using System.Globalization;
using System.Net;
using Lapor.IntegrationTests.Features.Dashboard;
using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Domain.Tags;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Lapor.IntegrationTests.Features.Tags;

/// <summary>The dashboard and the exports narrowed by a tag, against a recount of the tagged rows written here with plain queries.</summary>
public sealed class TagFilterReconciliationTests(StoppedClockAppFactory app) : IClassFixture<StoppedClockAppFactory>
{
    private const string Label = "banjir-2026";
    private const string Month = "Year=2026&Month=10";

    [Fact]
    public async Task DashboardAndExports_FilteredByATag_MatchARecountOfTheTaggedReports()
    {
        var world = await StaffWorld.CreateAsync(app);
        await OctoberScenario.SeedAsync(app, world);
        await TagAsync([0, 1, 2, 3, 4, 5, 7]);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        var start = new DateTimeOffset(2026, 9, 30, 17, 0, 0, TimeSpan.Zero); // 1 October 00:00 WIB
        var end = new DateTimeOffset(2026, 10, 31, 17, 0, 0, TimeSpan.Zero);
        var expected = await app.WithDbAsync(async db =>
        {
            var tagId = await db.Tags.Where(t => t.Label == Label).Select(t => t.Id).SingleAsync();
            var tagged = await db.ReportTags.Where(rt => rt.TagId == tagId).Select(rt => rt.ReportId).ToListAsync();
            var reports = await db.Reports.Where(r => r.SubmittedAt >= start && r.SubmittedAt < end).Select(r => new { r.Id, r.Status }).ToListAsync();
            var ours = reports.Where(r => tagged.Contains(r.Id)).ToList();
            return (All: reports.Count, Received: ours.Count, ByStatus: ours.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count()));
        });
        Assert.Equal(7, expected.Received);
        Assert.True(expected.All > expected.Received);

        var page = await coordinator.OpenAsync($"/dashboard?{Month}&Tag={Label}");
        Assert.Contains($"Laporan diterima: {expected.Received}", page.Text, StringComparison.Ordinal);
        Assert.Equal(Label, page.Document.QuerySelector("select#tag option[selected]")?.GetAttribute("value"));
        var statusTable = page.Document.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")?.TextContent == "Laporan menurut status");
        var shown = statusTable.QuerySelectorAll("tbody tr").Select(r => int.Parse(r.QuerySelectorAll("td")[1].TextContent, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enum.GetValues<ReportStatus>().Select(s => expected.ByStatus.GetValueOrDefault(s)), shown);
        foreach (var link in statusTable.QuerySelectorAll("tbody a"))
        {
            var href = link.GetAttribute("href")!;
            Assert.Contains($"Tag={Label}", href, StringComparison.Ordinal);
            Assert.Equal(int.Parse(link.TextContent, CultureInfo.InvariantCulture), (await coordinator.OpenAsync(href)).Document.QuerySelectorAll("tbody tr").Length);
        }

        // The export links carry the tag; the files count what the page counts.
        var csvLink = page.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "").First(h => h.Contains("ekspor-laporan.csv", StringComparison.Ordinal));
        Assert.Contains($"Tag={Label}", csvLink, StringComparison.Ordinal);
        var csv = await coordinator.Client.GetStringAsync(csvLink);
        Assert.Equal(expected.Received + 1, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var workbook = await coordinator.Client.GetByteArrayAsync($"/dashboard/ekspor.xlsx?{Month}&Tag={Label}");
        using (var stream = new MemoryStream(workbook))
        {
            var received = stream.Query(useHeaderRow: false, sheetName: "Ringkasan").Cast<IDictionary<string, object?>>().Single(r => (r["A"] as string) == "Laporan diterima");
            Assert.Equal(expected.Received, Convert.ToInt32(received["B"], CultureInfo.InvariantCulture));
        }

        Assert.Equal(HttpStatusCode.OK, (await coordinator.Client.GetAsync($"/dashboard/ekspor.pdf?{Month}&Tag={Label}")).StatusCode);

        // Without the tag: everything again; a tag nobody has (or a malformed one) counts nothing, never an error.
        Assert.Contains($"Laporan diterima: {expected.All}", (await coordinator.OpenAsync($"/dashboard?{Month}")).Text, StringComparison.Ordinal);
        Assert.Contains("Laporan diterima: 0", (await coordinator.OpenAsync($"/dashboard?{Month}&Tag=tidak-ada")).Text, StringComparison.Ordinal);
        Assert.Contains("Laporan diterima: 0", (await coordinator.OpenAsync($"/dashboard?{Month}&Tag=%3Cscript%3E")).Text, StringComparison.Ordinal);
    }

    /// <summary>Tags the October reports with these numbers through the domain method a coordinator's click runs.</summary>
    private async Task TagAsync(int[] which)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        if (await db.Tags.AnyAsync(t => t.Label == Label))
        {
            return;
        }

        var tag = new Tag(Label, DateTimeOffset.UtcNow);
        db.Tags.Add(tag);
        await db.SaveChangesAsync();
        var coordinator = new Actor(null, ActorRole.Coordinator);
        foreach (var i in which)
        {
            var report = await db.Reports.SingleAsync(r => r.Title == $"Oktober laporan {i}");
            report.AttachTag(coordinator, tag.Id, tag.Label, report.UpdatedAt.AddMinutes(1));
        }

        await db.SaveChangesAsync();
    }
}
