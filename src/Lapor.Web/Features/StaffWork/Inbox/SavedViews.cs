using Lapor.Web.Data;
using Lapor.Web.Domain.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.StaffWork.Inbox;

/// <summary>A staff member's named inbox views: listed on the inbox, saved from the filter in use, removed again.</summary>
public static class SavedViews
{
    public sealed record Item(long Id, string Name, string Query);

    public enum Outcome
    {
        Saved,
        NameMissing,
        TooMany,
    }

    public sealed class Handler(LaporDbContext db, TimeProvider clock)
    {
        // Compiled once: every inbox page lists them (bench/README.md, tenth round).
        private static readonly Func<LaporDbContext, string, IAsyncEnumerable<Item>> Mine = EF.CompileAsyncQuery(
            (LaporDbContext db, string userId) => db.SavedViews.AsNoTracking().Where(v => v.UserId == userId).OrderBy(v => v.Name).ThenBy(v => v.Id)
                .Select(v => new Item(v.Id, v.Name, v.Query)));

        public async Task<IReadOnlyList<Item>> ListAsync(string userId, CancellationToken cancellationToken) =>
            await Mine(db, userId).ToListAsync(cancellationToken);

        /// <summary>Saves the filter under a name (cut to its longest); the same name again replaces that view. Returns the name as saved.</summary>
        public async Task<(Outcome Outcome, string Name)> SaveAsync(string userId, string? name, AgencyInbox.Filter filter, CancellationToken cancellationToken)
        {
            name = name?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                return (Outcome.NameMissing, "");
            }

            name = name.Length > SavedView.MaxNameLength ? name[..SavedView.MaxNameLength] : name;
            var mine = await db.SavedViews.Where(v => v.UserId == userId).ToListAsync(cancellationToken);
            var same = mine.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));
            if (same is null && mine.Count >= SavedView.MaxPerUser)
            {
                return (Outcome.TooMany, name);
            }

            if (same is not null)
            {
                db.SavedViews.Remove(same);
            }

            var query = filter.Query();
            db.SavedViews.Add(new SavedView(userId, name, query.Length > SavedView.MaxQueryLength ? query[..SavedView.MaxQueryLength] : query, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return (Outcome.Saved, name);
        }

        /// <summary>Removes one of the user's own views; another user's id removes nothing.</summary>
        public async Task DeleteAsync(string userId, long id, CancellationToken cancellationToken) =>
            await db.SavedViews.Where(v => v.Id == id && v.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }
}
