using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Operations.Generation;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Performance;

/// <summary>
/// DESIGN §11: no page may need more than five database round trips, whatever its size (no N+1).
/// Each page is opened once to warm the caches, then again while the commands are counted.
/// </summary>
public sealed class QueriesPerPageTests(GeneratedProvinceFactory app) : IClassFixture<GeneratedProvinceFactory>
{
    public const int MaxQueriesPerPage = 5;

    private const string Officer = SyntheticProvince.OfficerEmail;
    private const string Coordinator = SyntheticProvince.CoordinatorEmail;

    [Theory]
    [InlineData(null, "/")]
    [InlineData(null, "/laporan")]
    [InlineData(null, "/laporan?Q=jalan+berlubang&Page=2")]
    [InlineData(null, "/statistik")]
    [InlineData(Officer, "/inbox")]
    [InlineData(Officer, "/inbox?Tab=Completed&Sort=Newest")]
    [InlineData(Officer, "/inbox?Tab=Completed&Q=jalan")]
    [InlineData(Officer, "/notifikasi")]
    [InlineData(Coordinator, "/inbox")]
    [InlineData(Coordinator, "/inbox?Tab=Unstaffed")]
    [InlineData(Coordinator, "/inbox?Tab=AwaitingValidation")]
    [InlineData(Coordinator, "/dashboard")]
    [InlineData(Coordinator, "/dashboard/siapa-terlambat")]
    [InlineData(Coordinator, "/dashboard/terlambat")]
    [InlineData(Coordinator, "/dashboard/laporan?From=2026-01-01&To=2026-12-31&Status=Completed")]
    [InlineData(Coordinator, "/dashboard/bukti-dukung")]
    public async Task Page_NeedsAtMostFiveQueries(string? email, string url)
    {
        var client = await SessionAsync(email);

        await AssertQueriesAsync(client, url);
    }

    [Fact]
    public async Task ReportPages_NeedAtMostFiveQueries()
    {
        var officer = await SessionAsync(Officer);
        var coordinator = await SessionAsync(Coordinator);
        var (routed, unverified, published, atVerification) = await app.WithDbAsync(async db => (
            // An open assignment, so the page offers the officer's actions and templates.
            await db.Assignments.Where(a => a.State == AssignmentState.InProgress || a.State == AssignmentState.Dispositioned)
                .Where(a => db.AgencyMemberships.Any(m => m.AgencyId == a.AgencyId && db.Users.Any(u => u.Id == m.UserId && u.Email == Officer)))
                .Select(a => a.Report!.TrackingNumber).FirstAsync(),
            await db.Reports.Where(r => r.Status == ReportStatus.Unverified || r.Status == ReportStatus.Dispositioned).Select(r => r.TrackingNumber).FirstAsync(),
            await db.Reports.Where(r => r.Status == ReportStatus.Completed && !r.IsConfidential).Select(r => r.TrackingNumber).FirstAsync(),

            // The newest report waiting for verification: its page also looks for similar earlier reports (issue 21).
            await db.Reports.Where(r => r.Status == ReportStatus.Unverified).OrderByDescending(r => r.Id).Select(r => r.TrackingNumber).FirstAsync()));

        await AssertQueriesAsync(officer, $"/inbox/{routed}");
        await AssertQueriesAsync(coordinator, $"/inbox/{unverified}");
        await AssertQueriesAsync(coordinator, $"/inbox/{atVerification}");
        await AssertQueriesAsync(coordinator, $"/inbox/{atVerification}/serupa");
        await AssertQueriesAsync(app.CreateBrowser(), $"/laporan/{published}");
    }

    /// <summary>The operator desk's list (with its "waiting for the resident" flag) and a held report's page, over generated reports made the operator's filings.</summary>
    [Fact]
    public async Task OperatorDeskPages_NeedAtMostFiveQueries()
    {
        const string email = "operator.kinerja@uji.id";
        var operatorId = await Citizen.CreateAccountAsync(app, email, Lapor.Web.Domain.Accounts.Roles.VillageOperator);
        var held = await app.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == operatorId)).ServicePoint = "Kantor Desa Kinerja";
            var reports = await db.Reports.Where(r => r.Status == ReportStatus.OnHold).Take(5)
                .Concat(db.Reports.Where(r => r.Status != ReportStatus.OnHold).Take(15)).ToListAsync();
            db.OperatorFilings.AddRange(reports.Select(r => new OperatorFiling(r, operatorId, "Kantor Desa Kinerja", "Warga setuju.", DateTimeOffset.UtcNow)));
            await db.SaveChangesAsync();
            return reports.First(r => r.Status == ReportStatus.OnHold).TrackingNumber;
        });
        var desk = (await Staff.SignInAsync(app, email)).Client;

        await AssertQueriesAsync(desk, "/operator");
        Assert.NotNull((await HtmlPage.GetAsync(desk, "/operator")).Document.QuerySelector("[data-testid=awaits-resident]"));
        await AssertQueriesAsync(desk, $"/operator/laporan/{held}");
    }

    /// <summary>
    /// The suggestion model's page before any model is trained (the generated province has none): it counts the handled
    /// reports up to the minimum instead of showing a model's figures.
    /// </summary>
    [Fact]
    public async Task TriageAdminPage_NeedsAtMostFiveQueries()
    {
        const string email = "admin.kinerja@uji.id";
        await Citizen.CreateAccountAsync(app, email, Lapor.Web.Domain.Accounts.Roles.Administrator);
        var admin = (await Staff.SignInAsync(app, email)).Client;

        await AssertQueriesAsync(admin, "/admin/saran-instansi");
        Assert.NotNull((await HtmlPage.GetAsync(admin, "/admin/saran-instansi")).Document.QuerySelector("[data-testid=triage-no-model]"));
    }

    /// <summary>
    /// The tracking page as the public reads it (a published report), and as its own reporter does: signed in,
    /// with the whole report, its answers, files and the escalation offer, on a report with a long history.
    /// </summary>
    [Fact]
    public async Task TrackingPages_NeedAtMostFiveQueries()
    {
        const string email = "pelapor.kinerja@uji.id";
        var reporterId = await Citizen.CreateAccountAsync(app, email);
        var (published, own, waiting) = await app.WithDbAsync(async db =>
        {
            var numbers = await db.Reports.Where(r => r.Status == ReportStatus.Completed && !r.IsConfidential && r.IsPublic)
                .OrderByDescending(r => db.Messages.Count(m => m.ReportId == r.Id)).Select(r => r.TrackingNumber).Take(2).ToListAsync();
            var held = await db.Reports.Where(r => r.Status == ReportStatus.OnHold).Select(r => r.TrackingNumber).FirstAsync();
            await db.Reports.Where(r => r.TrackingNumber == numbers[1] || r.TrackingNumber == held)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.ReporterUserId, reporterId));
            return (numbers[0], numbers[1], held);
        });
        var reporter = await SessionAsync(null);
        Assert.Equal(HttpStatusCode.Redirect, (await Citizen.SignInAsync(reporter, email)).StatusCode);

        await AssertQueriesAsync(app.CreateBrowser(), $"/lacak/{published}");
        await AssertQueriesAsync(reporter, $"/lacak/{own}");
        await AssertQueriesAsync(reporter, $"/lacak/{waiting}");
        Assert.NotNull((await HtmlPage.GetAsync(reporter, $"/lacak/{waiting}")).Document.QuerySelector("[data-testid=awaits-you]"));
    }

    [Fact]
    public async Task LaterPages_NeedNoMoreQueriesThanTheFirst()
    {
        var officer = await SessionAsync(Officer);
        var first = await HtmlPage.GetAsync(officer, "/inbox?Tab=Completed");
        var next = first.Document.QuerySelector("a[rel=next]")?.GetAttribute("href");
        Assert.NotNull(next);

        await AssertQueriesAsync(officer, next);
    }

    /// <summary>
    /// The fixed cost of every signed-in page (issue 22): the session and security-stamp check reads the navigation
    /// bar's unread count in the same statement, so a page with no data of its own (the home page) sends one command.
    /// </summary>
    [Fact]
    public async Task ASignedInPage_ChecksItsSessionAndCountsTheUnreadNotices_InOneStatement()
    {
        var officer = await SessionAsync(Officer);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/")).StatusCode);

        app.Commands.Reset();
        var page = await HtmlPage.GetAsync(officer, "/");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var command = Assert.Single(app.Commands.Commands);
        Assert.Contains("\"UserSessions\"", command, StringComparison.Ordinal);
        Assert.Contains("\"StaffNotifications\"", command, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("a.nav-link[href='/notifikasi']"));
    }

    /// <summary>A command on one line, shortened: enough to tell which part of the page sent it.</summary>
    private static string Summary(string sql)
    {
        var line = string.Join(' ', sql.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
        return "- " + (line.Length > 220 ? line[..220] + "…" : line);
    }

    private async Task<HttpClient> SessionAsync(string? email)
    {
        var client = app.CreateBrowser();
        if (email is not null)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await Citizen.SignInAsync(client, email, Lapor.Web.Operations.DemoData.Password)).StatusCode);
        }

        return client;
    }

    private async Task AssertQueriesAsync(HttpClient client, string url)
    {
        var warm = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, warm.StatusCode);

        app.Commands.Reset();
        var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var commands = app.Commands.Commands;

        Assert.True(commands.Count <= MaxQueriesPerPage,
            $"{url} ran {commands.Count} queries:\n{string.Join("\n", commands.Select(Summary))}");
    }
}
