using Lapor.Web.Operations;

namespace Lapor.UnitTests.Features.Shared;

/// <summary>The demo data's steps are twenty hours apart, closer for a report filed too recently for its whole story (issue 20).</summary>
public sealed class DemoStepGapTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 16, 26, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(51)] // the newest demo report: filed two days and three hours ago
    [InlineData(99)] // the one that once ended an hour in the future
    [InlineData(1)]
    [InlineData(0)]
    public void EveryStepOfTheLongestStory_LiesInThePast(int hoursAgo)
    {
        var at = Now.AddHours(-hoursAgo);

        var last = at + (DemoData.StepGap(at, Now) * DemoData.LongestStory);

        Assert.True(last <= Now, $"{last:O} is after {Now:O}");
    }

    [Fact]
    public void AnOlderReport_KeepsTwentyHoursBetweenSteps()
    {
        Assert.Equal(TimeSpan.FromHours(20), DemoData.StepGap(Now.AddDays(-30), Now));
    }
}
