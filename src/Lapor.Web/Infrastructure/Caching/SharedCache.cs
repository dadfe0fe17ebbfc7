using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;

namespace Lapor.Web.Infrastructure.Caching;

/// <summary>
/// Rarely changing data (agencies, categories, the deadline calendar, response templates) kept as
/// objects in each instance's memory, yet in agreement across instances: the current version of each
/// region lives in the shared <see cref="IDistributedCache"/>, a local copy is used only while its
/// version is current, and a change anywhere bumps the version. Each read costs one small lookup
/// (in memory, Redis, SQL Server or PostgreSQL) instead of the queries and object building behind it.
/// When the shared cache fails, pages read the database for the next half minute, after which one
/// request tries it again, instead of every request waiting on it.
/// </summary>
public sealed class SharedCache(IMemoryCache local, IDistributedCache shared, TimeProvider clock, ILogger<SharedCache> logger)
{
    /// <summary>
    /// Local copies are dropped after this long in any case: it bounds how stale another instance
    /// can be when a change could not be published because the shared cache was down.
    /// </summary>
    private static readonly TimeSpan LocalLifetime = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>Versions never expire by time (a SQL Server entry would otherwise slide, costing a write per read).</summary>
    private static readonly DistributedCacheEntryOptions VersionLifetime = new() { AbsoluteExpirationRelativeToNow = TimeSpan.FromDays(365) };

    private readonly ConcurrentDictionary<string, int> _localChanges = new();

    /// <summary>UTC ticks until which the shared cache is not asked; 0 while it answers.</summary>
    private long _unavailableUntil;

    private sealed record Copy<T>(string Version, T Value);

    public async Task<T> GetOrCreateAsync<T>(string region, string key, Func<CancellationToken, Task<T>> build, CancellationToken cancellationToken)
    {
        var version = await CurrentVersionAsync(region, cancellationToken) is { } published ? $"{published}/{_localChanges.GetValueOrDefault(region)}" : null;
        var localKey = $"{region}|{key}";
        if (version is not null && local.TryGetValue(localKey, out Copy<T>? copy) && copy!.Version == version)
        {
            return copy.Value;
        }

        var value = await build(cancellationToken);
        if (version is not null)
        {
            local.Set(localKey, new Copy<T>(version, value), LocalLifetime);
        }

        return value;
    }

    /// <summary>After the data of <paramref name="region"/> changed (and was saved): every instance rebuilds its copy on next use.</summary>
    public async Task InvalidateAsync(string region, CancellationToken cancellationToken)
    {
        // This instance's own copies go at once, even if publishing the new version fails below.
        _localChanges.AddOrUpdate(region, 1, (_, count) => count + 1);
        if (!MayAsk())
        {
            logger.LogWarning("Shared cache unavailable: the change to {Region} reaches other instances within {Lifetime}", region, LocalLifetime);
            return;
        }

        try
        {
            // Not the request's token: the change is already saved, so it must be announced even if the browser went away.
            await PublishNewVersionAsync(region, CancellationToken.None);
            Interlocked.Exchange(ref _unavailableUntil, 0);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "Could not publish a new version of cache region {Region}", region);
            MarkUnavailable();
        }
    }

    /// <summary>The region's version, or null when the shared cache cannot be asked now (then nothing is cached).</summary>
    private async Task<string?> CurrentVersionAsync(string region, CancellationToken cancellationToken)
    {
        if (!MayAsk())
        {
            return null;
        }

        try
        {
            // A version that vanished (Redis restarted empty, evicted) gets a new one, so copies tagged with an older value are not trusted.
            var version = await shared.GetStringAsync(VersionKey(region), cancellationToken) ?? await PublishNewVersionAsync(region, cancellationToken);
            Interlocked.Exchange(ref _unavailableUntil, 0);
            return version;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A page built from the database is slower but right; a stale one could be wrong.
            logger.LogWarning("Shared cache unavailable, reading from the database for {RetryAfter}: {Error}", RetryAfter, error.Message);
            MarkUnavailable();
            return null;
        }
    }

    private async Task<string> PublishNewVersionAsync(string region, CancellationToken cancellationToken)
    {
        var version = Guid.NewGuid().ToString("N");
        await shared.SetStringAsync(VersionKey(region), version, VersionLifetime, cancellationToken);
        return version;
    }

    /// <summary>True while the shared cache answers; after a failure, false for <see cref="RetryAfter"/>, then true for one caller, which tries again.</summary>
    private bool MayAsk()
    {
        var until = Interlocked.Read(ref _unavailableUntil);
        var now = clock.GetUtcNow().UtcTicks;
        if (until == 0)
        {
            return true;
        }

        return now >= until && Interlocked.CompareExchange(ref _unavailableUntil, now + RetryAfter.Ticks, until) == until;
    }

    private void MarkUnavailable() => Interlocked.Exchange(ref _unavailableUntil, clock.GetUtcNow().Add(RetryAfter).UtcTicks);

    private static string VersionKey(string region) => $"lapor:version:{region}";
}
