namespace Lapor.Web.Domain.Reports;

/// <summary>
/// Which earlier reports look like the same problem as the one being verified. The full-text index
/// gives a short list of candidates with a text rank (<see cref="SimilarityTerms"/>); this scores
/// each from four signals and keeps the best five:
/// <list type="bullet">
/// <item>text: the candidate's rank relative to the best of the list (ranks of different searches are not comparable);</item>
/// <item>category: the same category counts, another one counts against;</item>
/// <item>place: when both have a point, near is strong evidence and far (several kilometres) is evidence against;</item>
/// <item>time: the same problem is reported again within days, so the score fades with the days between them.</item>
/// </list>
/// The five are shown open ones first: a coordinator points a reporter to a report still being handled.
/// </summary>
public static class DuplicateRanking
{
    public const int Shown = 5;

    public const double TextWeight = 1.0;
    public const double SameCategory = 0.35;
    public const double OtherCategory = -0.25;
    public const double NearWeight = 0.5;
    public const double FarPenalty = -0.4;
    public const double RecentWeight = 0.4;

    /// <summary>Distance (metres) over which nearness halves its weight; beyond <see cref="FarMetres"/> a point counts against.</summary>
    public const double NearMetres = 250;

    public const double FarMetres = 3_000;

    /// <summary>Days over which recency fades to a third.</summary>
    public const double RecentDays = 30;

    /// <summary>The report being verified.</summary>
    public sealed record Subject(long Id, int? CategoryId, GeoPoint? Point, DateTimeOffset SubmittedAt);

    /// <summary>An earlier report the index found, with its text rank (higher is better).</summary>
    public sealed record Candidate(long Id, double TextRank, int? CategoryId, GeoPoint? Point, DateTimeOffset SubmittedAt, bool IsOpen);

    public sealed record Scored(Candidate Candidate, double Score, double? DistanceMetres);

    /// <summary>The best <see cref="Shown"/> candidates, open ones first, then by score.</summary>
    public static IReadOnlyList<Scored> Top(Subject subject, IEnumerable<Candidate> candidates)
    {
        var list = candidates.Where(c => c.Id != subject.Id && c.SubmittedAt <= subject.SubmittedAt).ToList();
        if (list.Count == 0)
        {
            return [];
        }

        var best = list.Max(c => c.TextRank);
        return [.. list.Select(c => Score(subject, c, best))
            .OrderByDescending(s => s.Score).ThenByDescending(s => s.Candidate.SubmittedAt)
            .Take(Shown)
            .OrderByDescending(s => s.Candidate.IsOpen).ThenByDescending(s => s.Score)];
    }

    /// <summary>One candidate's score, given the best text rank of its list.</summary>
    public static Scored Score(Subject subject, Candidate candidate, double bestTextRank)
    {
        var text = bestTextRank > 0 ? Math.Clamp(candidate.TextRank / bestTextRank, 0, 1) : 0;
        var category = subject.CategoryId is null || candidate.CategoryId is null ? 0
            : subject.CategoryId == candidate.CategoryId ? SameCategory : OtherCategory;
        double? metres = subject.Point is { } a && candidate.Point is { } b ? GeoPoint.Metres(a, b) : null;
        var place = metres switch
        {
            null => 0,
            > FarMetres => FarPenalty,
            { } m => NearWeight * Math.Pow(0.5, m / NearMetres),
        };
        var days = Math.Max(0, (subject.SubmittedAt - candidate.SubmittedAt).TotalDays);
        var recent = RecentWeight * Math.Exp(-days / RecentDays);
        return new Scored(candidate, (TextWeight * text) + category + place + recent, metres);
    }
}

/// <summary>A point on the earth (WGS 84 degrees).</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusMetres = 6_371_000;

    public static GeoPoint? Of(decimal? latitude, decimal? longitude) =>
        latitude is { } lat && longitude is { } lon ? new GeoPoint((double)lat, (double)lon) : null;

    /// <summary>Great-circle distance (haversine): exact enough for "same place" at any scale a region has.</summary>
    public static double Metres(GeoPoint a, GeoPoint b)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(b.Latitude - a.Latitude);
        var dLon = Radians(b.Longitude - a.Longitude);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Radians(a.Latitude)) * Math.Cos(Radians(b.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
