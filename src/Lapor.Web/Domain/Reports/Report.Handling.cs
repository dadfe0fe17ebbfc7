using Lapor.Web.Domain.Deadlines;

namespace Lapor.Web.Domain.Reports;

/// <summary>The agency stage: officers answer, reporters accept or reject, coordinators reopen.</summary>
public sealed partial class Report
{
    /// <summary>Officer: "not our authority". When no agency holds it any more it returns to the coordinator.</summary>
    public void Return(Actor actor, int agencyId, string reason, DateTimeOffset now)
    {
        RequireReason(reason);
        ReportLifecycle.Next(Status, RoutingAction.Return);
        var assignment = OpenAssignment(agencyId);
        assignment.Close(AssignmentState.Returned, now);
        var to = OpenAssignments().Any() ? DeriveStatus() : ReportStatus.Unverified;
        IsReturned = to == ReportStatus.Unverified;
        Record(actor, RoutingAction.Return, to, now, reason, agencyId, null);
    }

    /// <summary>Officer: hands the work to a sub-unit (delegate) or another agency (refer); the first agency keeps read access.</summary>
    public void Forward(Actor actor, RoutingAction action, int fromAgencyId, int toAgencyId, string reason, DeadlineSchedule schedule, DateTimeOffset now)
    {
        if (action is not (RoutingAction.Delegate or RoutingAction.Refer))
        {
            throw new ArgumentOutOfRangeException(nameof(action));
        }

        RequireReason(reason);
        ReportLifecycle.Next(Status, action);
        if (fromAgencyId == toAgencyId || OpenAssignments().Any(a => a.AgencyId == toAgencyId))
        {
            throw new DomainException("Forward.AlreadyAssigned");
        }

        var source = OpenAssignment(fromAgencyId);
        source.Close(AssignmentState.Forwarded, now);
        var kind = action == RoutingAction.Delegate ? AssignmentKind.Delegation : AssignmentKind.Referral;
        _assignments.Add(Assignment.Open(this, toAgencyId, kind, source.Id == 0 ? null : source.Id, schedule, now));
        Record(actor, action, DeriveStatus(), now, reason, fromAgencyId, toAgencyId);
    }

    /// <summary>Officer: an answer that is not final. The first one stops the first-response clock.</summary>
    public void Respond(Actor actor, int agencyId, string text, MessageVisibility visibility, DeadlineSchedule schedule, DateTimeOffset now)
    {
        ReportLifecycle.Next(Status, RoutingAction.FirstResponse);
        var assignment = WorkedBy(actor, agencyId);
        AddMessage(actor, agencyId, MessageKind.Response, visibility, text, now);
        assignment.MarkResponded(schedule, now);
        FirstResponseAt ??= now;
        Record(actor, RoutingAction.FirstResponse, DeriveStatus(), now, null, agencyId, agencyId);
    }

    public void AddNote(Actor actor, int agencyId, string text, DateTimeOffset now)
    {
        ReportLifecycle.Next(Status, RoutingAction.Note);
        WorkedBy(actor, agencyId);
        AddMessage(actor, agencyId, MessageKind.Note, MessageVisibility.Internal, text, now);
        Record(actor, RoutingAction.Note, Status, now, null, agencyId, agencyId);
    }

    /// <summary>Officer asks the reporter; the agency's clocks pause until the reporter replies.</summary>
    public void RequestInformation(Actor actor, int agencyId, string question, DateTimeOffset now)
    {
        ReportLifecycle.Next(Status, RoutingAction.RequestInformation);
        var assignment = WorkedBy(actor, agencyId);
        AddMessage(actor, agencyId, MessageKind.Question, MessageVisibility.ReporterOnly, question, now);
        assignment.AwaitReporter(now);
        Record(actor, RoutingAction.RequestInformation, Status, now, null, agencyId, agencyId);
    }

    /// <summary>Reporter adds a message while the agencies work on the report.</summary>
    public void ReporterReply(Actor actor, string text, DeadlineSchedule schedule, DateTimeOffset now)
    {
        ReportLifecycle.Next(Status, RoutingAction.ReporterReply);
        AddMessage(actor, null, MessageKind.ReporterReply, MessageVisibility.ReporterOnly, text, now);
        foreach (var assignment in _assignments.Where(a => a.State == AssignmentState.AwaitingReporter))
        {
            assignment.ResumeFromReporter(schedule, now);
        }

        Record(actor, RoutingAction.ReporterReply, Status, now, null);
    }

    /// <summary>Officer: "tindak lanjut akhir". Opens the reporter's window to accept or reject.</summary>
    public void RespondFinal(Actor actor, int agencyId, string text, MessageVisibility visibility, DeadlineSchedule schedule, DateTimeOffset now)
    {
        ReportLifecycle.Next(Status, RoutingAction.FinalResponse);
        var assignment = WorkedBy(actor, agencyId);
        AddMessage(actor, agencyId, MessageKind.FinalResponse, visibility, text, now);
        assignment.MarkFinal(schedule, now);
        FirstResponseAt ??= now;
        Record(actor, RoutingAction.FinalResponse, DeriveStatus(), now, null, agencyId, agencyId);
    }

    /// <summary>Reporter is satisfied ("puas") with every final response given so far.</summary>
    public void Accept(Actor actor, DeadlineSchedule schedule, DateTimeOffset now)
    {
        CompleteFinalResponses(actor, RoutingAction.Accept, _ => true, schedule, now);
        TimesAccepted++;
    }

    /// <summary>System: final responses whose reporter window has passed without a reply complete.</summary>
    public void AutoComplete(DeadlineSchedule schedule, DateTimeOffset now)
    {
        var today = schedule.LocalDate(now);
        CompleteFinalResponses(Actor.System, RoutingAction.AutoComplete, a => a.ReporterWindowEndsOn < today, schedule, now);
    }

    /// <summary>Reporter is not satisfied: every final response reopens and the rejection is counted.</summary>
    public void Reject(Actor actor, string reason, DateTimeOffset now)
    {
        RequireReason(reason);
        ReportLifecycle.Next(Status, RoutingAction.Reject);
        var finals = _assignments.Where(a => a.State == AssignmentState.FinalResponded).ToList();
        if (finals.Count == 0)
        {
            throw new DomainException("Lifecycle.NoFinalResponse");
        }

        AddMessage(actor, null, MessageKind.ReporterReply, MessageVisibility.ReporterOnly, reason, now);
        finals.ForEach(a => a.Reopen());
        TimesRejected++;
        Record(actor, RoutingAction.Reject, DeriveStatus(), now, reason);
    }

    /// <summary>Coordinator (any time) or reporter (within the window): the completed work opens again.</summary>
    public void Reopen(Actor actor, string reason, DeadlineSchedule schedule, DateTimeOffset now)
    {
        RequireReason(reason);
        var to = ReportLifecycle.Next(Status, RoutingAction.Reopen);
        if (actor.Role == ActorRole.Citizen &&
            schedule.WorkingDaysBetween(CompletedAt ?? now, now) > schedule.Policy.ReporterWindowDays)
        {
            throw new DomainException("Reopen.WindowPassed");
        }

        foreach (var assignment in _assignments.Where(a => a.State == AssignmentState.Completed))
        {
            assignment.Reopen();
        }

        CompletedAt = null;
        Record(actor, RoutingAction.Reopen, to, now, reason);
    }

    /// <summary>Reporter rates the answer, once a final response exists; a later rating replaces the earlier one.</summary>
    public void Rate(int stars, DateTimeOffset now)
    {
        if (stars is < 1 or > 5)
        {
            throw new DomainException("Rating.OutOfRange");
        }

        if (!_assignments.Any(a => a.FinalRespondedAt is not null))
        {
            throw new DomainException("Lifecycle.NoFinalResponse");
        }

        (Rating, RatedAt) = (stars, now);
        Touch(now);
    }

    /// <summary>Whether the reporter can judge now: a final response waits for their verdict.</summary>
    public bool AwaitsReporterVerdict => Status == ReportStatus.InProgress && _assignments.Any(a => a.State == AssignmentState.FinalResponded);

    /// <summary>
    /// System: a rung of the escalation ladder was reached. The status stays; the history says so,
    /// and a breach marks the assignment overdue so lists can show it without date maths.
    /// </summary>
    public void RecordEscalation(Deadline deadline, EscalationRung rung, Assignment? assignment, DateOnly dueOn, DateTimeOffset now)
    {
        if (rung == EscalationRung.Breach)
        {
            assignment?.MarkOverdue();
        }

        _routing.Add(new RoutingEntry(Actor.System, now, RoutingAction.Escalate, Status, Status, assignment?.AgencyId, assignment?.AgencyId,
            $"{deadline}.{rung}:{dueOn:yyyy-MM-dd}"));
        Touch(now);
    }

    /// <summary>Reporter: asks the coordinator to step in after the completion deadline passed (offered by the ladder).</summary>
    public void EscalateByReporter(Actor actor, string reason, DateTimeOffset now)
    {
        RequireReason(reason);
        if (Status is not (ReportStatus.Dispositioned or ReportStatus.InProgress))
        {
            throw new DomainException("Lifecycle.NotAllowed");
        }

        AddMessage(actor, null, MessageKind.ReporterReply, MessageVisibility.ReporterOnly, reason, now);
        _routing.Add(new RoutingEntry(actor, now, RoutingAction.Escalate, Status, Status, null, null, reason));
        Touch(now);
    }

    /// <summary>Agencies that may read the report: every one it was ever routed to (forwarding keeps read access).</summary>
    public IEnumerable<int> AgenciesWithAccess() => _assignments.Select(a => a.AgencyId).Distinct();

    public IEnumerable<Assignment> OpenAssignments() => _assignments.Where(a => a.IsOpen);

    private void CompleteFinalResponses(Actor actor, RoutingAction action, Func<Assignment, bool> which, DeadlineSchedule schedule, DateTimeOffset now)
    {
        ReportLifecycle.Next(Status, action);
        var finals = _assignments.Where(a => a.State == AssignmentState.FinalResponded && which(a)).ToList();
        if (finals.Count == 0)
        {
            throw new DomainException("Lifecycle.NoFinalResponse");
        }

        finals.ForEach(a => a.Complete(schedule, now));
        var to = DeriveStatus();
        if (to == ReportStatus.Completed)
        {
            CompletedAt = now;
        }

        Record(actor, action, to, now, null);
    }

    private Assignment OpenAssignment(int agencyId) =>
        _assignments.FirstOrDefault(a => a.AgencyId == agencyId && a.IsOpen) ?? throw new DomainException("Assignment.NotOpen");

    /// <summary>The agency's open assignment, now handled by the officer who acts on it (for workload figures).</summary>
    private Assignment WorkedBy(Actor actor, int agencyId)
    {
        var assignment = OpenAssignment(agencyId);
        if (actor is { Role: ActorRole.Officer, UserId: { } officer })
        {
            assignment.AssignOfficer(officer);
        }

        return assignment;
    }

    /// <summary>The report's status once dispositioned follows its open assignments.</summary>
    private ReportStatus DeriveStatus()
    {
        var open = _assignments.Where(a => a.State is not (AssignmentState.Returned or AssignmentState.Forwarded)).ToList();
        if (open.Count > 0 && open.All(a => a.State == AssignmentState.Completed))
        {
            return ReportStatus.Completed;
        }

        return open.All(a => a.State == AssignmentState.Dispositioned) ? ReportStatus.Dispositioned : ReportStatus.InProgress;
    }
}
