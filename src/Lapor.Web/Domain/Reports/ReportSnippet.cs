namespace Lapor.Web.Domain.Reports;

/// <summary>
/// The opening of a report's text on one line, for telling apart reports with the same title (the
/// similar-reports panel): whitespace collapsed, cut at a word before <see cref="Length"/> characters.
/// </summary>
public static class ReportSnippet
{
    public const int Length = 120;

    public static string Of(string? body)
    {
        var text = string.Join(' ', (body ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= Length)
        {
            return text;
        }

        // A word cut in half reads as a typo; a single overlong word is cut where it must be.
        var space = text.LastIndexOf(' ', Length - 1);
        return string.Concat(text.AsSpan(0, space > Length / 2 ? space : Length - 1).TrimEnd(" ,.;:".AsSpan()), "…");
    }
}
