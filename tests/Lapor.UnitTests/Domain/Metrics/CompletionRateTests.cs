using Lapor.Web.Domain.Metrics;
using Lapor.Web.Domain.Reports;

namespace Lapor.UnitTests.Domain.Metrics;

public sealed class CompletionRateTests
{
    [Fact]
    public void Of_HandWorkedExample_IgnoresReportsThatNeverReachedAnAgency()
    {
        // 8 completed, 1 dispositioned, 1 in progress → 8 / 10; the 5 unverified, 2 on hold and 3 archived do not count.
        var counts = new Dictionary<ReportStatus, int>
        {
            [ReportStatus.Completed] = 8,
            [ReportStatus.Dispositioned] = 1,
            [ReportStatus.InProgress] = 1,
            [ReportStatus.Unverified] = 5,
            [ReportStatus.OnHold] = 2,
            [ReportStatus.Archived] = 3,
        };

        Assert.Equal(0.8m, CompletionRate.Of(counts));
    }

    [Fact]
    public void Of_RoundsToFourDecimals()
    {
        Assert.Equal(0.6667m, CompletionRate.Of(new Dictionary<ReportStatus, int> { [ReportStatus.Completed] = 2, [ReportStatus.InProgress] = 1 }));
    }

    [Fact]
    public void Of_NothingDispositioned_IsUnknownNotZero()
    {
        Assert.Null(CompletionRate.Of(new Dictionary<ReportStatus, int> { [ReportStatus.Unverified] = 4 }));
    }
}
