namespace Lapor.Web.Domain.Reports;

/// <summary>
/// Which open public reports a citizen about to file is offered to support instead ("dukung laporan ini").
/// Stricter than the coordinator's panel (<see cref="DuplicateRanking"/>), because an offer interrupts
/// someone in the middle of filing: besides looking like the same problem, the report must be at the same
/// place — more than half of the words naming one place found in the other's location (either way round:
/// "Jl. Cempakaputih dekat pos ronda" and "Jl. Cempakaputih RT 02" are one street) with a word of the report's
/// location beginning with one of the citizen's, or, when both have a point, within <see cref="NearMetres"/>. Exactly half is not enough: "Jl. Sudirman, Kecamatan Makmur"
/// and "Jl. Melati, Kecamatan Makmur" share only their district. A citizen who named no place is offered nothing: a problem
/// without a place cannot be told apart from the same problem in the next village.
/// </summary>
public static class SupportOffer
{
    public const int Shown = 3;

    /// <summary>A point this near is the same place whatever the words say (a street has several names).</summary>
    public const double NearMetres = 500;

    /// <summary>The share of one location's place words the other must hold, and more.</summary>
    public const double PlaceWordsShare = 0.5;

    /// <summary>
    /// The share of the citizen's words of the problem the report's title and text must hold: the panel's one
    /// shared word lets "sampah … seminggu" through beside "lampu … seminggu" in the same district, which a
    /// coordinator sets aside at a glance and a citizen should never be asked about.
    /// </summary>
    public const double ProblemWordsShare = 0.3;

    /// <summary>An open public report the index found, with the location its public page stands for.</summary>
    public sealed record Candidate(DuplicateRanking.Candidate Report, string? Location);

    /// <summary>
    /// The reports to offer, best first, at most <see cref="Shown"/>: those at the same place holding
    /// <see cref="ProblemWordsShare"/> of the words of the problem, scored as the coordinator's panel scores
    /// (<see cref="DuplicateRanking.Score"/>, at least its minimum), their text rank measured against the best of
    /// them. The rank of a report elsewhere does not count: the search reads only the reports <see cref="PlaceQuery.Of"/>
    /// lets through, and a report that could never be offered must not lower the score of one that can.
    /// None when the citizen gave no place.
    /// </summary>
    public static IReadOnlyList<DuplicateRanking.Scored> Pick(DuplicateRanking.Subject subject, string? location, IReadOnlyCollection<Candidate> candidates)
    {
        if (subject.PlaceTerms.Count == 0 && subject.Point is null)
        {
            return [];
        }

        var query = PlaceQuery.Of(location, point: null);
        var eligible = candidates
            .Where(c => SimilarityTerms.Share(subject.ProblemTerms, c.Report.ProblemText) >= ProblemWordsShare
                && IsSamePlace(query, subject.PlaceTerms, location, c.Location, subject.Point is { } a && c.Report.Point is { } b ? GeoPoint.Metres(a, b) : null))
            .ToList();
        if (eligible.Count == 0)
        {
            return [];
        }

        var best = eligible.Max(c => c.Report.TextRank);
        return [.. eligible
            .Select(c => DuplicateRanking.Score(subject, c.Report, best))
            .Where(s => s.Score >= DuplicateRanking.MinimumScore)
            .OrderByDescending(s => s.Score).ThenByDescending(s => s.Candidate.SubmittedAt)
            .Take(Shown)];
    }

    /// <summary>
    /// Near when both have a point. Otherwise a word of <paramref name="other"/> must begin with one of the place
    /// words of <paramref name="location"/> (or, of four letters or more, begin one: "Cempaka" for "Cempakaputih"),
    /// which an index can look up (<see cref="PlaceQuery.Of"/>), and more than half of one location's place words must be
    /// found in the other.
    /// </summary>
    public static bool SamePlace(string? location, string? other, double? metres) =>
        IsSamePlace(PlaceQuery.Of(location, point: null), SimilarityTerms.Place(location), location, other, metres);

    /// <summary><see cref="SamePlace(string?, string?, double?)"/> with the citizen's side read once for every candidate.</summary>
    private static bool IsSamePlace(PlaceQuery? query, IReadOnlyList<IReadOnlyList<string>> place, string? location, string? other, double? metres) =>
        metres is { } m
            ? m <= NearMetres
            : query is not null && query.Holds(other)
                && Math.Max(SimilarityTerms.Share(place, other), SimilarityTerms.Share(SimilarityTerms.Place(other), location)) > PlaceWordsShare;

    /// <summary>
    /// What a report must hold for <see cref="Pick"/> to find a word of the citizen's problem in it, as the search asks
    /// the index: a word beginning with one of <see cref="Beginnings"/> (every form of every word of the problem). A
    /// report holding none shares none of the problem and is never offered, so the search need not rank it: of a
    /// district's thousand open reports, most are about other problems. Null from <see cref="Of"/> when the problem has
    /// no words: nothing can be offered.
    /// <para>
    /// Two readings of <see cref="SimilarityTerms.Share"/> are left to it alone. It also counts a report's word that
    /// begins the citizen's ("Cempaka" for "Cempakaputih"), which matters for names of places, not of problems: the
    /// citizen's forms already hold the roots, and the cut words made the look-up four times as long and dearer than
    /// what it saved. And it reads the roots of the report's words, where the index holds them as written: a report
    /// sharing the problem only through such a root (its "membahayakan" for the citizen's "bahaya") is left out.
    /// </para>
    /// </summary>
    public sealed record ProblemQuery(IReadOnlyList<string> Beginnings)
    {
        public static ProblemQuery? Of(IReadOnlyList<IReadOnlyList<string>> problemTerms) =>
            problemTerms.SelectMany(t => t).Distinct(StringComparer.Ordinal).ToList() is { Count: > 0 } forms ? new ProblemQuery(forms) : null;

        /// <summary>Whether <paramref name="text"/> holds a word the index would find.</summary>
        public bool Holds(string? text) => SearchTerms.Words(text).Any(w => Beginnings.Any(b => w.StartsWith(b, StringComparison.Ordinal)));
    }

    /// <summary>
    /// What a report must have for <see cref="SamePlace"/> to accept it as at the citizen's place, as the search
    /// asks the index: a word of its location beginning with one of <see cref="Beginnings"/> or equal to one of
    /// <see cref="Words"/>, or a point inside <see cref="Near"/>. None (null from <see cref="Of"/>) when the citizen
    /// named no place and gave no point: nothing can be offered.
    /// </summary>
    public sealed record PlaceQuery
    {
        private PlaceQuery(IReadOnlyList<string> beginnings, IReadOnlyList<string> words, GeoBox? near) =>
            (Beginnings, Words, Near) = (beginnings, words, near);

        /// <summary>Every form of every place word the citizen wrote, and a kind of place joined to its name ("kotabaru").</summary>
        public IReadOnlyList<string> Beginnings { get; }

        /// <summary>Each form of a place word cut to four letters and more, short of the whole form: a report's "Cempaka" is the beginning of the citizen's "Cempakaputih".</summary>
        public IReadOnlyList<string> Words { get; }

        /// <summary>The box around the citizen's point holding every point within <see cref="NearMetres"/>.</summary>
        public GeoBox? Near { get; }

        public static PlaceQuery? Of(string? location, GeoPoint? point)
        {
            // No place word and no point is no place, as in Pick: a kind joined to a kind ("Jalan Raya") names none.
            var forms = SimilarityTerms.Place(location).SelectMany(t => t).Distinct(StringComparer.Ordinal).ToList();
            if (forms.Count == 0 && point is null)
            {
                return null;
            }

            var beginnings = forms.Concat(SimilarityTerms.JoinedNames(location)).Distinct(StringComparer.Ordinal).ToList();

            // Not the joined names' beginnings: "jalanmelati" cut short is "jalan", every street.
            var words = forms.SelectMany(f => Enumerable.Range(4, Math.Max(0, f.Length - 4)).Select(n => f[..n]))
                .Distinct(StringComparer.Ordinal).ToList();
            return new PlaceQuery(beginnings, words, point is { } p ? GeoBox.Around(p, NearMetres) : null);
        }

        /// <summary>Whether <paramref name="location"/> holds a word the index would find (the words only, not the point).</summary>
        public bool Holds(string? location) =>
            SearchTerms.Words(location).Any(w => Beginnings.Any(b => w.StartsWith(b, StringComparison.Ordinal)) || Words.Contains(w, StringComparer.Ordinal));
    }
}
