using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Agencies;
using Lapor.Web.Features.Shared.History;
using Lapor.Web.Features.Shared.Maps;
using Lapor.Web.Features.Shared.Workflow;
using Lapor.Web.Features.StaffWork.Templates;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.StaffWork.ReportPage;

/// <summary>Everything staff see about one report, and which actions this viewer may take now.</summary>
public static class ReportDetail
{
    public sealed record View(
        string TrackingNumber, int Version, ReportStatus Status, Classification Classification, ComplaintKind? ComplaintKind,
        string Title, string Body, string? PublicTitle, string? PublicSummary, DateOnly? IncidentDate, string? Location,
        int? CategoryId, string? Category, string? TargetAgency, Channel Channel, bool IsAnonymous, bool IsConfidential, bool IsReturned,
        DateTimeOffset SubmittedAt, DateOnly? VerifyDueOn, Reporter? Reporter, int? SuggestedAgencyId,
        IReadOnlyList<AssignmentItem> Assignments, IReadOnlyList<HistoryLine> Timeline, IReadOnlyList<MessageItem> Messages,
        IReadOnlyList<AttachmentItem> Attachments, Permissions Can, ReturnNote? ReturnedBecause)
    {
        /// <summary>The exact point the reporter set (or a channel sent), if any.</summary>
        public MapPoint? Point { get; init; }

        public long ReportId { get; init; }

        /// <summary>Where a village operator entered the report for a resident who came in person (channel Operator).</summary>
        public string? ServicePoint { get; init; }

        /// <summary>The version of the report this viewer last opened (null: never).</summary>
        public int? SeenVersion { get; init; }

        /// <summary>A question to the reporter still unanswered: shown first, so nobody asks again or archives it by mistake.</summary>
        public OpenQuestion? OpenQuestion { get; init; }

        /// <summary>The report's tags (staff only), read in the report's own query.</summary>
        public IReadOnlyList<string> Tags { get; init; } = [];

        /// <summary><see cref="SuggestedAgencyId"/> is the agency the reporter chose (otherwise the category's default).</summary>
        public bool SuggestedByReporter { get; init; }
    }

    /// <summary>The last question put to the reporter (by an officer, or the coordinator's hold), with no reply after it.</summary>
    public sealed record OpenQuestion(DateTimeOffset At, ActorRole Role, string? Agency, string Body);

    /// <summary>Who the agency's open share can be handed to, and who has it now.</summary>
    public sealed record Ownership(string TrackingNumber, int Version, string? Owner, bool OwnedByMe, bool MayTake, IReadOnlyList<Inbox.AgencyInbox.Colleague> Colleagues);

    /// <summary>
    /// The staff page: the report, the agencies its pickers offer (only when one is shown), the acting
    /// agency's response templates, and what was typed into a form whose action failed.
    /// </summary>
    public sealed record Page(View Report, IReadOnlyList<AgencyDirectory.Group> Agencies, IReadOnlyList<ResponseTemplates.Item> Templates, Draft Draft)
    {
        /// <summary>For an officer or agency head whose agency holds an open share: its owner and the colleagues it can go to.</summary>
        public Ownership? Owner { get; init; }

        /// <summary>For a coordinator who may verify: the suggested agencies and category (from the cached model, no query).</summary>
        public TriageHint? Triage { get; init; }
    }

    /// <summary>Why a report is back in the queue (an agency returned it, or it was withdrawn): shown first, so nobody routes it there again.</summary>
    public sealed record ReturnNote(string? Agency, DateTimeOffset At, string? Reason, bool Withdrawn);

    /// <summary>Only present when the viewer may see who reported (never for anonymous reports, except the reporter themself).</summary>
    public sealed record Reporter(string? Name, string? Email, string? Phone, bool HasAccount)
    {
        /// <summary>What is known of them in one line: only the parts they gave, so a reporter without a name is just their number.</summary>
        public string Contact => string.Join(" · ", new[] { Name, Email, Phone }.Where(part => !string.IsNullOrWhiteSpace(part))) is { Length: > 0 } known ? known : "–";
    }

    public sealed record AssignmentItem(long Id, int AgencyId, string AgencyName, AssignmentKind Kind, AssignmentState State, DateTimeOffset AssignedAt,
        DateOnly FirstResponseDueOn, DateOnly CompletionDueOn, bool IsOverdue, int RejectionCount, int ValidationRefusals, bool HasOfficer)
    {
        public bool IsOpen => Assignment.IsOpenState(State);

        public string? OfficerUserId { get; init; }

        /// <summary>The officer who has taken this share on, if any.</summary>
        public string? Owner { get; init; }

        public bool Responded { get; init; }

        /// <summary>The due date this share works to next (the first response before completion).</summary>
        public (ShareStage Stage, DateOnly? DueOn) Next => ShareDeadline.Of(State, Responded, FirstResponseDueOn, CompletionDueOn, null);
    }

    /// <summary>A message with the files sent with it (a final response's evidence).</summary>
    public sealed record MessageItem(DateTimeOffset At, MessageKind Kind, MessageVisibility Visibility, ActorRole Role, string? Agency, string Body, IReadOnlyList<AttachmentItem> Attachments);

    public sealed record AttachmentItem(Guid Id, string FileName, string ContentType, long SizeBytes);

    /// <summary>
    /// The buttons this viewer gets: the lifecycle says what the status allows, the role and the
    /// viewer's own open assignment say whether this viewer may do it.
    /// </summary>
    public sealed record Permissions(
        bool Verify, bool Hold, bool Archive, bool Restore, bool Reopen, bool RevealIdentity, bool Steer, bool Validate,
        int? ActingAgencyId, bool Respond, bool Note, bool RequestInformation, bool FinalResponse, bool Return, bool Forward)
    {
        public bool Any => Verify || Hold || Archive || Restore || Reopen || Steer || Validate || Note || ActingAgencyId is not null;
    }

    public sealed class Handler(
        LaporDbContext db, ReferenceData reference, HistorySentences history, AgencyStaffing staffing, AgencyDirectory agencies, ResponseTemplates templates,
        TriageHint.Builder triage, IStringLocalizer<StaffWorkResource> t)
    {
        public async Task<Page?> HandleAsync(string trackingNumber, ReportScope scope, StaffRoles roles, Draft draft, CancellationToken cancellationToken)
        {
            if (await ReadAsync(trackingNumber, scope, roles, cancellationToken) is not { } view)
            {
                return null;
            }

            var acting = view.Can.ActingAgencyId is { } agency ? view.Assignments.First(a => a.AgencyId == agency && a.IsOpen) : null;
            IReadOnlyList<ResponseTemplates.Item> offered = acting is not null
                ? [.. (await templates.ForAgencyAsync(acting.AgencyId, cancellationToken)).Select(item => item with { Body = TemplateFill.Fill(item.Body, Values(view, acting)) })]
                : [];
            var tree = view.Can.Verify || view.Can.Forward || view.Can.Steer ? await agencies.TreeAsync(cancellationToken) : [];
            return new Page(view, tree, offered, draft)
            {
                Owner = await OwnershipAsync(view, scope, roles, cancellationToken),
                Triage = view.Can.Verify ? await triage.ForAsync(view, scope, cancellationToken) : null,
            };
        }

        /// <summary>
        /// What a template's placeholders become for this report. The salutation never names the reporter: a response
        /// is public by default, and a name the officer did not type would reach the public page unnoticed.
        /// </summary>
        private TemplateFill.Values Values(View view, AssignmentItem acting)
        {
            var due = acting.Next.DueOn?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("id-ID"));
            return new TemplateFill.Values(t["Templates.SalutationUnnamed"], view.TrackingNumber, acting.AgencyName, due);
        }

        /// <summary>An officer may take the share or hand it on; an agency head may hand it to one of their officers.</summary>
        private async Task<Ownership?> OwnershipAsync(View view, ReportScope scope, StaffRoles roles, CancellationToken cancellationToken)
        {
            if (!roles.IsOfficer && !roles.IsAgencyHead)
            {
                return null;
            }

            var share = view.Assignments.FirstOrDefault(a => a.IsOpen && scope.AssignedAgencies.Contains(a.AgencyId));
            if (share is null)
            {
                return null;
            }

            var colleagues = (await staffing.OfficersAsync(cancellationToken)).Where(o => o.AgencyId == share.AgencyId && o.UserId != scope.UserId)
                .Select(o => new Inbox.AgencyInbox.Colleague(o.UserId, o.Name)).ToList();
            var mine = share.OfficerUserId == scope.UserId;
            return new Ownership(view.TrackingNumber, view.Version, share.Owner, mine, roles.IsOfficer && !mine, colleagues);
        }

        private async Task<View?> ReadAsync(string trackingNumber, ReportScope scope, StaffRoles roles, CancellationToken cancellationToken)
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
                    r.VerifyDueOn, r.ReporterUserId, r.TargetAgencyId, r.Latitude, r.Longitude,
                    HasReporter = seesReporter && !r.IsAnonymous && i != null,

                    // The version this viewer last saw, in the same round trip: the page marks it seen only when it is older.
                    SeenVersion = db.ReportReadings.Where(x => x.UserId == scope.UserId && x.ReportId == r.Id).Select(x => (int?)x.Version).FirstOrDefault(),
                    ServicePoint = r.Channel == Channel.Operator
                        ? db.Set<OperatorFiling>().Where(f => f.ReportId == r.Id).Select(f => f.ServicePoint).FirstOrDefault()
                        : null,
                    ReporterName = seesReporter && !r.IsAnonymous ? i!.FullName : null,
                    ReporterEmail = seesReporter && !r.IsAnonymous ? i!.Email : null,
                    ReporterPhone = seesReporter && !r.IsAnonymous ? i!.Phone : null,
                    DefaultAgencyId = db.Set<Domain.Agencies.CategoryDefaultAgency>()
                        .Where(d => d.CategoryId == r.CategoryId && (r.RegionAgencyId == null || d.RegionAgencyId == r.RegionAgencyId))
                        .OrderBy(d => d.RegionAgencyId).Select(d => (int?)d.AgencyId).FirstOrDefault(),
                    Assignments = r.Assignments.OrderBy(a => a.Id)
                        .Select(a => new
                        {
                            a.Id, a.AgencyId, a.Kind, a.State, a.AssignedAt, a.FirstResponseDueOn, a.CompletionDueOn, a.IsOverdue, a.RejectionCount, a.ValidationRefusals,
                            a.OfficerUserId, Owner = db.Users.Where(u => u.Id == a.OfficerUserId).Select(u => u.FullName).FirstOrDefault(), Responded = a.FirstRespondedAt != null,
                        })
                        .ToList(),
                    Tags = r.Tags.Join(db.Tags, rt => rt.TagId, t => t.Id, (rt, t) => t.Label).OrderBy(l => l).ToList(),
                    Attachments = r.Attachments.OrderBy(a => a.UploadedAt)
                        .Select(a => new { a.MessageId, Item = new AttachmentItem(a.Id, a.OriginalFileName, a.ContentType, a.SizeBytes) })
                        .ToList(),
                })
                .FirstOrDefaultAsync(cancellationToken);
            if (report is null)
            {
                return null;
            }

            var names = await reference.AgencyNamesAsync(cancellationToken);
            string? Name(int? agencyId) => agencyId is { } id ? names.GetValueOrDefault(id, "?") : null;

            var staffed = await staffing.StaffedAsync(cancellationToken);
            var assignments = report.Assignments
                .Select(a => new AssignmentItem(a.Id, a.AgencyId, Name(a.AgencyId)!, a.Kind, a.State, a.AssignedAt, a.FirstResponseDueOn, a.CompletionDueOn, a.IsOverdue, a.RejectionCount, a.ValidationRefusals,
                    staffed.Contains(a.AgencyId))
                {
                    OfficerUserId = a.OfficerUserId,
                    Owner = a.Owner,
                    Responded = a.Responded,
                })
                .ToList();
            var entries = await db.RoutingEntries.AsNoTracking().Where(e => e.ReportId == report.Id).OrderBy(e => e.Id)
                .Select(e => new { e.OccurredAt, e.Action, e.ActorRole, e.FromStatus, e.ToStatus, e.FromAgencyId, e.ToAgencyId, e.Reason })
                .ToListAsync(cancellationToken);
            var categories = await reference.CategoriesAsync(cancellationToken);
            var timeline = history.Lines(
                entries.Select(e => new HistoryEntry(e.OccurredAt, e.Action, e.ActorRole, e.FromStatus, e.ToStatus, Name(e.FromAgencyId), Name(e.ToAgencyId), e.Reason))
                    .Named(categories, System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en"),
                Audience.Staff);
            var returned = report.IsReturned
                ? entries.Where(e => e.Action is RoutingAction.Return or RoutingAction.Withdraw)
                    .Select(e => new ReturnNote(Name(e.FromAgencyId), e.OccurredAt, e.Reason, e.Action == RoutingAction.Withdraw)).LastOrDefault()
                : null;

            // The files came with the report in its one query: those of a message are shown with it, the rest as filed.
            var files = report.Attachments.ToLookup(a => a.MessageId, a => a.Item);
            var messages = (await db.Messages.AsNoTracking().Where(m => m.ReportId == report.Id).OrderBy(m => m.Id)
                    .Select(m => new { m.Id, m.CreatedAt, m.Kind, m.Visibility, m.AuthorRole, m.AgencyId, m.Body })
                    .ToListAsync(cancellationToken))
                .Select(m => new MessageItem(m.CreatedAt, m.Kind, m.Visibility, m.AuthorRole, Name(m.AgencyId), m.Body, [.. files[m.Id]]))
                .ToList();
            var question = messages.LastOrDefault(m => m.Kind == MessageKind.Question);
            var open = question is not null && !messages.Any(m => m.Kind == MessageKind.ReporterReply && m.At > question.At)
                && (report.Status == ReportStatus.OnHold || assignments.Any(a => a.State == AssignmentState.AwaitingReporter));

            var reporter = report.HasReporter ? new Reporter(report.ReporterName, report.ReporterEmail, report.ReporterPhone, report.ReporterUserId != null) : null;
            var category = report.CategoryId is { } categoryId ? categories.FirstOrDefault(c => c.Id == categoryId)?.Name : null;
            var acting = roles.IsOfficer ? assignments.FirstOrDefault(a => scope.AssignedAgencies.Contains(a.AgencyId) && a.IsOpen) : null;

            // An agency that handed the work on keeps its notes (and read access); so do coordinators. Overseers read them.
            var notes = acting is not null || roles.IsCoordinator
                || (roles.IsOfficer && assignments.Any(a => scope.AssignedAgencies.Contains(a.AgencyId)));
            var can = Allowed(report.Status, report.IsAnonymous, roles, acting, notes, assignments);

            // A returned report is not offered again to the agencies that gave it back.
            var gaveBack = assignments.Where(a => a.State is AssignmentState.Returned).Select(a => (int?)a.AgencyId).ToHashSet();
            var suggested = report.TargetAgencyId ?? report.DefaultAgencyId;
            return new View(trackingNumber, report.Version, report.Status, report.Classification, report.ComplaintKind, report.Title, report.Body,
                report.PublicTitle, report.PublicSummary, report.IncidentDate, report.Location, report.CategoryId, category, Name(report.TargetAgencyId),
                report.Channel, report.IsAnonymous, report.IsConfidential, report.IsReturned, report.SubmittedAt, report.VerifyDueOn, reporter,
                gaveBack.Contains(suggested) ? null : suggested, assignments, timeline, messages, [.. files[null]], can, returned)
            {
                Point = MapPoint.Exact(report.Latitude, report.Longitude),
                ReportId = report.Id,
                ServicePoint = report.ServicePoint,
                SeenVersion = report.SeenVersion,
                Tags = report.Tags,
                SuggestedByReporter = report.TargetAgencyId is not null && suggested == report.TargetAgencyId,
                OpenQuestion = open ? new OpenQuestion(question!.At, question.Role, question.Agency, question.Body) : null,
            };
        }

        private static Permissions Allowed(ReportStatus status, bool anonymous, StaffRoles roles, AssignmentItem? acting, bool notes, IReadOnlyList<AssignmentItem> assignments)
        {
            bool Coordinator(RoutingAction action) => roles.IsCoordinator && ReportLifecycle.Can(status, action);
            bool Officer(RoutingAction action) => acting is not null && ReportLifecycle.Can(status, action);
            var final = acting?.State is AssignmentState.FinalResponded or AssignmentState.AwaitingValidation;
            return new Permissions(
                Verify: Coordinator(RoutingAction.Verify),
                Hold: Coordinator(RoutingAction.Hold),
                Archive: Coordinator(RoutingAction.Archive),
                Restore: Coordinator(RoutingAction.Restore),
                Reopen: Coordinator(RoutingAction.Reopen),
                RevealIdentity: roles.IsCoordinator && anonymous,
                Steer: Coordinator(RoutingAction.Route),
                Validate: (roles.IsCoordinator || roles.IsOversight) && ReportLifecycle.Can(status, RoutingAction.ValidateFinal)
                    && assignments.Any(a => a.State == AssignmentState.AwaitingValidation),
                ActingAgencyId: acting?.AgencyId,
                Respond: Officer(RoutingAction.FirstResponse) && !final,
                Note: notes && ReportLifecycle.Can(status, RoutingAction.Note),
                RequestInformation: Officer(RoutingAction.RequestInformation) && !final,
                FinalResponse: Officer(RoutingAction.FinalResponse) && !final,
                Return: Officer(RoutingAction.Return) && !final,
                Forward: Officer(RoutingAction.Refer) && !final);
        }
    }
}
