using Lapor.Web.Domain;
using Lapor.Web.Domain.Reports;
using static Lapor.UnitTests.Builders.ReportBuilder;

namespace Lapor.UnitTests.Domain.Reports;

/// <summary>The end of the work: the reporter's verdict, completion by time, reopening, rating, and the stage durations kept.</summary>
public sealed class ReportCompletionTests
{
    [Fact]
    public void StageDurations_AreRecordedInWorkingDaysWhenEachStageEnds()
    {
        var report = Submitted(); // Monday 2 November, 09:00 WIB
        Assert.Equal(new DateOnly(2026, 11, 2), report.SubmittedOn);

        report.Verify(Coordinator, [AgencyA], ComplaintKind.Ordinary, null, null, Schedule, Monday.AddDays(4)); // Friday
        report.Respond(OfficerOf(AgencyA), "Kami tinjau", MessageVisibility.Public, Schedule, Monday.AddDays(7)); // next Monday
        report.RespondFinal(OfficerOf(AgencyA), "Selesai", MessageVisibility.Public, Schedule, Monday.AddDays(14));
        report.Accept(Reporter, Schedule, Monday.AddDays(15)); // Tuesday a week later

        var assignment = report.Assignments[0];
        Assert.Equal((4, false), (report.VerifyWorkingDays, report.VerifiedOnTime)); // due in 3 working days: Thursday
        Assert.Equal((1, true), (assignment.FirstResponseWorkingDays, assignment.FirstResponseOnTime)); // Friday → Monday, not the weekend
        Assert.Equal((7, true), (assignment.CompletionWorkingDays, assignment.CompletedOnTime));
    }

    [Fact]
    public void StageDurations_FirstResponseKeptAndCompletionClearedWhenRejected()
    {
        var report = In(ReportStatus.InProgress);
        report.RespondFinal(OfficerOf(AgencyA), "Selesai", MessageVisibility.Public, Schedule, Monday.AddDays(1));
        report.Accept(Reporter, Schedule, Monday.AddDays(2));
        report.Reopen(Coordinator, "Belum tuntas", Schedule, Monday.AddDays(3));

        var assignment = report.Assignments[0];
        Assert.Equal(0, assignment.FirstResponseWorkingDays);
        Assert.Null(assignment.CompletionWorkingDays);
        Assert.Null(assignment.CompletedOnTime);
    }

    [Fact]
    public void RecordMissingStageDurations_FillsOnlyWhatIsMissing_FromTheTimestamps()
    {
        var report = In(ReportStatus.Completed);
        var recorded = (report.VerifyWorkingDays, report.Assignments[0].FirstResponseWorkingDays, report.Assignments[0].CompletionWorkingDays);

        report.RecordMissingStageDurations(Schedule);

        Assert.Equal(recorded, (report.VerifyWorkingDays, report.Assignments[0].FirstResponseWorkingDays, report.Assignments[0].CompletionWorkingDays));
        Assert.Equal(new DateOnly(2026, 11, 2), report.SubmittedOn);
    }

    [Fact]
    public void Accept_WhenOneOfTwoAgenciesIsFinal_CompletesThatAssignmentOnly()
    {
        var report = In(ReportStatus.Dispositioned, twoAgencies: true);
        report.RespondFinal(OfficerOf(AgencyA), "Selesai dari A", MessageVisibility.Public, Schedule, Monday.AddDays(1));

        report.Accept(Reporter, Schedule, Monday.AddDays(2));

        Assert.Equal(ReportStatus.InProgress, report.Status);
        Assert.Equal(AssignmentState.Completed, report.Assignments.Single(a => a.AgencyId == AgencyA).State);

        report.RespondFinal(OfficerOf(AgencyB), "Selesai dari B", MessageVisibility.Public, Schedule, Monday.AddDays(3));
        report.Accept(Reporter, Schedule, Monday.AddDays(4));

        Assert.Equal(ReportStatus.Completed, report.Status);
        Assert.Equal(Monday.AddDays(4), report.CompletedAt);
    }

    [Fact]
    public void Accept_BeforeFinalResponse_IsRefused()
    {
        Assert.Equal("Lifecycle.NoFinalResponse", Assert.Throws<DomainException>(() => In(ReportStatus.InProgress).Accept(Reporter, Schedule, Monday)).Code);
    }

    [Fact]
    public void Reject_CountsTheRejectionAndReopensTheAssignment()
    {
        var report = In(ReportStatus.InProgress);
        report.RespondFinal(OfficerOf(AgencyA), "Selesai", MessageVisibility.Public, Schedule, Monday.AddDays(1));

        report.Reject(Reporter, "Lubang masih ada", Monday.AddDays(2));

        Assert.Equal(ReportStatus.InProgress, report.Status);
        Assert.Equal((AssignmentState.InProgress, 1), (report.Assignments[0].State, report.Assignments[0].RejectionCount));
    }

    [Fact]
    public void AutoComplete_AfterReporterWindow_CompletesButNotBefore()
    {
        var report = In(ReportStatus.InProgress);
        report.RespondFinal(OfficerOf(AgencyA), "Selesai", MessageVisibility.Public, Schedule, Monday); // window ends Monday + 10 working days
        var windowEnd = report.Assignments[0].ReporterWindowEndsOn!.Value;

        Assert.Throws<DomainException>(() => report.AutoComplete(Schedule, new DateTimeOffset(windowEnd.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero)));
        report.AutoComplete(Schedule, new DateTimeOffset(windowEnd.AddDays(1).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));

        Assert.Equal(ReportStatus.Completed, report.Status);
        Assert.Equal(ActorRole.System, report.Routing[^1].ActorRole);
    }

    [Fact]
    public void Reopen_ByReporterAfterTheirWindow_IsRefused_ByCoordinatorAllowed()
    {
        var report = In(ReportStatus.Completed);

        Assert.Equal("Reopen.WindowPassed", Assert.Throws<DomainException>(() => report.Reopen(Reporter, "Rusak lagi", Schedule, Monday.AddDays(30))).Code);
        report.Reopen(Coordinator, "Rusak lagi", Schedule, Monday.AddDays(30));

        Assert.Equal(ReportStatus.InProgress, report.Status);
        Assert.Null(report.CompletedAt);
    }

    [Fact]
    public void Rate_OutOfRangeOrBeforeFinal_IsRefused_AfterFinalStored()
    {
        var inProgress = In(ReportStatus.InProgress);
        var completed = In(ReportStatus.Completed);

        Assert.Equal("Lifecycle.NoFinalResponse", Assert.Throws<DomainException>(() => inProgress.Rate(Reporter, 4, Monday)).Code);
        Assert.Equal("Rating.OutOfRange", Assert.Throws<DomainException>(() => completed.Rate(Reporter, 6, Monday)).Code);
        completed.Rate(Reporter, 4, Monday);
        Assert.Equal(4, completed.Rating);
    }
}
