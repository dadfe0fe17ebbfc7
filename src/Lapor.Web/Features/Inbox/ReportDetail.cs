using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.History;
using Lapor.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Inbox;

/// <summary>Everything staff see about one report, and which actions this viewer may take now.</summary>
public static class ReportDetail
{
    public sealed record View(
        string TrackingNumber, int Version, ReportStatus Status, Classification Classification, ComplaintKind? ComplaintKind,
        string Title, string Body, string? PublicTitle, string? PublicSummary, DateOnly? IncidentDate, string? Location,
        int? CategoryId, string? Category, string? TargetAgency, Channel Channel, bool IsAnonymous, bool IsConfidential, bool IsReturned,
        DateTimeOffset SubmittedAt, DateOnly? VerifyDueOn, Reporter? Reporter, int? SuggestedAgencyId,
        IReadOnlyList<AssignmentItem> Assignments, IReadOnlyList<HistoryLine> Timeline, IReadOnlyList<MessageItem> Messages,
        IReadOnlyList<AttachmentItem> Attachments, Permissions Can);

    /// <summary>Only present when the viewer may see who reported (never for anonymous reports, except the reporter themself).</summary>
    public sealed record Reporter(string? Name, string? Email, string? Phone, bool HasAccount);

    public sealed record AssignmentItem(long Id, int AgencyId, string AgencyName, AssignmentKind Kind, AssignmentState State, DateTimeOffset AssignedAt,
        DateOnly FirstResponseDueOn, DateOnly CompletionDueOn, bool IsOverdue, int RejectionCount);

    public sealed record MessageItem(DateTimeOffset At, MessageKind Kind, MessageVisibility Visibility, ActorRole Role, string? Agency, string Body);

    public sealed record AttachmentItem(Guid Id, string FileName, string ContentType, long SizeBytes);

    /// <summary>
    /// The buttons this viewer gets: the lifecycle says what the status allows, the role and the
    /// viewer's own open assignment say whether this viewer may do it.
    /// </summary>
    public sealed record Permissions(
        bool Verify, bool Hold, bool Archive, bool Restore, bool Reopen, bool RevealIdentity,
        int? ActingAgencyId, bool Respond, bool Note, bool RequestInformation, bool FinalResponse, bool Return, bool Forward)
    {
        public bool Any => Verify || Hold || Archive || Restore || Reopen || ActingAgencyId is not null;
    }

    public sealed class Handler(LaporDbContext db, ReferenceData reference, HistorySentences history)
    {
        public async Task<View?> HandleAsync(string trackingNumber, ReportScope scope, StaffRoles roles, CancellationToken cancellationToken)
        {
            // One round trip for the report with its assignments, attachments and (only when this viewer
            // may see it, and never for an anonymous report) its reporter; then the history and the messages.
            var seesReporter = roles.SeesNamedReporters;
            var report = await (
                from r in scope.Apply(db.Reports.AsNoTracking())
                where r.TrackingNumber == trackingNumber

                // The identity row is one-to-one with the report: a plain LEFT JOIN on its key.
                join i in db.ReporterIdentities on r.Id equals i.ReportId into identities
                from i in identities.DefaultIfEmpty()
                select new
                {
                    r.Id, r.Version, r.Status, r.Classification, r.ComplaintKind, r.Title, r.Body, r.PublicTitle, r.PublicSummary,
                    r.IncidentDate, r.Location, r.CategoryId, r.Channel, r.IsAnonymous, r.IsConfidential, r.IsReturned, r.SubmittedAt,
                    r.VerifyDueOn, r.ReporterUserId, r.TargetAgencyId,
                    HasReporter = seesReporter && !r.IsAnonymous && i != null,
                    ReporterName = seesReporter && !r.IsAnonymous ? i!.FullName : null,
                    ReporterEmail = seesReporter && !r.IsAnonymous ? i!.Email : null,
                    ReporterPhone = seesReporter && !r.IsAnonymous ? i!.Phone : null,
                    DefaultAgencyId = db.Set<Domain.Agencies.CategoryDefaultAgency>()
                        .Where(d => d.CategoryId == r.CategoryId && (r.RegionAgencyId == null || d.RegionAgencyId == r.RegionAgencyId))
                        .OrderBy(d => d.RegionAgencyId).Select(d => (int?)d.AgencyId).FirstOrDefault(),
                    Assignments = r.Assignments.OrderBy(a => a.Id)
                        .Select(a => new { a.Id, a.AgencyId, a.Kind, a.State, a.AssignedAt, a.FirstResponseDueOn, a.CompletionDueOn, a.IsOverdue, a.RejectionCount })
                        .ToList(),
                    Attachments = r.Attachments.OrderBy(a => a.UploadedAt)
                        .Select(a => new AttachmentItem(a.Id, a.OriginalFileName, a.ContentType, a.SizeBytes))
                        .ToList(),
                })
                .FirstOrDefaultAsync(cancellationToken);
            if (report is null)
            {
                return null;
            }

            var names = await reference.AgencyNamesAsync(cancellationToken);
            string? Name(int? agencyId) => agencyId is { } id ? names.GetValueOrDefault(id, "?") : null;

            var assignments = report.Assignments
                .Select(a => new AssignmentItem(a.Id, a.AgencyId, Name(a.AgencyId)!, a.Kind, a.State, a.AssignedAt, a.FirstResponseDueOn, a.CompletionDueOn, a.IsOverdue, a.RejectionCount))
                .ToList();
            var timeline = history.Lines((await db.RoutingEntries.AsNoTracking().Where(e => e.ReportId == report.Id).OrderBy(e => e.Id)
                    .Select(e => new { e.OccurredAt, e.Action, e.ActorRole, e.FromStatus, e.ToStatus, e.FromAgencyId, e.ToAgencyId, e.Reason })
                    .ToListAsync(cancellationToken))
                .Select(e => new HistoryEntry(e.OccurredAt, e.Action, e.ActorRole, e.FromStatus, e.ToStatus, Name(e.FromAgencyId), Name(e.ToAgencyId), e.Reason)),
                Audience.Staff);
            var messages = (await db.Messages.AsNoTracking().Where(m => m.ReportId == report.Id).OrderBy(m => m.Id)
                    .Select(m => new { m.CreatedAt, m.Kind, m.Visibility, m.AuthorRole, m.AgencyId, m.Body })
                    .ToListAsync(cancellationToken))
                .Select(m => new MessageItem(m.CreatedAt, m.Kind, m.Visibility, m.AuthorRole, Name(m.AgencyId), m.Body))
                .ToList();

            var reporter = report.HasReporter ? new Reporter(report.ReporterName, report.ReporterEmail, report.ReporterPhone, report.ReporterUserId != null) : null;
            var category = report.CategoryId is { } categoryId
                ? (await reference.CategoriesAsync(cancellationToken)).FirstOrDefault(c => c.Id == categoryId)?.Name
                : null;
            var acting = roles.IsOfficer
                ? assignments.FirstOrDefault(a => scope.AssignedAgencies.Contains(a.AgencyId) && a.State is AssignmentState.Dispositioned or AssignmentState.InProgress or AssignmentState.AwaitingReporter or AssignmentState.FinalResponded)
                : null;
            var can = Allowed(report.Status, report.IsAnonymous, roles, acting);

            return new View(trackingNumber, report.Version, report.Status, report.Classification, report.ComplaintKind, report.Title, report.Body,
                report.PublicTitle, report.PublicSummary, report.IncidentDate, report.Location, report.CategoryId, category, Name(report.TargetAgencyId),
                report.Channel, report.IsAnonymous, report.IsConfidential, report.IsReturned, report.SubmittedAt, report.VerifyDueOn, reporter,
                report.TargetAgencyId ?? report.DefaultAgencyId, assignments, timeline, messages, report.Attachments, can);
        }

        private static Permissions Allowed(ReportStatus status, bool anonymous, StaffRoles roles, AssignmentItem? acting)
        {
            bool Coordinator(RoutingAction action) => roles.IsCoordinator && ReportLifecycle.Can(status, action);
            bool Officer(RoutingAction action) => acting is not null && ReportLifecycle.Can(status, action);
            var final = acting?.State == AssignmentState.FinalResponded;
            return new Permissions(
                Verify: Coordinator(RoutingAction.Verify),
                Hold: Coordinator(RoutingAction.Hold),
                Archive: Coordinator(RoutingAction.Archive),
                Restore: Coordinator(RoutingAction.Restore),
                Reopen: Coordinator(RoutingAction.Reopen),
                RevealIdentity: roles.IsCoordinator && anonymous,
                ActingAgencyId: acting?.AgencyId,
                Respond: Officer(RoutingAction.FirstResponse) && !final,
                Note: Officer(RoutingAction.Note),
                RequestInformation: Officer(RoutingAction.RequestInformation) && !final,
                FinalResponse: Officer(RoutingAction.FinalResponse) && !final,
                Return: Officer(RoutingAction.Return) && !final,
                Forward: Officer(RoutingAction.Refer) && !final);
        }
    }
}
