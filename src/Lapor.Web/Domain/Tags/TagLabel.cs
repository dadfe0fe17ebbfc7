using System.Text.RegularExpressions;

namespace Lapor.Web.Domain.Tags;

/// <summary>
/// A tag's label as coordinators type it ("banjir-2026", "jalan-provinsi"): short, letters, digits and
/// hyphens, kept in lower case so "Banjir-2026" and "banjir-2026" are one tag.
/// </summary>
public static partial class TagLabel
{
    public const int MaxLength = 40;

    /// <summary>The label as stored, or null with the resource key of what is wrong with it.</summary>
    public static string? Normalize(string? typed, out string? error)
    {
        var label = (typed ?? "").Trim().ToLowerInvariant();
        error = label.Length == 0 ? "Tag.Required"
            : label.Length > MaxLength ? "Tag.TooLong"
            : !Shape().IsMatch(label) ? "Tag.BadShape"
            : null;
        return error is null ? label : null;
    }

    // Letters of any script, digits and single hyphens between them: readable in a URL and in a CSV cell.
    [GeneratedRegex(@"^[\p{L}\p{Nd}]+(-[\p{L}\p{Nd}]+)*$")]
    private static partial Regex Shape();
}
