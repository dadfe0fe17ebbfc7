using Lapor.Web.Domain;
using Lapor.Web.Domain.Reports;
using static Lapor.UnitTests.Builders.ReportBuilder;

namespace Lapor.UnitTests.Domain.Reports;

public sealed class ReportTests
{
    [Fact]
    public void Submit_NewReport_IsUnverifiedWithVerifyClockAndOneHistoryEntry()
    {
        var report = Submitted();

        Assert.Equal(ReportStatus.Unverified, report.Status);
        Assert.Equal(new DateOnly(2026, 11, 5), report.VerifyDueOn); // Monday + 3 working days
        var entry = Assert.Single(report.Routing);
        Assert.Equal((RoutingAction.Submit, (ReportStatus?)null, ReportStatus.Unverified), (entry.Action, entry.FromStatus, entry.ToStatus));
        Assert.Matches("^LPR-", report.TrackingNumber);
    }

    [Fact]
    public void Verify_TwoAgencies_CreatesAnAssignmentAndEntryForEach()
    {
        var report = In(ReportStatus.Dispositioned, twoAgencies: true);

        Assert.Equal(ReportStatus.Dispositioned, report.Status);
        Assert.Equal([AgencyA, AgencyB], report.Assignments.Select(a => a.AgencyId));
        Assert.Equal(2, report.Routing.Count(e => e.Action == RoutingAction.Verify));
        Assert.All(report.Assignments, a => Assert.Equal(new DateOnly(2026, 11, 9), a.FirstResponseDueOn)); // 5 working days
        Assert.All(report.Assignments, a => Assert.Equal(new DateOnly(2026, 11, 20), a.CompletionDueOn)); // 14 working days
    }

    [Theory]
    [InlineData(Classification.Aspiration, null, 5)]
    [InlineData(Classification.InformationRequest, null, 5)]
    [InlineData(Classification.Complaint, ComplaintKind.Ordinary, 14)]
    [InlineData(Classification.Complaint, ComplaintKind.RequiresInvestigation, 60)]
    public void Verify_CompletionDueDate_FollowsClassification(Classification classification, ComplaintKind? kind, int workingDays)
    {
        var report = Submitted(classification);

        report.Verify(Coordinator, [AgencyA], kind, null, null, Schedule, Monday);

        Assert.Equal(Schedule.Calendar.AddWorkingDays(new DateOnly(2026, 11, 2), workingDays), report.Assignments[0].CompletionDueOn);
        Assert.Equal(classification == Classification.Complaint ? kind : null, report.ComplaintKind);
    }

    [Fact]
    public void Verify_PublicTitle_KeepsTheOriginalText()
    {
        var report = Submitted();

        report.Verify(Coordinator, [AgencyA], null, "Jalan rusak di pusat kota", "Ringkasan", Schedule, Monday);

        Assert.Equal("Jalan berlubang di Jl. Merdeka", report.Title);
        Assert.Equal("Jalan rusak di pusat kota", report.PublicTitle);
    }

    [Fact]
    public void Verify_WithoutAgency_IsRefused()
    {
        Assert.Equal("Verify.NoAgency", Assert.Throws<DomainException>(() => Submitted().Verify(Coordinator, [], null, null, null, Schedule, Monday)).Code);
    }

    [Fact]
    public void HoldThenAnswer_MovesVerifyDueDateByThePausedWorkingDays()
    {
        var report = Submitted();
        report.Hold(Coordinator, "Alamat lengkap?", Monday);

        report.AddInformation(Reporter, "Jl. Merdeka 10", Schedule, Monday.AddDays(7)); // paused 5 working days

        Assert.Equal(ReportStatus.Unverified, report.Status);
        Assert.Equal(new DateOnly(2026, 11, 12), report.VerifyDueOn);
        Assert.Null(report.PausedAt);
    }

    [Fact]
    public void Archive_AsDuplicateWithoutOriginal_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Submitted().Archive(Coordinator, ArchiveReason.Duplicate, "Sudah ada", null, Monday));

        Assert.Equal("Archive.DuplicateNeedsLink", error.Code);
    }

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

    [Theory]
    [InlineData("Lampu jalan mati\nSudah seminggu.", "Lampu jalan mati")]
    [InlineData("  Singkat  ", "Singkat")]
    public void TitleFrom_TakesTheFirstLine(string text, string expected)
    {
        Assert.Equal(expected, ReportDraft.TitleFrom(text));
    }

    [Fact]
    public void TitleFrom_LongLine_IsCutAtAWordWithinTheLimit()
    {
        var text = string.Join(' ', Enumerable.Repeat("kata", 60)); // 299 characters

        var title = ReportDraft.TitleFrom(text);

        Assert.True(title.Length <= 150);
        Assert.EndsWith("kata…", title, StringComparison.Ordinal);
    }

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

    [Fact]
    public void EveryChange_BumpsTheConcurrencyVersion()
    {
        var report = Submitted();
        var versions = new List<int> { report.Version };

        report.Hold(Coordinator, "?", Monday);
        versions.Add(report.Version);
        report.AddInformation(Reporter, "!", Schedule, Monday);
        versions.Add(report.Version);
        report.Verify(Coordinator, [AgencyA], null, null, null, Schedule, Monday);
        versions.Add(report.Version);

        Assert.Equal(versions.Count, versions.Distinct().Count());
        Assert.True(versions.SequenceEqual(versions.Order()));
    }

    [Fact]
    public void Protect_CanSetButNeverClearPrivacyFlags()
    {
        var report = Submitted();

        report.Protect(Coordinator, anonymous: true, confidential: false, Monday);
        report.Protect(Coordinator, anonymous: false, confidential: true, Monday);

        Assert.True(report.IsAnonymous);
        Assert.True(report.IsConfidential);
    }

    [Fact]
    public void Protect_ByTheReporter_AddsPrivacy_ByAnOfficer_IsRefused()
    {
        var report = Submitted();

        report.Protect(Actor.Guest, anonymous: false, confidential: true, Monday);

        Assert.Equal((false, true), (report.IsAnonymous, report.IsConfidential));
        Assert.Equal("Lifecycle.NotAllowed", Assert.Throws<DomainException>(() => report.Protect(Officer, anonymous: true, confidential: false, Monday)).Code);
    }

    [Fact]
    public void AddAttachment_SixthFile_IsRefused()
    {
        var report = Submitted();
        for (var i = 0; i < Report.MaxAttachments; i++)
        {
            report.AddAttachment(new Attachment($"f{i}.jpg", $"s{i}.jpg", "image/jpeg", 10, "x", ActorRole.Citizen, Monday));
        }

        var error = Assert.Throws<DomainException>(() => report.AddAttachment(new Attachment("f6.jpg", "s6.jpg", "image/jpeg", 10, "x", ActorRole.Citizen, Monday)));

        Assert.Equal("Attachment.TooMany", error.Code);
    }

    [Fact]
    public void RespondFinal_WithEvidence_AttachesTheFilesToTheAnswer_BesideTheFiveOfTheReport()
    {
        var report = In(ReportStatus.InProgress);
        for (var i = 0; i < Report.MaxAttachments; i++)
        {
            report.AddAttachment(new Attachment($"f{i}.jpg", $"s{i}.jpg", "image/jpeg", 10, "x", ActorRole.Citizen, Monday));
        }

        Attachment[] evidence = [new("hasil.jpg", "e1.jpg", "image/jpeg", 10, "x", ActorRole.Officer, Monday), new("berita-acara.pdf", "e2.pdf", "application/pdf", 10, "x", ActorRole.Officer, Monday)];

        report.RespondFinal(OfficerOf(AgencyA), "Selesai", MessageVisibility.Public, Schedule, Monday.AddDays(1), evidence);

        var answer = report.Messages.Single(m => m.Kind == MessageKind.FinalResponse);
        Assert.All(evidence, file => Assert.Same(answer, file.Message));
        Assert.Equal(Report.MaxAttachments + 2, report.Attachments.Count);
    }

    [Fact]
    public void RespondFinal_WithSixFiles_IsRefused_AndNothingChanges()
    {
        var report = In(ReportStatus.InProgress);
        var evidence = Enumerable.Range(0, Report.MaxAttachments + 1).Select(i => new Attachment($"f{i}.jpg", $"s{i}.jpg", "image/jpeg", 10, "x", ActorRole.Officer, Monday)).ToList();

        var error = Assert.Throws<DomainException>(() => report.RespondFinal(OfficerOf(AgencyA), "Selesai", MessageVisibility.Public, Schedule, Monday.AddDays(1), evidence));

        Assert.Equal("Attachment.TooManyOnResponse", error.Code);
        Assert.DoesNotContain(report.Messages, m => m.Kind == MessageKind.FinalResponse);
        Assert.Empty(report.Attachments);
    }

    [Theory]
    [InlineData(ReportStatus.Unverified, false)]
    [InlineData(ReportStatus.OnHold, false)]
    [InlineData(ReportStatus.Archived, false)]
    [InlineData(ReportStatus.Dispositioned, true)]
    [InlineData(ReportStatus.InProgress, true)]
    [InlineData(ReportStatus.Completed, true)]
    public void IsPublic_FollowsTheStatus(ReportStatus status, bool expected)
    {
        Assert.Equal(expected, In(status).IsPublic);
    }

    [Fact]
    public void IsPublic_EndsWhenTheCoordinatorMakesItConfidential()
    {
        var report = In(ReportStatus.InProgress);

        report.Protect(Coordinator, anonymous: false, confidential: true, Monday.AddDays(1));

        Assert.False(report.IsPublic);
    }
}
