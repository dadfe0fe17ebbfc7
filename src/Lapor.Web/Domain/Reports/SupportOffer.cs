namespace Lapor.Web.Domain.Reports;

/// <summary>
/// Which open public reports a citizen about to file is offered to support instead ("dukung laporan ini").
/// Stricter than the coordinator's panel (<see cref="DuplicateRanking"/>), because an offer interrupts
/// someone in the middle of filing: besides looking like the same problem, the report must be at the same
/// place — more than half of the words naming one place found in the other's location (either way round:
/// "Jl. Cempakaputih dekat pos ronda" and "Jl. Cempakaputih RT 02" are one street), or, when both have a
/// point, within <see cref="NearMetres"/>. Exactly half is not enough: "Jl. Sudirman, Kecamatan Makmur"
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
    /// The reports to offer, best first, at most <see cref="Shown"/>: scored as the coordinator's panel scores
    /// (<see cref="DuplicateRanking.Score"/>, at least its minimum), holding <see cref="ProblemWordsShare"/> of the words of the problem, at the same
    /// place. None when the citizen gave no place.
    /// </summary>
    public static IReadOnlyList<DuplicateRanking.Scored> Pick(DuplicateRanking.Subject subject, string? location, IReadOnlyCollection<Candidate> candidates)
    {
        if ((subject.PlaceTerms.Count == 0 && subject.Point is null) || candidates.Count == 0)
        {
            return [];
        }

        var best = candidates.Max(c => c.Report.TextRank);
        return [.. candidates
            .Where(c => SimilarityTerms.Share(subject.ProblemTerms, c.Report.ProblemText) >= ProblemWordsShare)
            .Select(c => (Scored: DuplicateRanking.Score(subject, c.Report, best), c.Location))
            .Where(c => c.Scored.Score >= DuplicateRanking.MinimumScore && SamePlace(location, c.Location, c.Scored.DistanceMetres))
            .Select(c => c.Scored)
            .OrderByDescending(s => s.Score).ThenByDescending(s => s.Candidate.SubmittedAt)
            .Take(Shown)];
    }

    /// <summary>Near when both have a point; otherwise more than half of one location's place words in the other.</summary>
    public static bool SamePlace(string? location, string? other, double? metres) =>
        metres is { } m
            ? m <= NearMetres
            : Math.Max(SimilarityTerms.Share(SimilarityTerms.Place(location), other), SimilarityTerms.Share(SimilarityTerms.Place(other), location)) > PlaceWordsShare;
}
