using Lapor.Web.Data;
using Lapor.Web.Domain.Tags;
using Lapor.Web.Infrastructure.Caching;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Shared.Tags;

/// <summary>
/// The managed list of tags (coordinators choose from it, the dashboard and exports filter by it) and the
/// themes that run today. Both are cached: a page that offers them costs no query once warm.
/// </summary>
public sealed class TagList(LaporDbContext db, SharedCache cache, DeadlineScheduleProvider schedules, TimeProvider clock)
{
    private const string Region = "tags";

    public sealed record RunningTheme(int Id, string NameId, string NameEn, string Description, int TagId, string Label)
    {
        public string Name(string uiLanguage) => uiLanguage == "en" ? NameEn : NameId;
    }

    private sealed record ThemeRow(int Id, string NameId, string NameEn, string Description, DateOnly StartsOn, DateOnly EndsOn, int TagId, string Label);

    /// <summary>Every label, in order.</summary>
    public Task<IReadOnlyList<string>> LabelsAsync(CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync<IReadOnlyList<string>>(Region, "labels",
            async ct => await db.Tags.AsNoTracking().OrderBy(t => t.Label).Select(t => t.Label).ToListAsync(ct), cancellationToken);

    /// <summary>The themes running now, by the region's calendar (cached are those not yet ended; the day is checked on every call).</summary>
    public async Task<IReadOnlyList<RunningTheme>> RunningAsync(CancellationToken cancellationToken)
    {
        var schedule = await schedules.GetAsync(cancellationToken);
        var today = schedule.LocalDate(clock.GetUtcNow());
        var current = await cache.GetOrCreateAsync<IReadOnlyList<ThemeRow>>(Region, $"themes-{today.DayNumber}", async ct =>
            await db.Themes.AsNoTracking().Where(t => t.EndsOn >= today.AddDays(-1)).OrderBy(t => t.StartsOn).ThenBy(t => t.Id)
                .Join(db.Tags, t => t.TagId, tag => tag.Id, (t, tag) => new ThemeRow(t.Id, t.NameId, t.NameEn, t.Description, t.StartsOn, t.EndsOn, t.TagId, tag.Label))
                .ToListAsync(ct), cancellationToken);
        return [.. current.Where(t => t.StartsOn <= today && today <= t.EndsOn)
            .Select(t => new RunningTheme(t.Id, t.NameId, t.NameEn, t.Description, t.TagId, t.Label))];
    }

    /// <summary>The tag of <paramref name="themeId"/> if that theme runs now; null for one that does not (a stale form), which the filing ignores.</summary>
    public async Task<int?> RunningTagAsync(int? themeId, CancellationToken cancellationToken) =>
        themeId is { } id ? (await RunningAsync(cancellationToken)).FirstOrDefault(t => t.Id == id)?.TagId : null;

    /// <summary>The tag with this label, added to the list when it is new (a race with another coordinator ends with theirs).</summary>
    public async Task<Tag> FindOrAddAsync(string label, CancellationToken cancellationToken)
    {
        if (await db.Tags.FirstOrDefaultAsync(t => t.Label == label, cancellationToken) is { } known)
        {
            return known;
        }

        var tag = new Tag(label, clock.GetUtcNow());
        db.Tags.Add(tag);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await db.Tags.FirstAsync(t => t.Label == label, cancellationToken);
        }

        await InvalidateAsync(cancellationToken);
        return tag;
    }

    /// <summary>After tags or themes changed.</summary>
    public Task InvalidateAsync(CancellationToken cancellationToken) => cache.InvalidateAsync(Region, cancellationToken);
}
