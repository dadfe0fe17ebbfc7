using Lapor.Web.Domain.Integrations;
using Lapor.Web.Domain.Reports;

namespace Lapor.UnitTests.Domain.Integrations;

public sealed class Open311StatusTests
{
    [Theory]
    [InlineData(ReportStatus.Unverified, null, "open")]
    [InlineData(ReportStatus.OnHold, null, "open")]
    [InlineData(ReportStatus.Dispositioned, null, "action_scheduled")]
    [InlineData(ReportStatus.InProgress, null, "in_progress")]
    [InlineData(ReportStatus.Completed, null, "closed")]
    [InlineData(ReportStatus.Archived, ArchiveReason.Duplicate, "duplicate")]
    [InlineData(ReportStatus.Archived, ArchiveReason.NotPublicService, "not_councils_responsibility")]
    [InlineData(ReportStatus.Archived, ArchiveReason.Spam, "closed")]
    [InlineData(ReportStatus.Archived, null, "closed")]
    public void Of_MapsToFixMyStreetStates(ReportStatus status, ArchiveReason? reason, string expected) =>
        Assert.Equal(expected, Open311Status.Of(status, reason));

    [Fact]
    public void Of_NamesEveryStatus() =>
        Assert.All(Enum.GetValues<ReportStatus>(), status => Assert.Matches("^[a-z_]+$", Open311Status.Of(status)));
}
