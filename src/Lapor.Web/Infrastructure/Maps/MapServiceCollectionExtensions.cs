namespace Lapor.Web.Infrastructure.Maps;

public static class MapServiceCollectionExtensions
{
    public static IServiceCollection AddLaporMaps(this IServiceCollection services)
    {
        services.AddOptions<MapOptions>().BindConfiguration(MapOptions.Section)
            .Validate(o => o.IsValid, "Map:TileUrl must be empty, a path on this site or an absolute http(s) URL template.")
            .Validate(o => o.CenterLatitude is >= -90 and <= 90 && o.CenterLongitude is >= -180 and <= 180 && o.Zoom is >= 0 and <= 20 && o.MaxZoom is >= 1 and <= 22,
                "Map:CenterLatitude, CenterLongitude, Zoom or MaxZoom is out of range.")
            .ValidateOnStart();
        return services;
    }
}
