using Lapor.Web.Domain;
using Lapor.Web.Domain.Reports;

namespace Lapor.UnitTests.Domain.Reports;

public sealed class ReportLifecycleTests
{
    private static readonly LifecycleTarget Same = LifecycleTarget.Same;
    private static readonly LifecycleTarget Assignments = LifecycleTarget.Assignments;

    /// <summary>
    /// DESIGN §5 (with the coordinator's steering and follow-up validation), written out independently
    /// of the production table: (status, action) → target. "Assignments" means the agencies' shares decide.
    /// </summary>
    private static readonly Dictionary<(ReportStatus, RoutingAction), LifecycleTarget> Expected = new()
    {
        [(ReportStatus.Unverified, RoutingAction.Verify)] = LifecycleTarget.To(ReportStatus.Dispositioned),
        [(ReportStatus.Unverified, RoutingAction.Hold)] = LifecycleTarget.To(ReportStatus.OnHold),
        [(ReportStatus.Unverified, RoutingAction.Archive)] = LifecycleTarget.To(ReportStatus.Archived),
        [(ReportStatus.OnHold, RoutingAction.AddInformation)] = LifecycleTarget.To(ReportStatus.Unverified),
        [(ReportStatus.Unverified, RoutingAction.AddInformation)] = Same,
        [(ReportStatus.OnHold, RoutingAction.ExpireHold)] = LifecycleTarget.To(ReportStatus.Archived),
        [(ReportStatus.Archived, RoutingAction.Restore)] = LifecycleTarget.To(ReportStatus.Unverified),
        [(ReportStatus.Dispositioned, RoutingAction.Route)] = Assignments,
        [(ReportStatus.InProgress, RoutingAction.Route)] = Assignments,
        [(ReportStatus.Dispositioned, RoutingAction.Withdraw)] = Assignments,
        [(ReportStatus.Dispositioned, RoutingAction.Reroute)] = Assignments,
        [(ReportStatus.InProgress, RoutingAction.Reroute)] = Assignments,
        [(ReportStatus.InProgress, RoutingAction.Withdraw)] = Assignments,
        [(ReportStatus.Dispositioned, RoutingAction.Return)] = Assignments,
        [(ReportStatus.InProgress, RoutingAction.Return)] = Assignments,
        [(ReportStatus.Dispositioned, RoutingAction.Delegate)] = Assignments,
        [(ReportStatus.InProgress, RoutingAction.Delegate)] = Assignments,
        [(ReportStatus.Dispositioned, RoutingAction.Refer)] = Assignments,
        [(ReportStatus.InProgress, RoutingAction.Refer)] = Assignments,
        [(ReportStatus.Dispositioned, RoutingAction.Remind)] = Same,
        [(ReportStatus.InProgress, RoutingAction.Remind)] = Same,
        [(ReportStatus.Dispositioned, RoutingAction.Entrust)] = Same,
        [(ReportStatus.InProgress, RoutingAction.Entrust)] = Same,
        [(ReportStatus.InProgress, RoutingAction.ValidateFinal)] = Assignments,
        [(ReportStatus.InProgress, RoutingAction.RefuseFinal)] = Assignments,
        [(ReportStatus.InProgress, RoutingAction.Accept)] = Assignments,
        [(ReportStatus.InProgress, RoutingAction.Reject)] = Assignments,
        [(ReportStatus.InProgress, RoutingAction.AutoComplete)] = Assignments,
        [(ReportStatus.Completed, RoutingAction.Reopen)] = LifecycleTarget.To(ReportStatus.InProgress),
        [(ReportStatus.Dispositioned, RoutingAction.FirstResponse)] = LifecycleTarget.To(ReportStatus.InProgress),
        [(ReportStatus.InProgress, RoutingAction.FirstResponse)] = LifecycleTarget.To(ReportStatus.InProgress),
        [(ReportStatus.Dispositioned, RoutingAction.RequestInformation)] = LifecycleTarget.To(ReportStatus.InProgress),
        [(ReportStatus.InProgress, RoutingAction.RequestInformation)] = LifecycleTarget.To(ReportStatus.InProgress),
        [(ReportStatus.Dispositioned, RoutingAction.FinalResponse)] = LifecycleTarget.To(ReportStatus.InProgress),
        [(ReportStatus.InProgress, RoutingAction.FinalResponse)] = LifecycleTarget.To(ReportStatus.InProgress),
        [(ReportStatus.Dispositioned, RoutingAction.ReporterReply)] = Same,
        [(ReportStatus.InProgress, RoutingAction.ReporterReply)] = Same,
        [(ReportStatus.Dispositioned, RoutingAction.ReporterEscalate)] = Same,
        [(ReportStatus.InProgress, RoutingAction.ReporterEscalate)] = Same,
        [(ReportStatus.InProgress, RoutingAction.Rate)] = Same,
        [(ReportStatus.Completed, RoutingAction.Rate)] = Same,
        [(ReportStatus.Unverified, RoutingAction.Escalate)] = Same,
        [(ReportStatus.Dispositioned, RoutingAction.Escalate)] = Same,
        [(ReportStatus.InProgress, RoutingAction.Escalate)] = Same,
        [(ReportStatus.Unverified, RoutingAction.Note)] = Same,
        [(ReportStatus.OnHold, RoutingAction.Note)] = Same,
        [(ReportStatus.Archived, RoutingAction.Note)] = Same,
        [(ReportStatus.Dispositioned, RoutingAction.Note)] = Same,
        [(ReportStatus.InProgress, RoutingAction.Note)] = Same,
        [(ReportStatus.Completed, RoutingAction.Note)] = Same,
        [(ReportStatus.Unverified, RoutingAction.Protect)] = Same,
        [(ReportStatus.OnHold, RoutingAction.Protect)] = Same,
        [(ReportStatus.Archived, RoutingAction.Protect)] = Same,
        [(ReportStatus.Dispositioned, RoutingAction.Protect)] = Same,
        [(ReportStatus.InProgress, RoutingAction.Protect)] = Same,
        [(ReportStatus.Completed, RoutingAction.Protect)] = Same,
        [(ReportStatus.Unverified, RoutingAction.AttachTag)] = Same,
        [(ReportStatus.OnHold, RoutingAction.AttachTag)] = Same,
        [(ReportStatus.Archived, RoutingAction.AttachTag)] = Same,
        [(ReportStatus.Dispositioned, RoutingAction.AttachTag)] = Same,
        [(ReportStatus.InProgress, RoutingAction.AttachTag)] = Same,
        [(ReportStatus.Completed, RoutingAction.AttachTag)] = Same,
        [(ReportStatus.Unverified, RoutingAction.RemoveTag)] = Same,
        [(ReportStatus.OnHold, RoutingAction.RemoveTag)] = Same,
        [(ReportStatus.Archived, RoutingAction.RemoveTag)] = Same,
        [(ReportStatus.Dispositioned, RoutingAction.RemoveTag)] = Same,
        [(ReportStatus.InProgress, RoutingAction.RemoveTag)] = Same,
        [(ReportStatus.Completed, RoutingAction.RemoveTag)] = Same,
        [(ReportStatus.Dispositioned, RoutingAction.Support)] = Same,
        [(ReportStatus.InProgress, RoutingAction.Support)] = Same,
        [(ReportStatus.Completed, RoutingAction.Support)] = Same,
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
    public void Target_EveryStatusAndAction_LeadsToTheDesignTargetOrIsRefused(ReportStatus status, RoutingAction action)
    {
        if (Expected.TryGetValue((status, action), out var target))
        {
            Assert.Equal(target, ReportLifecycle.Target(status, action));
        }
        else
        {
            Assert.Equal("Lifecycle.NotAllowed", Assert.Throws<DomainException>(() => ReportLifecycle.Target(status, action)).Code);
        }
    }

    [Fact]
    public void AllowedActions_Completed_IsReopenAndTheQuietOnes()
    {
        Assert.Equivalent(
            new[] { RoutingAction.Note, RoutingAction.Protect, RoutingAction.Rate, RoutingAction.Reopen, RoutingAction.Support, RoutingAction.AttachTag, RoutingAction.RemoveTag },
            ReportLifecycle.AllowedActions(ReportStatus.Completed).ToArray(), strict: true);
    }
}
