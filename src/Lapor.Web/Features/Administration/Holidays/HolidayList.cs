using Lapor.Web.Data;
using Lapor.Web.Domain.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Administration.Holidays;

/// <summary>One year of the holiday table that working days are counted with.</summary>
public static class HolidayList
{
    public sealed record Item(int Id, DateOnly Date, string Name, HolidayKind Kind);

    public sealed record Page(int Year, IReadOnlyList<Item> Items);

    public sealed class Handler(LaporDbContext db, TimeProvider clock)
    {
        /// <summary>The year asked for, or this year when none (or an unlikely one) is asked for.</summary>
        public async Task<Page> HandleAsync(int? year, CancellationToken cancellationToken)
        {
            var shown = year is >= 2000 and <= 2100 ? year.Value : clock.GetUtcNow().Year;
            var (from, to) = (new DateOnly(shown, 1, 1), new DateOnly(shown, 12, 31));
            return new Page(shown, await db.Holidays.AsNoTracking().Where(h => h.Date >= from && h.Date <= to).OrderBy(h => h.Date)
                .Select(h => new Item(h.Id, h.Date, h.Name, h.Kind)).ToListAsync(cancellationToken));
        }
    }
}
