using System.Text;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Reports;

namespace Lapor.Web.Operations.Generation;

/// <summary>
/// What generated reporters write, so that a text classifier and the category-default baseline can be
/// measured honestly. Each topic has several titles and bodies, drawn independently; topics share
/// words the way real complaints do (a flooded road is a road or a drainage problem, a queue at a
/// health centre or a hospital); the place often names the regency, not always; provincial matters
/// (a provincial road, a senior high school) read like local ones but for a word or two; offices
/// without a category of their own get reports filed under whatever category seemed closest; and
/// reporters pick a wrong or no category some of the time.
/// </summary>
public sealed partial class SyntheticStories
{
    /// <summary>What the reporter wrote, where, and the category they filed it under (null: none chosen).</summary>
    public sealed record Story(string Title, string Body, string Location, Classification Classification, int? FiledCategoryId);

    private readonly Random _random;
    private readonly Dictionary<string, int> _categoryIds;
    private readonly IReadOnlyList<int> _allCategories;
    private readonly Dictionary<int, (string Region, string RegionShort, string Facility, string School)> _agencies = [];
    private readonly string[] _regions;

    public SyntheticStories(Random random, SyntheticProvince province, IReadOnlyDictionary<int, string> categoryNames)
    {
        _random = random;
        _categoryIds = categoryNames.ToDictionary(c => c.Value, c => c.Key);
        _allCategories = [.. categoryNames.Keys.Order()];

        // Each agency's region as reporters name it, and the facility its reports are about.
        var byId = province.All.ToDictionary(a => a.Id);
        foreach (var agency in province.WorkingAgencies)
        {
            var region = agency;
            while (region.Kind is not (AgencyKind.RegencyCity or AgencyKind.Province) && region.ParentId is { } up && byId.TryGetValue(up, out var parent))
            {
                region = parent;
            }

            var name = region.Kind == AgencyKind.Province ? "" : region.Name.Replace("Pemerintah ", "", StringComparison.Ordinal);
            var bare = name.Replace("Kabupaten ", "", StringComparison.Ordinal).Replace("Kota ", "", StringComparison.Ordinal);
            var facility = agency.Kind == AgencyKind.SubUnit ? agency.Name.Replace("UPTD ", "", StringComparison.Ordinal)
                : agency.ShortCode.EndsWith("-RSUD", StringComparison.Ordinal) ? (bare.Length > 0 ? $"RSUD {bare}" : "RSUD Provinsi")
                : bare.Length > 0 ? $"puskesmas {bare}" : "puskesmas";
            _agencies[agency.Id] = (name, bare, facility, bare.Length > 0 ? $"SDN {random.Next(1, 9)} {bare}" : $"SMA Negeri {random.Next(1, 6)}");
        }

        _regions = [.. _agencies.Values.Select(a => a.Region).Where(r => r.Length > 0).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The report an agency's reporter writes about <paramref name="categoryId"/> (the generator's pick for the
    /// office): the office's own topic when it has no category, and the category the reporter files it under.
    /// </summary>
    public Story Tell(Agency agency, int categoryId, string categoryName)
    {
        var code = agency.ShortCode[(agency.ShortCode.IndexOf('-', StringComparison.Ordinal) + 1)..];
        var ownTopic = Topics.TryGetValue(code, out var office);
        var topic = ownTopic ? office! : Topics[categoryName];
        var (region, regionShort, facility, school) = _agencies[agency.Id];
        var provincial = region.Length == 0;
        var village = Villages[_random.Next(Villages.Length)];

        var aspiration = topic.AspirationTitles is not null && _random.NextDouble() < topic.Aspiration;
        var titles = aspiration ? topic.AspirationTitles! : topic.Titles;
        var bodies = aspiration ? topic.AspirationBodies! : topic.Bodies;

        // Reporters of provincial matters still write from a regency; sometimes they say which, sometimes not.
        var shownRegion = provincial ? RandomRegion() : region;
        var title = Fill(titles[_random.Next(titles.Length)], village, shownRegion, facility, school);
        var body = new StringBuilder(Openings[_random.Next(Openings.Length)])
            .Append(Fill(bodies[_random.Next(bodies.Length)], village, shownRegion, facility, school));
        if (provincial && ProvincialHints.TryGetValue(code, out var hints) && _random.NextDouble() < 0.6)
        {
            body.Append(' ').Append(hints[_random.Next(hints.Length)]);
        }

        body.Append(' ').Append(Closings[_random.Next(Closings.Length)]);
        var roll = _random.NextDouble();
        var location = roll < 0.55 && shownRegion.Length > 0 ? $"{village}, Kec. {Districts[_random.Next(Districts.Length)]}, {shownRegion}"
            : roll < 0.7 && regionShort.Length > 0 ? $"{village} {regionShort}"
            : village;

        return new Story(title, body.ToString().Trim(), location, aspiration ? Classification.Aspiration : topic.Classification,
            Filed(ownTopic ? null : categoryName, categoryId));
    }

    /// <summary>
    /// The category the reporter picks: for a topic with a category, the right one four times in five, a
    /// neighbour of it one in eight, none otherwise; for an office without one, often none, else the generator's pick.
    /// </summary>
    private int? Filed(string? categoryName, int generatorPick)
    {
        var roll = _random.NextDouble();
        if (categoryName is null)
        {
            return roll < 0.4 ? null : generatorPick;
        }

        if (roll < 0.8)
        {
            return generatorPick;
        }

        if (roll < 0.925 && Confusions.TryGetValue(categoryName, out var neighbours))
        {
            var neighbour = neighbours[_random.Next(neighbours.Length)];
            return _categoryIds.TryGetValue(neighbour, out var id) ? id : generatorPick;
        }

        return roll < 0.95 ? _allCategories[_random.Next(_allCategories.Count)] : null;
    }

    private string RandomRegion() => _regions.Length == 0 || _random.NextDouble() < 0.3 ? "" : _regions[_random.Next(_regions.Length)];

    private static string Fill(string template, string village, string region, string facility, string school) =>
        template.Replace("{0}", village, StringComparison.Ordinal).Replace("{1}", region, StringComparison.Ordinal)
            .Replace("{2}", facility, StringComparison.Ordinal).Replace("{3}", school, StringComparison.Ordinal);
}
