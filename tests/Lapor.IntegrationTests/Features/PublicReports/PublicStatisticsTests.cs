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

    /// <summary>
    /// The rate the home page promises ("ditanggapi tepat waktu"): of the shares whose first response fell due,
    /// those answered in time. One agency answers at once; the other lets its due date pass without a word,
    /// and counts as late rather than not at all.
    /// </summary>
    [Fact]
    public async Task Statistics_OnTimeResponseRate_CountsAShareLeftUnansweredPastItsDueDateAsLate()
    {
        var world = await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Pohon tumbang di taman kota");
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyA)), ("AgencyIds", Id(world.AgencyB)));
        await (await Staff.SignInAsync(app, StaffWorld.OfficerA)).ActAsync(number, "tanggapi", ("Text", "Tim kami menuju lokasi."), ("Public", "true"));
        var before = await OnTimeShownAsync();

        // Agency B's due date passes; it has said nothing.
        await app.WithDbAsync(db => db.Assignments.Where(a => a.Report!.TrackingNumber == number && a.AgencyId == world.AgencyB)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.FirstResponseDueOn, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-20))));

        var expected = await app.WithDbAsync(async db =>
        {
            var start = new DateTimeOffset(ThisYear, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
            var due = await db.Assignments.Where(a => a.Report!.SubmittedAt >= start
                    && (a.State == AssignmentState.Dispositioned || a.State == AssignmentState.InProgress || a.State == AssignmentState.Completed))
                .Where(a => a.FirstResponseWorkingDays != null || (a.PausedAt == null && a.FirstResponseDueOn < today && a.State != AssignmentState.Completed))
                .Select(a => a.FirstResponseOnTime).ToListAsync();
            return Rates.OnTime(due.Count(r => r == true), due.Count);
        });
        var after = await OnTimeShownAsync();

        Assert.NotNull(expected);
        Assert.Equal(expected.Value.ToString("P1", CultureInfo.GetCultureInfo("id-ID")), after);
        Assert.NotEqual(before, after);
        Assert.Contains("Ditanggapi tepat waktu", (await HtmlPage.GetAsync(app.CreateBrowser(), "/statistik")).Text, StringComparison.Ordinal);
    }

    private async Task<string> OnTimeShownAsync() =>
        (await HtmlPage.GetAsync(app.CreateBrowser(), "/statistik")).Document.QuerySelector("#on-time")!.TextContent.Trim();

    private static List<int> Years(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll("nav a[href*='tahun=']").Select(a => int.Parse(a.GetAttribute("href")!.Split("tahun=")[1], CultureInfo.InvariantCulture))];

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
