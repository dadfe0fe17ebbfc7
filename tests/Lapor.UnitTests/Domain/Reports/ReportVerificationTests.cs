using Lapor.Web.Domain;
using Lapor.Web.Domain.Reports;
using static Lapor.UnitTests.Builders.ReportBuilder;

namespace Lapor.UnitTests.Domain.Reports;

/// <summary>The coordinator's stage: a submitted report, verification and routing, a hold, archiving, and the title a draft takes.</summary>
public sealed class ReportVerificationTests
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
        Assert.All(report.Assignments, a => Assert.Equal(report.SubmittedOn, a.ReportSubmittedOn)); // the dashboard finds running ones by it
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
    public void Verify_WithAnotherCategory_SetsIt_AndRecordsTheChangeBeforeTheRouting()
    {
        var report = Submitted();

        report.Verify(Coordinator, [AgencyA], null, null, null, Schedule, Monday, categoryId: 7);

        Assert.Equal(7, report.CategoryId);
        var entries = report.Routing.Skip(1).ToList();
        Assert.Equal([RoutingAction.Recategorize, RoutingAction.Verify], entries.Select(e => e.Action));
        Assert.Equal((">7", ReportStatus.Unverified, ReportStatus.Unverified, ActorRole.Coordinator), (entries[0].Reason, entries[0].FromStatus, entries[0].ToStatus, entries[0].ActorRole));
        Assert.True(CategoryChange.TryParse(entries[0].Reason, out var change));
        Assert.Equal(new CategoryChange(null, 7), change);
    }

    [Fact]
    public void Verify_KeepingTheCategory_RecordsNoChange()
    {
        var report = Submitted();
        report.Verify(Coordinator, [AgencyA], null, null, null, Schedule, Monday, categoryId: 7);
        report.Return(Officer, "Bukan kewenangan kami.", Schedule, Monday.AddHours(1));

        report.Verify(Coordinator, [AgencyB], null, null, null, Schedule, Monday.AddHours(2), categoryId: 7);
        report.Return(OfficerOf(AgencyB), "Bukan kewenangan kami.", Schedule, Monday.AddHours(3));
        report.Verify(Coordinator, [AgencyA], null, null, null, Schedule, Monday.AddHours(4));

        Assert.Single(report.Routing, e => e.Action == RoutingAction.Recategorize);
        Assert.Equal(7, report.CategoryId);
    }

    [Theory]
    [InlineData("12>7", 12, 7)]
    [InlineData(">7", null, 7)]
    public void CategoryChange_ReadsBackItsCode(string code, int? from, int to)
    {
        Assert.True(CategoryChange.TryParse(code, out var change));
        Assert.Equal((new CategoryChange(from, to), code), (change, change.Code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bukan kewenangan kami")]
    [InlineData("12>")]
    [InlineData("a>7")]
    [InlineData("1>2>3")]
    [InlineData("-1>7")]
    public void CategoryChange_AnythingElse_IsNotOne(string? reason) => Assert.False(CategoryChange.TryParse(reason, out _));

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
}
