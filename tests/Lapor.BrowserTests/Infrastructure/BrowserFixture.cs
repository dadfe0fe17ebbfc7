using Lapor.TestSupport;
using Microsoft.Playwright;

namespace Lapor.BrowserTests.Infrastructure;

/// <summary>One Kestrel server and one headless Chromium (Debian's, not a downloaded one) shared by the browser tests.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    /// <summary>The same app factory the integration tests use on Kestrel: real SQLite file, plain HTTP on a loopback port.</summary>
    public KestrelAppFactory App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("LAPOR_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            ChromiumSandbox = false,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null) =>
        await NewPageAsync(new BrowserNewContextOptions { ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 }, Locale = "id-ID" });

    /// <summary>A page in a context of its own; map tiles (LaporAppFactory.TileUrl) are answered here, never from the internet.</summary>
    public async Task<IPage> NewPageAsync(BrowserNewContextOptions options)
    {
        var context = await Browser.NewContextAsync(options);
        await context.RouteAsync("http://tiles.lapor.test/**", route => route.FulfillAsync(new() { ContentType = "image/png", BodyBytes = GreyTile }));
        return await context.NewPageAsync();
    }

    /// <summary>A 1×1 grey PNG, stretched by Leaflet over each tile.</summary>
    private static readonly byte[] GreyTile = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGO4CwAA3wDeKXlwtgAAAABJRU5ErkJggg==");

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
