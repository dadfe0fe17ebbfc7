namespace Lapor.Web.Domain.Reports;

/// <summary>
/// Which earlier reports look like the same problem as the one being verified. The full-text index
/// gives a short list of candidates with a text rank (<see cref="SimilarityTerms"/>); this scores
/// each from four signals and keeps the best five:
/// <list type="bullet">
/// <item>text: the share of this report's words the candidate holds, the share of the words naming its place
/// (a street's name, a landmark) it holds, and its index rank relative to the best of the list (ranks of
/// different searches are not comparable);</item>
/// <item>category: the same category counts, another one counts against;</item>
/// <item>place: when both have a point, near is strong evidence and far (several kilometres) is evidence against;</item>
/// <item>time: the same problem is reported again within days, so the score fades with the days between them.</item>
/// </list>
/// The five are shown open ones first: a coordinator points a reporter to a report still being handled.
/// A candidate that shares no word of the problem itself (<see cref="SimilarityTerms.Problem"/>), only the
/// place, is left out however near and recent: "Usulan taman bermain" is not a repeat of a garbage complaint.
/// </summary>
public static class DuplicateRanking
{
    public const int Shown = 5;

    public const double RankWeight = 0.4;
    public const double WordsWeight = 1.0;
    public const double PlaceWordsWeight = 1.0;
    public const double SameCategory = 0.35;
    public const double OtherCategory = -0.25;
    public const double NearWeight = 0.5;
    public const double FarPenalty = -0.4;
    public const double RecentWeight = 0.4;

    /// <summary>
    /// Below this a candidate is not shown at all: a report that only happens to be recent and to share a
    /// common word or two ("jalan") is noise, and five of those would teach coordinators to ignore the panel.
    /// </summary>
    public const double MinimumScore = 0.8;

    /// <summary>Distance (metres) over which nearness halves its weight; beyond <see cref="FarMetres"/> a point counts against.</summary>
    public const double NearMetres = 250;

    public const double FarMetres = 3_000;

    /// <summary>
    /// How far back candidates are looked for: a problem reported again comes within days or weeks, and a
    /// window keeps the text search to a stretch of the index however many years the instance holds.
    /// </summary>
    public const int WindowDays = 90;

    /// <summary>Days over which recency fades to a third.</summary>
    public const double RecentDays = 30;

    /// <summary>The report being verified, with its words (<see cref="SimilarityTerms.Of"/>) and those naming its place (<see cref="SimilarityTerms.Place"/>).</summary>
    public sealed record Subject(long Id, int? CategoryId, GeoPoint? Point, DateTimeOffset SubmittedAt)
    {
        public IReadOnlyList<IReadOnlyList<string>> Terms { get; init; } = [];

        public IReadOnlyList<IReadOnlyList<string>> PlaceTerms { get; init; } = [];

        /// <summary>The words of the problem (title and body, no place words): a candidate must share one.</summary>
        public IReadOnlyList<IReadOnlyList<string>> ProblemTerms { get; init; } = [];
    }

    /// <summary>An earlier report the index found, with its text rank (higher is better) and its title, text and location.</summary>
    public sealed record Candidate(long Id, double TextRank, int? CategoryId, GeoPoint? Point, DateTimeOffset SubmittedAt, bool IsOpen)
    {
        public string? Text { get; init; }

        /// <summary>Its title and body, where a word of the problem must be found; <see cref="Text"/> when not given.</summary>
        public string? ProblemText { get; init; }
    }

    public sealed record Scored(Candidate Candidate, double Score, double? DistanceMetres);

    /// <summary>The best <see cref="Shown"/> candidates scoring at least <see cref="MinimumScore"/>, open ones first, then by score.</summary>
    public static IReadOnlyList<Scored> Top(Subject subject, IEnumerable<Candidate> candidates)
    {
        var since = subject.SubmittedAt.AddDays(-WindowDays);
        var list = candidates.Where(c => c.Id != subject.Id && c.SubmittedAt <= subject.SubmittedAt && c.SubmittedAt >= since && SharesTheProblem(subject, c)).ToList();
        if (list.Count == 0)
        {
            return [];
        }

        var best = list.Max(c => c.TextRank);
        return [.. list.Select(c => Score(subject, c, best))
            .Where(s => s.Score >= MinimumScore)
            .OrderByDescending(s => s.Score).ThenByDescending(s => s.Candidate.SubmittedAt)
            .Take(Shown)
            .OrderByDescending(s => s.Candidate.IsOpen).ThenByDescending(s => s.Score)];
    }

    /// <summary>
    /// At least one word of the problem in the candidate's title or body: sharing the place alone is not the
    /// same problem. A report whose title and text name nothing but a place has no such word to ask for.
    /// </summary>
    public static bool SharesTheProblem(Subject subject, Candidate candidate) =>
        subject.ProblemTerms.Count == 0 || SimilarityTerms.Share(subject.ProblemTerms, candidate.ProblemText ?? candidate.Text) > 0;

    /// <summary>One candidate's score, given the best text rank of its list.</summary>
    public static Scored Score(Subject subject, Candidate candidate, double bestTextRank)
    {
        var rank = bestTextRank > 0 ? Math.Clamp(candidate.TextRank / bestTextRank, 0, 1) : 0;
        var text = (RankWeight * rank) + (WordsWeight * SimilarityTerms.Share(subject.Terms, candidate.Text))
            + (PlaceWordsWeight * SimilarityTerms.Share(subject.PlaceTerms, candidate.Text));
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
        return new Scored(candidate, text + category + place + recent, metres);
    }
}

/// <summary>A point on the earth (WGS 84 degrees).</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    public const double EarthRadiusMetres = 6_371_000;

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

/// <summary>A box of latitudes and longitudes (WGS 84 degrees), which an index on the two columns can read.</summary>
public readonly record struct GeoBox(double South, double North, double West, double East)
{
    /// <summary>Metres in a degree of latitude on <see cref="GeoPoint"/>'s sphere.</summary>
    private const double MetresPerDegree = GeoPoint.EarthRadiusMetres * Math.PI / 180;

    /// <summary>
    /// Every point within <paramref name="metres"/> of <paramref name="centre"/>, and a little more (1%, so no point at
    /// the edge is lost to rounding): a degree of longitude shrinks towards the poles, so the box is as wide as
    /// the circle is at its edge nearer the pole; every longitude near a pole. The antimeridian is not wrapped
    /// (a region of Indonesia never straddles it).
    /// </summary>
    public static GeoBox Around(GeoPoint centre, double metres)
    {
        var latitude = metres * 1.01 / MetresPerDegree;
        var poleward = Math.Abs(centre.Latitude) + latitude;
        if (poleward >= 89)
        {
            return new GeoBox(centre.Latitude - latitude, centre.Latitude + latitude, -180, 180);
        }

        var longitude = latitude / Math.Cos(poleward * Math.PI / 180);
        return new GeoBox(centre.Latitude - latitude, centre.Latitude + latitude, centre.Longitude - longitude, centre.Longitude + longitude);
    }

    public bool Contains(GeoPoint point) =>
        point.Latitude >= South && point.Latitude <= North && point.Longitude >= West && point.Longitude <= East;
}
