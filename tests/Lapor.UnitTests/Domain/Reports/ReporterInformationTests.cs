using Lapor.Web.Domain;
using Lapor.Web.Domain.Reports;
using static Lapor.UnitTests.Builders.ReportBuilder;

namespace Lapor.UnitTests.Domain.Reports;

/// <summary>The reporter adds information, with photos, in every status before completion; a closed report refuses it by name.</summary>
public sealed class ReporterInformationTests
{
    private static readonly DateTimeOffset Later = Monday.AddDays(1);

    [Theory]
    [InlineData(ReportStatus.Unverified, ReportStatus.Unverified, RoutingAction.AddInformation, ReportEventKind.InformationAdded)]
    [InlineData(ReportStatus.OnHold, ReportStatus.Unverified, RoutingAction.AddInformation, ReportEventKind.InformationAdded)]
    [InlineData(ReportStatus.Dispositioned, ReportStatus.Dispositioned, RoutingAction.ReporterReply, ReportEventKind.ReporterReplied)]
    [InlineData(ReportStatus.InProgress, ReportStatus.InProgress, RoutingAction.ReporterReply, ReportEventKind.ReporterReplied)]
    public void AddReporterInformation_BeforeCompletion_IsTakenAndTold(ReportStatus from, ReportStatus to, RoutingAction recorded, ReportEventKind told)
    {
        var report = In(from);

        report.AddReporterInformation(Reporter, "Ada lubang kedua.", Schedule, Later, [Photo()]);

        Assert.Equal(to, report.Status);
        Assert.Equal(recorded, report.Routing[^1].Action);
        Assert.Contains(report.Events, e => e.Kind == told);
        var message = report.Messages[^1];
        Assert.Equal((MessageKind.ReporterReply, "Ada lubang kedua."), (message.Kind, message.Body));
        Assert.True(Assert.Single(report.Attachments).IsOnMessage);
        Assert.True(Report.TakesReporterInformation(from));
    }

    [Fact]
    public void AddReporterInformation_Unverified_LeavesTheVerificationClockRunning()
    {
        var report = Submitted();
        var due = report.VerifyDueOn;

        report.AddReporterInformation(Reporter, "Tambahan.", Schedule, Later);

        Assert.Equal(due, report.VerifyDueOn);
        Assert.Null(report.PausedAt);
    }

    [Theory]
    [InlineData(ReportStatus.Completed, "Information.Completed")]
    [InlineData(ReportStatus.Archived, "Information.Closed")]
    public void AddReporterInformation_WhenClosed_IsRefusedByNameAndChangesNothing(ReportStatus status, string code)
    {
        var report = In(status);
        var (messages, entries) = (report.Messages.Count, report.Routing.Count);

        var error = Assert.Throws<DomainException>(() => report.AddReporterInformation(Reporter, "Masih rusak.", Schedule, Later));

        Assert.Equal(code, error.Code);
        Assert.Equal((messages, entries, status), (report.Messages.Count, report.Routing.Count, report.Status));
        Assert.False(Report.TakesReporterInformation(status));
    }

    [Fact]
    public void AddReporterInformation_SixPhotos_IsRefusedBeforeAnythingChanges()
    {
        var report = In(ReportStatus.Dispositioned);
        var messages = report.Messages.Count;

        var error = Assert.Throws<DomainException>(() => report.AddReporterInformation(Reporter, "Foto.", Schedule, Later, [.. Enumerable.Range(0, 6).Select(_ => Photo())]));

        Assert.Equal("Attachment.TooManyOnMessage", error.Code);
        Assert.Equal(messages, report.Messages.Count);
        Assert.Empty(report.Attachments);
    }

    private static Attachment Photo() => new("lubang.jpg", $"{Guid.NewGuid():N}.jpg", "image/jpeg", 10, "x", ActorRole.Citizen, Later);
}
