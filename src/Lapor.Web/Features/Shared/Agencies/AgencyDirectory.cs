using Lapor.Web.Infrastructure.Caching;

namespace Lapor.Web.Features.Shared.Agencies;

/// <summary>Agencies as staff pick them: for routing, forwarding and filters.</summary>
public sealed class AgencyDirectory(ReferenceData reference, AgencyStaffing staffing)
{
    public sealed record Entry(int Id, string Name, int? ParentId);

    /// <summary>
    /// An agency as the report page's pickers offer it: how deep it sits below its region's OPDs (0 for
    /// an OPD, 1 for its sub-units…), the agency above it, and whether it has an active liaison officer.
    /// </summary>
    public sealed record Choice(int Id, string Name, int? ParentId, int Depth, string? ParentName, bool HasOfficer);

    /// <summary>The agencies of one region (kabupaten, province, ministry; null for agencies under none), each followed by its sub-units.</summary>
    public sealed record Group(string? Region, IReadOnlyList<Choice> Agencies);

    public async Task<Entry?> FindAsync(int id, CancellationToken cancellationToken) =>
        (await reference.AgenciesAsync(cancellationToken)).Where(a => a.Id == id && a.IsActive).Select(a => new Entry(a.Id, a.Name, a.ParentId)).FirstOrDefault();

    /// <summary>Every active agency of any kind (regions too), by name: for memberships.</summary>
    public async Task<List<Entry>> ListAllAsync(CancellationToken cancellationToken) =>
        [.. (await reference.AgenciesAsync(cancellationToken)).Where(a => a.IsActive).Select(a => new Entry(a.Id, a.Name, a.ParentId))];

    /// <summary>Every active agency that takes reports, by name.</summary>
    public async Task<List<Entry>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await reference.AgenciesAsync(cancellationToken)).Where(a => a.IsActive && a.TakesReports).Select(a => new Entry(a.Id, a.Name, a.ParentId))];

    /// <summary>
    /// Every active agency that takes reports, as a tree: grouped by the region above it (region → OPD →
    /// sub-units), by name at each level, each marked with whether someone answers there.
    /// </summary>
    public async Task<IReadOnlyList<Group>> TreeAsync(CancellationToken cancellationToken)
    {
        var agencies = await reference.AgencySetAsync(cancellationToken);
        var staffed = await staffing.StaffedAsync(cancellationToken);
        var byId = agencies.All.ToDictionary(a => a.Id);
        var groups = new List<(int? Region, List<Choice> Agencies)>();
        var visited = new HashSet<int>();

        void Walk(ReferenceData.AgencyEntry agency, int? region, int depth, string? parent)
        {
            if (!visited.Add(agency.Id))
            {
                return;
            }

            if (!agency.TakesReports)
            {
                // A kabupaten, province or ministry: a heading for the agencies below it, not a choice.
                (region, depth, parent) = (agency.Id, 0, null);
            }
            else if (agency.IsActive)
            {
                var index = groups.FindIndex(g => g.Region == region);
                if (index < 0)
                {
                    groups.Add((region, []));
                    index = groups.Count - 1;
                }

                groups[index].Agencies.Add(new Choice(agency.Id, agency.Name, agency.ParentId, depth, parent, staffed.Contains(agency.Id)));
                (depth, parent) = (depth + 1, agency.Name);
            }

            foreach (var child in agencies.Children.GetValueOrDefault(agency.Id, []))
            {
                Walk(byId[child], region, depth, parent);
            }
        }

        // The list is by name, so roots and (through it) each level's children come by name too.
        foreach (var root in agencies.All.Where(a => a.ParentId is not { } up || !byId.ContainsKey(up)))
        {
            Walk(root, null, 0, null);
        }

        return [.. groups.OrderBy(g => g.Region is not null).Select(g => new Group(g.Region is { } id ? byId[id].Name : null, g.Agencies))];
    }
}
