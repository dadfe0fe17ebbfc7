using Lapor.Web.Domain.Deadlines;

namespace Lapor.Web.Domain.Reports;

/// <summary>The verification stage: the coordinator routes, holds for information, archives or restores; the hold runs out by itself.</summary>
public sealed partial class Report
{
    /// <summary>Coordinator: checks the report and routes it to one or more agencies, setting its category when the reporter chose a wrong or general one.</summary>
    public void Verify(
        Actor actor, IReadOnlyCollection<int> agencyIds, ComplaintKind? complaintKind, string? publicTitle, string? publicSummary,
        DeadlineSchedule schedule, DateTimeOffset now, int? categoryId = null)
    {
        var target = Guard(RoutingAction.Verify);
        if (agencyIds.Count == 0)
        {
            throw new DomainException("Verify.NoAgency");
        }

        var from = Status;
        ComplaintKind = Classification == Classification.Complaint ? complaintKind ?? Reports.ComplaintKind.Ordinary : null;
        PublicTitle = string.IsNullOrWhiteSpace(publicTitle) ? PublicTitle : publicTitle.Trim();
        PublicSummary = string.IsNullOrWhiteSpace(publicSummary) ? PublicSummary : publicSummary.Trim();
        IsReturned = false;
        if (categoryId is { } corrected && corrected != CategoryId)
        {
            // Its own history line, before the routing: "category changed from X to Y".
            _routing.Add(new RoutingEntry(actor, now, RoutingAction.Recategorize, from, from, null, null, new CategoryChange(CategoryId, corrected).Code));
            CategoryId = corrected;
        }

        var to = Resolve(target);
        foreach (var agencyId in agencyIds.Distinct())
        {
            _assignments.Add(Assignment.Open(this, agencyId, AssignmentKind.Disposition, null, schedule, now));
            _routing.Add(new RoutingEntry(actor, now, RoutingAction.Verify, from, to, null, agencyId, null));
        }

        Move(to, now);
        Raise(new ReportEvent(ReportEventKind.Verified, actor, now), schedule);
        foreach (var agencyId in agencyIds.Distinct())
        {
            Raise(new ReportEvent(ReportEventKind.Routed, actor, now) { AgencyId = agencyId });
        }
    }

    /// <summary>Coordinator: parks the report with a question; the verification clock stops.</summary>
    public void Hold(Actor actor, string question, DateTimeOffset now)
    {
        var target = Guard(RoutingAction.Hold);
        AddMessage(actor, null, MessageKind.Question, MessageVisibility.ReporterOnly, question, now);
        PausedAt = now;
        Record(actor, RoutingAction.Hold, target, now, question);
        Raise(new ReportEvent(ReportEventKind.Held, actor, now) { Reason = question.Trim() });
    }

    /// <summary>
    /// Reporter adds information before verification: answering a hold moves the report back to the
    /// coordinator with the clock moved on by the paused days; without a hold it stays where it is.
    /// </summary>
    public void AddInformation(Actor actor, string text, DeadlineSchedule schedule, DateTimeOffset now, IReadOnlyList<Attachment>? photos = null)
    {
        var target = Guard(RoutingAction.AddInformation);
        RequireFewFiles(photos);
        var message = AddMessage(actor, null, MessageKind.ReporterReply, MessageVisibility.ReporterOnly, text, now);
        AttachToMessage(message, photos);
        var answersHold = Status == ReportStatus.OnHold;
        if (answersHold)
        {
            Resume(schedule, now);
        }

        Record(actor, RoutingAction.AddInformation, target, now, null);
        Raise(new ReportEvent(ReportEventKind.InformationAdded, actor, now) { AgencyId = TargetAgencyId, AnswersQuestion = answersHold });
    }

    /// <summary>System: a hold unanswered for too long ends as archived ("tidak dilengkapi").</summary>
    public void ExpireHold(DateTimeOffset now)
    {
        var target = Guard(RoutingAction.ExpireHold);
        ArchiveReason = Reports.ArchiveReason.NotCompleted;
        PausedAt = null;
        Record(Actor.System, RoutingAction.ExpireHold, target, now, nameof(Reports.ArchiveReason.NotCompleted));
        Raise(new ReportEvent(ReportEventKind.HoldExpired, Actor.System, now) { ArchiveReason = Reports.ArchiveReason.NotCompleted });
    }

    public void Archive(Actor actor, ArchiveReason reason, string message, long? duplicateOfReportId, DateTimeOffset now)
    {
        var target = Guard(RoutingAction.Archive);
        if (reason == Reports.ArchiveReason.Duplicate && duplicateOfReportId is null)
        {
            throw new DomainException("Archive.DuplicateNeedsLink");
        }

        ArchiveReason = reason;
        DuplicateOfReportId = duplicateOfReportId;
        AddMessage(actor, null, MessageKind.ArchiveNotice, MessageVisibility.ReporterOnly, message, now);
        Record(actor, RoutingAction.Archive, target, now, reason.ToString());
        Raise(new ReportEvent(ReportEventKind.Archived, actor, now) { ArchiveReason = reason, Reason = message.Trim() });
    }

    public void Restore(Actor actor, string reason, DeadlineSchedule schedule, DateTimeOffset now)
    {
        var target = Guard(RoutingAction.Restore);
        RequireReason(reason);
        ArchiveReason = null;
        DuplicateOfReportId = null;
        RestartVerificationClock(schedule, now);
        Record(actor, RoutingAction.Restore, target, now, reason);
        Raise(new ReportEvent(ReportEventKind.Restored, actor, now));
    }
}
