using System.Globalization;

namespace Lapor.Web.Features.Inbox;

/// <summary>
/// A position in a sorted list ("after this row"): the sort value and the row id as a tie-breaker.
/// Paging by position instead of OFFSET keeps page 1000 as fast as page 1.
/// </summary>
public readonly record struct Keyset(long Value, long Id)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Value}_{Id}");

    public static Keyset? Parse(string? text) =>
        text?.Split('_') is [var value, var id]
        && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
        && long.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)
            ? new Keyset(v, i)
            : null;
}
