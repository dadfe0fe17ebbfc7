using Lapor.Web.Domain.Metrics;
using Lapor.Web.Domain.Reports;

namespace Lapor.UnitTests.Domain.Metrics;

public sealed class TallyChangesTests
{
    private static readonly DateOnly October = new(2026, 10, 1);

    private static ReportFacts Filed(ReportStatus status = ReportStatus.Unverified) =>
        new(new DateOnly(2026, 10, 14), status, null, null, false, 0, 0, null, null);

    private static AssignmentFacts Routed(AssignmentState state = AssignmentState.Dispositioned) =>
        new(new DateOnly(2026, 10, 14), 7, state, null, null, null, null, 0);

    [Fact]
    public void Add_NewReport_CountsItsStatusInItsFilingMonth()
    {
        var tally = new TallyChanges();

        tally.Add(Filed());

        Assert.Equal([(new TallyKey(October, TallyMeasure.Status, 0, (int)ReportStatus.Unverified), 1L, 0L)], tally.Cells);
    }

    [Fact]
    public void Add_OldValuesOutNewIn_MovesTheCountBetweenCells()
    {
        var tally = new TallyChanges();
        var verified = Filed(ReportStatus.Dispositioned) with { VerifyWorkingDays = 2, VerifiedOnTime = true };

        tally.Add(Filed(), -1);
        tally.Add(verified);

        Assert.Equal(
            [
                (new TallyKey(October, TallyMeasure.Status, 0, (int)ReportStatus.Unverified), -1L, 0L),
                (new TallyKey(October, TallyMeasure.Status, 0, (int)ReportStatus.Dispositioned), 1L, 0L),
                (new TallyKey(October, TallyMeasure.Verification, 0, 2), 1L, 1L),
            ],
            tally.Cells.OrderBy(c => c.Key.Measure).ThenBy(c => c.Count));
    }

    [Fact]
    public void Add_UnchangedValues_CancelOut()
    {
        var tally = new TallyChanges();
        var report = Filed(ReportStatus.Completed) with { Responded = true, TimesAccepted = 1, Rating = 4, CompletedOn = new DateOnly(2026, 11, 2) };

        tally.Add(report, -1);
        tally.Add(report);
        tally.Add(Routed(AssignmentState.Completed) with { CompletionWorkingDays = 5, CompletedOnTime = false }, -1);
        tally.Add(Routed(AssignmentState.Completed) with { CompletionWorkingDays = 5, CompletedOnTime = false });

        Assert.True(tally.IsEmpty);
    }

    [Fact]
    public void Add_CompletedReport_CountsTheTrendInTheMonthOfCompletion()
    {
        var tally = new TallyChanges();

        tally.Add(Filed(ReportStatus.Completed) with { Responded = true, CompletedOn = new DateOnly(2026, 11, 2) });

        Assert.Contains((new TallyKey(new DateOnly(2026, 11, 1), TallyMeasure.CompletedIn, 0, 0), 1L, 0L), tally.Cells);
        Assert.Contains((new TallyKey(October, TallyMeasure.FollowedUp, 0, 0), 1L, 0L), tally.Cells);
    }

    [Fact]
    public void Add_ReopenedReportWithACompletionDayLeft_IsNoCompletion()
    {
        var tally = new TallyChanges();

        tally.Add(Filed(ReportStatus.InProgress) with { CompletedOn = new DateOnly(2026, 11, 2) });

        Assert.DoesNotContain(tally.Cells, c => c.Key.Measure == TallyMeasure.CompletedIn);
    }

    [Theory]
    [InlineData(AssignmentState.Returned)]
    [InlineData(AssignmentState.Forwarded)]
    [InlineData(AssignmentState.Withdrawn)]
    public void Add_AssignmentThatLeftTheAgency_CountsNowhere(AssignmentState state)
    {
        var tally = new TallyChanges();

        tally.Add(Routed(state) with { FirstResponseWorkingDays = 1, FirstResponseOnTime = true, ValidationRefusals = 1 });

        Assert.True(tally.IsEmpty);
    }

    [Fact]
    public void Add_AnsweredAssignment_CountsPerAgencyWithTheDurations()
    {
        var tally = new TallyChanges();

        tally.Add(Routed(AssignmentState.Completed) with { FirstResponseWorkingDays = 1, FirstResponseOnTime = true, CompletionWorkingDays = 9, CompletedOnTime = false, ValidationRefusals = 2 });

        Assert.Equal(
            [
                (new TallyKey(October, TallyMeasure.Assigned, 7, 0), 1L, 0L),
                (new TallyKey(October, TallyMeasure.Refusals, 7, 0), 2L, 0L),
                (new TallyKey(October, TallyMeasure.FirstResponse, 7, 1), 1L, 1L),
                (new TallyKey(October, TallyMeasure.Completion, 7, 9), 1L, 0L),
            ],
            tally.Cells.OrderBy(c => c.Key.Measure));
    }

    [Fact]
    public void DurationTally_AddCounted_GivesTheSameFiguresAsOneByOne()
    {
        var counted = new DurationTally();
        counted.AddCounted(2, 3, 2);
        counted.AddCounted(7, 1, 0);
        var oneByOne = new DurationTally();
        oneByOne.Add(2, true);
        oneByOne.Add(2, true);
        oneByOne.Add(2, false);
        oneByOne.Add(7, false);

        Assert.Equal((oneByOne.Count, oneByOne.OnTimeCount, oneByOne.Median, oneByOne.Mean), (counted.Count, counted.OnTimeCount, counted.Median, counted.Mean));
        Assert.Equal((4, 2, 2m, 3.2m), (counted.Count, counted.OnTimeCount, counted.Median, counted.Mean));
    }
}
