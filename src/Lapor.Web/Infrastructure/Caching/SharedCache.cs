using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;

namespace Lapor.Web.Infrastructure.Caching;

/// <summary>
/// Rarely changing data (agencies, categories, the deadline calendar, response templates) kept as
/// objects in each instance's memory, yet in agreement across instances: the current version of each
/// region lives in the shared <see cref="IDistributedCache"/>, a local copy is used only while its
/// version is current, and a change anywhere bumps the version. Each read costs one small lookup
/// (in memory, Redis or SQL Server) instead of the queries and object building behind it.
/// When the shared cache fails, pages read the database for the next half minute instead of
/// waiting on it each time.
/// </summary>
public sealed class SharedCache(IMemoryCache local, IDistributedCache shared, TimeProvider clock, ILogger<SharedCache> logger)
{
    /// <summary>
    /// Local copies are dropped after this long in any case: it bounds how stale another instance
    /// can be when a change could not be published because the shared cache was down.
    /// </summary>
    private static readonly TimeSpan LocalLifetime = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, int> _localChanges = new();
    private long _unavailableUntilTicks;

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

    /// <summary>After the data of <paramref name="region"/> changed: every instance rebuilds its copy on next use.</summary>
    public async Task InvalidateAsync(string region, CancellationToken cancellationToken)
    {
        // This instance's own copies go at once, even if publishing the new version fails below.
        _localChanges.AddOrUpdate(region, 1, (_, count) => count + 1);
        try
        {
            await shared.SetStringAsync(VersionKey(region), Guid.NewGuid().ToString("N"), cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The change itself is saved; other instances see it when their copies expire (LocalLifetime).
            logger.LogError(error, "Could not publish a new version of cache region {Region}", region);
            MarkUnavailable();
        }
    }

    /// <summary>The region's version; "0" before its first change; null when the shared cache cannot be reached (then nothing is cached).</summary>
    private async Task<string?> CurrentVersionAsync(string region, CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow().UtcTicks < Interlocked.Read(ref _unavailableUntilTicks))
        {
            return null;
        }

        try
        {
            return await shared.GetStringAsync(VersionKey(region), cancellationToken) ?? "0";
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A page built from the database is slower but right; a stale one could be wrong.
            logger.LogWarning("Shared cache unavailable, reading from the database for {RetryAfter}: {Error}", RetryAfter, error.Message);
            MarkUnavailable();
            return null;
        }
    }

    private void MarkUnavailable() => Interlocked.Exchange(ref _unavailableUntilTicks, clock.GetUtcNow().Add(RetryAfter).UtcTicks);

    private static string VersionKey(string region) => $"lapor:version:{region}";
}
