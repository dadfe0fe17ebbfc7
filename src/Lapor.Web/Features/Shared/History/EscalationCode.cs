using System.Globalization;
using Lapor.Web.Domain.Reports;

namespace Lapor.Web.Features.Shared.History;

/// <summary>
/// The reason the deadline job writes on an escalation entry, <c>{Deadline}.{Rung}:{yyyy-MM-dd}</c>
/// (see <see cref="Report.RecordEscalation"/>), read back so that history can say it in words.
/// </summary>
public readonly record struct EscalationCode(Deadline Deadline, EscalationRung Rung, DateOnly DueOn)
{
    /// <summary>False for anything else, such as the reporter's own words when they ask the coordinator to step in.</summary>
    public static bool TryParse(string? reason, out EscalationCode code)
    {
        code = default;
        var parts = reason?.Split(':');
        if (parts is not [var clock, var day])
        {
            return false;
        }

        var names = clock.Split('.');
        if (names is not [var deadline, var rung]
            || !TryName(deadline, out Deadline d) || !TryName(rung, out EscalationRung r)
            || !DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dueOn))
        {
            return false;
        }

        code = new EscalationCode(d, r, dueOn);
        return true;
    }

    /// <summary>By name only: <see cref="Enum.TryParse{TEnum}(string, out TEnum)"/> would also take "1" or "Verify, Completion".</summary>
    private static bool TryName<T>(string name, out T value)
        where T : struct, Enum
    {
        value = default;
        return Enum.GetNames<T>().Contains(name, StringComparer.Ordinal) && Enum.TryParse(name, out value);
    }
}
