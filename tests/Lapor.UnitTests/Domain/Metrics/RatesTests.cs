using Lapor.Web.Domain.Metrics;

namespace Lapor.UnitTests.Domain.Metrics;

public sealed class RatesTests
{
    [Fact]
    public void FollowUp_HandWorked_SevenOfEightRoutedGotAResponse()
    {
        Assert.Equal(0.875m, Rates.FollowUp(7, 8));
    }

    [Fact]
    public void OnTime_HandWorked_TwoOfThreeWithinDeadline()
    {
        Assert.Equal(0.6667m, Rates.OnTime(2, 3));
    }

    [Fact]
    public void Satisfaction_CountsOnlyVerdicts_SilenceIsNeither()
    {
        // 6 accepted, 2 rejected (and however many auto-completed): 6 / 8.
        Assert.Equal(0.75m, Rates.Satisfaction(6, 2));
        Assert.Null(Rates.Satisfaction(0, 0));
    }

    [Fact]
    public void OfAgencies_HandWorked_ConnectednessTwelveOfSixteen()
    {
        Assert.Equal(0.75m, Rates.OfAgencies(12, 16));
    }

    [Theory]
    [InlineData(new[] { 3 }, 3.0)]
    [InlineData(new[] { 5, 1, 3 }, 3.0)]
    [InlineData(new[] { 1, 2, 3, 10 }, 2.5)]
    public void Median_OddAndEvenCounts(int[] days, double expected)
    {
        Assert.Equal((decimal)expected, Rates.Median(days));
    }

    [Fact]
    public void Mean_RoundsToOneDecimal_EmptyIsNull()
    {
        Assert.Equal(5.3m, Rates.Mean([1, 5, 10]));
        Assert.Null(Rates.Mean([]));
        Assert.Null(Rates.Median([]));
    }

    [Fact]
    public void BacklogAgeing_PutsEachAgeInItsBucket()
    {
        var ageing = BacklogAgeing.Of([0, 5, 6, 14, 15, 60, 61, 200]);

        Assert.Equal(new BacklogAgeing(2, 2, 2, 2), ageing);
        Assert.Equal(8, ageing.Total);
    }
}
