using Lapor.Web.Data;
using Lapor.Web.Domain.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Deadlines;

/// <summary>Builds the <see cref="DeadlineSchedule"/> from the holiday table and the stored policy, cached briefly.</summary>
public sealed class DeadlineScheduleProvider(LaporDbContext db, IMemoryCache cache, IOptions<DeadlineOptions> options)
{
    private const string CacheKey = "deadline-schedule";

    public async Task<DeadlineSchedule> GetAsync(CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(CacheKey, out DeadlineSchedule? cached) && cached is not null)
        {
            return cached;
        }

        var holidays = await db.Holidays.AsNoTracking().Select(h => h.Date).ToListAsync(cancellationToken);
        var policy = await db.DeadlinePolicies.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? DeadlinePolicy.Default;
        var schedule = new DeadlineSchedule(new WorkingDayCalendar(holidays), policy, TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone));
        cache.Set(CacheKey, schedule, TimeSpan.FromMinutes(5));
        return schedule;
    }

    /// <summary>Called after holidays or the policy change.</summary>
    public void Invalidate() => cache.Remove(CacheKey);
}
