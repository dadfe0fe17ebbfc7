using Lapor.Web.Infrastructure.Caching;

namespace Lapor.Web.Infrastructure.Authorization;

/// <summary>
/// The agency hierarchy in memory (a province has a few hundred agencies), so a coordinator's
/// subtree is a set lookup instead of a recursive query on every page.
/// </summary>
public sealed class AgencyTree(ReferenceData reference)
{
    /// <summary>The agencies themselves and every agency below them.</summary>
    public async Task<IReadOnlySet<int>> SubtreeOfAsync(IEnumerable<int> roots, CancellationToken cancellationToken)
    {
        var children = (await reference.AgencySetAsync(cancellationToken)).Children;
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
        var parents = (await reference.AgencySetAsync(cancellationToken)).Parents;
        var result = new List<int> { agencyId };
        while (parents.TryGetValue(result[^1], out var parent) && !result.Contains(parent))
        {
            result.Add(parent);
        }

        return result;
    }

    /// <summary>How many agencies there are, active or not.</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken) => (await reference.AgenciesAsync(cancellationToken)).Count;
}
