using Lapor.Web.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Lapor.Web.Data;

/// <summary>
/// Agencies and categories: read by nearly every page, changed a few times a year. Cached per
/// instance; dropped at once when this instance changes them (<see cref="Invalidate"/>) and after
/// ten minutes at the latest, which bounds how long another instance shows the old names.
/// </summary>
public sealed class ReferenceData(LaporDbContext db, IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const string AgenciesKey = "reference:agencies";
    private const string CategoriesKey = "reference:categories";

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
        await cache.GetOrCreateAsync(AgenciesKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return new AgencySet(await db.Agencies.AsNoTracking().OrderBy(a => a.Name)
                .Select(a => new AgencyEntry(a.Id, a.Name, a.ShortCode, a.Kind, a.ParentId, a.IsActive)).ToListAsync(cancellationToken));
        }) ?? new AgencySet([]);

    /// <summary>Every agency, active or not, by name.</summary>
    public async Task<IReadOnlyList<AgencyEntry>> AgenciesAsync(CancellationToken cancellationToken) => (await AgencySetAsync(cancellationToken)).All;

    /// <summary>Every category, active or not.</summary>
    public async Task<IReadOnlyList<CategoryEntry>> CategoriesAsync(CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(CategoriesKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return (IReadOnlyList<CategoryEntry>)await db.Categories.AsNoTracking()
                .Select(c => new CategoryEntry(c.Id, c.Name, c.NameEnglish, c.ParentId, c.IsActive)).ToListAsync(cancellationToken);
        }) ?? [];

    public async Task<IReadOnlyDictionary<int, string>> AgencyNamesAsync(CancellationToken cancellationToken) => (await AgencySetAsync(cancellationToken)).Names;

    /// <summary>Called after agencies or categories are created, renamed, moved or (de)activated.</summary>
    public void Invalidate()
    {
        cache.Remove(AgenciesKey);
        cache.Remove(CategoriesKey);
    }
}
