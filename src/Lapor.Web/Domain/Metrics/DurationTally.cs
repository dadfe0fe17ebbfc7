namespace Lapor.Web.Domain.Metrics;

/// <summary>
/// Durations of one stage in whole working days, kept as a count per number of days together with how
/// many met their due date: the median, mean and on-time rate of a year of reports come from a few
/// dozen grouped rows rather than a row per report.
/// </summary>
public sealed class DurationTally
{
    private readonly SortedDictionary<int, int> _countByDays = [];
    private long _totalDays;

    public int Count { get; private set; }

    public int OnTimeCount { get; private set; }

    public void Add(int workingDays, bool onTime, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _countByDays[workingDays] = _countByDays.GetValueOrDefault(workingDays) + count;
        _totalDays += (long)workingDays * count;
        Count += count;
        OnTimeCount += onTime ? count : 0;
    }

    /// <summary>Adds <paramref name="count"/> durations of <paramref name="workingDays"/>, <paramref name="onTimeCount"/> of them on time (a tallied histogram cell).</summary>
    public void AddCounted(int workingDays, int count, int onTimeCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(onTimeCount, count);
        if (count == 0)
        {
            return;
        }

        _countByDays[workingDays] = _countByDays.GetValueOrDefault(workingDays) + count;
        _totalDays += (long)workingDays * count;
        Count += count;
        OnTimeCount += onTimeCount;
    }

    /// <summary>Adds every duration of another tally (an agency's into the whole scope's).</summary>
    public void Add(DurationTally other)
    {
        foreach (var (days, count) in other._countByDays)
        {
            _countByDays[days] = _countByDays.GetValueOrDefault(days) + count;
        }

        (_totalDays, Count, OnTimeCount) = (_totalDays + other._totalDays, Count + other.Count, OnTimeCount + other.OnTimeCount);
    }

    public decimal? OnTime => Rates.OnTime(OnTimeCount, Count);

    public decimal? Mean => Count == 0 ? null : Math.Round((decimal)_totalDays / Count, 1);

    /// <summary>The middle duration; with an even count, halfway between the two middle ones.</summary>
    public decimal? Median => Count == 0 ? null : Count % 2 == 1 ? At(Count / 2) : (At((Count / 2) - 1) + At(Count / 2)) / 2m;

    /// <summary>The duration at a zero-based position in sorted order.</summary>
    private int At(int position)
    {
        var seen = 0;
        foreach (var (days, count) in _countByDays)
        {
            seen += count;
            if (position < seen)
            {
                return days;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(position));
    }
}
