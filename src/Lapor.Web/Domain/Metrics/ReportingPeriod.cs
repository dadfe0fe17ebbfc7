namespace Lapor.Web.Domain.Metrics;

/// <summary>
/// The dates a period filter may name. Addresses are hand-edited: a year 1 or 9999 must fall
/// back to a default, not overflow a time-zone conversion.
/// </summary>
public static class ReportingPeriod
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);

    public static bool IsPlausible(DateOnly date) => date >= Earliest && date <= Latest;

    public static bool IsPlausible(int year) => year >= Earliest.Year && year <= Latest.Year;

    /// <summary>
    /// What a list's "from" and "to" days cover, as UTC instants: from the start of <paramref name="from"/> up to,
    /// not including, the start of the day after <paramref name="to"/>. Every list filters through here; a day
    /// outside <see cref="Earliest"/>…<see cref="Latest"/> leaves its side open, as if it had not been given.
    /// </summary>
    public static (DateTimeOffset? Start, DateTimeOffset? End) Instants(DateOnly? from, DateOnly? to) =>
        (from is { } first && IsPlausible(first) ? StartOf(first) : null,
         to is { } last && IsPlausible(last) ? StartOf(last.AddDays(1)) : null);

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
