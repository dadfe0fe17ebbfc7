using System.Globalization;

namespace Lapor.Web.Features.Citizen.Filing;

/// <summary>
/// The optional point on the filing form, posted as two hidden text fields (read in the invariant
/// culture: "-6.2" must not become -62 under id-ID): both or neither, each within range.
/// </summary>
public static class Place
{
    /// <summary>The database keeps six decimals (about 0.1 m).</summary>
    private const int Decimals = 6;

    public static bool IsValid(string? latitude, string? longitude) =>
        (string.IsNullOrWhiteSpace(latitude) && string.IsNullOrWhiteSpace(longitude))
        || (Parse(latitude, 90) is not null && Parse(longitude, 180) is not null);

    public static decimal? Latitude(string? text) => Parse(text, 90);

    public static decimal? Longitude(string? text) => Parse(text, 180);

    private static decimal? Parse(string? text, decimal limit) =>
        decimal.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var degrees)
        && degrees >= -limit && degrees <= limit
            ? Math.Round(degrees, Decimals, MidpointRounding.AwayFromZero)
            : null;
}
