using System.Globalization;
using System.Net;
using Lapor.TestSupport;
using Microsoft.EntityFrameworkCore;

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
        var byStatus = page.Document.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")?.TextContent == "Laporan menurut status");
        var rows = byStatus.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("td")!.TextContent.Trim(), r => int.Parse(r.QuerySelectorAll("td")[1].TextContent, CultureInfo.InvariantCulture));
        Assert.True(rows["Terdisposisi – Belum Ditindaklanjuti"] >= 1);
        Assert.True(rows["Belum Terverifikasi"] >= 1);
        Assert.Contains("Tingkat Penyelesaian", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Xlsx_DownloadsAWorkbookAndIsAudited()
    {
        var world = await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)));
        var page = await coordinator.OpenAsync("/dashboard");
        var link = page.Document.QuerySelector("a[href^='/dashboard/ekspor.xlsx']")!.GetAttribute("href")!;

        var response = await coordinator.Client.GetAsync(link);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == Lapor.Web.Domain.Auditing.AuditAction.Export && a.Reason == "xlsx")));
    }

    [Fact]
    public async Task Export_Csv_HasTheAgencyRowsAndIsForbiddenToOfficers()
    {
        var world = await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyB.ToString(CultureInfo.InvariantCulture)));

        var csv = await coordinator.Client.GetStringAsync("/dashboard/ekspor.csv");
        var byOfficer = await (await Staff.SignInAsync(app, StaffWorld.OfficerB)).Client.GetAsync("/dashboard/ekspor.csv");

        Assert.Contains("Dinas B", csv, StringComparison.Ordinal);
        Assert.Contains("Tingkat Penyelesaian", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byOfficer.StatusCode);
    }
}
