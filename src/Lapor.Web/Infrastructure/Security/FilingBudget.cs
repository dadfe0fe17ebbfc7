using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Security;

/// <summary>
/// The filing limit, counting only reports actually filed (a form sent back with an error costs
/// nothing). A browser with its filing cookie has its own budget at its address; browsers without
/// one share a stricter budget per address; and one address has a daily ceiling for everyone, which a
/// script making fresh cookies meets. Fixed windows in memory, per instance, like the other limits.
/// </summary>
public sealed class FilingBudget(IOptions<SecurityOptions> security, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private int _uses;

    private sealed class Window(DateTimeOffset start)
    {
        public DateTimeOffset Start = start;
        public int Count;
    }

    /// <summary>When this browser may file again, or null when it may now.</summary>
    public DateTimeOffset? BlockedUntil(string address, string? browser)
    {
        var now = clock.GetUtcNow();
        DateTimeOffset? until = null;
        foreach (var (key, permits, length) in Limits(address, browser))
        {
            if (_windows.TryGetValue(key, out var window))
            {
                lock (window)
                {
                    if (now < window.Start + length && window.Count >= permits && (until is null || window.Start + length > until))
                    {
                        until = window.Start + length;
                    }
                }
            }
        }

        return until;
    }

    /// <summary>Counts one filed report against every budget it falls under.</summary>
    public void Spend(string address, string? browser)
    {
        var now = clock.GetUtcNow();
        foreach (var (key, _, length) in Limits(address, browser))
        {
            var window = _windows.GetOrAdd(key, _ => new Window(now));
            lock (window)
            {
                if (now >= window.Start + length)
                {
                    (window.Start, window.Count) = (now, 0);
                }

                window.Count++;
            }
        }

        if (Interlocked.Increment(ref _uses) % 1000 == 0)
        {
            Forget(now);
        }
    }

    private IEnumerable<(string Key, int Permits, TimeSpan Length)> Limits(string address, string? browser)
    {
        var limits = security.Value.RateLimits;
        var minute = TimeSpan.FromMinutes(1);
        var day = TimeSpan.FromDays(1);
        var who = browser is null ? $"n|{address}" : $"b|{address}|{browser}";
        yield return ($"m|{who}", browser is null ? limits.FilingWithoutCookiePerMinute : limits.FilingPerMinute, minute);
        yield return ($"d|{who}", browser is null ? limits.FilingWithoutCookiePerDay : limits.FilingPerDay, day);
        yield return ($"a|{address}", limits.FilingPerAddressPerDay, day);
    }

    /// <summary>Drops windows that ended (a day at most), so the table does not grow with every browser ever seen.</summary>
    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, window) in _windows)
        {
            if (now - window.Start > TimeSpan.FromDays(1))
            {
                _windows.TryRemove(key, out _);
            }
        }
    }
}
