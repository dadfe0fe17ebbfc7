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
        // Assertions retry until the page shows what they expect; 5 s by default. On two cores shared with other
        // test runs the first request to a page can take longer (a sign-in then the inbox, JIT-compiled on first use).
        Assertions.SetDefaultExpectTimeout((float)ExpectTimeout.TotalMilliseconds);
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
        // Clicks, fills and navigations wait for the page up to this (30 s by default, which a sign-in missed at load 10+);
        // a test that passes waits no longer for it.
        context.SetDefaultTimeout((float)ActionTimeout.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)ActionTimeout.TotalMilliseconds);
        await context.RouteAsync("http://tiles.lapor.test/**", route => route.FulfillAsync(new() { ContentType = "image/png", BodyBytes = GreyTile }));
        return await context.NewPageAsync();
    }

    /// <summary>How long a test waits for the page: long enough for a busy machine, never a reason for a passing test to wait.</summary>
    private static readonly TimeSpan ActionTimeout = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan ExpectTimeout = TimeSpan.FromSeconds(30);

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
