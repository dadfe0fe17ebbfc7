using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Caching;

namespace Lapor.Web.Features.Oversight.Evidence;

/// <summary>
/// The topmost agencies a viewer watches (a regency or province government): the region the evidence pack speaks
/// for, and the agency a coordinator's outreach event belongs to, so everyone watching the region sees it.
/// </summary>
public static class RegionTops
{
    /// <summary>Those agencies of the viewer's subtree (<see cref="ReportScope.Subtree"/>) whose parent the viewer does not watch, by name.</summary>
    public static IEnumerable<ReferenceData.AgencyEntry> Of(IEnumerable<int> subtree, ReferenceData.AgencySet agencies)
    {
        var watched = subtree.ToHashSet();
        return agencies.All.Where(a => watched.Contains(a.Id) && !(agencies.Parents.TryGetValue(a.Id, out var parent) && watched.Contains(parent)));
    }

    /// <summary>The region's name(s) as the pack's heading says it.</summary>
    public static string Name(IEnumerable<int> subtree, ReferenceData.AgencySet agencies) => string.Join(", ", Of(subtree, agencies).Select(a => a.Name));
}
