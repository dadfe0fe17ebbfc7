using System.Globalization;

namespace Lapor.Web.Features.Integrations.Intake;

/// <summary>
/// A place a reporter shared on WhatsApp or Telegram: the point (kept to six decimals, as the web form
/// keeps it; public pages round it as they round every report's point), with the place's name and address
/// when the app gave them (a saved place rather than a dropped pin).
/// </summary>
public sealed record SentLocation(decimal Latitude, decimal Longitude, string? Name, string? Address)
{
    /// <summary>The report's location column holds 300 characters.</summary>
    public const int MaxTextLength = 300;

    private const int Decimals = 6;

    /// <summary>The platform's point, or null when it is missing or out of range.</summary>
    public static SentLocation? From(double? latitude, double? longitude, string? name, string? address)
    {
        if (latitude is not { } lat || longitude is not { } lon || !double.IsFinite(lat) || !double.IsFinite(lon) || Math.Abs(lat) > 90 || Math.Abs(lon) > 180)
        {
            return null;
        }

        return new SentLocation(Math.Round((decimal)lat, Decimals, MidpointRounding.AwayFromZero), Math.Round((decimal)lon, Decimals, MidpointRounding.AwayFromZero),
            Clean(name), Clean(address));
    }

    public string Coordinates => string.Create(CultureInfo.InvariantCulture, $"{Latitude}, {Longitude}");

    /// <summary>The place in words for the report's location: its name and address, else its coordinates.</summary>
    public string Text => Clip(string.Join(", ", new[] { Name, Address }.OfType<string>()) is { Length: > 0 } words ? words : Coordinates);

    /// <summary>The place with its coordinates, as the message's text (staff read the exact point on a follow-up).</summary>
    public string Description => Name is null && Address is null ? Coordinates : $"{Text} ({Coordinates})";

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : Clip(text.Trim());

    private static string Clip(string text) => text.Length <= MaxTextLength ? text : text[..MaxTextLength];
}
