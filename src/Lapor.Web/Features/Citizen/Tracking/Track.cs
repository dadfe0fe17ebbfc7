using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Attachments;
using Lapor.Web.Features.Shared.History;
using Lapor.Web.Features.Shared.Workflow;
using Lapor.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Citizen.Tracking;

/// <summary>
/// Following a report at /lacak/{number}: the whole report for its reporter (access code or
/// account); for anyone else holding the number, what the public portal shows of a public report,
/// and only the status of any other (unverified, on hold, archived, confidential).
/// </summary>
public static class Track
{
    public sealed record View(
        string TrackingNumber, ReportStatus Status, Classification Classification, string? Title, DateTimeOffset SubmittedAt,
        IReadOnlyList<string> Agencies, IReadOnlyList<HistoryLine> Timeline, IReadOnlyList<MessageItem> Messages, Details? Details)
    {
        /// <summary>The next date the reporter may expect something by: verification, or the earliest completion date of the working agencies.</summary>
        public DateOnly? ExpectedBy { get; init; }

        /// <summary>Not public and not unlocked: the page shows the status and the access-code form, nothing of the report itself.</summary>
        public bool StatusOnly { get; init; }

        /// <summary>Archived as a duplicate: the report it was joined to, where the problem is followed up.</summary>
        public MergedInto? MergedInto { get; init; }
    }

    /// <summary>The original a duplicate was joined to; linked only when the public portal shows it (never a confidential or unpublished one).</summary>
    public sealed record MergedInto(string TrackingNumber, bool OriginalIsPublic);

    /// <summary>The full page: the report, and what the reporter typed into a form that was refused, given back.</summary>
    public sealed record Page(View Report, Draft Draft, Uploader? Uploader = null);

    /// <summary>A message; <see cref="Attachments"/> (a final response's evidence) are listed for the reporter only, who alone may open them.</summary>
    public sealed record MessageItem(DateTimeOffset At, MessageKind Kind, string? AgencyName, string Body, bool FromReporter)
    {
        public long Id { get; init; }

        public IReadOnlyList<AttachmentItem> Attachments { get; init; } = [];
    }

    /// <summary>Only for the reporter: what they wrote and can still add.</summary>
    public sealed record Details(
        string Body, string? Location, DateOnly? IncidentDate, string? Category, bool IsAnonymous, bool IsConfidential,
        IReadOnlyList<AttachmentItem> Attachments, bool CanAddInformation, bool AwaitsVerdict, bool CanReopen, int? Rating)
    {
        public Shared.Maps.MapPoint? Point { get; init; }

        /// <summary>The completion date passed: the reporter may ask the coordinator to step in.</summary>
        public bool EscalationOffered { get; init; }

        /// <summary>A question from the coordinator or an agency waits for the reporter's answer.</summary>
        public bool AwaitsAnswer { get; init; }

        public bool Escalated { get; init; }
    }

    public sealed record AttachmentItem(Guid Id, string FileName, long SizeBytes);

    public sealed class UnlockForm
    {
        [Display(Name = "Track.AccessCode")]
        public string? AccessCode { get; set; }
    }

    public sealed class InformationForm
    {
        [Display(Name = "Track.AddInformation")]
        public string? Text { get; set; }

        /// <summary>The form's own id: files picked for it are staged under it until the information is sent.</summary>
        public Guid FormToken { get; set; }

        /// <summary>The staged files to send with the text.</summary>
        public List<Guid> Staged { get; set; } = [];
    }

    /// <summary>The reporter's verdict on a final response, or a reason to reopen.</summary>
    public sealed class VerdictForm
    {
        [Display(Name = "Track.Reason")]
        public string? Reason { get; set; }

        [Display(Name = "Track.Rating")]
        public int? Rating { get; set; }
    }

    public sealed class VerdictValidator : AbstractValidator<VerdictForm>
    {
        public VerdictValidator(IStringLocalizer<CitizenResource> t)
        {
            RuleFor(f => f.Reason)
                .NotEmpty().WithMessage(_ => t["Validation.Required", t["Track.Reason"]])
                .MaximumLength(2000).WithMessage(_ => t["Validation.MaxLength", t["Track.Reason"], 2000]);
            RuleFor(f => f.Rating).InclusiveBetween(1, 5).WithMessage(_ => t["Domain.Rating.OutOfRange"]);
        }
    }

    public sealed class InformationValidator : AbstractValidator<InformationForm>
    {
        public InformationValidator(IStringLocalizer<CitizenResource> t) =>
            RuleFor(f => f.Text)
                .NotEmpty().WithMessage(_ => t["Validation.Required", t["Track.AddInformation"]])
                .MaximumLength(5000).WithMessage(_ => t["Validation.MaxLength", t["Track.AddInformation"], 5000]);
    }

    /// <summary>
    /// Three statements whatever the report's size: the report with its working agencies, files and escalation
    /// flags; its history; its messages. Agency and category names come from the cached reference data.
    /// </summary>
    public sealed class Handler(LaporDbContext db, ReferenceData reference, HistorySentences history)
    {
        /// <summary>Null when no report has this number.</summary>
        public async Task<View?> HandleAsync(string trackingNumber, string? userId, bool granted, CancellationToken cancellationToken)
        {
            var report = await db.Reports.AsNoTracking()
                .Where(r => r.TrackingNumber == trackingNumber)
                .Select(r => new
                {
                    r.Id, r.Status, r.Classification, r.Title, r.PublicTitle, r.IsConfidential, r.IsPublic, r.IsAnonymous, r.SubmittedAt, r.VerifyDueOn,
                    CompletionDue = r.Assignments.Where(a => a.State == AssignmentState.Dispositioned || a.State == AssignmentState.InProgress)
                        .OrderBy(a => a.CompletionDueOn).Select(a => (DateOnly?)a.CompletionDueOn).FirstOrDefault(),
                    r.Body, r.Location, r.IncidentDate, r.ReporterUserId, r.Rating, r.CompletedAt, r.Latitude, r.Longitude, r.CategoryId,
                    AwaitsVerdict = r.Status == ReportStatus.InProgress && r.Assignments.Any(a => a.State == AssignmentState.FinalResponded),
                    AwaitsAnswer = r.Status == ReportStatus.OnHold || r.Assignments.Any(a => a.State == AssignmentState.AwaitingReporter),

                    // The agencies working on it (or done), and the report's own files and those of its answers.
                    Shares = r.Assignments
                        .Where(a => a.State != AssignmentState.Returned && a.State != AssignmentState.Forwarded && a.State != AssignmentState.Withdrawn)
                        .OrderBy(a => a.Id).Select(a => new { a.AgencyId, a.State }).ToList(),
                    Files = r.Attachments.OrderBy(a => a.UploadedAt).Select(a => new { a.MessageId, a.Id, a.OriginalFileName, a.SizeBytes }).ToList(),
                    EscalationOffered = db.Escalations.Any(e => e.ReportId == r.Id && e.Rung == EscalationRung.ReporterOffer),
                    Escalated = db.Escalations.Any(e => e.ReportId == r.Id && e.Rung == EscalationRung.ReporterEscalated),

                    // The original of a duplicate, in the same statement (the page keeps its query count).
                    Original = r.Status == ReportStatus.Archived && r.ArchiveReason == ArchiveReason.Duplicate
                        ? db.Reports.Where(o => o.Id == r.DuplicateOfReportId).Select(o => o.TrackingNumber).FirstOrDefault()
                        : null,
                    OriginalIsPublic = db.Reports.Any(o => o.Id == r.DuplicateOfReportId && o.IsPublic && !o.IsConfidential),
                })
                .FirstOrDefaultAsync(cancellationToken);
            if (report is null)
            {
                return null;
            }

            var fullAccess = granted || (userId is not null && userId == report.ReporterUserId);
            if (!fullAccess && !report.IsPublic)
            {
                // A tracking number is passed on and can be guessed: without the code, a report the
                // public portal does not list shows its status, not its title, agencies, history or dates.
                return new View(trackingNumber, report.Status, report.Classification, null, default, [], [], [], null) { StatusOnly = true };
            }

            var names = await reference.AgencyNamesAsync(cancellationToken);
            string? Name(int? agencyId) => agencyId is { } id ? names.GetValueOrDefault(id) : null;
            var agencies = report.Shares.Select(s => Name(s.AgencyId) ?? "?").ToList();

            // Answers waiting for the coordinator's validation are not the reporter's yet.
            var held = report.Shares.Where(s => s.State == AssignmentState.AwaitingValidation).Select(s => Name(s.AgencyId) ?? "?").ToList();

            // Internal notes stay off; the sentences leave out what staff or the reporter wrote (Audience.Citizen, Audience.Public).
            var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
            var categories = await reference.CategoriesAsync(cancellationToken);
            var entries = (await db.RoutingEntries.AsNoTracking()
                    .Where(e => e.ReportId == report.Id && e.Action != RoutingAction.Note)
                    .OrderBy(e => e.Id)
                    .Select(e => new { e.OccurredAt, e.Action, e.ActorRole, e.FromStatus, e.ToStatus, e.FromAgencyId, e.ToAgencyId, e.Reason })
                    .ToListAsync(cancellationToken))
                .Select(e => new HistoryEntry(e.OccurredAt, e.Action, e.ActorRole, e.FromStatus, e.ToStatus, Name(e.FromAgencyId), Name(e.ToAgencyId), e.Reason))
                .Named(categories, english);
            var timeline = history.Lines(entries, fullAccess ? Audience.Citizen : Audience.Public, held);

            var showPublic = fullAccess || !report.IsConfidential;
            var files = fullAccess ? report.Files.ToLookup(a => a.MessageId, a => new AttachmentItem(a.Id, a.OriginalFileName, a.SizeBytes)) : null;
            var messages = (await db.Messages.AsNoTracking()
                    .Where(m => m.ReportId == report.Id && ((showPublic && m.Visibility == MessageVisibility.Public) || (fullAccess && m.Visibility == MessageVisibility.ReporterOnly)))
                    .OrderBy(m => m.Id)
                    .Select(m => new { m.Id, m.CreatedAt, m.Kind, m.AgencyId, m.Body, FromReporter = m.AuthorRole == ActorRole.Citizen })
                    .ToListAsync(cancellationToken))
                .Select(m => new MessageItem(m.CreatedAt, m.Kind, Name(m.AgencyId), m.Body, m.FromReporter) { Id = m.Id, Attachments = files is null ? [] : [.. files[m.Id]] })
                .ToList();

            Details? details = null;
            if (fullAccess)
            {
                var canAdd = Report.TakesReporterInformation(report.Status);
                var open = report.Status is ReportStatus.Dispositioned or ReportStatus.InProgress;
                var category = report.CategoryId is { } categoryId ? categories.FirstOrDefault(c => c.Id == categoryId)?.NameIn(english) : null;
                details = new Details(report.Body, report.Location, report.IncidentDate, category, report.IsAnonymous, report.IsConfidential, [.. files![null]], canAdd,
                    report.AwaitsVerdict, report.Status == ReportStatus.Completed, report.Rating)
                {
                    // Their own point, exact: it is theirs, and they may want to check the pin.
                    Point = Shared.Maps.MapPoint.Exact(report.Latitude, report.Longitude),
                    EscalationOffered = open && report.EscalationOffered && !report.Escalated,
                    AwaitsAnswer = report.AwaitsAnswer,
                    Escalated = open && report.Escalated,
                };
            }

            // A confidential report's subject is for its reporter only.
            var title = fullAccess ? report.Title : report.IsConfidential ? null : report.PublicTitle ?? report.Title;
            var expectedBy = report.Status == ReportStatus.Unverified ? report.VerifyDueOn : report.CompletionDue;
            return new View(trackingNumber, report.Status, report.Classification, title, report.SubmittedAt, agencies, timeline, messages, details)
            {
                ExpectedBy = expectedBy,
                MergedInto = report.Original is { } original ? new MergedInto(original, report.OriginalIsPublic) : null,
            };
        }
    }
}
