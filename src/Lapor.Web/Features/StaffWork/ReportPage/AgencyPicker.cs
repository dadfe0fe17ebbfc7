using Lapor.Web.Features.Shared.Agencies;

namespace Lapor.Web.Features.StaffWork.ReportPage;

/// <summary>
/// One agency field on the report page as the _AgencyPicker partial draws it: a native select grouped
/// by region, OPDs followed by their sub-units, agencies without a liaison officer marked in words; a
/// filter box and a warning on choosing such an agency come with the script (agency-picker.js).
/// </summary>
public sealed record AgencyPicker(string Id, string Name, string LabelKey, IReadOnlyList<AgencyDirectory.Group> Groups)
{
    /// <summary>Several agencies at once (verification), shown as a list box; otherwise one, from a drop-down that starts on "choose".</summary>
    public bool Multiple { get; init; }

    public IReadOnlyCollection<int> Selected { get; init; } = [];

    /// <summary>Agencies that cannot be chosen here (those already working on the report, the officer's own): shown greyed, so their sub-units stay under them.</summary>
    public IReadOnlyCollection<int> Without { get; init; } = [];

    /// <summary>The officer's agency: its sub-units say so, as handing work to them is a delegation rather than a referral.</summary>
    public int? SubUnitsOf { get; init; }

    public string? HelpKey { get; init; }

    /// <summary>The groups as drawn: every agency stays in its place in the tree, the ones that cannot be chosen disabled.</summary>
    public IReadOnlyList<AgencyDirectory.Group> Offered => Groups;
}
