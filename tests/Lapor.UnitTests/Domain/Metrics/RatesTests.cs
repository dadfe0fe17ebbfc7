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
    [InlineData(new[] { 2, 2, 2, 7, 7, 9 }, 4.5)]
    public void Median_OddAndEvenCounts(int[] days, double expected)
    {
        var tally = new DurationTally();
        foreach (var day in days)
        {
            tally.Add(day, onTime: true);
        }

        Assert.Equal((decimal)expected, tally.Median);
    }

    [Fact]
    public void Tally_GroupedCounts_SameAsOneByOne()
    {
        // 3 × 1 day (on time), 1 × 4 days (late), 2 × 10 days (late): sorted 1 1 1 4 10 10.
        var tally = new DurationTally();
        tally.Add(10, onTime: false, count: 2);
        tally.Add(1, onTime: true, count: 3);
        tally.Add(4, onTime: false);

        Assert.Equal(6, tally.Count);
        Assert.Equal(2.5m, tally.Median);
        Assert.Equal(4.5m, tally.Mean);
        Assert.Equal(0.5m, tally.OnTime);
    }

    [Fact]
    public void Tally_Merged_SameAsOneTallyOfEverything()
    {
        var agencyA = new DurationTally();
        agencyA.Add(1, onTime: true, count: 3);
        var agencyB = new DurationTally();
        agencyB.Add(4, onTime: false);
        agencyB.Add(10, onTime: false, count: 2);

        var scope = new DurationTally();
        scope.Add(agencyA);
        scope.Add(agencyB);

        Assert.Equal((6, 2.5m, 4.5m, 0.5m), (scope.Count, scope.Median, scope.Mean, scope.OnTime));
    }

    [Fact]
    public void Mean_RoundsToOneDecimal_EmptyIsNull()
    {
        var tally = new DurationTally();
        Assert.Null(tally.Mean);
        Assert.Null(tally.Median);
        Assert.Null(tally.OnTime);

        tally.Add(1, true);
        tally.Add(5, true);
        tally.Add(10, false);
        Assert.Equal(5.3m, tally.Mean);
    }

    [Fact]
    public void BacklogAgeing_PutsEachAgeInItsBucket()
    {
        var ageing = BacklogAgeing.Of([(0, 1), (5, 1), (6, 2), (15, 1), (60, 1), (61, 1), (200, 1)]);

        Assert.Equal(new BacklogAgeing(2, 2, 2, 2), ageing);
        Assert.Equal(8, ageing.Total);
    }
}
