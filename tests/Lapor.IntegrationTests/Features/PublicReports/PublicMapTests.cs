using System.Globalization;
using System.Net;
using System.Text.Json;
using Lapor.TestSupport;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Integrations;
using Lapor.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.PublicReports;

/// <summary>
/// Points on public pages (issue 18): rounded on the server to about 100 m, never for anonymous,
/// confidential or unverified reports; exact for staff; Open311 points on the public map too.
/// </summary>
public sealed class PublicMapTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task PublicPages_ShowThePointRoundedToAbout100m_StaffSeeItExactly()
    {
        var world = await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Pohon tumbang menutup jalan desa",
            fields: Point("-6.123456", "106.654321"));
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyA)));

        var detail = await HtmlPage.GetAsync(app.CreateBrowser(), $"/laporan/{number}");
        var points = await MapPointsAsync("/peta/titik");
        var map = await HtmlPage.GetAsync(app.CreateBrowser(), "/peta");
        var staff = await coordinator.OpenAsync($"/inbox/{number}");

        Assert.Contains("-6.123, 106.654", detail.Text, StringComparison.Ordinal);
        Assert.Equal((-6.123m, 106.654m), points[number]);
        Assert.Contains(number, map.Text, StringComparison.Ordinal);
        foreach (var html in new[] { detail.Html, map.Html, points.Raw })
        {
            Assert.DoesNotContain("123456", html, StringComparison.Ordinal);
            Assert.DoesNotContain("654321", html, StringComparison.Ordinal);
        }

        Assert.Contains("-6.123456, 106.654321", staff.Text, StringComparison.Ordinal);
        Assert.Equal("-6.123456", staff.Document.QuerySelector("[data-map=point]")!.GetAttribute("data-lat"));
    }

    [Fact]
    public async Task AnonymousConfidentialAndUnverifiedReports_StayOffThePublicMap()
    {
        var world = await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var (anonymous, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Anonim: pungutan liar di pasar hewan",
            fields: Point("-7.111111", "110.111111", ("Form.IsAnonymous", "true"), ("Form.ReporterName", "")));
        var (confidential, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Rahasia: pungutan liar di terminal",
            fields: Point("-7.222222", "110.222222", ("Form.IsConfidential", "true")));
        var (unverified, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Belum diverifikasi: got mampet di gang",
            fields: Point("-7.333333", "110.333333"));
        await coordinator.ActAsync(anonymous, "verifikasi", ("AgencyIds", Id(world.AgencyA)));
        await coordinator.ActAsync(confidential, "verifikasi", ("AgencyIds", Id(world.AgencyA)));

        var anonymousPage = await HtmlPage.GetAsync(app.CreateBrowser(), $"/laporan/{anonymous}");
        var points = await MapPointsAsync("/peta/titik");
        var map = await HtmlPage.GetAsync(app.CreateBrowser(), "/peta");

        Assert.Equal(HttpStatusCode.OK, anonymousPage.Status);
        Assert.Null(anonymousPage.Document.QuerySelector("[data-map], .map-point"));
        Assert.DoesNotContain("-7.111", anonymousPage.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await HtmlPage.GetAsync(app.CreateBrowser(), $"/laporan/{confidential}")).Status);
        foreach (var hidden in new[] { anonymous, confidential, unverified })
        {
            Assert.False(points.ContainsKey(hidden), $"{hidden} is on the public map");
            Assert.DoesNotContain(hidden, map.Html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("110.1", points.Raw, StringComparison.Ordinal);
        Assert.DoesNotContain("110.2", points.Raw, StringComparison.Ordinal);
        Assert.DoesNotContain("110.3", points.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open311Request_WithCoordinates_IsOnThePublicMapOnceVerified()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (serviceCode, key) = await ApiClientAsync();
        var response = await app.CreateClient().PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = key, ["service_code"] = serviceCode, ["lat"] = "-7.2504451", ["long"] = "112.7688453",
            ["description"] = "Lampu penerangan jalan padam sepanjang Jl. Pemuda.", ["jurisdiction_id"] = "uji",
        }));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var number = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;
        var before = await MapPointsAsync("/peta/titik");

        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyA)));
        var after = await MapPointsAsync("/peta/titik");

        Assert.False(before.ContainsKey(number));
        Assert.Equal((-7.25m, 112.769m), after[number]);
    }

    /// <summary>The box is matched against the rounded point, so a narrow box tells no more than the rounding.</summary>
    [Fact]
    public async Task MapPoints_InABox_ChoseByTheRoundedPoint_AndABadBoxIsRefused()
    {
        var world = await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var (inside, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Kotak: trotoar rusak di depan sekolah", fields: Point("-8.300400", "115.100000"));
        var (outside, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Luar kotak: trotoar rusak di alun-alun", fields: Point("-8.500000", "115.500000"));
        await coordinator.ActAsync(inside, "verifikasi", ("AgencyIds", Id(world.AgencyA)));
        await coordinator.ActAsync(outside, "verifikasi", ("AgencyIds", Id(world.AgencyA)));

        // -8.3004 rounds to -8.300, north of -8.3002: inside by its rounded point, although its exact one is not.
        var narrow = await MapPointsAsync("/peta/titik?bbox=115.0,-8.3002,115.2,-8.2");
        var wide = await MapPointsAsync("/peta/titik?bbox=115,-9,116,-8");
        var south = await MapPointsAsync("/peta/titik?bbox=115.0,-8.4,115.2,-8.3006");

        Assert.True(narrow.ContainsKey(inside));
        Assert.False(narrow.ContainsKey(outside));
        Assert.True(wide.ContainsKey(inside) && wide.ContainsKey(outside));
        Assert.False(south.ContainsKey(inside));
        foreach (var bad in new[] { "abc", "1,2,3", "116,-8,115,-9", "115,-91,116,-8", "115;-9;116;-8" })
        {
            var response = await app.CreateClient().GetAsync($"/peta/titik?bbox={Uri.EscapeDataString(bad)}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Fact]
    public async Task MapPoints_AreGeoJsonThatCachesMayKeepAMinute()
    {
        var response = await app.CreateClient().GetAsync("/peta/titik");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("max-age=60", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        Assert.False(root.GetProperty("truncated").GetBoolean());
    }

    private static Dictionary<string, string> Point(string latitude, string longitude, params (string Name, string Value)[] more)
    {
        var fields = new Dictionary<string, string> { ["Form.Latitude"] = latitude, ["Form.Longitude"] = longitude };
        foreach (var (name, value) in more)
        {
            fields[name] = value;
        }

        return fields;
    }

    private sealed class MapPoints(string raw, Dictionary<string, (decimal, decimal)> points)
    {
        public string Raw => raw;

        public (decimal Latitude, decimal Longitude) this[string number] => points[number];

        public bool ContainsKey(string number) => points.ContainsKey(number);
    }

    private async Task<MapPoints> MapPointsAsync(string url)
    {
        var response = await app.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        var points = JsonDocument.Parse(raw).RootElement.GetProperty("features").EnumerateArray().ToDictionary(
            f => f.GetProperty("properties").GetProperty("number").GetString()!,
            f =>
            {
                var coordinates = f.GetProperty("geometry").GetProperty("coordinates");
                return (coordinates[1].GetDecimal(), coordinates[0].GetDecimal());
            });
        return new MapPoints(raw, points);
    }

    private async Task<(string ServiceCode, string Key)> ApiClientAsync()
    {
        var code = await app.WithDbAsync(async db =>
        {
            if (await db.Categories.FirstOrDefaultAsync(c => c.Name == "Penerangan Jalan Peta") is not { } category)
            {
                var group = new Category("Fasilitas Umum Peta", "Public facilities Map");
                db.Categories.Add(group);
                await db.SaveChangesAsync();
                category = new Category("Penerangan Jalan Peta", "Street lights Map", group.Id);
                db.Categories.Add(category);
                await db.SaveChangesAsync();
            }

            return category.Id.ToString(CultureInfo.InvariantCulture);
        });
        await app.Services.GetRequiredService<ReferenceData>().InvalidateAsync(CancellationToken.None);
        return (code, await app.WithDbAsync(async db =>
        {
            var (client, key) = ApiClient.Create("Aplikasi peta", ApiOperations.CreateRequests, 1000, DateTimeOffset.UtcNow);
            db.ApiClients.Add(client);
            await db.SaveChangesAsync();
            return key;
        }));
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
