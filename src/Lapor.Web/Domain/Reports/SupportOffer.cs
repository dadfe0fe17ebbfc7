namespace Lapor.Web.Domain.Reports;

/// <summary>
/// Which open public reports a citizen about to file is offered to support instead ("dukung laporan ini").
/// Stricter than the coordinator's panel (<see cref="DuplicateRanking"/>), because an offer interrupts
/// someone in the middle of filing: besides looking like the same problem, the report must be at the same
/// place — half or more of the words naming the citizen's place in its location, or, when both have a
/// point, within <see cref="NearMetres"/>. A citizen who named no place is offered nothing: a problem
/// without a place cannot be told apart from the same problem in the next village.
/// </summary>
public static class SupportOffer
{
    public const int Shown = 3;

    /// <summary>A point this near is the same place whatever the words say (a street has several names).</summary>
    public const double NearMetres = 500;

    /// <summary>The share of the citizen's place words the report's location must hold.</summary>
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
    public static IReadOnlyList<DuplicateRanking.Scored> Pick(DuplicateRanking.Subject subject, IReadOnlyCollection<Candidate> candidates)
    {
        if ((subject.PlaceTerms.Count == 0 && subject.Point is null) || candidates.Count == 0)
        {
            return [];
        }

        var best = candidates.Max(c => c.Report.TextRank);
        return [.. candidates
            .Where(c => SimilarityTerms.Share(subject.ProblemTerms, c.Report.ProblemText) >= ProblemWordsShare)
            .Select(c => (Scored: DuplicateRanking.Score(subject, c.Report, best), c.Location))
            .Where(c => c.Scored.Score >= DuplicateRanking.MinimumScore && SamePlace(subject, c.Scored.DistanceMetres, c.Location))
            .Select(c => c.Scored)
            .OrderByDescending(s => s.Score).ThenByDescending(s => s.Candidate.SubmittedAt)
            .Take(Shown)];
    }

    /// <summary>Near when both have a point; otherwise half or more of the citizen's place words in the report's location.</summary>
    public static bool SamePlace(DuplicateRanking.Subject subject, double? metres, string? location) =>
        metres is { } m
            ? m <= NearMetres
            : subject.PlaceTerms.Count > 0 && SimilarityTerms.Share(subject.PlaceTerms, location) >= PlaceWordsShare;
}
