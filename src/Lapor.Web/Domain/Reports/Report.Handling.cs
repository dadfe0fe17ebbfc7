using Lapor.Web.Domain.Deadlines;

namespace Lapor.Web.Domain.Reports;

/// <summary>The agency stage: officers answer, reporters accept or reject, coordinators steer and reopen.</summary>
public sealed partial class Report
{
    /// <summary>Officer: "not our authority". When no agency holds it any more it returns to the coordinator with a fresh verification period.</summary>
    public void Return(Actor actor, string reason, DeadlineSchedule schedule, DateTimeOffset now)
    {
        var target = Guard(RoutingAction.Return);
        RequireReason(reason);
        var share = ActingShare(actor);
        share.Close(AssignmentState.Returned, now);
        BackToCoordinatorIfNoneLeft(schedule, now);
        Record(actor, RoutingAction.Return, target, now, reason, share.AgencyId, null);
        Raise(new ReportEvent(ReportEventKind.Returned, actor, now) { AgencyId = share.AgencyId });
    }

    /// <summary>
    /// Officer: hands the work to another agency — a delegation when it is a sub-unit of the acting
    /// agency, a referral otherwise. The first agency keeps read access and notes; a question waiting
    /// on the reporter moves with the work, so it stays answerable.
    /// </summary>
    public void Forward(Actor actor, AgencyRef to, string reason, DeadlineSchedule schedule, DateTimeOffset now)
    {
        Guard(RoutingAction.Refer);
        var source = ActingShare(actor);
        var action = to.ParentId == source.AgencyId ? RoutingAction.Delegate : RoutingAction.Refer;
        var target = Guard(action);
        RequireReason(reason);
        if (to.Id == source.AgencyId || OpenAssignments().Any(a => a.AgencyId == to.Id))
        {
            throw new DomainException("Forward.AlreadyAssigned");
        }

        var kind = action == RoutingAction.Delegate ? AssignmentKind.Delegation : AssignmentKind.Referral;
        HandOver(source, AssignmentState.Forwarded, to.Id, kind, schedule, now);
        Record(actor, action, target, now, reason, source.AgencyId, to.Id);
        var forwarded = action == RoutingAction.Delegate ? ReportEventKind.Delegated : ReportEventKind.Referred;
        Raise(new ReportEvent(forwarded, actor, now) { AgencyId = to.Id, FromAgencyId = source.AgencyId });
        Raise(new ReportEvent(ReportEventKind.Routed, actor, now) { AgencyId = to.Id, FromAgencyId = source.AgencyId });
    }

    /// <summary>Officer: an answer that is not final. The first one stops the first-response clock.</summary>
    public void Respond(Actor actor, string text, MessageVisibility visibility, DeadlineSchedule schedule, DateTimeOffset now)
    {
        var target = Guard(RoutingAction.FirstResponse);
        var share = ActingShare(actor, stillAnswering: true);
        AddMessage(actor, share.AgencyId, MessageKind.Response, visibility, text, now);
        share.MarkResponded(schedule, now);
        Record(actor, RoutingAction.FirstResponse, target, now, null, share.AgencyId, share.AgencyId);
        Raise(new ReportEvent(ReportEventKind.Responded, actor, now) { AgencyId = share.AgencyId });
    }

    /// <summary>
    /// Internal note, in any status: an officer writes for an agency the report was ever routed to
    /// (a delegating agency keeps its notes), a coordinator or overseer for the coordination.
    /// </summary>
    public void AddNote(Actor actor, string text, DateTimeOffset now)
    {
        var target = Guard(RoutingAction.Note);
        int? agencyId = actor.Role is ActorRole.Officer ? AgencyWithAccess(actor) : null;
        AddMessage(actor, agencyId, MessageKind.Note, MessageVisibility.Internal, text, now);
        Record(actor, RoutingAction.Note, target, now, null, agencyId, agencyId);
        Raise(new ReportEvent(ReportEventKind.NoteAdded, actor, now) { AgencyId = agencyId });
    }

    /// <summary>Officer asks the reporter; the agency's clocks pause until the reporter replies.</summary>
    public void RequestInformation(Actor actor, string question, DateTimeOffset now)
    {
        var target = Guard(RoutingAction.RequestInformation);
        var share = ActingShare(actor, stillAnswering: true);
        AddMessage(actor, share.AgencyId, MessageKind.Question, MessageVisibility.ReporterOnly, question, now);
        share.AwaitReporter(now);
        Record(actor, RoutingAction.RequestInformation, target, now, null, share.AgencyId, share.AgencyId);
        Raise(new ReportEvent(ReportEventKind.QuestionAsked, actor, now) { AgencyId = share.AgencyId, Reason = question.Trim() });
    }

    /// <summary>Whether a question from an agency waits for the reporter's answer.</summary>
    public bool AwaitsReporterAnswer => _assignments.Any(a => a.State == AssignmentState.AwaitingReporter);

    /// <summary>
    /// The reporter's "add information" at any time before completion, with photos if they like: before
    /// verification it goes to the coordinator (answering a hold if there is one), while agencies work
    /// on it to them (answering a waiting question if there is one). A completed or archived report
    /// takes none: reopening (or a new report) is the way back.
    /// </summary>
    public void AddReporterInformation(Actor actor, string text, DeadlineSchedule schedule, DateTimeOffset now, IReadOnlyList<Attachment>? photos = null)
    {
        if (ReportLifecycle.Can(Status, RoutingAction.AddInformation))
        {
            AddInformation(actor, text, schedule, now, photos);
        }
        else if (ReportLifecycle.Can(Status, RoutingAction.ReporterReply))
        {
            ReporterReply(actor, text, schedule, now, photos);
        }
        else
        {
            throw new DomainException(Status == ReportStatus.Completed ? "Information.Completed" : "Information.Closed");
        }
    }

    /// <summary>Whether the reporter may add information in this status (the page offers the form only then).</summary>
    public static bool TakesReporterInformation(ReportStatus status) =>
        ReportLifecycle.Can(status, RoutingAction.AddInformation) || ReportLifecycle.Can(status, RoutingAction.ReporterReply);

    /// <summary>Reporter adds a message while the agencies work on the report; it answers any waiting question.</summary>
    public void ReporterReply(Actor actor, string text, DeadlineSchedule schedule, DateTimeOffset now, IReadOnlyList<Attachment>? photos = null)
    {
        var target = Guard(RoutingAction.ReporterReply);
        RequireFewFiles(photos);
        var message = AddMessage(actor, null, MessageKind.ReporterReply, MessageVisibility.ReporterOnly, text, now);
        AttachToMessage(message, photos);
        var asked = _assignments.Where(a => a.State == AssignmentState.AwaitingReporter).ToList();
        asked.ForEach(share => share.ResumeFromReporter(schedule, now));
        Record(actor, RoutingAction.ReporterReply, target, now, null);

        // The agencies that asked read the answer; a message nobody asked for goes to every agency on the report.
        foreach (var share in asked.Count > 0 ? asked : OpenAssignments().ToList())
        {
            Raise(new ReportEvent(ReportEventKind.ReporterReplied, actor, now) { AgencyId = share.AgencyId, AnswersQuestion = asked.Count > 0 });
        }
    }

    /// <summary>
    /// Officer: "tindak lanjut akhir". Opens the reporter's window to accept or reject — or, where the
    /// region validates follow-ups, waits for the coordinator first ("menunggu validasi"). Evidence files
    /// (photos, PDFs, already checked and stored) are attached to the answer's message.
    /// </summary>
    public void RespondFinal(Actor actor, string text, MessageVisibility visibility, DeadlineSchedule schedule, DateTimeOffset now, IReadOnlyList<Attachment>? evidence = null)
    {
        var target = Guard(RoutingAction.FinalResponse);
        if (evidence?.Count > MaxAttachments)
        {
            throw new DomainException("Attachment.TooManyOnResponse");
        }

        var share = ActingShare(actor, stillAnswering: true);
        var message = AddMessage(actor, share.AgencyId, MessageKind.FinalResponse, visibility, text, now);
        foreach (var file in evidence ?? [])
        {
            // Photos or documents showing the work done: they go with the answer, not with the report as filed.
            file.BelongTo(message);
            AddAttachment(file);
        }

        var validated = schedule.Policy.RequireFollowUpValidation;
        if (validated)
        {
            // Nobody outside the staff reads an answer the coordinator has not accepted yet.
            message.Hold();
        }

        share.MarkFinal(schedule, now, awaitValidation: validated);
        Record(actor, RoutingAction.FinalResponse, target, now, null, share.AgencyId, share.AgencyId);
        Raise(new ReportEvent(validated ? ReportEventKind.FinalSubmitted : ReportEventKind.FinalResponded, actor, now) { AgencyId = share.AgencyId });
    }

    /// <summary>Reporter is satisfied ("puas") with every final response given so far.</summary>
    public void Accept(Actor actor, DeadlineSchedule schedule, DateTimeOffset now) =>
        CompleteFinalResponses(actor, RoutingAction.Accept, _ => true, schedule, now);

    /// <summary>System: final responses whose reporter window has passed without a reply complete.</summary>
    public void AutoComplete(DeadlineSchedule schedule, DateTimeOffset now)
    {
        var today = schedule.LocalDate(now);
        CompleteFinalResponses(Actor.System, RoutingAction.AutoComplete, a => a.ReporterWindowEndsOn < today, schedule, now);
    }

    /// <summary>Reporter is not satisfied: every final response reopens and the rejection is counted.</summary>
    public void Reject(Actor actor, string reason, DateTimeOffset now)
    {
        var target = Guard(RoutingAction.Reject);
        RequireReason(reason);
        var finals = _assignments.Where(a => a.State == AssignmentState.FinalResponded).ToList();
        if (finals.Count == 0)
        {
            throw new DomainException("Lifecycle.NoFinalResponse");
        }

        AddMessage(actor, null, MessageKind.ReporterReply, MessageVisibility.ReporterOnly, reason, now);
        finals.ForEach(a => a.ReopenAfterRejection());
        Record(actor, RoutingAction.Reject, target, now, reason);
        Raise(new ReportEvent(ReportEventKind.Rejected, actor, now));
        foreach (var share in finals)
        {
            Raise(new ReportEvent(ReportEventKind.Rejected, actor, now) { AgencyId = share.AgencyId });
        }
    }

    /// <summary>
    /// Coordinator (any time) or reporter (within the window): the completed work opens again, with
    /// fresh first-response and completion periods from today — the old due dates have passed.
    /// </summary>
    public void Reopen(Actor actor, string reason, DeadlineSchedule schedule, DateTimeOffset now)
    {
        var target = Guard(RoutingAction.Reopen);
        RequireReason(reason);
        if (actor.Role == ActorRole.Citizen &&
            schedule.WorkingDaysBetween(CompletedAt ?? now, now) > schedule.Policy.ReporterWindowDays)
        {
            throw new DomainException("Reopen.WindowPassed");
        }

        var completed = _assignments.Where(a => a.State == AssignmentState.Completed).ToList();
        completed.ForEach(a => a.Reopen(schedule, schedule.Policy.CompletionDays(Classification, ComplaintKind), now));
        CompletedAt = null;
        Record(actor, RoutingAction.Reopen, target, now, reason);
        Raise(new ReportEvent(ReportEventKind.Reopened, actor, now));
        foreach (var share in completed)
        {
            // A coordinator's reason goes to the agencies; a reporter's stays on the report's page.
            Raise(new ReportEvent(ReportEventKind.Reopened, actor, now) { AgencyId = share.AgencyId, Reason = actor.Role == ActorRole.Citizen ? null : reason.Trim() });
        }
    }

    /// <summary>Reporter rates the answer, once a final response exists; a later rating replaces the earlier one. No history line.</summary>
    public void Rate(Actor actor, int stars, DateTimeOffset now)
    {
        Guard(RoutingAction.Rate);
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
        Raise(new ReportEvent(ReportEventKind.Rated, actor, now));
    }

    /// <summary>Whether the reporter can judge now: a final response waits for their verdict.</summary>
    public bool AwaitsReporterVerdict => Status == ReportStatus.InProgress && _assignments.Any(a => a.State == AssignmentState.FinalResponded);

    /// <summary>
    /// System: a rung of the escalation ladder was reached. The status stays; the history says so,
    /// and a breach marks the assignment overdue so lists can show it without date maths.
    /// </summary>
    public void RecordEscalation(Deadline deadline, EscalationRung rung, Assignment? assignment, DateOnly dueOn, DeadlineSchedule schedule, DateTimeOffset now)
    {
        var target = Guard(RoutingAction.Escalate);
        if (rung == EscalationRung.Breach)
        {
            assignment?.MarkOverdue();
        }

        Record(Actor.System, RoutingAction.Escalate, target, now, $"{deadline}.{rung}:{dueOn:yyyy-MM-dd}", assignment?.AgencyId, assignment?.AgencyId);
        var kind = rung switch
        {
            EscalationRung.Reminder => ReportEventKind.DeadlineNear,
            EscalationRung.Breach => ReportEventKind.Overdue,
            EscalationRung.AgencyHeadAlert => ReportEventKind.EscalatedToHead,
            EscalationRung.ReporterOffer => ReportEventKind.EscalationOffered,
            _ => throw new ArgumentOutOfRangeException(nameof(rung)),
        };
        var today = schedule.LocalDate(now);
        Raise(new ReportEvent(kind, Actor.System, now)
        {
            AgencyId = assignment?.AgencyId,
            Deadline = deadline,
            DueOn = dueOn,
            WorkingDaysLate = today > dueOn ? schedule.Calendar.WorkingDaysBetween(dueOn, today) : 0,
        });
    }

    /// <summary>Reporter: asks the coordinator to step in after the completion deadline passed (offered by the ladder).</summary>
    public void EscalateByReporter(Actor actor, string reason, DateTimeOffset now)
    {
        var target = Guard(RoutingAction.ReporterEscalate);
        RequireReason(reason);
        AddMessage(actor, null, MessageKind.ReporterReply, MessageVisibility.ReporterOnly, reason, now);
        Record(actor, RoutingAction.ReporterEscalate, target, now, reason);
        Raise(new ReportEvent(ReportEventKind.EscalatedByReporter, actor, now) { AgencyId = OpenAssignments().Select(a => (int?)a.AgencyId).FirstOrDefault() });
    }

    private Assignment AwaitingValidation(Actor actor, int agencyId)
    {
        if (actor.Role is not (ActorRole.Coordinator or ActorRole.Oversight))
        {
            throw new DomainException("Lifecycle.NotAllowed");
        }

        var share = OpenShareOf(agencyId);
        return share.State == AssignmentState.AwaitingValidation ? share : throw new DomainException("Validation.NothingToValidate");
    }

    /// <summary>Shares an agency still answers for (open or completed), as opposed to those handed back, on or away.</summary>
    private IEnumerable<Assignment> LiveAssignments() =>
        _assignments.Where(a => a.State is not (AssignmentState.Returned or AssignmentState.Forwarded or AssignmentState.Withdrawn));

    /// <summary>Closes a share and opens its successor at another agency; a question waiting on the reporter moves along.</summary>
    private void HandOver(Assignment source, AssignmentState closedAs, int toAgencyId, AssignmentKind kind, DeadlineSchedule schedule, DateTimeOffset now)
    {
        var awaitingReporter = source.State == AssignmentState.AwaitingReporter;
        source.Close(closedAs, now);
        var share = Assignment.Open(this, toAgencyId, kind, source.Id == 0 ? null : source.Id, schedule, now);
        if (awaitingReporter)
        {
            share.AwaitReporter(now);
        }

        _assignments.Add(share);
    }

    /// <summary>An agency's final responses held for validation (the runner loads held messages with the report).</summary>
    private List<Message> HeldAnswers(int agencyId) =>
        _messages.Where(m => m.AgencyId == agencyId && m.Kind == MessageKind.FinalResponse && m.HeldVisibility is not null).ToList();

    private void BackToCoordinatorIfNoneLeft(DeadlineSchedule schedule, DateTimeOffset now)
    {
        if (!LiveAssignments().Any())
        {
            IsReturned = true;
            RestartVerificationClock(schedule, now);
        }
    }

    private void CompleteFinalResponses(Actor actor, RoutingAction action, Func<Assignment, bool> which, DeadlineSchedule schedule, DateTimeOffset now)
    {
        var target = Guard(action);
        var finals = _assignments.Where(a => a.State == AssignmentState.FinalResponded && which(a)).ToList();
        if (finals.Count == 0)
        {
            throw new DomainException("Lifecycle.NoFinalResponse");
        }

        finals.ForEach(a => a.Complete(schedule, now));
        Record(actor, action, target, now, null);
        if (action == RoutingAction.Accept)
        {
            Raise(new ReportEvent(ReportEventKind.Accepted, actor, now));
        }
    }

    /// <summary>
    /// The status the agencies' shares give: back to the coordinator when none is left, Completed when
    /// every live one is, otherwise Dispositioned until one moves — and never backwards from InProgress.
    /// </summary>
    private ReportStatus FromAssignments()
    {
        var live = LiveAssignments().ToList();
        if (live.Count == 0)
        {
            return ReportStatus.Unverified;
        }

        if (live.All(a => a.State == AssignmentState.Completed))
        {
            return ReportStatus.Completed;
        }

        var untouched = live.All(a => a.State == AssignmentState.Dispositioned);
        return untouched && Status is not (ReportStatus.InProgress or ReportStatus.Completed) ? ReportStatus.Dispositioned : ReportStatus.InProgress;
    }
}
