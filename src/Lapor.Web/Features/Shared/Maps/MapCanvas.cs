namespace Lapor.Web.Features.Shared.Maps;

/// <summary>
/// One map on a page, drawn by wwwroot/js/map.js: <see cref="Point"/> shows one pin, <see cref="Pick"/>
/// lets the citizen set it, <see cref="Reports"/> loads public reports from DataUrl and clusters them
/// (DetailUrl holds "__number__" for each report's page).
/// </summary>
public sealed record MapCanvas(string Mode, string Label, MapPoint? Marker = null, string? DataUrl = null, string? DetailUrl = null, bool Large = false)
{
    public const string Point = "point";
    public const string Pick = "pick";
    public const string Reports = "reports";

    public const string NumberSlot = "__number__";
}
