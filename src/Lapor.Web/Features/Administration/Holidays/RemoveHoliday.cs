using Lapor.Web.Data;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Administration.Holidays;

/// <summary>
/// Taking a day out of the holiday table: first what it does (the due dates that move earlier), then,
/// confirmed, the removal and those moves in one audited transaction; the cached calendar is reset.
/// </summary>
public static class RemoveHoliday
{
    public sealed record Consequence(HolidayList.Item Holiday, HolidayChange.Moves Moves);

    public enum Outcome
    {
        Removed,
        NotFound,

        /// <summary>A report changed while its due dates were being moved: nothing was saved.</summary>
        Conflict,
    }

    public sealed class Handler(LaporDbContext db, HolidayChange.Handler change, DeadlineScheduleProvider schedules, TimeProvider clock)
    {
        /// <summary>Null when no holiday has this id (any more).</summary>
        public async Task<Consequence?> PreviewAsync(int id, CancellationToken cancellationToken) =>
            await db.Holidays.AsNoTracking().Where(h => h.Id == id).Select(h => new HolidayList.Item(h.Id, h.Date, h.Name, h.Kind)).FirstOrDefaultAsync(cancellationToken) is { } holiday
                ? new Consequence(holiday, await change.PreviewAsync([], [holiday.Date], cancellationToken))
                : null;

        public async Task<(Outcome Outcome, int Moved)> HandleAsync(int id, string userId, CancellationToken cancellationToken)
        {
            var holiday = await db.Holidays.FirstOrDefaultAsync(h => h.Id == id, cancellationToken);
            if (holiday is null)
            {
                return (Outcome.NotFound, 0);
            }

            var moves = await change.ApplyAsync([], [holiday.Date], cancellationToken);
            db.Holidays.Remove(holiday);
            db.AuditEntries.Add(new AuditEntry(AuditAction.SettingsChanged, userId, "Holiday", null,
                $"holiday removed: {holiday.Date:yyyy-MM-dd}, due dates moved: {moves.Count}", null, clock.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException conflict)
            {
                // Removed by another request in between (a double click): gone, as when it was never there.
                return (conflict.Entries.Any(e => e.Entity is Holiday) ? Outcome.NotFound : Outcome.Conflict, 0);
            }

            await schedules.InvalidateAsync(cancellationToken);
            return (Outcome.Removed, moves.Count);
        }
    }
}
