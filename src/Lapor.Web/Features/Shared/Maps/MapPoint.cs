using System.Globalization;

namespace Lapor.Web.Features.Shared.Maps;

/// <summary>A report's point as a page shows it: exact on the staff page, rounded on public pages.</summary>
public sealed record MapPoint(decimal Latitude, decimal Longitude, bool Approximate)
{
    /// <summary>Three decimals of a degree: about 110 m north–south, at most that east–west.</summary>
    public const int PublicDecimals = 3;

    public string LatitudeText => Latitude.ToString(CultureInfo.InvariantCulture);

    public string LongitudeText => Longitude.ToString(CultureInfo.InvariantCulture);

    /// <summary>Opens the phone's own map app, which works when our tiles do not.</summary>
    public string GeoUri => $"geo:{LatitudeText},{LongitudeText}";

    public static MapPoint? Exact(decimal? latitude, decimal? longitude) =>
        latitude is { } lat && longitude is { } lon ? new MapPoint(lat, lon, false) : null;

    /// <summary>
    /// The point the public may see, rounded here on the server so the exact one never leaves it;
    /// none for an anonymous report (a point can name a house).
    /// </summary>
    public static MapPoint? Public(decimal? latitude, decimal? longitude, bool isAnonymous) =>
        !isAnonymous && latitude is { } lat && longitude is { } lon ? new MapPoint(Round(lat), Round(lon), true) : null;

    public static decimal Round(decimal degrees) => Math.Round(degrees, PublicDecimals, MidpointRounding.AwayFromZero);
}
