using Lapor.Web.Domain.Deadlines;

namespace Lapor.Web.Domain.Reports;

/// <summary>
/// A complaint, aspiration or information request: the aggregate every transition goes through.
/// Each method asks <see cref="ReportLifecycle"/> whether the action is allowed and where it leads,
/// changes state, appends its routing entry and records its <see cref="ReportEvent"/>s, so one save
/// stores the change, its history and (through the events) whom to tell.
/// </summary>
public sealed partial class Report
{
    public const int MaxAttachments = 5;

    private readonly List<Assignment> _assignments = [];
    private readonly List<RoutingEntry> _routing = [];
    private readonly List<Message> _messages = [];
    private readonly List<Attachment> _attachments = [];
    private readonly List<ReportEvent> _events = [];

    private Report() { }

    public long Id { get; private set; }
    public string TrackingNumber { get; private set; } = "";
    public string? AccessCodeHash { get; private set; }
    public Guid SubmissionToken { get; private set; }
    public Classification Classification { get; private set; }
    public ComplaintKind? ComplaintKind { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string? PublicTitle { get; private set; }
    public string? PublicSummary { get; private set; }
    public DateOnly? IncidentDate { get; private set; }
    public string? Location { get; private set; }
    public decimal? Latitude { get; private set; }
    public decimal? Longitude { get; private set; }
    public int? RegionAgencyId { get; private set; }
    public int? CategoryId { get; private set; }
    public int? TargetAgencyId { get; private set; }
    public bool IsAnonymous { get; private set; }
    public bool IsConfidential { get; private set; }
    public Channel Channel { get; private set; }
    public string? EnteredByUserId { get; private set; }
    public string? ReporterUserId { get; private set; }

    /// <summary>The API client that filed the report (Open311): its webhook hears of the report's status changes.</summary>
    public int? ApiClientId { get; private set; }
    public ReportStatus Status { get; private set; }

    /// <summary>Back in the coordinator's queue because every agency said "not our authority".</summary>
    public bool IsReturned { get; private set; }
    public ArchiveReason? ArchiveReason { get; private set; }
    public long? DuplicateOfReportId { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }
    public DateTimeOffset? FirstResponseAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateOnly? VerifyDueOn { get; private set; }

    /// <summary>The local day the report was filed: the dashboard groups by it (trend, backlog age) without time-zone maths in SQL.</summary>
    public DateOnly SubmittedOn { get; private set; }

    /// <summary>
    /// Working days from filing to the first verification, and whether that met its due date: recorded
    /// when it happens, with that day's calendar, so the dashboard adds them up in SQL.
    /// </summary>
    public int? VerifyWorkingDays { get; private set; }

    public bool? VerifiedOnTime { get; private set; }

    /// <summary>Set while the verification clock is paused (OnHold).</summary>
    public DateTimeOffset? PausedAt { get; private set; }
    public int SupportCount { get; private set; }

    /// <summary>How often the reporter accepted ("puas") or rejected the final responses: the satisfaction figures, kept with each verdict.</summary>
    public int TimesAccepted { get; private set; }

    public int TimesRejected { get; private set; }

    /// <summary>The reporter's 1–5 rating of the answer they got.</summary>
    public int? Rating { get; private set; }
    public DateTimeOffset? RatedAt { get; private set; }

    /// <summary>
    /// Whether the public portal shows the report: verified and routed, and not confidential.
    /// Kept with every change (<see cref="Touch"/>), so the public list is one indexed column.
    /// </summary>
    public bool IsPublic { get; private set; }

    /// <summary>Optimistic concurrency token: bumped by every change, so two editors cannot overwrite each other.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<Assignment> Assignments => _assignments;
    public IReadOnlyList<RoutingEntry> Routing => _routing;
    public IReadOnlyList<Message> Messages => _messages;
    public IReadOnlyList<Attachment> Attachments => _attachments;

    /// <summary>What happened since the report was loaded (not stored: the routing entries are the history).</summary>
    public IReadOnlyList<ReportEvent> Events => _events;

    /// <summary>
    /// UU PDP erasure: the report stays (public record, statistics) but no longer points at the
    /// reporter's account. Erase the <see cref="ReporterIdentity"/> with it.
    /// </summary>
    public void ForgetReporter() => ReporterUserId = null;

    /// <summary>Remembers which API client filed a report that came by the API.</summary>
    public void FiledThrough(int apiClientId) => ApiClientId = Channel == Channel.Api ? apiClientId : throw new DomainException("Report.NotFromApi");

    /// <summary>Files a new report. Returns it Unverified with the verification clock running.</summary>
    public static Report Submit(
        ReportDraft draft, Actor actor, Channel channel, Guid submissionToken, string? accessCodeHash,
        DeadlineSchedule schedule, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.Title);
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.Body);
        var report = new Report
        {
            TrackingNumber = Reports.TrackingNumber.New(),
            AccessCodeHash = accessCodeHash,
            SubmissionToken = submissionToken,
            Classification = draft.Classification,
            Title = draft.Title.Trim(),
            Body = draft.Body.Trim(),
            IncidentDate = draft.IncidentDate,
            Location = string.IsNullOrWhiteSpace(draft.Location) ? null : draft.Location.Trim(),
            Latitude = draft.Latitude,
            Longitude = draft.Longitude,
            CategoryId = draft.CategoryId,
            TargetAgencyId = draft.TargetAgencyId,
            IsAnonymous = draft.IsAnonymous,
            IsConfidential = draft.IsConfidential,
            Channel = channel,
            ReporterUserId = actor.Role == ActorRole.Citizen ? actor.UserId : null,
            EnteredByUserId = actor.Role == ActorRole.Citizen ? null : actor.UserId,
            Status = ReportStatus.Unverified,
            SubmittedAt = now,
            SubmittedOn = schedule.LocalDate(now),
            UpdatedAt = now,
            VerifyDueOn = schedule.DueAfter(now, schedule.Policy.VerifyDays),
        };
        report._routing.Add(new RoutingEntry(actor, now, RoutingAction.Submit, null, ReportStatus.Unverified, null, draft.TargetAgencyId, null));
        report.Raise(new ReportEvent(ReportEventKind.Filed, actor, now));
        return report;
    }

    /// <summary>Whether the stage durations are still missing (a report filed before they were recorded).</summary>
    public static readonly DateOnly NotYetRecorded = DateOnly.MinValue;

    /// <summary>
    /// For reports from before the dashboard kept stage durations: works them out from the stored
    /// timestamps, with today's calendar. Changes nothing already recorded and adds no history.
    /// </summary>
    public void RecordMissingStageDurations(DeadlineSchedule schedule)
    {
        if (SubmittedOn == NotYetRecorded)
        {
            SubmittedOn = schedule.LocalDate(SubmittedAt);
        }

        if (VerifiedAt is { } verifiedAt && VerifyWorkingDays is null)
        {
            TimeVerification(schedule, verifiedAt);
        }

        foreach (var assignment in _assignments)
        {
            assignment.RecordMissingStageDurations(schedule, SubmittedOn);
        }
    }

    private void TimeVerification(DeadlineSchedule schedule, DateTimeOffset at) =>
        (VerifyWorkingDays, VerifiedOnTime) = (schedule.WorkingDaysBetween(SubmittedAt, at), schedule.IsOnTime(at, VerifyDueOn));

    /// <summary>Gives the report a fresh tracking number (used only when the random one collided).</summary>
    public void RegenerateTrackingNumber() => TrackingNumber = Reports.TrackingNumber.New();

    public void AddAttachment(Attachment attachment)
    {
        if (!attachment.IsOnMessage && _attachments.Count(a => !a.IsOnMessage) >= MaxAttachments)
        {
            throw new DomainException("Attachment.TooMany");
        }

        _attachments.Add(attachment);
    }

    /// <summary>
    /// Coordinator, or the reporter (the caller checks it is theirs: a channel's "RAHASIA LPR-…"): a flag is only
    /// ever set here, never cleared. Officers can never weaken privacy, and only the reporter may clear a flag.
    /// </summary>
    public void Protect(Actor actor, bool anonymous, bool confidential, DateTimeOffset now)
    {
        var target = Guard(RoutingAction.Protect);
        if (actor.Role is not (ActorRole.Coordinator or ActorRole.Citizen))
        {
            throw new DomainException("Lifecycle.NotAllowed");
        }

        IsAnonymous |= anonymous;
        IsConfidential |= confidential;
        Record(actor, RoutingAction.Protect, target, now, null);
        Raise(new ReportEvent(ReportEventKind.Protected, actor, now));
    }

    /// <summary>A citizen's "dukung": counted once per account by the caller's unique row; no history line.</summary>
    public void Support(Actor actor, DateTimeOffset now)
    {
        Guard(RoutingAction.Support);
        Touch(now);
        Raise(new ReportEvent(ReportEventKind.Supported, actor, now));
    }

    /// <summary>Allowed now? Throws the rule's code when not; returns where the action leads.</summary>
    private LifecycleTarget Guard(RoutingAction action) => ReportLifecycle.Target(Status, action);

    /// <summary>The status a target stands for once this action's changes to the shares are made.</summary>
    private ReportStatus Resolve(LifecycleTarget target) =>
        target.FromAssignments ? FromAssignments() : target.Status ?? Status;

    private void Record(Actor actor, RoutingAction action, LifecycleTarget target, DateTimeOffset now, string? reason, int? fromAgency = null, int? toAgency = null)
    {
        var to = Resolve(target);
        var completes = to == ReportStatus.Completed && Status != ReportStatus.Completed;
        _routing.Add(new RoutingEntry(actor, now, action, Status, to, fromAgency, toAgency, reason));
        Move(to, now);

        // However it got there (the last verdict, the window passing, the last open agency withdrawn), the reporter hears.
        if (completes)
        {
            Raise(new ReportEvent(ReportEventKind.Completed, actor, now));
        }
    }

    private void Move(ReportStatus to, DateTimeOffset now)
    {
        if (to == ReportStatus.Completed && Status != ReportStatus.Completed)
        {
            CompletedAt = now;
        }

        Status = to;
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
        IsPublic = !IsConfidential && Status is ReportStatus.Dispositioned or ReportStatus.InProgress or ReportStatus.Completed;
    }

    /// <summary>Records an event and keeps the read-side counters that follow from it.</summary>
    private void Raise(ReportEvent e, DeadlineSchedule? schedule = null)
    {
        switch (e.Kind)
        {
            case ReportEventKind.Verified when VerifiedAt is null:
                VerifiedAt = e.At;
                if (schedule is not null)
                {
                    TimeVerification(schedule, e.At);
                }

                break;
            case ReportEventKind.Responded or ReportEventKind.FinalSubmitted or ReportEventKind.FinalResponded:
                FirstResponseAt ??= e.At;
                break;
            case ReportEventKind.Accepted:
                TimesAccepted++;
                break;
            case ReportEventKind.Rejected when e.AgencyId is null:
                TimesRejected++;
                break;
            case ReportEventKind.Supported:
                SupportCount++;
                break;
        }

        _events.Add(e);
    }

    private void Resume(DeadlineSchedule schedule, DateTimeOffset now)
    {
        if (PausedAt is { } pausedAt && VerifyDueOn is { } due)
        {
            VerifyDueOn = schedule.Extend(due, pausedAt, now);
        }

        PausedAt = null;
    }

    /// <summary>Back in the coordinator's hands (returned, restored): a fresh verification period from today.</summary>
    private void RestartVerificationClock(DeadlineSchedule schedule, DateTimeOffset now)
    {
        VerifyDueOn = schedule.DueAfter(now, schedule.Policy.VerifyDays);
        PausedAt = null;
    }

    private Message AddMessage(Actor actor, int? agencyId, MessageKind kind, MessageVisibility visibility, string body, DateTimeOffset now)
    {
        RequireReason(body);
        var message = new Message(this, agencyId, actor, kind, visibility, body, now);
        _messages.Add(message);
        return message;
    }

    /// <summary>Files the reporter sends with a message (already checked and stored) go with that message.</summary>
    private void AttachToMessage(Message message, IReadOnlyList<Attachment>? files)
    {
        foreach (var file in files ?? [])
        {
            file.BelongTo(message);
            AddAttachment(file);
        }
    }

    private static void RequireFewFiles(IReadOnlyList<Attachment>? files)
    {
        if (files?.Count > MaxAttachments)
        {
            throw new DomainException("Attachment.TooManyOnMessage");
        }
    }

    private static void RequireReason(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException("Lifecycle.ReasonRequired");
        }
    }
}
