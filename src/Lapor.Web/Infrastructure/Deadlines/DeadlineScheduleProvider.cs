using Lapor.Web.Data;
using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Deadlines;

/// <summary>
/// Builds the <see cref="DeadlineSchedule"/> from the holiday table and the stored policy. Cached
/// through <see cref="SharedCache"/>: every instance computes due dates with the same calendar.
/// </summary>
public sealed class DeadlineScheduleProvider(LaporDbContext db, SharedCache cache, IOptions<DeadlineOptions> options)
{
    private const string Region = "deadline-schedule";

    public Task<DeadlineSchedule> GetAsync(CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(Region, "schedule", async ct =>
        {
            var holidays = await db.Holidays.AsNoTracking().Select(h => h.Date).ToListAsync(ct);
            var policy = await db.DeadlinePolicies.AsNoTracking().OrderBy(p => p.Id).FirstOrDefaultAsync(ct) ?? DeadlinePolicy.Default;
            return new DeadlineSchedule(new WorkingDayCalendar(holidays), policy, TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone));
        }, cancellationToken);

    /// <summary>Called after holidays or the policy change.</summary>
    public Task InvalidateAsync(CancellationToken cancellationToken) => cache.InvalidateAsync(Region, cancellationToken);
}
