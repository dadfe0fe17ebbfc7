namespace Lapor.Web.Domain.Triage;

/// <summary>
/// Accuracy on held-out reports: top-1 and top-3 for the agency, top-1 for the category, and the
/// baseline (the agency the filed category routes to by default) on the same reports.
/// </summary>
public sealed class TriageScore
{
    private int _count, _agencyTop1, _agencyTop3, _categoryTop1, _baselineTop1;

    public sealed record Result(int Count, double AgencyTop1, double AgencyTop3, double CategoryTop1, double BaselineTop1);

    /// <summary>One held-out report: the agency that handled it and its category, against the ranking and the baseline.</summary>
    public void Add(int actualAgency, IReadOnlyList<int> rankedAgencies, int? actualCategory, int? predictedCategory, int? baselineAgency)
    {
        _count++;
        if (rankedAgencies.Count > 0 && rankedAgencies[0] == actualAgency)
        {
            _agencyTop1++;
        }

        if (rankedAgencies.Take(TriageAdvice.Shown).Contains(actualAgency))
        {
            _agencyTop3++;
        }

        if (actualCategory is not null && predictedCategory == actualCategory)
        {
            _categoryTop1++;
        }

        if (baselineAgency == actualAgency)
        {
            _baselineTop1++;
        }
    }

    public Result Total() => _count == 0
        ? new Result(0, 0, 0, 0, 0)
        : new Result(_count, Share(_agencyTop1), Share(_agencyTop3), Share(_categoryTop1), Share(_baselineTop1));

    private double Share(int hits) => Math.Round((double)hits / _count, 4);

    /// <summary>
    /// A time-based split of examples ordered oldest first: the newest <paramref name="heldOutShare"/> are
    /// the test (at least one, unless there is only one), the rest the training set.
    /// </summary>
    public static (int Train, int Test) Split(int count, double heldOutShare)
    {
        if (count < 2)
        {
            return (count, 0);
        }

        var test = Math.Clamp((int)Math.Round(count * heldOutShare), 1, count - 1);
        return (count - test, test);
    }
}
