using Lapor.Web.Data;
using Lapor.Web.Domain.Agencies;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Infrastructure.Caching;

/// <summary>
/// Agencies and categories: read by nearly every page, changed a few times a year. Cached in each
/// instance through <see cref="SharedCache"/>, so a change on one instance (<see cref="InvalidateAsync"/>)
/// reaches every instance's next page.
/// </summary>
public sealed class ReferenceData(LaporDbContext db, SharedCache cache)
{
    private const string Region = "reference";

    public sealed record AgencyEntry(int Id, string Name, string ShortCode, AgencyKind Kind, int? ParentId, bool IsActive)
    {
        /// <summary>Agencies that take reports (not regions or ministries as such).</summary>
        public bool TakesReports => Kind is AgencyKind.Opd or AgencyKind.SubUnit or AgencyKind.Bumd;
    }

    public sealed record CategoryEntry(int Id, string Name, string NameEnglish, int? ParentId, bool IsActive)
    {
        public string NameIn(bool english) => english ? NameEnglish : Name;
    }

    /// <summary>The agencies with the lookups pages need, built once per cache fill rather than per request.</summary>
    public sealed class AgencySet(IReadOnlyList<AgencyEntry> all)
    {
        /// <summary>Every agency, active or not, by name.</summary>
        public IReadOnlyList<AgencyEntry> All { get; } = all;

        public IReadOnlyDictionary<int, string> Names { get; } = all.ToDictionary(a => a.Id, a => a.Name);

        public IReadOnlyDictionary<int, List<int>> Children { get; } = all
            .Where(a => a.ParentId is not null)
            .GroupBy(a => a.ParentId!.Value)
            .ToDictionary(g => g.Key, g => g.Select(a => a.Id).ToList());

        public IReadOnlyDictionary<int, int> Parents { get; } = all.Where(a => a.ParentId is not null).ToDictionary(a => a.Id, a => a.ParentId!.Value);
    }

    public async Task<AgencySet> AgencySetAsync(CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(Region, "agencies", async ct =>
            new AgencySet(await db.Agencies.AsNoTracking().OrderBy(a => a.Name)
                .Select(a => new AgencyEntry(a.Id, a.Name, a.ShortCode, a.Kind, a.ParentId, a.IsActive)).ToListAsync(ct)), cancellationToken);

    /// <summary>Every agency, active or not, by name.</summary>
    public async Task<IReadOnlyList<AgencyEntry>> AgenciesAsync(CancellationToken cancellationToken) => (await AgencySetAsync(cancellationToken)).All;

    /// <summary>Every category, active or not.</summary>
    public async Task<IReadOnlyList<CategoryEntry>> CategoriesAsync(CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync<IReadOnlyList<CategoryEntry>>(Region, "categories", async ct =>
            await db.Categories.AsNoTracking().Select(c => new CategoryEntry(c.Id, c.Name, c.NameEnglish, c.ParentId, c.IsActive)).ToListAsync(ct), cancellationToken);

    public async Task<IReadOnlyDictionary<int, string>> AgencyNamesAsync(CancellationToken cancellationToken) => (await AgencySetAsync(cancellationToken)).Names;

    /// <summary>A value built from agencies and categories (a form's choices, say), kept with them and rebuilt after they change.</summary>
    public Task<T> DerivedAsync<T>(string key, Func<CancellationToken, Task<T>> build, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(Region, key, build, cancellationToken);

    /// <summary>Called after agencies or categories are created, renamed, moved or (de)activated.</summary>
    public Task InvalidateAsync(CancellationToken cancellationToken) => cache.InvalidateAsync(Region, cancellationToken);
}
