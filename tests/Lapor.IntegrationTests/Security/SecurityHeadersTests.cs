using System.Net;
using Lapor.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Security;

/// <summary>Headers and cookie flags on every kind of response: page, redirect, error, file (QUALITY 17, 18).</summary>
public sealed class SecurityHeadersTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/laporan-saya")]
    [InlineData("/tidak-ada-halaman-ini")]
    [InlineData("/lacak/LPR-0000-000000")]
    [InlineData("/Error/500")]
    public async Task EveryResponse_CarriesCspNosniffReferrerPolicyAndForbidsFraming(string path)
    {
        var response = await app.CreateBrowser().GetAsync(path);

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.False(response.Headers.Contains("Server"));
        Assert.False(response.Headers.Contains("X-Powered-By"));
    }

    /// <summary>The filing form may ask for the location, no other origin may; map tiles come from the configured server only.</summary>
    [Fact]
    public async Task Pages_AllowGeolocationForSelfAndTilesFromTheConfiguredServer()
    {
        var response = await app.CreateBrowser().GetAsync("/lapor");

        var permissions = Assert.Single(response.Headers.GetValues("Permissions-Policy"));
        Assert.Contains("geolocation=(self)", permissions, StringComparison.Ordinal);
        Assert.Contains("camera=()", permissions, StringComparison.Ordinal);
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("img-src 'self' data: blob: http://tiles.lapor.test;", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", csp, StringComparison.Ordinal);
    }

    /// <summary>Map:TileUrl empty: no tile host in the policy, no map drawn, the location button stays.</summary>
    [Fact]
    public async Task MapSwitchedOff_PolicyNamesNoTileHost_AndTheFormHasNoMap()
    {
        await using var noMap = app.WithWebHostBuilder(b => b.UseSetting("Map:TileUrl", ""));
        var response = await noMap.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") }).GetAsync("/lapor");

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("img-src 'self' data: blob:;", csp, StringComparison.Ordinal);
        var page = await HtmlPage.FromAsync(response);
        Assert.Null(page.Document.QuerySelector("[data-map]"));
        Assert.NotNull(page.Document.QuerySelector("[data-place-locate]"));
        Assert.Null(page.Document.QuerySelector("script[src*=leaflet]"));
    }

    [Fact]
    public async Task StaticFiles_AlsoCarryTheHeaders()
    {
        var response = await app.CreateBrowser().GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task Cookies_AreHostPrefixedSecureHttpOnlyAndSameSite()
    {
        await Citizen.CreateAccountAsync(app, "kuki@contoh.id");
        var client = app.CreateBrowser();
        var loginPage = await client.GetAsync("/Account/Login");
        var signIn = await Citizen.SignInAsync(client, "kuki@contoh.id");

        var cookies = loginPage.Headers.GetValues("Set-Cookie").Concat(signIn.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith("__Host-lapor.af=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("__Host-lapor.auth=", StringComparison.Ordinal));
        Assert.All(cookies.Where(c => c.StartsWith("__Host-", StringComparison.Ordinal)), cookie =>
        {
            var flags = cookie.ToLowerInvariant();
            Assert.Contains("; secure", flags, StringComparison.Ordinal);
            Assert.Contains("; httponly", flags, StringComparison.Ordinal);
            Assert.Contains("; path=/", flags, StringComparison.Ordinal);
            Assert.Matches("samesite=(lax|strict)", flags);
            Assert.DoesNotContain("domain=", flags, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task TempDataAndFilingReceiptCookies_AreHostPrefixedSecureHttpOnlyAndSameSite()
    {
        var client = app.CreateBrowser();
        var filed = await Citizen.FileAsync(client);
        var number = filed.Headers.Location!.OriginalString[^13..];
        var stranger = app.CreateBrowser();
        var track = await HtmlPage.GetAsync(stranger, $"/lacak/{number}");
        var wrongCode = await stranger.PostAsync($"/lacak/{number}/akses", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["AccessCode"] = "AAAA-BBBB-CCCC",
            ["__RequestVerificationToken"] = track.AntiforgeryToken($"/lacak/{number}/akses"),
        }));

        var receipt = Assert.Single(filed.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-lapor.filed=", StringComparison.Ordinal));
        var tracking = Assert.Single(filed.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-lapor.track=", StringComparison.Ordinal));
        var tempData = Assert.Single(wrongCode.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-lapor.tempdata=", StringComparison.Ordinal));
        Assert.Contains("samesite=strict", receipt.ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Contains("max-age=604800", receipt.ToLowerInvariant(), StringComparison.Ordinal);
        Assert.All(new[] { receipt, tracking, tempData }, cookie =>
        {
            var flags = cookie.ToLowerInvariant();
            Assert.Contains("; secure", flags, StringComparison.Ordinal);
            Assert.Contains("; httponly", flags, StringComparison.Ordinal);
            Assert.Contains("; path=/", flags, StringComparison.Ordinal);
            Assert.Matches("samesite=(lax|strict)", flags);
            Assert.DoesNotContain("domain=", flags, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task SignedInPages_AreNeverCached()
    {
        await Citizen.CreateAccountAsync(app, "cache@contoh.id");
        var client = app.CreateBrowser();
        await Citizen.SignInAsync(client, "cache@contoh.id");

        var mine = await client.GetAsync("/laporan-saya");

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.True(mine.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Attachment_IsServedAsSandboxedDownload()
    {
        var (number, code) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), extra: f => Citizen.AddFile(f, TestImages.Jpeg(), "foto.jpg", "image/jpeg"));
        var client = app.CreateBrowser();
        var track = await HtmlPage.GetAsync(client, $"/lacak/{number}");
        await client.PostAsync($"/lacak/{number}/akses", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["AccessCode"] = code!,
            ["__RequestVerificationToken"] = track.AntiforgeryToken($"/lacak/{number}/akses"),
        }));
        var id = await app.WithDbAsync(db => db.Attachments.Where(a => db.Reports.Any(r => r.Id == a.ReportId && r.TrackingNumber == number)).Select(a => a.Id).SingleAsync());

        var response = await client.GetAsync($"/lacak/{number}/lampiran/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith("sandbox", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }
}
