namespace Lapor.Web.Domain.Reports;

/// <summary>What a reporter (or an officer entering a letter or call) supplies when filing.</summary>
public sealed record ReportDraft(
    Classification Classification,
    string Title,
    string Body,
    DateOnly? IncidentDate,
    string? Location,
    decimal? Latitude,
    decimal? Longitude,
    int? CategoryId,
    int? TargetAgencyId,
    bool IsAnonymous,
    bool IsConfidential)
{
    /// <summary>
    /// A title for a report that came without one (an SMS, a chat message, an app): its first line,
    /// cut at a word to at most 150 characters.
    /// </summary>
    public static string TitleFrom(string text)
    {
        var line = text.Trim().Split('\n', 2)[0].Trim();
        if (line.Length <= 150)
        {
            return line;
        }

        var cut = line.LastIndexOf(' ', 146);
        return string.Concat(line.AsSpan(0, cut > 50 ? cut : 146), "…");
    }
}
