using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Lapor.TestSupport;

namespace Lapor.IntegrationTests.Infrastructure.Web;

/// <summary>
/// What a first visit downloads (issue 18, slow links): pages compressed on request, static files under fingerprinted
/// names cached as immutable and served pre-compressed, and no page linking a file by a name that could go stale.
/// The figures on an emulated phone are measured by bench/page-weight.
/// </summary>
public sealed partial class PageWeightTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    private static readonly string[] Pages = ["/", "/lapor", "/lacak", "/laporan", "/statistik", "/Account/Login", "/Account/Register", "/tidak-ada-halaman-ini"];

    [Theory]
    [InlineData("/", "br")]
    [InlineData("/", "gzip")]
    [InlineData("/lapor", "br")]
    [InlineData("/lapor", "gzip")]
    public async Task Page_AskedCompressed_ComesCompressed(string path, string encoding)
    {
        var client = app.CreateBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);

        var response = await client.SendAsync(request);
        var html = await Decompress(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Contains("<html lang=\"id\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_NotAskedCompressed_ComesPlain()
    {
        var response = await app.CreateBrowser().GetAsync("/");

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaticFiles_AreFingerprinted_Immutable_AndServedCompressed()
    {
        var client = app.CreateBrowser();
        var assets = await LinkedAssetsAsync(client, ["/", "/lapor"]);
        Assert.Contains(assets, a => a.Contains("/bootstrap.subset.", StringComparison.Ordinal) && a.EndsWith(".css", StringComparison.Ordinal));

        foreach (var asset in assets)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, asset);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
            var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365), $"{asset}: {response.Headers.CacheControl}");
            Assert.Contains(response.Headers.CacheControl!.Extensions, e => e.Name == "immutable");
            // Compressed when the app was built; Brotli copies are added when it is published (bench/page-weight).
            Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
            Assert.NotEmpty(await Decompress(response));
        }
    }

    /// <summary>
    /// The headers a regression would change first (issue 22): a stylesheet and a script compressed, cached a year as
    /// immutable, varying by encoding, with validators; the page itself compressed and fetched again on every visit.
    /// </summary>
    [Fact]
    public async Task Stylesheet_Script_AndPage_CarryTheirCompressionAndCacheHeaders()
    {
        var client = app.CreateBrowser();
        var assets = await LinkedAssetsAsync(client, ["/"]);

        foreach (var asset in new[] { assets.First(a => a.StartsWith("/css/site.", StringComparison.Ordinal)), assets.First(a => a.StartsWith("/js/site.", StringComparison.Ordinal)) })
        {
            var response = await GetAsync(client, asset, "br, gzip");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding)); // Brotli copies come with publishing
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
            Assert.Contains(response.Headers.CacheControl!.Extensions, e => e.Name == "immutable");
            Assert.NotNull(response.Content.Headers.LastModified);
            // The validators a browser revalidates with once the year is up; the 304 itself comes from the published app's
            // manifest (an unpublished build's runtime handler answers 200), so bench/page-weight checks it.
            Assert.NotNull(response.Headers.ETag);
        }

        var page = await GetAsync(client, "/", "br, gzip");
        Assert.Equal("br", Assert.Single(page.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", page.Headers.Vary);
        Assert.True(page.Headers.CacheControl?.NoCache, $"/: {page.Headers.CacheControl}");
        Assert.False(page.Headers.CacheControl!.MaxAge > TimeSpan.Zero);
    }

    /// <summary>BREACH (docs/security.md): a page with personal data next to text from the address is never compressed.</summary>
    [Theory]
    [InlineData("/inbox?Q=rahasia")]
    [InlineData("/akun")]
    public async Task PersonalPage_AskedCompressed_ComesPlain_AndUncached(string path)
    {
        await StaffWorld.CreateAsync(app);
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);

        var response = await GetAsync(officer.Client, path, "br, gzip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: {response.Headers.CacheControl}");
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The icon is linked by its fingerprinted name too: a repeat visit asks for nothing but the page.</summary>
    [Fact]
    public async Task Icon_IsLinkedFingerprinted_AndImmutable()
    {
        var client = app.CreateBrowser();
        var home = await HtmlPage.GetAsync(client, "/");
        var icon = home.Document.QuerySelector("link[rel=icon]")?.GetAttribute("href");

        Assert.Matches(@"^/favicon\.[a-z0-9]{8,}\.ico$", icon);
        var response = await GetAsync(client, icon!, "gzip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Headers.CacheControl!.Extensions, e => e.Name == "immutable");
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task NoPage_LinksAnUnfingerprintedStylesheetOrScript()
    {
        var assets = await LinkedAssetsAsync(app.CreateBrowser(), Pages);

        Assert.NotEmpty(assets);
        Assert.All(assets, a => Assert.Matches(Fingerprinted(), a));
    }

    [Fact]
    public async Task NoPage_LoadsBootstrapsScript()
    {
        var assets = await LinkedAssetsAsync(app.CreateBrowser(), Pages);

        Assert.DoesNotContain(assets, a => a.Contains("bootstrap.bundle", StringComparison.Ordinal));
    }

    /// <summary>Every stylesheet and script of the views goes through "~/", the path the tag helpers fingerprint.</summary>
    [Fact]
    public void EveryViewLinksItsFiles_ThroughTheAssetManifest()
    {
        var features = Path.Combine(RepositoryRoot(), "src", "Lapor.Web", "Features");
        var links = Directory.EnumerateFiles(features, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => ViewAsset().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Url: m.Groups[1].Value)))
            .ToList();

        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.True(l.Url.StartsWith("~/", StringComparison.Ordinal), $"{l.File} links {l.Url}"));
    }

    private static async Task<List<string>> LinkedAssetsAsync(HttpClient client, IEnumerable<string> pages)
    {
        var assets = new List<string>();
        foreach (var path in pages)
        {
            var page = await HtmlPage.GetAsync(client, path);
            assets.AddRange(page.Document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!));
            assets.AddRange(page.Document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!));
        }

        return assets.Distinct().ToList();
    }

    private static async Task<string> Decompress(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStreamAsync();
        Stream reader = response.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            _ => body,
        };
        using var text = new StreamReader(reader);
        return await text.ReadToEndAsync();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Lapor.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Lapor.sln not found above the test folder.");
    }

    /// <summary>A content hash before the extension, as the asset manifest names files: /css/site.2a4g4uwcx5.css.</summary>
    [GeneratedRegex(@"^/[\w/.-]+\.[a-z0-9]{8,}\.(css|js)$")]
    private static partial Regex Fingerprinted();

    [GeneratedRegex("<(?:link|script)\\b[^>]*\\b(?:href|src)=\"([^\"]+\\.(?:css|js))\"")]
    private static partial Regex ViewAsset();
}
