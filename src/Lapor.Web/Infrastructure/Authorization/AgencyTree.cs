using Lapor.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Lapor.Web.Infrastructure.Authorization;

/// <summary>
/// The agency hierarchy in memory (a province has a few hundred agencies), so a coordinator's
/// subtree is a set lookup instead of a recursive query on every page.
/// </summary>
public sealed class AgencyTree(LaporDbContext db, IMemoryCache cache)
{
    private const string CacheKey = "agency-tree";

    /// <summary>The agencies themselves and every agency below them.</summary>
    public async Task<IReadOnlySet<int>> SubtreeOfAsync(IEnumerable<int> roots, CancellationToken cancellationToken)
    {
        var children = await ChildrenAsync(cancellationToken);
        var result = new HashSet<int>();
        var pending = new Stack<int>(roots);
        while (pending.TryPop(out var id))
        {
            if (result.Add(id) && children.TryGetValue(id, out var below))
            {
                below.ForEach(pending.Push);
            }
        }

        return result;
    }

    /// <summary>The agency itself and every agency above it, nearest first.</summary>
    public async Task<IReadOnlyList<int>> AncestorsOfAsync(int agencyId, CancellationToken cancellationToken)
    {
        var children = await ChildrenAsync(cancellationToken);
        var parents = children.SelectMany(pair => pair.Value.Select(child => (child, parent: pair.Key))).ToDictionary(x => x.child, x => x.parent);
        var result = new List<int> { agencyId };
        while (parents.TryGetValue(result[^1], out var parent) && !result.Contains(parent))
        {
            result.Add(parent);
        }

        return result;
    }

    /// <summary>Called after agencies are created, moved or deactivated.</summary>
    public void Invalidate() => cache.Remove(CacheKey);

    private async Task<Dictionary<int, List<int>>> ChildrenAsync(CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(CacheKey, out Dictionary<int, List<int>>? cached) && cached is not null)
        {
            return cached;
        }

        var links = await db.Agencies.AsNoTracking().Where(a => a.ParentId != null).Select(a => new { a.Id, Parent = a.ParentId!.Value }).ToListAsync(cancellationToken);
        var children = links.GroupBy(l => l.Parent).ToDictionary(g => g.Key, g => g.Select(l => l.Id).ToList());
        cache.Set(CacheKey, children, TimeSpan.FromMinutes(10));
        return children;
    }
}
