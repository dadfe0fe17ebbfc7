using System.Text.RegularExpressions;
using Lapor.UnitTests.Support;

namespace Lapor.UnitTests.Architecture;

/// <summary>
/// Views link to pages through routes (asp-controller, asp-action, asp-route-*, Url.Action), never by
/// a written path, so renaming a route cannot leave a dead link behind. Static files ("~/css/…") are fine.
/// </summary>
public sealed partial class ViewLinkTests
{
    [Fact]
    public void Views_HoldNoLiteralLinkToAnInternalPage()
    {
        var features = Path.Combine(SourceTree.Web, "Features");
        var offenders = Directory.EnumerateFiles(features, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (File: Path.GetRelativePath(features, file), Line: index + 1, Text: line)))
            .Where(line => LiteralPath().IsMatch(line.Text))
            .Select(line => $"{line.File}:{line.Line}: {line.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, $"{offenders.Count} literal links:{Environment.NewLine}{string.Join(Environment.NewLine, offenders)}");
    }

    [Theory]
    [InlineData("<a href=\"/lacak\">")]
    [InlineData("<form method=\"post\" action=\"/inbox/@n/tunda\">")]
    [InlineData("<a href=\"@($\"/dashboard/laporan?status={s}\")\">")]
    [InlineData("<a href=\"/\">")]
    public void TheCheck_FindsAWrittenPath(string line) => Assert.Matches(LiteralPath(), line);

    [Theory]
    [InlineData("<script src=\"~/js/site.js\" asp-append-version=\"true\"></script>")]
    [InlineData("<a asp-controller=\"Reports\" asp-action=\"Track\" asp-route-trackingNumber=\"@n\">")]
    [InlineData("<a href=\"https://www.lapor.go.id/\">")]
    [InlineData("<time datetime=\"2026-12-01\">1/12/2026</time>")]
    public void TheCheck_LeavesRoutesAssetsAndOtherText(string line) => Assert.DoesNotMatch(LiteralPath(), line);

    /// <summary>A quoted string that starts with one slash: "/…" or $"/…", not "~/…" or "//…".</summary>
    [GeneratedRegex("""(?<![~\w/:])["']/(?!/)""")]
    private static partial Regex LiteralPath();
}
