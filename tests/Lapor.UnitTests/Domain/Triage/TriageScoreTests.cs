using Lapor.Web.Domain.Triage;

namespace Lapor.UnitTests.Domain.Triage;

public sealed class TriageScoreTests
{
    [Fact]
    public void Counts_TopOne_TopThree_Category_AndBaseline()
    {
        var score = new TriageScore();
        score.Add(1, [1, 2, 3], 10, 10, 1); // all right
        score.Add(2, [1, 2, 3], 10, 11, 1); // second choice, wrong category, baseline wrong
        score.Add(4, [1, 2, 3], null, 10, 4); // not in the top three; no category to compare; baseline right
        score.Add(5, [], 10, 10, null); // nothing ranked

        var result = score.Total();

        Assert.Equal(4, result.Count);
        Assert.Equal(0.25, result.AgencyTop1);
        Assert.Equal(0.5, result.AgencyTop3);
        Assert.Equal(0.5, result.CategoryTop1);
        Assert.Equal(0.5, result.BaselineTop1);
    }

    [Fact]
    public void Empty_IsZero() => Assert.Equal(new TriageScore.Result(0, 0, 0, 0, 0), new TriageScore().Total());

    [Theory]
    [InlineData(1000, 0.1, 900, 100)]
    [InlineData(5, 0.1, 4, 1)] // at least one held out
    [InlineData(2, 0.4, 1, 1)]
    [InlineData(1, 0.1, 1, 0)] // one report cannot be split
    [InlineData(0, 0.1, 0, 0)]
    public void Split_HoldsOutTheNewestShare(int count, double share, int train, int test) =>
        Assert.Equal((train, test), TriageScore.Split(count, share));
}
