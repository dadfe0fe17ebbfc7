using Lapor.Web.Domain.Deadlines;

namespace Lapor.Web.Domain.Reports;

/// <summary>The coordinator keeps control after routing: add, withdraw or re-route an agency, remind it, and validate or refuse its final response.</summary>
public sealed partial class Report
{
    /// <summary>Coordinator: one more agency on a routed report.</summary>
    public void Route(Actor actor, int agencyId, string reason, DeadlineSchedule schedule, DateTimeOffset now)
    {
        var target = Guard(RoutingAction.Route);
        RequireReason(reason);
        if (OpenAssignments().Any(a => a.AgencyId == agencyId))
        {
            throw new DomainException("Forward.AlreadyAssigned");
        }

        _assignments.Add(Assignment.Open(this, agencyId, AssignmentKind.Disposition, null, schedule, now));
        Record(actor, RoutingAction.Route, target, now, reason, null, agencyId);
        Raise(new ReportEvent(ReportEventKind.Routed, actor, now) { AgencyId = agencyId });
    }

    /// <summary>Coordinator: takes an agency off the report (it keeps read access). With none left the report is back in the queue.</summary>
    public void Withdraw(Actor actor, int agencyId, string reason, DeadlineSchedule schedule, DateTimeOffset now)
    {
        var target = Guard(RoutingAction.Withdraw);
        RequireReason(reason);
        var share = OpenShareOf(agencyId);
        share.Close(AssignmentState.Withdrawn, now);
        BackToCoordinatorIfNoneLeft(schedule, now);
        Record(actor, RoutingAction.Withdraw, target, now, reason, agencyId, null);
        Raise(new ReportEvent(ReportEventKind.Withdrawn, actor, now) { AgencyId = agencyId, Reason = reason.Trim() });
    }

    /// <summary>
    /// Coordinator: one agency's share goes to another agency — one step, one history line. A question
    /// waiting on the reporter moves with it, as with a forward.
    /// </summary>
    public void Reroute(Actor actor, int fromAgencyId, int toAgencyId, string reason, DeadlineSchedule schedule, DateTimeOffset now)
    {
        var target = Guard(RoutingAction.Reroute);
        RequireReason(reason);
        if (fromAgencyId == toAgencyId || OpenAssignments().Any(a => a.AgencyId == toAgencyId))
        {
            throw new DomainException("Forward.AlreadyAssigned");
        }

        var source = OpenShareOf(fromAgencyId);
        HandOver(source, AssignmentState.Withdrawn, toAgencyId, AssignmentKind.Disposition, schedule, now);
        Record(actor, RoutingAction.Reroute, target, now, reason, fromAgencyId, toAgencyId);
        Raise(new ReportEvent(ReportEventKind.Withdrawn, actor, now) { AgencyId = fromAgencyId, Reason = reason.Trim() });
        Raise(new ReportEvent(ReportEventKind.Routed, actor, now) { AgencyId = toAgencyId, FromAgencyId = fromAgencyId });
    }

    /// <summary>Coordinator: a reminder to an agency that holds the report, with a message for its officers.</summary>
    public void Remind(Actor actor, int agencyId, string message, DateTimeOffset now)
    {
        var target = Guard(RoutingAction.Remind);
        RequireReason(message);
        OpenShareOf(agencyId);
        AddMessage(actor, null, MessageKind.Note, MessageVisibility.Internal, message, now);
        Record(actor, RoutingAction.Remind, target, now, message, null, agencyId);
        Raise(new ReportEvent(ReportEventKind.Reminded, actor, now) { AgencyId = agencyId, Reason = message.Trim() });
    }

    /// <summary>Coordinator or inspectorate: the agency's final response holds; the reporter may now judge it.</summary>
    public void ValidateFinal(Actor actor, int agencyId, DeadlineSchedule schedule, DateTimeOffset now)
    {
        var target = Guard(RoutingAction.ValidateFinal);
        var share = AwaitingValidation(actor, agencyId);
        share.Validate(schedule, now);
        HeldAnswers(agencyId).ForEach(m => m.Release());
        Record(actor, RoutingAction.ValidateFinal, target, now, null, agencyId, agencyId);
        Raise(new ReportEvent(ReportEventKind.FinalResponded, actor, now) { AgencyId = agencyId });
    }

    /// <summary>Coordinator or inspectorate: "tindak lanjut ditolak" — back to the agency with the reason, counted.</summary>
    public void RefuseFinal(Actor actor, int agencyId, string reason, DateTimeOffset now)
    {
        var target = Guard(RoutingAction.RefuseFinal);
        RequireReason(reason);
        var share = AwaitingValidation(actor, agencyId);
        share.Refuse();
        HeldAnswers(agencyId).ForEach(m => m.Withhold());
        AddMessage(actor, null, MessageKind.Note, MessageVisibility.Internal, reason, now);
        Record(actor, RoutingAction.RefuseFinal, target, now, reason, agencyId, agencyId);
        Raise(new ReportEvent(ReportEventKind.FinalRefused, actor, now) { AgencyId = agencyId, Reason = reason.Trim() });
    }
}
