using System.Globalization;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Web;

/// <summary>Shows instants in the deployment's time zone (WIB by default), formatted for the reader's culture.</summary>
public sealed class LocalTime(IOptions<DeadlineOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public string Format(DateTimeOffset instant, string format) =>
        TimeZoneInfo.ConvertTime(instant, _zone).ToString(format, CultureInfo.CurrentCulture);

    /// <summary>The zone as Indonesians name it (WIB, WITA, WIT), or its offset from UTC elsewhere: for a time said to a citizen.</summary>
    public string ZoneName => _zone.Id switch
    {
        "Asia/Jakarta" or "Asia/Pontianak" => "WIB",
        "Asia/Makassar" => "WITA",
        "Asia/Jayapura" => "WIT",
        _ => "UTC" + _zone.BaseUtcOffset.ToString(_zone.BaseUtcOffset < TimeSpan.Zero ? "\\-h" : "\\+h", CultureInfo.InvariantCulture),
    };

    /// <summary>ISO 8601 / W3C with the zone's offset, for machines (e.g. 2026-11-02T09:00:00+07:00).</summary>
    public string W3c(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, _zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The local day an instant falls on.</summary>
    public DateOnly Date(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _zone).DateTime);

    /// <summary>A local day at a local time, as an instant.</summary>
    public DateTimeOffset At(DateOnly day, TimeOnly time) => new(day.ToDateTime(time), _zone.GetUtcOffset(day.ToDateTime(time)));
}
