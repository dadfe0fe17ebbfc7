using System.Globalization;
using System.Net;
using Lapor.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Features.PublicReports;

public sealed class PublicPortalTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task PublicList_ShowsVerifiedReportsOnly_NeverConfidentialOrReporterIdentity()
    {
        var world = await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var (open, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Trotoar ambles di depan kantor pos", fields: new Dictionary<string, string> { ["Form.ReporterName"] = "CANARY-PUBLIK-7T" });
        var (secret, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "RAHASIA-JUDUL pungli di kantor desa", fields: new Dictionary<string, string> { ["Form.IsConfidential"] = "true" });
        var (waiting, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Belum diverifikasi: lampu taman mati");
        await coordinator.ActAsync(open, "verifikasi", ("AgencyIds", Id(world.AgencyA)));
        await coordinator.ActAsync(secret, "verifikasi", ("AgencyIds", Id(world.AgencyA)));

        var list = await HtmlPage.GetAsync(app.CreateBrowser(), "/laporan");

        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains("Trotoar ambles di depan kantor pos", list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("RAHASIA-JUDUL", list.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(waiting, list.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY-PUBLIK-7T", list.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await HtmlPage.GetAsync(app.CreateBrowser(), $"/laporan/{secret}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await HtmlPage.GetAsync(app.CreateBrowser(), $"/laporan/{waiting}")).Status);
        var detail = await HtmlPage.GetAsync(app.CreateBrowser(), $"/laporan/{open}");
        Assert.Contains("Lubang besar di depan pasar", detail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY-PUBLIK-7T", detail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicList_FiltersByStatusAndSearch()
    {
        var world = await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var (routed, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Sampah liar di bantaran sungai");
        await coordinator.ActAsync(routed, "verifikasi", ("AgencyIds", Id(world.AgencyB)));

        var bySearch = await HtmlPage.GetAsync(app.CreateBrowser(), "/laporan?Q=bantaran");
        var byOtherStatus = await HtmlPage.GetAsync(app.CreateBrowser(), "/laporan?Status=Completed&Q=bantaran");
        var byAgency = await HtmlPage.GetAsync(app.CreateBrowser(), $"/laporan?AgencyId={world.AgencyB}&Q=bantaran");

        Assert.Contains(routed, bySearch.Text, StringComparison.Ordinal); // "bantaran" is also a valid-looking tracking number
        Assert.DoesNotContain(routed, byOtherStatus.Text, StringComparison.Ordinal);
        Assert.Contains(routed, byAgency.Text, StringComparison.Ordinal);
    }

    /// <summary>A cursor or date no report can have (hand-edited, or a scanner's) is not applied: the first page (issue 15).</summary>
    [Theory]
    [InlineData("After=-1_-1")]
    [InlineData("After=9223372036854775807_1")]
    [InlineData("After=1_0")]
    [InlineData("From=9999-12-31&To=9999-12-31")]
    [InlineData("From=0001-01-01&To=0001-01-01")]
    public async Task PublicList_WithAnImpossibleCursorOrDate_ShowsTheFirstPage(string query)
    {
        var world = await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Pohon tumbang menutup Jl. Cempaka");
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyA)));

        var list = await HtmlPage.GetAsync(app.CreateBrowser(), $"/laporan?{query}&Q={number}");

        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains(number, list.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Support_OncePerCitizen_StaffCannot()
    {
        var world = await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Halte bus rusak di Jl. Pemuda");
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyA)));
        var citizen = await Staff.SignInAsync(app, StaffWorld.CitizenX);

        await citizen.Client.PostAsync($"/laporan/{number}/dukung", await FormAsync(citizen));
        Assert.Contains("Terima kasih atas dukungan Anda.", (await citizen.OpenAsync($"/laporan/{number}")).Text, StringComparison.Ordinal);
        await citizen.Client.PostAsync($"/laporan/{number}/dukung", await FormAsync(citizen));
        var byStaff = await coordinator.Client.PostAsync($"/laporan/{number}/dukung", await FormAsync(coordinator));
        var byNobody = await app.CreateBrowser().PostAsync($"/laporan/{number}/dukung", new FormUrlEncodedContent([]));

        Assert.Equal(1, await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => r.SupportCount).SingleAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);
        Assert.True(byNobody.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Redirect);
        Assert.Contains("1 dukungan", (await citizen.OpenAsync($"/laporan/{number}")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statistics_AnswerAnonymously_WithCompletionRate()
    {
        var page = await HtmlPage.GetAsync(app.CreateBrowser(), "/statistik");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Tingkat Penyelesaian", page.Text, StringComparison.Ordinal);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<FormUrlEncodedContent> FormAsync(Staff staff) =>
        new(new Dictionary<string, string> { ["__RequestVerificationToken"] = await staff.TokenAsync() });
}
