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
}
