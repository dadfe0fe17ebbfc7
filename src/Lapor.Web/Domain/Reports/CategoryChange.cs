using System.Globalization;

namespace Lapor.Web.Domain.Reports;

/// <summary>
/// A category the coordinator corrected at verification, as its history entry keeps it: the two category
/// ids, <c>{from}&gt;{to}</c> (<c>&gt;{to}</c> for a report that had none). Ids, not names: each reader sees
/// the names in their own language, and a renamed category reads by its current name.
/// </summary>
public readonly record struct CategoryChange(int? From, int To)
{
    public string Code => string.Create(CultureInfo.InvariantCulture, $"{From}>{To}");

    public static bool TryParse(string? code, out CategoryChange change)
    {
        change = default;
        var parts = code?.Split('>');
        if (parts is not [var from, var to] || !int.TryParse(to, NumberStyles.None, CultureInfo.InvariantCulture, out var toId))
        {
            return false;
        }

        if (from.Length == 0)
        {
            change = new CategoryChange(null, toId);
            return true;
        }

        if (!int.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out var fromId))
        {
            return false;
        }

        change = new CategoryChange(fromId, toId);
        return true;
    }
}
