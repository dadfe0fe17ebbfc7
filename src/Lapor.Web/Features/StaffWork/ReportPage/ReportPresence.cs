using System.Text.Json;
using Lapor.Web.Data;
using Lapor.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;

namespace Lapor.Web.Features.StaffWork.ReportPage;

/// <summary>
/// Who else has a report's page open, and whether it changed since this page was drawn: the page asks every
/// few seconds, so a colleague's answer is seen before this one is sent, not only as a conflict after. Kept in
/// the shared cache (every portal instance sees the same), a few entries per report that expire by themselves.
/// </summary>
public sealed class ReportPresence(LaporDbContext db, IDistributedCache cache, TimeProvider clock)
{
    /// <summary>A page that has not asked for this long is closed (the page asks every 20 seconds).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    public sealed record Seen(string UserId, string Name, long At);

    /// <summary><paramref name="Others"/>: the other staff with the page open; <paramref name="Version"/>: the report's version now.</summary>
    public sealed record Answer(IReadOnlyList<string> Others, int Version);

    public async Task<Answer?> HereAsync(string trackingNumber, ReportScope scope, CancellationToken cancellationToken)
    {
        // One statement a heartbeat: the report's version and the asking colleague's name as others will read it.
        var report = await scope.Apply(db.Reports.AsNoTracking()).Where(r => r.TrackingNumber == trackingNumber)
            .Select(r => new { r.Version, Name = db.Users.Where(u => u.Id == scope.UserId).Select(u => u.FullName).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (report is null)
        {
            return null;
        }

        var key = $"presence:{trackingNumber}";
        var now = clock.GetUtcNow();
        var since = (now - Window).UtcTicks;
        var seen = await ReadAsync(key, cancellationToken);

        // Last writer wins between two pages asking at the same instant: the other one is back 20 seconds later.
        var kept = seen.Where(s => s.At >= since && s.UserId != scope.UserId).Append(new Seen(scope.UserId, report.Name ?? "", now.UtcTicks)).ToList();
        await cache.SetAsync(key, JsonSerializer.SerializeToUtf8Bytes(kept), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = Window }, cancellationToken);
        return new Answer([.. kept.Where(s => s.UserId != scope.UserId).Select(s => s.Name).Distinct()], report.Version);
    }

    private async Task<List<Seen>> ReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await cache.GetAsync(key, cancellationToken) is { } bytes ? JsonSerializer.Deserialize<List<Seen>>(bytes) ?? [] : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
