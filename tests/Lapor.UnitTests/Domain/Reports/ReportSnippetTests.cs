using Lapor.Web.Domain.Reports;

namespace Lapor.UnitTests.Domain.Reports;

public sealed class ReportSnippetTests
{
    [Fact]
    public void Of_AShortText_IsKept_OnOneLine() =>
        Assert.Equal("Lampu padam sejak Senin. Gelap sekali.", ReportSnippet.Of("Lampu padam sejak Senin.\r\n\r\n  Gelap sekali. "));

    [Fact]
    public void Of_ALongText_IsCutAtAWordBeforeTheLimit_WithAnEllipsis()
    {
        var body = string.Join(' ', Enumerable.Repeat("sampah menumpuk", 20));

        var snippet = ReportSnippet.Of(body);

        Assert.InRange(snippet.Length, ReportSnippet.Length / 2, ReportSnippet.Length);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.StartsWith(snippet[..^1], body, StringComparison.Ordinal);
        Assert.True(body[snippet.Length - 1] == ' ', "cut between words");
    }

    [Fact]
    public void Of_OneOverlongWord_IsCutAtTheLimit() =>
        Assert.Equal(ReportSnippet.Length, ReportSnippet.Of(new string('a', 300)).Length);

    [Fact]
    public void Of_Nothing_IsEmpty() => Assert.Equal("", ReportSnippet.Of(null));
}
