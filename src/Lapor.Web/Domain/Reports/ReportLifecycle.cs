namespace Lapor.Web.Domain.Reports;

/// <summary>
/// The one transition table of DESIGN §5: which action is allowed in which report status, and
/// where it leads. <see cref="Report"/> enforces it; the UI asks <see cref="Can"/> to choose buttons.
/// Actions whose target depends on the assignments (responses, acceptance) map to their usual target;
/// the report recomputes its status from its assignments afterwards.
/// </summary>
public static class ReportLifecycle
{
    private static readonly Dictionary<(ReportStatus, RoutingAction), ReportStatus> Table = new()
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
        [(ReportStatus.InProgress, RoutingAction.FinalResponse)] = ReportStatus.InProgress,

        // An answer can be complete at once (an information request, a quick fix): the final response is then also the first.
        [(ReportStatus.Dispositioned, RoutingAction.FinalResponse)] = ReportStatus.InProgress,
        [(ReportStatus.InProgress, RoutingAction.Accept)] = ReportStatus.Completed,
        [(ReportStatus.InProgress, RoutingAction.AutoComplete)] = ReportStatus.Completed,
        [(ReportStatus.InProgress, RoutingAction.Reject)] = ReportStatus.InProgress,
        [(ReportStatus.Completed, RoutingAction.Reopen)] = ReportStatus.InProgress,
    };

    public static bool Can(ReportStatus status, RoutingAction action) => Table.ContainsKey((status, action));

    /// <summary>The status an action leads to; throws <see cref="DomainException"/> when it is not allowed.</summary>
    public static ReportStatus Next(ReportStatus status, RoutingAction action) =>
        Table.TryGetValue((status, action), out var next)
            ? next
            : throw new DomainException("Lifecycle.NotAllowed");

    public static IEnumerable<RoutingAction> AllowedActions(ReportStatus status) =>
        Table.Keys.Where(k => k.Item1 == status).Select(k => k.Item2);
}
