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
}
