using Lapor.Web.Domain;
using Lapor.Web.Domain.Reports;

namespace Lapor.UnitTests.Domain.Reports;

public sealed class ReportLifecycleTests
{
    /// <summary>DESIGN §5, written out independently of the production table: (status, action) → target.</summary>
    private static readonly Dictionary<(ReportStatus, RoutingAction), ReportStatus> Expected = new()
    {
        [(ReportStatus.Unverified, RoutingAction.Verify)] = ReportStatus.Dispositioned,
        [(ReportStatus.Unverified, RoutingAction.Hold)] = ReportStatus.OnHold,
        [(ReportStatus.Unverified, RoutingAction.Archive)] = ReportStatus.Archived,
        [(ReportStatus.OnHold, RoutingAction.AddInformation)] = ReportStatus.Unverified,
        [(ReportStatus.OnHold, RoutingAction.ExpireHold)] = ReportStatus.Archived,
        [(ReportStatus.Archived, RoutingAction.Restore)] = ReportStatus.Unverified,
        [(ReportStatus.Dispositioned, RoutingAction.Return)] = ReportStatus.Dispositioned,
        [(ReportStatus.InProgress, RoutingAction.Return)] = ReportStatus.InProgress,
        [(ReportStatus.Dispositioned, RoutingAction.Delegate)] = ReportStatus.Dispositioned,
        [(ReportStatus.InProgress, RoutingAction.Delegate)] = ReportStatus.InProgress,
        [(ReportStatus.Dispositioned, RoutingAction.Refer)] = ReportStatus.Dispositioned,
        [(ReportStatus.InProgress, RoutingAction.Refer)] = ReportStatus.InProgress,
        [(ReportStatus.Dispositioned, RoutingAction.FirstResponse)] = ReportStatus.InProgress,
        [(ReportStatus.InProgress, RoutingAction.FirstResponse)] = ReportStatus.InProgress,
        [(ReportStatus.Dispositioned, RoutingAction.Note)] = ReportStatus.Dispositioned,
        [(ReportStatus.InProgress, RoutingAction.Note)] = ReportStatus.InProgress,
        [(ReportStatus.InProgress, RoutingAction.RequestInformation)] = ReportStatus.InProgress,
        [(ReportStatus.InProgress, RoutingAction.ReporterReply)] = ReportStatus.InProgress,
        [(ReportStatus.Dispositioned, RoutingAction.FinalResponse)] = ReportStatus.InProgress,
        [(ReportStatus.InProgress, RoutingAction.FinalResponse)] = ReportStatus.InProgress,
        [(ReportStatus.InProgress, RoutingAction.Accept)] = ReportStatus.Completed,
        [(ReportStatus.InProgress, RoutingAction.AutoComplete)] = ReportStatus.Completed,
        [(ReportStatus.InProgress, RoutingAction.Reject)] = ReportStatus.InProgress,
        [(ReportStatus.Completed, RoutingAction.Reopen)] = ReportStatus.InProgress,
    };

    public static TheoryData<ReportStatus, RoutingAction> AllPairs()
    {
        var data = new TheoryData<ReportStatus, RoutingAction>();
        foreach (var status in Enum.GetValues<ReportStatus>())
        {
            foreach (var action in Enum.GetValues<RoutingAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Can_EveryStatusAndAction_MatchesTheDesignTable(ReportStatus status, RoutingAction action)
    {
        Assert.Equal(Expected.ContainsKey((status, action)), ReportLifecycle.Can(status, action));
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Next_EveryStatusAndAction_LeadsToTheDesignTargetOrIsRefused(ReportStatus status, RoutingAction action)
    {
        if (Expected.TryGetValue((status, action), out var target))
        {
            Assert.Equal(target, ReportLifecycle.Next(status, action));
        }
        else
        {
            Assert.Equal("Lifecycle.NotAllowed", Assert.Throws<DomainException>(() => ReportLifecycle.Next(status, action)).Code);
        }
    }

    [Fact]
    public void AllowedActions_Completed_IsOnlyReopen()
    {
        Assert.Equal([RoutingAction.Reopen], ReportLifecycle.AllowedActions(ReportStatus.Completed));
    }
}
