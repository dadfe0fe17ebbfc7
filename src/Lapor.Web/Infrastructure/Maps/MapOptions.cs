using System.Text.RegularExpressions;

namespace Lapor.Web.Infrastructure.Maps;

/// <summary>
/// Map:*: where the map pictures (tiles) come from. An empty TileUrl switches the maps off: the pages
/// then show the place as text only, and the filing form still takes the phone's location.
/// </summary>
public sealed partial class MapOptions
{
    public const string Section = "Map";

    /// <summary>OpenStreetMap's standard tiles; heavy use needs a tile server of one's own (see docs/configuration.md).</summary>
    public const string OpenStreetMapTiles = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    public const string OpenStreetMapAttribution = "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a>";

    /// <summary>A Leaflet URL template ({z}/{x}/{y}, optionally {s} and {r}), absolute http(s) or a path on this site.</summary>
    public string TileUrl { get; set; } = OpenStreetMapTiles;

    /// <summary>HTML shown in the map's corner, as the tile provider requires.</summary>
    public string Attribution { get; set; } = OpenStreetMapAttribution;

    public int MaxZoom { get; set; } = 19;

    /// <summary>Where an empty map starts (the filing form, the public map with no reports): the region served.</summary>
    public decimal CenterLatitude { get; set; } = -2.5m;

    public decimal CenterLongitude { get; set; } = 118m;

    public int Zoom { get; set; } = 5;

    public bool Enabled => !string.IsNullOrWhiteSpace(TileUrl);

    public bool IsValid => !Enabled || TileUrl.StartsWith('/') || TileOrigin is not null;

    /// <summary>
    /// The tile server's origin for the Content-Security-Policy's img-src ("https://*.tile.example.org"
    /// when the template has {s} in the host); null when the map is off or the tiles come from this site.
    /// </summary>
    public string? TileOrigin
    {
        get
        {
            if (!Enabled || TileUrl.StartsWith('/'))
            {
                return null;
            }

            var probe = Placeholder().Replace(TileUrl.Trim().Replace("{s}", "sub0", StringComparison.Ordinal), "0");
            if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
            {
                return null;
            }

            var host = uri.Host.StartsWith("sub0.", StringComparison.Ordinal) ? "*" + uri.Host[4..] : uri.Host;
            return uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : $"{uri.Scheme}://{host}:{uri.Port}";
        }
    }

    [GeneratedRegex(@"\{[a-z]+\}")]
    private static partial Regex Placeholder();
}
