namespace Lapor.Web.Domain.Metrics;

/// <summary>
/// The dashboard's figures of DESIGN §8 as plain functions over counts and durations, so each can
/// be checked against a hand-worked example. Null means "nothing to measure", never zero.
/// </summary>
public static class Rates
{
    /// <summary>A share from 0 to 1, rounded to four places; null when the denominator is zero.</summary>
    public static decimal? Share(int part, int whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4);

    /// <summary>Tingkat tindak lanjut: routed reports with at least one response.</summary>
    public static decimal? FollowUp(int routedWithResponse, int routed) => Share(routedWithResponse, routed);

    /// <summary>On time for a stage: done within its deadline, over all that were due.</summary>
    public static decimal? OnTime(int doneInTime, int due) => Share(doneInTime, due);

    /// <summary>Satisfaction: accepted final responses over accepted plus rejected ones (silence counts neither way).</summary>
    public static decimal? Satisfaction(int accepted, int rejected) => Share(accepted, accepted + rejected);

    /// <summary>Connectedness or officer activity: agencies meeting the condition over all agencies.</summary>
    public static decimal? OfAgencies(int meeting, int agencies) => Share(meeting, agencies);

    public static decimal? Median(IReadOnlyCollection<int> workingDays)
    {
        if (workingDays.Count == 0)
        {
            return null;
        }

        var sorted = workingDays.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
    }

    public static decimal? Mean(IReadOnlyCollection<int> workingDays) =>
        workingDays.Count == 0 ? null : Math.Round((decimal)workingDays.Sum() / workingDays.Count, 1);
}

/// <summary>Open reports by how long they have waited, in working days: 0–5, 6–14, 15–60, over 60.</summary>
public sealed record BacklogAgeing(int UpTo5, int From6To14, int From15To60, int Over60)
{
    public static BacklogAgeing Of(IEnumerable<int> ageInWorkingDays)
    {
        var ages = ageInWorkingDays.ToList();
        return new BacklogAgeing(ages.Count(a => a <= 5), ages.Count(a => a is >= 6 and <= 14), ages.Count(a => a is >= 15 and <= 60), ages.Count(a => a > 60));
    }

    public int Total => UpTo5 + From6To14 + From15To60 + Over60;
}
