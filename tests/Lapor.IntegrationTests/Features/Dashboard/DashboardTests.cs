using System.Globalization;
using System.Net;
using Lapor.IntegrationTests.Infrastructure;

namespace Lapor.IntegrationTests.Features.Dashboard;

public sealed class DashboardTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Theory]
    [InlineData(StaffWorld.OfficerA)]
    [InlineData(StaffWorld.CitizenX)]
    public async Task Dashboard_OfficerOrCitizen_IsRefused(string email)
    {
        await StaffWorld.CreateAsync(app);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await Staff.SignInAsync(app, email)).OpenAsync("/dashboard")).Status);
    }

    [Fact]
    public async Task Dashboard_WithoutSignIn_RedirectsToLogin()
    {
        var response = await app.CreateBrowser().GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_Coordinator_CountsReportsInTheRegion()
    {
        var world = await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var (routed, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        await coordinator.ActAsync(routed, "verifikasi", ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)));

        var page = await coordinator.OpenAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = page.Document.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("td")!.TextContent.Trim(), r => int.Parse(r.QuerySelectorAll("td")[1].TextContent, CultureInfo.InvariantCulture));
        Assert.True(rows["Terdisposisi – Belum Ditindaklanjuti"] >= 1);
        Assert.True(rows["Belum Terverifikasi"] >= 1);
        Assert.Contains("Tingkat Penyelesaian", page.Text, StringComparison.Ordinal);
    }
}
