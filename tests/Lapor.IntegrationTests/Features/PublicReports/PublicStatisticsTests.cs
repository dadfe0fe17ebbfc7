using System.Globalization;
using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Domain.Metrics;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Features.PublicReports;

/// <summary>/statistik (issue 18): the on-time rate the home page promises, how multi-agency reports count, and only years that have begun.</summary>
public sealed class PublicStatisticsTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    private static int ThisYear => DateTime.UtcNow.Year;

    [Fact]
    public async Task Statistics_OffersNoFutureYear()
    {
        var page = await HtmlPage.GetAsync(app.CreateBrowser(), "/statistik");
        var future = await HtmlPage.GetAsync(app.CreateBrowser(), $"/statistik?tahun={ThisYear + 3}");
        var past = await HtmlPage.GetAsync(app.CreateBrowser(), $"/statistik?tahun={ThisYear - 2}");

        Assert.Equal(HttpStatusCode.OK, future.Status);
        foreach (var p in new[] { page, future })
        {
            Assert.Contains($"{ThisYear}", p.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(Years(p), y => y > ThisYear);
            Assert.Contains(ThisYear - 1, Years(p));
        }

        Assert.Equal([ThisYear - 3, ThisYear - 1], Years(past));
    }

    [Fact]
    public async Task Statistics_SaysAMultiAgencyReportCountsOncePerAgency()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Banjir merendam dua kecamatan");
        await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyA)), ("AgencyIds", Id(world.AgencyB)));

        var page = await HtmlPage.GetAsync(app.CreateBrowser(), "/statistik");

        Assert.Contains("dihitung satu kali pada setiap instansi", page.Document.QuerySelector("#per-agency-note")!.TextContent, StringComparison.Ordinal);
        var rows = page.Document.QuerySelectorAll("table tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Contains(rows, r => r[0] == StaffWorld.AgencyAName);
        Assert.Contains(rows, r => r[0] == StaffWorld.AgencyBName);
    }

    /// <summary>The rate the home page promises ("ditanggapi tepat waktu"), counted as the dashboard counts first responses on time.</summary>
    [Fact]
    public async Task Statistics_ShowsTheOnTimeResponseRate_AsTheDashboard()
    {
        var world = await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Pohon tumbang di taman kota");
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyA)), ("AgencyIds", Id(world.AgencyB)));
        await (await Staff.SignInAsync(app, StaffWorld.OfficerA)).ActAsync(number, "tanggapi", ("Text", "Tim kami menuju lokasi."), ("Public", "true"));

        var expected = await app.WithDbAsync(async db =>
        {
            var start = new DateTimeOffset(ThisYear, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var responded = await db.Assignments.Where(a => a.Report!.SubmittedAt >= start && a.FirstResponseWorkingDays != null
                && a.State != AssignmentState.Returned && a.State != AssignmentState.Forwarded && a.State != AssignmentState.Withdrawn)
                .Select(a => a.FirstResponseOnTime).ToListAsync();
            return Rates.OnTime(responded.Count(r => r == true), responded.Count);
        });
        var statistics = await HtmlPage.GetAsync(app.CreateBrowser(), "/statistik");
        var dashboard = await coordinator.OpenAsync("/dashboard");
        var dashboardCell = dashboard.Document.QuerySelectorAll("tr").First(r => string.Equals(r.QuerySelector("th")?.TextContent.Trim(), "tanggapan pertama", StringComparison.OrdinalIgnoreCase)).QuerySelectorAll("td")[0].TextContent.Trim();

        Assert.NotNull(expected);
        var shown = statistics.Document.QuerySelector("#on-time")!.TextContent.Trim();
        Assert.Equal(expected.Value.ToString("P1", CultureInfo.GetCultureInfo("id-ID")), shown);
        Assert.Equal(dashboardCell, shown);
        Assert.Contains("Ditanggapi tepat waktu", statistics.Text, StringComparison.Ordinal);
    }

    private static List<int> Years(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll("nav a[href*='tahun=']").Select(a => int.Parse(a.GetAttribute("href")!.Split("tahun=")[1], CultureInfo.InvariantCulture))];

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
