using System.Diagnostics;
using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Operations;

/// <summary>
/// With the shared cache (Redis) unreachable, pages are built from the database: slower, never wrong,
/// and without waiting on Redis at every request. The time bound catches waiting, not slowness: five
/// pages that each waited for Redis's five-second time-out would take 25 s; a busy machine takes a few.
/// </summary>
public sealed class SharedCacheOutageTests
{
    [Fact]
    public async Task RedisNeverReachable_PagesAnswerWithoutWaiting_AndAChangeIsSeenAtOnce()
    {
        using var app = new WithRedis($"127.0.0.1:{LocalProcesses.FreePort()}"); // nothing listens there
        var world = await StaffWorld.CreateAsync(app);
        var browser = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/lapor")).StatusCode); // may pay one failed connection
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/laporan")).StatusCode); // its first build is not what is timed

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(i % 2 == 0 ? "/lapor" : "/laporan")).StatusCode);
        }

        Assert.True(clock.Elapsed < WaitingBound, $"Five pages took {clock.Elapsed} with Redis down.");

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LaporDbContext>().Agencies.Where(a => a.Id == world.AgencyB)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.Name, "Dinas B Berganti"));
        await scope.ServiceProvider.GetRequiredService<ReferenceData>().InvalidateAsync(CancellationToken.None); // cannot be published

        Assert.Contains("Dinas B Berganti", await (await browser.GetAsync("/lapor")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedisDiesWhileInUse_PagesKeepAnsweringWithoutWaiting()
    {
        using var redis = new RedisServer(); // stopped below on purpose; this is for a test that fails before
        await redis.InitializeAsync();
        using var app = new WithRedis(redis.Configuration);
        await StaffWorld.CreateAsync(app);
        var browser = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/lapor")).StatusCode); // connected, versions read

        redis.Dispose();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/lapor")).StatusCode); // the one that finds out
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/lapor")).StatusCode);
        }

        Assert.True(clock.Elapsed < WaitingBound, $"Five pages took {clock.Elapsed} after Redis died.");
    }

    /// <summary>Less than two of the five pages waiting for Redis's time-out.</summary>
    private static readonly TimeSpan WaitingBound = TimeSpan.FromSeconds(9);

    private sealed class WithRedis(string redis) : LaporAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Cache:Provider", "Redis");
            builder.UseSetting("Cache:Redis", redis);
        }
    }
}
