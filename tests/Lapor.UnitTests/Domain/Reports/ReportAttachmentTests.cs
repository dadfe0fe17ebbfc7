using Lapor.Web.Domain;
using Lapor.Web.Domain.Reports;
using static Lapor.UnitTests.Builders.ReportBuilder;

namespace Lapor.UnitTests.Domain.Reports;

/// <summary>Files: the report's five, and evidence on a final response beside them.</summary>
public sealed class ReportAttachmentTests
{
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
}
