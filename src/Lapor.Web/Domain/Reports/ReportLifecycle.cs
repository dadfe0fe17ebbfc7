namespace Lapor.Web.Domain.Reports;

/// <summary>Where an allowed action leads: a fixed status, the status the report already has, or the one its assignments give.</summary>
public readonly record struct LifecycleTarget(ReportStatus? Status, bool FromAssignments)
{
    public static LifecycleTarget To(ReportStatus status) => new(status, false);

    public static readonly LifecycleTarget Same = new(null, false);

    /// <summary>
    /// Worked out from the agencies' shares: Completed when every live one is, back to the coordinator
    /// (Unverified) when none is left, otherwise Dispositioned or InProgress — never backwards.
    /// </summary>
    public static readonly LifecycleTarget Assignments = new(null, true);
}

/// <summary>
/// The one transition table of DESIGN §5: which action is allowed in which report status, and
/// where it leads. Every method of <see cref="Report"/> goes through it, the quiet ones (support,
/// rating) included; the UI asks <see cref="Can"/> to choose buttons.
/// </summary>
public static class ReportLifecycle
{
    private static readonly ReportStatus[] Routed = [ReportStatus.Dispositioned, ReportStatus.InProgress];
    private static readonly ReportStatus[] Public = [ReportStatus.Dispositioned, ReportStatus.InProgress, ReportStatus.Completed];
    private static readonly ReportStatus[] Every = Enum.GetValues<ReportStatus>();

    private static readonly Dictionary<(ReportStatus, RoutingAction), LifecycleTarget> Table = Build();

    private static Dictionary<(ReportStatus, RoutingAction), LifecycleTarget> Build()
    {
        var table = new Dictionary<(ReportStatus, RoutingAction), LifecycleTarget>();
        void Allow(IEnumerable<ReportStatus> from, RoutingAction action, LifecycleTarget to)
        {
            foreach (var status in from)
            {
                table.Add((status, action), to);
            }
        }

        // The coordinator's stage.
        Allow([ReportStatus.Unverified], RoutingAction.Verify, LifecycleTarget.To(ReportStatus.Dispositioned));
        Allow([ReportStatus.Unverified], RoutingAction.Hold, LifecycleTarget.To(ReportStatus.OnHold));
        Allow([ReportStatus.Unverified], RoutingAction.Archive, LifecycleTarget.To(ReportStatus.Archived));
        Allow([ReportStatus.OnHold], RoutingAction.AddInformation, LifecycleTarget.To(ReportStatus.Unverified));

        // The reporter may add to a report not yet verified without being asked (the confirmation page promises it).
        Allow([ReportStatus.Unverified], RoutingAction.AddInformation, LifecycleTarget.Same);
        Allow([ReportStatus.OnHold], RoutingAction.ExpireHold, LifecycleTarget.To(ReportStatus.Archived));
        Allow([ReportStatus.Archived], RoutingAction.Restore, LifecycleTarget.To(ReportStatus.Unverified));

        // The coordinator keeps control after routing.
        Allow(Routed, RoutingAction.Route, LifecycleTarget.Assignments);
        Allow(Routed, RoutingAction.Withdraw, LifecycleTarget.Assignments);
        Allow(Routed, RoutingAction.Reroute, LifecycleTarget.Assignments);
        Allow(Routed, RoutingAction.Remind, LifecycleTarget.Same);
        Allow(Routed, RoutingAction.Entrust, LifecycleTarget.Same);
        Allow([ReportStatus.InProgress], RoutingAction.ValidateFinal, LifecycleTarget.Assignments);
        Allow([ReportStatus.InProgress], RoutingAction.RefuseFinal, LifecycleTarget.Assignments);
        Allow([ReportStatus.Completed], RoutingAction.Reopen, LifecycleTarget.To(ReportStatus.InProgress));

        // The agencies' stage. An answer can be complete at once (an information request, a quick
        // fix): the final response is then also the first.
        Allow(Routed, RoutingAction.Return, LifecycleTarget.Assignments);
        Allow(Routed, RoutingAction.Delegate, LifecycleTarget.Assignments);
        Allow(Routed, RoutingAction.Refer, LifecycleTarget.Assignments);
        Allow(Routed, RoutingAction.FirstResponse, LifecycleTarget.To(ReportStatus.InProgress));
        Allow(Routed, RoutingAction.RequestInformation, LifecycleTarget.To(ReportStatus.InProgress));
        Allow(Routed, RoutingAction.FinalResponse, LifecycleTarget.To(ReportStatus.InProgress));

        // The reporter.
        Allow(Routed, RoutingAction.ReporterReply, LifecycleTarget.Same);
        Allow([ReportStatus.InProgress], RoutingAction.Accept, LifecycleTarget.Assignments);
        Allow([ReportStatus.InProgress], RoutingAction.Reject, LifecycleTarget.Assignments);
        Allow(Routed, RoutingAction.ReporterEscalate, LifecycleTarget.Same);
        Allow([ReportStatus.InProgress, ReportStatus.Completed], RoutingAction.Rate, LifecycleTarget.Same);

        // Time, notes and flags.
        Allow([ReportStatus.InProgress], RoutingAction.AutoComplete, LifecycleTarget.Assignments);
        Allow([ReportStatus.Unverified, .. Routed], RoutingAction.Escalate, LifecycleTarget.Same);
        Allow(Every, RoutingAction.Note, LifecycleTarget.Same);
        Allow(Every, RoutingAction.Protect, LifecycleTarget.Same);
        Allow(Every, RoutingAction.AttachTag, LifecycleTarget.Same);
        Allow(Every, RoutingAction.RemoveTag, LifecycleTarget.Same);
        Allow(Public, RoutingAction.Support, LifecycleTarget.Same);
        return table;
    }

    public static bool Can(ReportStatus status, RoutingAction action) => Table.ContainsKey((status, action));

    /// <summary>Where an action leads; throws <see cref="DomainException"/> when it is not allowed.</summary>
    public static LifecycleTarget Target(ReportStatus status, RoutingAction action) =>
        Table.TryGetValue((status, action), out var target)
            ? target
            : throw new DomainException("Lifecycle.NotAllowed");

    public static IEnumerable<RoutingAction> AllowedActions(ReportStatus status) =>
        Table.Keys.Where(k => k.Item1 == status).Select(k => k.Item2);
}
