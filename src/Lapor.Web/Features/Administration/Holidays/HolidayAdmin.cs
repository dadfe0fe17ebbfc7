using Lapor.Web.Data;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Administration.Holidays;

/// <summary>Administrators keep the holiday table; every change resets the cached working-day calendar and is audited.</summary>
public sealed class HolidayAdmin(LaporDbContext db, DeadlineScheduleProvider schedules, TimeProvider clock)
{
    public sealed record Item(int Id, DateOnly Date, string Name, HolidayKind Kind);

    public Task<List<Item>> ListAsync(int year, CancellationToken cancellationToken)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return db.Holidays.AsNoTracking().Where(h => h.Date >= from && h.Date <= to).OrderBy(h => h.Date)
            .Select(h => new Item(h.Id, h.Date, h.Name, h.Kind)).ToListAsync(cancellationToken);
    }

    /// <summary>Adds the days not yet in the table; returns how many were new.</summary>
    public async Task<int> AddAsync(IReadOnlyCollection<HolidayFiles.Entry> entries, string userId, CancellationToken cancellationToken)
    {
        var dates = entries.Select(e => e.Date).ToArray();
        var existing = (await db.Holidays.Where(h => dates.Contains(h.Date)).Select(h => h.Date).ToListAsync(cancellationToken)).ToHashSet();
        var added = entries.Where(e => existing.Add(e.Date)).Select(e => new Holiday(e.Date, e.Name, e.Kind)).ToList();
        db.Holidays.AddRange(added);
        await AuditAndSaveAsync(userId, $"holidays added: {added.Count}", cancellationToken);
        return added.Count;
    }

    public async Task<bool> RemoveAsync(int id, string userId, CancellationToken cancellationToken)
    {
        var holiday = await db.Holidays.FirstOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (holiday is null)
        {
            return false;
        }

        db.Holidays.Remove(holiday);
        try
        {
            await AuditAndSaveAsync(userId, $"holiday removed: {holiday.Date:yyyy-MM-dd}", cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Removed by another request in between (a double click): gone, as when it was never there.
            return false;
        }

        return true;
    }

    private async Task AuditAndSaveAsync(string userId, string what, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(new AuditEntry(AuditAction.SettingsChanged, userId, "Holiday", null, what, null, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        await schedules.InvalidateAsync(cancellationToken);
    }
}
