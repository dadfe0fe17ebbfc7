using Lapor.Web.Domain;
using Lapor.Web.Domain.Reports;
using static Lapor.UnitTests.Builders.ReportBuilder;

namespace Lapor.UnitTests.Domain.Reports;

/// <summary>The agencies' stage: returning, referring and forwarding a share, responding, and asking the reporter.</summary>
public sealed class ReportAgencyWorkTests
{
    [Fact]
    public void Return_ByTheOnlyAgency_SendsReportBackToCoordinatorAsReturned()
    {
        var report = In(ReportStatus.Dispositioned);

        report.Return(OfficerOf(AgencyA), "Kewenangan provinsi", Schedule, Monday.AddDays(1));

        Assert.Equal(ReportStatus.Unverified, report.Status);
        Assert.True(report.IsReturned);
        Assert.Equal(AssignmentState.Returned, report.Assignments[0].State);
    }

    [Fact]
    public void Return_ByOneOfTwoAgencies_OtherKeepsWorking()
    {
        var report = In(ReportStatus.Dispositioned, twoAgencies: true);

        report.Return(OfficerOf(AgencyB), "Bukan kami", Schedule, Monday.AddDays(1));

        Assert.Equal(ReportStatus.Dispositioned, report.Status);
        Assert.False(report.IsReturned);
        Assert.Equal([AgencyA], report.OpenAssignments().Select(a => a.AgencyId));
    }

    [Fact]
    public void Refer_ToAnotherAgency_NewAssignmentAndFirstAgencyKeepsReadAccess()
    {
        var report = In(ReportStatus.InProgress);

        report.Forward(OfficerOf(AgencyA), new AgencyRef(AgencyB, null), "Kewenangan dinas B", Schedule, Monday.AddDays(1));

        Assert.Equal(AssignmentState.Forwarded, report.Assignments.Single(a => a.AgencyId == AgencyA).State);
        Assert.Equal(AssignmentKind.Referral, report.Assignments.Single(a => a.AgencyId == AgencyB).Kind);
        Assert.Equal([AgencyA, AgencyB], report.AgenciesWithAccess());
        Assert.Equal((AgencyA, AgencyB), (report.Routing[^1].FromAgencyId!.Value, report.Routing[^1].ToAgencyId!.Value));
    }

    [Fact]
    public void Forward_ToAnAgencyAlreadyHoldingIt_IsRefused()
    {
        var report = In(ReportStatus.Dispositioned, twoAgencies: true);

        var error = Assert.Throws<DomainException>(() => report.Forward(OfficerOf(AgencyA), new AgencyRef(AgencyB, null), "x", Schedule, Monday));

        Assert.Equal("Forward.AlreadyAssigned", error.Code);
    }

    [Fact]
    public void Respond_First_StartsProgressAndRecordsFirstResponseAndOfficer()
    {
        var report = In(ReportStatus.Dispositioned);

        report.Respond(OfficerOf(AgencyA), "Kami tinjau", MessageVisibility.Public, Schedule, Monday.AddDays(1));

        Assert.Equal(ReportStatus.InProgress, report.Status);
        Assert.Equal(Monday.AddDays(1), report.FirstResponseAt);
        Assert.Equal("officer", report.Assignments[0].OfficerUserId);
    }

    [Fact]
    public void Respond_ByAgencyNotHoldingTheReport_IsRefused()
    {
        var report = In(ReportStatus.Dispositioned);

        var error = Assert.Throws<DomainException>(() => report.Respond(OfficerOf(AgencyB), "x", MessageVisibility.Public, Schedule, Monday));

        Assert.Equal("Assignment.NotOpen", error.Code);
    }

    [Fact]
    public void RequestInformation_ThenReply_PausesAndExtendsCompletionDueDate()
    {
        var report = In(ReportStatus.InProgress);
        var due = report.Assignments[0].CompletionDueOn;
        report.RequestInformation(OfficerOf(AgencyA), "Foto?", Monday.AddDays(1)); // Tuesday

        Assert.Equal(AssignmentState.AwaitingReporter, report.Assignments[0].State);
        report.ReporterReply(Reporter, "Foto terlampir", Schedule, Monday.AddDays(3)); // Thursday: 2 working days

        Assert.Equal(AssignmentState.InProgress, report.Assignments[0].State);
        Assert.Equal(Schedule.Calendar.AddWorkingDays(due, 2), report.Assignments[0].CompletionDueOn);
    }
}
