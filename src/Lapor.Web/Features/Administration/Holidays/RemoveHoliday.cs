using Lapor.Web.Data;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Administration.Holidays;

/// <summary>Taking a day out of the holiday table, audited; the cached calendar is reset.</summary>
public static class RemoveHoliday
{
    public sealed class Handler(LaporDbContext db, DeadlineScheduleProvider schedules, TimeProvider clock)
    {
        /// <summary>False when no holiday has this id (any more).</summary>
        public async Task<bool> HandleAsync(int id, string userId, CancellationToken cancellationToken)
        {
            var holiday = await db.Holidays.FirstOrDefaultAsync(h => h.Id == id, cancellationToken);
            if (holiday is null)
            {
                return false;
            }

            db.Holidays.Remove(holiday);
            db.AuditEntries.Add(new AuditEntry(AuditAction.SettingsChanged, userId, "Holiday", null, $"holiday removed: {holiday.Date:yyyy-MM-dd}", null, clock.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Removed by another request in between (a double click): gone, as when it was never there.
                return false;
            }

            await schedules.InvalidateAsync(cancellationToken);
            return true;
        }
    }
}
