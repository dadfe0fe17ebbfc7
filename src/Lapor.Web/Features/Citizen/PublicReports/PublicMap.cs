using System.Globalization;
using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Maps;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Citizen.PublicReports;

/// <summary>
/// /peta and its points (/peta/titik, GeoJSON): public reports that are not anonymous and carry a
/// point, from any channel, each rounded on the server to about 100 m. The newest first, at most
/// <see cref="Cap"/> per answer, optionally within a box.
/// </summary>
public static class PublicMap
{
    public const int Cap = 500;

    /// <summary>The newest reports listed in words under the map.</summary>
    public const int Listed = 20;

    public sealed record Item(string TrackingNumber, string Title, DateTimeOffset SubmittedAt, MapPoint Point);

    public sealed record Points(IReadOnlyList<Item> Items, bool Truncated);

    /// <summary>"west,south,east,north" in degrees, as GeoJSON orders a bounding box.</summary>
    public sealed record Box(decimal West, decimal South, decimal East, decimal North)
    {
        public static Box? Parse(string? text)
        {
            var parts = (text ?? "").Split(',');
            var numbers = parts.Select(p => decimal.TryParse(p.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : (decimal?)null).ToList();
            return numbers is [{ } west, { } south, { } east, { } north]
                && west >= -180 && east <= 180 && south >= -90 && north <= 90 && west <= east && south <= north
                ? new Box(west, south, east, north)
                : null;
        }

        public bool Contains(MapPoint point) =>
            point.Latitude >= South && point.Latitude <= North && point.Longitude >= West && point.Longitude <= East;
    }

    public sealed class Handler(LaporDbContext db)
    {
        public async Task<Points> HandleAsync(Box? box, int limit, CancellationToken cancellationToken)
        {
            var reports = db.Reports.AsNoTracking().Where(PublicReport.IsVisible)
                .Where(r => !r.IsAnonymous && r.Latitude != null && r.Longitude != null);
            if (box is not null)
            {
                // Chosen by the rounded point, never the exact one (a narrow box must not tell more than
                // the rounding): the database narrows with half a step to spare, the rounded points decide.
                const decimal spare = 0.0006m;
                var (south, north, west, east) = (box.South - spare, box.North + spare, box.West - spare, box.East + spare);
                reports = reports.Where(r => r.Latitude >= south && r.Latitude <= north && r.Longitude >= west && r.Longitude <= east);
            }

            var rows = await reports.OrderByDescending(r => r.Id).Take(limit)
                .Select(r => new { r.TrackingNumber, Title = r.PublicTitle ?? r.Title, r.SubmittedAt, r.Latitude, r.Longitude })
                .ToListAsync(cancellationToken);
            var items = rows.Select(r => new Item(r.TrackingNumber, r.Title, r.SubmittedAt, MapPoint.Public(r.Latitude, r.Longitude, isAnonymous: false)!))
                .Where(i => box is null || box.Contains(i.Point))
                .ToList();
            return new Points(items, rows.Count == limit);
        }
    }

    /// <summary>The answer of /peta/titik: a GeoJSON FeatureCollection (coordinates longitude first), plus whether it was cut.</summary>
    public sealed record FeatureCollection(IReadOnlyList<Feature> Features, bool Truncated)
    {
        public string Type => "FeatureCollection";

        public static FeatureCollection From(Points points) =>
            new([.. points.Items.Select(i => new Feature(new Geometry([i.Point.Longitude, i.Point.Latitude]), new Properties(i.TrackingNumber, i.Title)))], points.Truncated);
    }

    public sealed record Feature(Geometry Geometry, Properties Properties)
    {
        public string Type => "Feature";
    }

    public sealed record Geometry(IReadOnlyList<decimal> Coordinates)
    {
        public string Type => "Point";
    }

    public sealed record Properties(string Number, string Title);
}
