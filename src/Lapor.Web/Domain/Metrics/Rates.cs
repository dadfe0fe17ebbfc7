using Lapor.Web.Domain.Reports;

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

    /// <summary>A mean rounded to one place (the reporters' star ratings); null when nothing was counted.</summary>
    public static decimal? Mean(int total, int count) => count == 0 ? null : Math.Round((decimal)total / count, 1);

    /// <summary>Connectedness or officer activity: agencies meeting the condition over all agencies.</summary>
    public static decimal? OfAgencies(int meeting, int agencies) => Share(meeting, agencies);
}

/// <summary>Open reports by how long they have waited, in working days: 0–5, 6–14, 15–60, over 60.</summary>
public sealed record BacklogAgeing(int UpTo5, int From6To14, int From15To60, int Over60)
{
    /// <summary>From ages in working days, each with how many open reports have it.</summary>
    public static BacklogAgeing Of(IEnumerable<(int AgeInWorkingDays, int Count)> ages)
    {
        var list = ages.ToList();
        int Sum(Func<int, bool> inBucket) => list.Where(a => inBucket(a.AgeInWorkingDays)).Sum(a => a.Count);
        int In(int group) => Sum(a => a >= Groups[group].Min && (Groups[group].Max is not { } max || a <= max));
        return new BacklogAgeing(In(0), In(1), In(2), In(3));
    }

    /// <summary>The groups' bounds in working days, in order; the last has no upper bound.</summary>
    public static IReadOnlyList<(int Min, int? Max)> Groups { get; } = [(0, 5), (6, 14), (15, 60), (61, null)];

    /// <summary>The statuses of reports still waiting: the ones counted here.</summary>
    public static IReadOnlyList<ReportStatus> Open { get; } = [ReportStatus.Unverified, ReportStatus.OnHold, ReportStatus.Dispositioned, ReportStatus.InProgress];

    public int Total => UpTo5 + From6To14 + From15To60 + Over60;

    /// <summary>The count of one group, by its position in <see cref="Groups"/>.</summary>
    public int this[int group] => group switch
    {
        0 => UpTo5,
        1 => From6To14,
        2 => From15To60,
        _ => Over60,
    };
}
