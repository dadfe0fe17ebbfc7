using System.Text.RegularExpressions;

namespace Lapor.Web.Features.StaffWork.Templates;

/// <summary>
/// Fills a response template for one report: the reporter's salutation, the tracking number, the agency and
/// the next due date, under an Indonesian or an English name ("{Sapaan}" or "{Salutation}"). A name it does
/// not know stays as written, so the officer sees it in the text box before sending rather than the reporter a gap.
/// </summary>
public static partial class TemplateFill
{
    public sealed record Values(string Salutation, string TrackingNumber, string Agency, string? DueDate);

    /// <summary>The placeholders, Indonesian first, as the templates page lists them.</summary>
    public static readonly IReadOnlyList<(string Indonesian, string English)> Names =
        [("Sapaan", "Salutation"), ("NomorLaporan", "TrackingNumber"), ("Instansi", "Agency"), ("Tenggat", "DueDate")];

    public static string Fill(string template, Values values) => Placeholder().Replace(template, m => m.Groups[1].Value.ToLowerInvariant() switch
    {
        "sapaan" or "salutation" => values.Salutation,
        "nomorlaporan" or "trackingnumber" => values.TrackingNumber,
        "instansi" or "agency" => values.Agency,
        "tenggat" or "duedate" when values.DueDate is not null => values.DueDate,
        _ => m.Value,
    });

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
