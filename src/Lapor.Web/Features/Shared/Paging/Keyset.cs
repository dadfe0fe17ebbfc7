using System.Globalization;

namespace Lapor.Web.Features.Shared.Paging;

/// <summary>
/// A position in a sorted list ("after this row"): the sort value and the row id as a tie-breaker.
/// Paging by position instead of OFFSET keeps page 1000 as fast as page 1. The cursor comes back in an
/// address anyone can edit, so it is read strictly: digits only, a value that names a real instant or
/// day, and a positive id. Anything else is no cursor, and the list starts at its first page.
/// </summary>
public readonly record struct Keyset(long Value, long Id)
{
    public static Keyset After(DateTimeOffset instant, long id) => new(instant.UtcTicks, id);

    public static Keyset After(DateOnly day, long id) => new(day.DayNumber, id);

    /// <summary>The instant of a cursor read by <see cref="ParseInstant"/>.</summary>
    public DateTimeOffset Instant => new(Value, TimeSpan.Zero);

    /// <summary>The day of a cursor read by <see cref="ParseDay"/>.</summary>
    public DateOnly Day => DateOnly.FromDayNumber((int)Value);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Value}_{Id}");

    /// <summary>A cursor over instants (UTC ticks), or null.</summary>
    public static Keyset? ParseInstant(string? text) => Parse(text, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks);

    /// <summary>A cursor over days (day numbers), or null.</summary>
    public static Keyset? ParseDay(string? text) => Parse(text, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber);

    private static Keyset? Parse(string? text, long min, long max) =>
        text?.Split('_') is [var value, var id]
        && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
        && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i > 0
            ? new Keyset(v, i)
            : null;
}
