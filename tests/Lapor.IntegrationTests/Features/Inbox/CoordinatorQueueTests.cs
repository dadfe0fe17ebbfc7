using System.Globalization;
using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.StaffWork.Inbox;
using Lapor.Web.Infrastructure.Caching;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Inbox;

/// <summary>
/// The "Unstaffed" tab (DESIGN §5: no report waits unseen): open work at an agency without an active
/// liaison officer, computed when the page is read, and its count on the dashboard. Each test routes
/// to an agency of its own, so what one test staffs does not move another's figures.
/// </summary>
public sealed class CoordinatorQueueTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    private const string Unstaffed = "/inbox?Tab=Unstaffed";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Unstaffed_RoutedToAgencyWithoutOfficer_IsListedAndCountedUntilAnOfficerJoins()
    {
        var world = await StaffWorld.CreateAsync(app);
        var agency = await AgencyAsync(world, "Dinas Tanpa Petugas Satu", "UJI-T1");
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var number = await RoutedAsync(coordinator, agency);

        var row = await ListedAsync(coordinator, number);
        Assert.NotNull(row);
        Assert.Contains("Dinas Tanpa Petugas Satu", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("hari kerja", row.TextContent, StringComparison.Ordinal);
        var counted = await DashboardCountAsync(coordinator);
        Assert.Equal(TabCount(await coordinator.OpenAsync(Unstaffed)), counted);
        Assert.True(counted >= 1);

        await AddOfficerAsync(agency, "petugas.t1@uji.id");

        Assert.Null(await ListedAsync(coordinator, number));
        Assert.Equal(counted - 1, await DashboardCountAsync(coordinator));
    }

    [Fact]
    public async Task Unstaffed_AfterRerouting_IsNoLongerListed()
    {
        var world = await StaffWorld.CreateAsync(app);
        var agency = await AgencyAsync(world, "Dinas Tanpa Petugas Dua", "UJI-T2");
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var number = await RoutedAsync(coordinator, agency);
        Assert.NotNull(await ListedAsync(coordinator, number));

        var rerouted = await coordinator.ActAsync(number, "alihkan", ("AgencyId", Id(agency)), ("ToAgencyId", Id(world.AgencyA)), ("Text", "Dinas ini belum punya petugas."));

        Assert.Equal(HttpStatusCode.Redirect, rerouted.StatusCode);
        Assert.Null(await ListedAsync(coordinator, number));
    }

    [Fact]
    public async Task Unstaffed_OnlyDisabledOfficer_StillListed()
    {
        var world = await StaffWorld.CreateAsync(app);
        var agency = await AgencyAsync(world, "Dinas Tanpa Petugas Tiga", "UJI-T3");
        await AddOfficerAsync(agency, "petugas.t3@uji.id", disabled: true);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        var number = await RoutedAsync(coordinator, agency);

        Assert.NotNull(await ListedAsync(coordinator, number));
    }

    [Fact]
    public async Task Unstaffed_CoordinatorOfAnotherRegion_DoesNotSeeIt()
    {
        var world = await StaffWorld.CreateAsync(app);
        var agency = await AgencyAsync(world, "Dinas Tanpa Petugas Empat", "UJI-T4");
        var number = await RoutedAsync(await Staff.SignInAsync(app, StaffWorld.Coordinator), agency);
        var elsewhere = await StaffWorld.OtherRegionCoordinatorAsync(app);

        var tab = await elsewhere.OpenAsync(Unstaffed);

        Assert.Equal(HttpStatusCode.OK, tab.Status);
        Assert.Null(await ListedAsync(elsewhere, number));
        Assert.Equal(0, TabCount(tab));
        Assert.Equal(0, await DashboardCountAsync(elsewhere));
    }

    [Fact]
    public async Task Unstaffed_StaffedAgency_IsNotListed()
    {
        var world = await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        var number = await RoutedAsync(coordinator, world.AgencyB);

        Assert.NotNull(await ListedAsync(coordinator, number, "/inbox?Tab=Routed"));
        Assert.Null(await ListedAsync(coordinator, number));
    }

    [Fact]
    public async Task Unstaffed_MoreThanAPage_PagesByPositionWithoutRepeats()
    {
        var world = await StaffWorld.CreateAsync(app);
        var agency = await AgencyAsync(world, "Dinas Tanpa Petugas Lima", "UJI-T5");
        await StoredRoutedAsync(agency, "Lampu jalan padam berhari-hari", CoordinatorQueue.PageSize + 1);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        var first = await coordinator.OpenAsync(Unstaffed + "&Q=" + Uri.EscapeDataString("Lampu jalan padam"));
        var next = first.Document.QuerySelector("a[rel=next]")?.GetAttribute("href");
        Assert.NotNull(next);
        var second = await coordinator.OpenAsync(next);

        var firstRows = Numbers(first);
        var secondRows = Numbers(second);
        Assert.Equal(CoordinatorQueue.PageSize, firstRows.Count);
        Assert.Single(secondRows);
        Assert.Empty(firstRows.Intersect(secondRows));
        Assert.Null(second.Document.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public async Task Dashboard_RegionWithoutValidationOrRefusals_ShowsNoRefusalColumn()
    {
        var world = await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        await RoutedAsync(coordinator, world.AgencyA);

        var page = await coordinator.OpenAsync("/dashboard");

        Assert.DoesNotContain("Tindak lanjut ditolak", page.Text, StringComparison.Ordinal);
    }

    private async Task<string> RoutedAsync(Staff coordinator, int agency)
    {
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), fields: new Dictionary<string, string> { ["Form.TargetAgencyId"] = Id(agency) });
        var verified = await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(agency)), ("ComplaintKind", "Ordinary"));
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        return number;
    }

    /// <summary>Reports routed to <paramref name="agency"/> at one instant, stored through the domain as the staff pages would.</summary>
    private async Task StoredRoutedAsync(int agency, string title, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        var schedule = await scope.ServiceProvider.GetRequiredService<DeadlineScheduleProvider>().GetAsync(CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var report = Report.Submit(
                new ReportDraft(Classification.Complaint, title, "Sudah tiga malam gelap gulita.", null, null, null, null, null, agency, false, false),
                Actor.Guest, Channel.Web, Guid.NewGuid(), null, schedule, now);
            report.Verify(StoredReports.Coordinator, [agency], ComplaintKind.Ordinary, null, null, schedule, now);
            db.Reports.Add(report);
        }

        await db.SaveChangesAsync();
    }

    private static List<string> Numbers(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent.Trim())];

    /// <summary>The report's row on the tab, searched by its tracking number (so other tests' rows cannot push it to a later page).</summary>
    private static async Task<AngleSharp.Dom.IElement?> ListedAsync(Staff staff, string number, string tab = Unstaffed)
    {
        var page = await staff.OpenAsync($"{tab}&Q={number}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page.Document.QuerySelectorAll("tbody tr").FirstOrDefault(r => r.TextContent.Contains(number, StringComparison.Ordinal));
    }

    private static int TabCount(HtmlPage page) =>
        int.Parse(page.Document.QuerySelector("a.nav-link[href*='Tab=Unstaffed'] .badge")!.TextContent, CultureInfo.InvariantCulture);

    private static async Task<int> DashboardCountAsync(Staff staff) =>
        int.Parse((await staff.OpenAsync("/dashboard/siapa-terlambat")).Document.QuerySelector("[data-testid=unstaffed-work]")!.TextContent, CultureInfo.InvariantCulture);

    /// <summary>An OPD of the test regency with nobody in it, written as the agency admin page would (and its cached list dropped).</summary>
    private async Task<int> AgencyAsync(StaffWorld world, string name, string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        var agency = new Agency(name, code, AgencyKind.Opd, world.Region);
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<ReferenceData>().InvalidateAsync(CancellationToken.None);
        return agency.Id;
    }

    /// <summary>An account made an officer of <paramref name="agency"/> through the administrator's user page.</summary>
    private async Task AddOfficerAsync(int agency, string email, bool disabled = false)
    {
        var id = await Citizen.CreateAccountAsync(app, email);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        (string, string)[] fields = [("roles", Roles.Officer), ("agencyIds", Id(agency))];
        var saved = await admin.SubmitAsync($"/admin/pengguna/{id}", disabled ? [.. fields, ("disabled", "true"), ("confirmed", "true")] : [.. fields, ("confirmed", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }
}
