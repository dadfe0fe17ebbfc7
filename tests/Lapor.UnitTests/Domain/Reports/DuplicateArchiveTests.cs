using Lapor.Web.Domain;
using Lapor.Web.Domain.Reports;
using static Lapor.UnitTests.Builders.ReportBuilder;

namespace Lapor.UnitTests.Domain.Reports;

public sealed class DuplicateArchiveTests
{
    [Fact]
    public void ArchiveAsDuplicate_ArchivesWithTheLink_MovesTheSupportCount_AndNotesItOnTheOriginal()
    {
        var original = In(ReportStatus.InProgress);
        var duplicate = Submitted();

        duplicate.ArchiveAsDuplicate(Coordinator, original, null, "Sama dengan laporan asli.", 2, "Digabung.", Monday.AddDays(1));

        Assert.Equal(ReportStatus.Archived, duplicate.Status);
        Assert.Equal(ArchiveReason.Duplicate, duplicate.ArchiveReason);
        Assert.Equal(0, duplicate.SupportCount);
        Assert.Equal(2, original.SupportCount);
        Assert.Equal(MessageKind.ArchiveNotice, duplicate.Messages[^1].Kind);
        Assert.Equal("Sama dengan laporan asli.", duplicate.Messages[^1].Body);
        Assert.Equal(RoutingAction.Archive, duplicate.Routing[^1].Action);
        Assert.Equal(nameof(ArchiveReason.Duplicate), duplicate.Routing[^1].Reason);
        Assert.Equal((MessageKind.Note, MessageVisibility.Internal, "Digabung."), (original.Messages[^1].Kind, original.Messages[^1].Visibility, original.Messages[^1].Body));
        Assert.Equal(RoutingAction.Note, original.Routing[^1].Action);

        var archived = Assert.Single(duplicate.Events, e => e.Kind == ReportEventKind.Archived);
        Assert.Equal((original.TrackingNumber, original.IsPublic, (string?)null), (archived.DuplicateOf, archived.DuplicateOfIsPublic, archived.Reason));
    }

    [Fact]
    public void ArchiveAsDuplicate_ATypedMessage_GoesToTheReporterAndIntoTheNotice()
    {
        var duplicate = Submitted();

        duplicate.ArchiveAsDuplicate(Coordinator, In(ReportStatus.Dispositioned), "  Ikuti laporan aslinya.  ", "standar", 0, "Digabung.", Monday.AddDays(1));

        Assert.Equal("Ikuti laporan aslinya.", duplicate.Messages[^1].Body);
        Assert.Equal("Ikuti laporan aslinya.", duplicate.Events.Single(e => e.Kind == ReportEventKind.Archived).Reason);
    }

    [Fact]
    public void ArchiveAsDuplicate_OfItself_IsRefused()
    {
        var report = Submitted();

        Assert.Equal("Duplicate.Self", Assert.Throws<DomainException>(() => report.ArchiveAsDuplicate(Coordinator, report, null, "x", 0, "y", Monday)).Code);
        Assert.Equal(ReportStatus.Unverified, report.Status);
    }

    [Fact]
    public void ArchiveAsDuplicate_OfAReportThatIsItselfADuplicate_IsRefused()
    {
        var first = In(ReportStatus.Dispositioned);
        var second = Submitted();
        second.Archive(Coordinator, ArchiveReason.Duplicate, "Duplikat.", 1, Monday);

        var exception = Assert.Throws<DomainException>(() => Submitted().ArchiveAsDuplicate(Coordinator, second, null, "x", 0, "y", Monday));

        Assert.Equal("Duplicate.OfDuplicate", exception.Code);
        Assert.NotEqual(ReportStatus.Archived, first.Status);
    }

    [Fact]
    public void ArchiveAsDuplicate_AfterVerification_IsNotAllowed()
    {
        var routed = In(ReportStatus.Dispositioned);

        Assert.Equal("Lifecycle.NotAllowed", Assert.Throws<DomainException>(() => routed.ArchiveAsDuplicate(Coordinator, Submitted(), null, "x", 0, "y", Monday)).Code);
    }

    [Fact]
    public void OriginalOf_FollowsAChainToItsOriginal()
    {
        var originals = new Dictionary<long, long?> { [3] = 2, [2] = 1, [1] = null };

        Assert.Equal(1, Report.OriginalOf(9, 3, id => originals.GetValueOrDefault(id)));
        Assert.Equal(1, Report.OriginalOf(9, 1, id => originals.GetValueOrDefault(id)));
    }

    [Theory]
    [InlineData(9, 9, "Duplicate.Self")]
    [InlineData(9, 3, "Duplicate.Cycle")]
    public void OriginalOf_BackToTheReportItself_IsRefused(long self, long chosen, string code)
    {
        // 3 is a duplicate of 2, which is a duplicate of 9: marking 9 as a duplicate of 3 would close a circle.
        var originals = new Dictionary<long, long?> { [3] = 2, [2] = 9 };

        Assert.Equal(code, Assert.Throws<DomainException>(() => Report.OriginalOf(self, chosen, id => originals.GetValueOrDefault(id))).Code);
    }

    [Fact]
    public void OriginalOf_AnEndlessChain_IsRefused()
    {
        Assert.Equal("Duplicate.Cycle", Assert.Throws<DomainException>(() => Report.OriginalOf(99, 1, id => id + 1)).Code);
    }
}
