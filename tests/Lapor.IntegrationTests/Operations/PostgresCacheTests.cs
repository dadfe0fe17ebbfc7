using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Lapor.IntegrationTests.Operations;

/// <summary>
/// Cache:Provider=PostgreSql: the IDistributedCache contract (as the SQL Server cache keeps it) on a real
/// PostgreSQL database, with the clock in the test's hand; then two portal instances sharing it.
/// </summary>
public sealed class PostgresCacheTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lapor-cache-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.FromHours(7)));
    private readonly List<IDisposable> _owned = [];

    [PostgresOnlyFact]
    public async Task SetGetRemove_AndSetAgainReplaces()
    {
        var cache = Cache();

        Assert.Null(await cache.GetAsync("versi:agensi"));
        await cache.SetAsync("versi:agensi", [1, 2, 3], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromDays(365) });
        Assert.Equal([1, 2, 3], await cache.GetAsync("versi:agensi"));
        cache.Set("versi:agensi", [4], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromDays(365) });
        Assert.Equal([4], cache.Get("versi:agensi"));

        await cache.RemoveAsync("versi:agensi");

        Assert.Null(await cache.GetAsync("versi:agensi"));
        Assert.Equal(0, await RowsAsync());
    }

    [PostgresOnlyFact]
    public async Task AbsoluteExpiry_EndsTheEntry_AndTheReadDeletesIt()
    {
        var cache = Cache();
        await cache.SetAsync("kunci", [7], new DistributedCacheEntryOptions { AbsoluteExpiration = _clock.GetUtcNow().AddMinutes(5) });

        _clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal([7], await cache.GetAsync("kunci"));
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Null(await cache.GetAsync("kunci"));
        Assert.Equal(0, await RowsAsync());
    }

    [PostgresOnlyFact]
    public async Task SlidingExpiry_MovesOnWithEachReadAndRefresh_ButNeverPastTheAbsoluteEnd()
    {
        var cache = Cache();
        await cache.SetAsync("geser", [1], new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10), AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(25) });

        _clock.Advance(TimeSpan.FromMinutes(8));
        Assert.NotNull(await cache.GetAsync("geser")); // now ends at 18
        _clock.Advance(TimeSpan.FromMinutes(8));
        await cache.RefreshAsync("geser"); // now ends at 25 (the absolute end), not 26
        _clock.Advance(TimeSpan.FromMinutes(8));
        Assert.NotNull(await cache.GetAsync("geser"));
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Null(await cache.GetAsync("geser"));
    }

    [PostgresOnlyFact]
    public async Task NoExpiryGiven_SlidesForTwentyMinutes_AndAnEndInThePastIsRefused()
    {
        var cache = Cache();
        await cache.SetAsync("bawaan", [1], new DistributedCacheEntryOptions());

        _clock.Advance(PostgresDistributedCache.DefaultSlidingExpiration - TimeSpan.FromSeconds(1));
        Assert.NotNull(await cache.GetAsync("bawaan"));
        _clock.Advance(PostgresDistributedCache.DefaultSlidingExpiration);
        Assert.Null(await cache.GetAsync("bawaan"));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => cache.SetAsync("lampau", [1], new DistributedCacheEntryOptions { AbsoluteExpiration = _clock.GetUtcNow().AddSeconds(-1) }));
    }

    [PostgresOnlyFact]
    public async Task TheSweep_DeletesExpiredRowsNobodyReads()
    {
        var cache = Cache();
        await cache.SetAsync("lama", [1], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1) });
        await cache.SetAsync("baru", [2], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1) });
        _clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(1, await cache.DeleteExpiredAsync(CancellationToken.None));

        Assert.Equal(1, await RowsAsync());
        Assert.Equal([2], await cache.GetAsync("baru"));
    }

    /// <summary>What one instance changes, the other sees at once: the reference data's version lives in the shared table.</summary>
    [PostgresOnlyFact]
    public async Task TwoInstances_AChangeOnOne_IsSeenOnTheOtherAtOnce()
    {
        TestDatabase.Create(_root);
        using var first = new WithPostgresCache(_root);
        using var second = new WithPostgresCache(_root);
        var world = await StaffWorld.CreateAsync(first);
        Assert.Equal(HttpStatusCode.OK, (await second.CreateBrowser().GetAsync("/lapor")).StatusCode); // its copy is built and kept

        await using (var scope = first.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LaporDbContext>().Agencies.Where(a => a.Id == world.AgencyB)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.Name, "Dinas B Berganti"));
            await scope.ServiceProvider.GetRequiredService<ReferenceData>().InvalidateAsync(CancellationToken.None);
        }

        Assert.Contains("Dinas B Berganti", await (await second.CreateBrowser().GetAsync("/lapor")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.IsType<PostgresDistributedCache>(second.Services.GetRequiredService<IDistributedCache>());
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        TestDatabase.Drop(_root);
        Directory.Delete(_root, recursive: true);
    }

    private PostgresDistributedCache Cache()
    {
        TestDatabase.Create(_root);
        var source = NpgsqlDataSource.Create(TestDatabase.ConnectionString(_root));
        var cache = new PostgresDistributedCache(source, new CacheOptions { Provider = CacheProvider.PostgreSql }, _clock);
        _owned.Add(cache);
        _owned.Add(source);
        return cache;
    }

    private async Task<long> RowsAsync()
    {
        await using var connection = (NpgsqlConnection)TestDatabase.OpenConnection(_root);
        await using var command = new NpgsqlCommand("""SELECT COUNT(*) FROM "CacheEntries" """, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed class WithPostgresCache(string root) : LaporAppFactory(root, ownsRoot: false)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Cache:Provider", "PostgreSql");
        }
    }
}
