using System.Net;
using Lapor.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Features.Reports;

/// <summary>The optional point on the filing form (issue 18): both or neither, in range, with a decimal point whatever the page's language.</summary>
public sealed class SubmitPlaceTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task Submit_WithAPoint_StoresItAsSent()
    {
        var citizen = app.CreateBrowser();
        var (number, _) = await Citizen.FileAndConfirmAsync(citizen, "Titik: jalan amblas di tikungan",
            fields: new Dictionary<string, string> { ["Form.Latitude"] = "-6.9174639", ["Form.Longitude"] = "107.6191228" });

        var stored = await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => new { r.Latitude, r.Longitude }).SingleAsync());
        Assert.Equal(-6.917464m, stored.Latitude);
        Assert.Equal(107.619123m, stored.Longitude);

        // The reporter sees their own point, exact, on their report's page.
        var own = await HtmlPage.GetAsync(citizen, $"/lacak/{number}");
        Assert.Equal("-6.917464, 107.619123", own.Document.QuerySelector(".map-point [data-map-coordinates]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Submit_WithoutAPoint_StoresNone()
    {
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Tanpa titik: saluran air tersumbat",
            fields: new Dictionary<string, string> { ["Form.Latitude"] = "", ["Form.Longitude"] = " " });

        var stored = await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => new { r.Latitude, r.Longitude }).SingleAsync());
        Assert.Null(stored.Latitude);
        Assert.Null(stored.Longitude);
    }

    [Theory]
    [InlineData("-6.2", "")]
    [InlineData("", "106.8")]
    [InlineData("91", "106.8")]
    [InlineData("-6.2", "-180.5")]
    [InlineData("-6,2", "106,8")]
    [InlineData("utara", "106.8")]
    [InlineData("1e2", "106.8")]
    public async Task Submit_WithABadPoint_IsRefusedWithAMessage_AndKeepsWhatWasTyped(string latitude, string longitude)
    {
        var title = $"Titik salah {latitude}|{longitude}: lampu mati";
        var before = await app.WithDbAsync(db => db.Reports.CountAsync());

        var response = await Citizen.FileAsync(app.CreateBrowser(), title,
            fields: new Dictionary<string, string> { ["Form.Latitude"] = latitude, ["Form.Longitude"] = longitude });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlPage.FromAsync(response);
        Assert.Contains("Titik lokasi tidak valid", page.Text, StringComparison.Ordinal);
        Assert.Equal(title, page.InputValue("Form.Title"));
        Assert.Equal(latitude, page.InputValue("Form.Latitude"));
        Assert.Equal(longitude, page.InputValue("Form.Longitude"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Reports.CountAsync()));
    }
}
