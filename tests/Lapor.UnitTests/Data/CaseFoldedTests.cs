using Lapor.Web.Data;

namespace Lapor.UnitTests.Data;

public sealed class CaseFoldedTests
{
    [Theory]
    [InlineData("  Jalan SAWO ", "jalan sawo")]
    [InlineData("Pak JOSÉ", "pak josé")]
    public void Fold_TrimsAndLowersEveryLetter_NotOnlyAscii(string typed, string folded) =>
        Assert.Equal(folded, CaseFolded.Fold(typed));

    [Fact]
    public void Anywhere_WrapsTheFoldedText_InWildcards() =>
        Assert.Equal("%pak josé%", CaseFolded.Anywhere(" Pak JOSÉ "));

    [Theory]
    [InlineData("100%", "100\\%")]
    [InlineData("rt_05", "rt\\_05")]
    [InlineData("a\\b", "a\\\\b")]
    public void Patterns_TakeLikesWildcards_Literally(string typed, string literal)
    {
        Assert.Equal(literal, CaseFolded.Exactly(typed));
        Assert.Equal("%" + literal + "%", CaseFolded.Anywhere(typed));
    }
}
