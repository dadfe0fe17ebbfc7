using Lapor.Web.Features.Shared.Agencies;

namespace Lapor.Web.Features.StaffWork.ReportPage;

/// <summary>
/// One agency field on the report page as the _AgencyPicker partial draws it: a tree of regions, OPDs and
/// their sub-units, each agency a checkbox (several at once) or a radio button (one), in a fieldset that
/// works without script; agencies without a liaison officer are marked in words. A search box that
/// filters the tree as you type, and a warning on choosing an agency nobody answers for, come with the
/// script (agency-picker.js).
/// </summary>
public sealed record AgencyPicker(string Id, string Name, string LabelKey, IReadOnlyList<AgencyDirectory.Group> Groups)
{
    /// <summary>Several agencies at once (verification): checkboxes; otherwise one: radio buttons, none chosen to begin with.</summary>
    public bool Multiple { get; init; }

    public IReadOnlyCollection<int> Selected { get; init; } = [];

    /// <summary>The agency the category (or the reporter) points at: marked in words, its region first and open.</summary>
    public int? Suggested { get; init; }

    /// <summary>The words <see cref="Suggested"/> is marked with: where it comes from ("pilihan pelapor", "bawaan kategori").</summary>
    public string SuggestedKey { get; init; } = "Inbox.CategoryDefaultMark";

    /// <summary>Agencies that cannot be chosen here (those already working on the report): shown disabled, so their sub-units stay under them.</summary>
    public IReadOnlyCollection<int> Without { get; init; } = [];

    /// <summary>A coordinator's action: only agencies in the viewer's subtree are offered, as the action checks (an officer forwards anywhere).</summary>
    public bool CoordinatorScope { get; init; }

    /// <summary>The officer's agency: its sub-units say so, as handing work to them is a delegation rather than a referral.</summary>
    public int? SubUnitsOf { get; init; }

    public string? HelpKey { get; init; }

    /// <summary>An agency with the agencies directly below it; <see cref="Open"/> when one of them is chosen, suggested or the officer's own sub-units.</summary>
    public sealed record Node(AgencyDirectory.Choice Agency, IReadOnlyList<Node> Children, bool Open);

    /// <summary>A region's agencies (OPDs at the top); Name is null for agencies under no region.</summary>
    public sealed record Region(string? Name, IReadOnlyList<Node> Agencies, bool Open);

    /// <summary>
    /// The tree as drawn, limited to <paramref name="within"/> when given: regions holding a chosen or
    /// suggested agency (or the officer's own) first and open, as is a region alone.
    /// </summary>
    public IReadOnlyList<Region> Regions(IReadOnlyCollection<int>? within)
    {
        var focus = Selected.Append(Suggested ?? 0).Append(SubUnitsOf ?? 0).Where(id => id != 0).ToHashSet();
        var regions = Groups.Select(g => Build(g, within, focus)).Where(r => r.Agencies.Count > 0).ToList();
        var single = regions.Count == 1;
        return [.. regions.Select(r => r with { Open = r.Open || single }).OrderBy(r => !r.Open)];
    }

    private Region Build(AgencyDirectory.Group group, IReadOnlyCollection<int>? within, HashSet<int> focus)
    {
        var kept = group.Agencies.Where(a => within is null || within.Contains(a.Id)).ToList();
        var ids = kept.Select(a => a.Id).ToHashSet();

        // By parent rather than by depth: an agency whose parent is not offered (the top of a coordinator's subtree) starts a branch of its own.
        var below = kept.Where(a => a.ParentId is { } up && ids.Contains(up)).ToLookup(a => a.ParentId!.Value);
        Node Branch(AgencyDirectory.Choice a)
        {
            var children = below[a.Id].Select(Branch).ToList();
            return new Node(a, children, a.Id == SubUnitsOf || children.Any(c => c.Open || focus.Contains(c.Agency.Id)));
        }

        var roots = kept.Where(a => a.ParentId is not { } up || !ids.Contains(up)).Select(Branch).ToList();
        return new Region(group.Region, roots, roots.Any(n => n.Open || focus.Contains(n.Agency.Id)));
    }
}
