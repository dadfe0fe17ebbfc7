using Lapor.Web.Data;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Citizen.Filing;
using Lapor.Web.Features.Shared.History;
using Lapor.Web.Features.Shared.Workflow;
using Lapor.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Citizen.Operators;

/// <summary>
/// The village or sub-district operator's desk (<c>Roles.VillageOperator</c>): filing for a resident who came in
/// person with the citizen's own form, rules and photo staging, the receipt slip, and the reports this operator
/// entered — only those, as filed with their status and public history, never the messages to the resident or the resident's identity.
/// </summary>
public static class OperatorDesk
{
    public const int PageSize = 20;

    /// <summary>
    /// The slip handed to the resident. <see cref="AccessCode"/> is there once, in the answer to the filing itself:
    /// the code is stored only as a hash, so a re-print shows the number alone.
    /// </summary>
    public sealed record Slip(string TrackingNumber, string? AccessCode, string ServicePoint, DateTimeOffset FiledAt)
    {
        /// <summary>The report's tracking page and the lookup page, on the portal's public address (<c>Mail:PublicBaseUrl</c>).</summary>
        public string TrackingAddress { get; init; } = "";

        public string LookupAddress { get; init; } = "";

        /// <summary>Where the resident hears of the report, when they gave an address: "Email", "Sms", or null.</summary>
        public string? NoticesBy { get; init; }
    }

    /// <summary>A filing in the list; <see cref="AwaitsResident"/>: staff wait for the resident's answer (<see cref="ReporterWaits.ForAnswer"/>).</summary>
    public sealed record Row(long Id, string TrackingNumber, string Title, ReportStatus Status, DateTimeOffset SubmittedAt, bool AwaitsResident);

    public sealed record ListPage(string? ServicePoint, IReadOnlyList<Row> Rows, long? Next, bool IsFirstPage);

    /// <summary>
    /// A report this operator entered: as filed, its status, and the public history lines — never the messages or
    /// files addressed to the resident, who alone reads those with the slip's code.
    /// </summary>
    public sealed record ReportPage(
        string TrackingNumber, ReportStatus Status, Classification Classification, string Title, string Body, string? Location, DateOnly? IncidentDate,
        string? Category, bool IsAnonymous, bool IsConfidential, DateTimeOffset SubmittedAt, string ServicePoint, IReadOnlyList<string> Agencies,
        IReadOnlyList<HistoryLine> Timeline)
    {
        public DateOnly? ExpectedBy { get; init; }

        /// <summary>The coordinator's hold or an agency's question waits for the resident's answer.</summary>
        public bool AwaitsAnswer { get; init; }

        /// <summary>A final response waits for the resident's verdict.</summary>
        public bool AwaitsVerdict { get; init; }

        /// <summary>The resident left an e-mail address or an SMS number: they hear of a question themselves.</summary>
        public bool ResidentHearsOfIt { get; init; }
    }

    /// <summary>The service point the administrator gave this operator; null when none is set yet (the desk cannot file).</summary>
    public sealed class ServicePointHandler(LaporDbContext db)
    {
        public Task<string?> HandleAsync(string userId, CancellationToken cancellationToken) =>
            db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.ServicePoint).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Files for the resident and writes the audit entry "filed on behalf" (who, where, which report, from which address).</summary>
    public sealed class FileHandler(Submit.Handler submit, LaporDbContext db, IStringLocalizer<CitizenResource> t, TimeProvider clock)
    {
        public async Task<(ReportFiling.Result Result, Slip? Slip)> HandleAsync(
            Submit.Form form, string operatorUserId, string servicePoint, string owner, string ipAddress, CancellationToken cancellationToken)
        {
            // The consent as the operator's screen said it, in its language: what the resident agreed to.
            var consent = t["Operator.Consent"].Value;
            var result = await submit.FileForResidentAsync(form, operatorUserId, owner, new ReportFiling.ForResident(servicePoint, consent), cancellationToken);
            if (result is not ReportFiling.Filed filed)
            {
                return (result, null);
            }

            var report = await db.OperatorFilings.AsNoTracking()
                .Where(f => f.Report!.TrackingNumber == filed.TrackingNumber && f.OperatorUserId == operatorUserId)
                .Select(f => new { f.ReportId, f.ServicePoint, f.Report!.SubmittedAt })
                .FirstOrDefaultAsync(cancellationToken);
            if (report is null)
            {
                // The same submission token filed by someone else: nothing of it is this operator's to print.
                return (new ReportFiling.Rejected("Title", t["Operator.NotYours"]), null);
            }

            if (filed.IsNew)
            {
                db.AuditEntries.Add(new AuditEntry(AuditAction.FiledOnBehalf, operatorUserId, "Report",
                    report.ReportId.ToString(System.Globalization.CultureInfo.InvariantCulture), report.ServicePoint, ipAddress, clock.GetUtcNow()));
                await db.SaveChangesAsync(cancellationToken);
            }

            var noticesBy = OperatorFiling.NoticesBySms(form.ReporterEmail, form.ReporterPhone) is not null ? "Sms"
                : string.IsNullOrWhiteSpace(form.ReporterEmail) ? null : "Email";
            return (filed, new Slip(filed.TrackingNumber, filed.AccessCode, report.ServicePoint, report.SubmittedAt) with { NoticesBy = filed.IsNew ? noticesBy : null });
        }
    }

    /// <summary>A re-print: the number, the date and the service point, never the code (kept only as a hash).</summary>
    public sealed class ReprintHandler(LaporDbContext db)
    {
        /// <summary>Null when this operator did not enter a report with this number.</summary>
        public async Task<Slip?> HandleAsync(string trackingNumber, string operatorUserId, CancellationToken cancellationToken)
        {
            var filing = await db.OperatorFilings.AsNoTracking()
                .Where(f => f.OperatorUserId == operatorUserId && f.Report!.TrackingNumber == trackingNumber)
                .Select(f => new { f.ServicePoint, f.Report!.SubmittedAt })
                .FirstOrDefaultAsync(cancellationToken);
            return filing is null ? null : new Slip(trackingNumber, null, filing.ServicePoint, filing.SubmittedAt);
        }
    }

    /// <summary>The operator's own filings, newest first, <see cref="PageSize"/> at a time before a report id.</summary>
    public sealed class ListHandler(LaporDbContext db)
    {
        public async Task<ListPage> HandleAsync(string operatorUserId, long? before, CancellationToken cancellationToken)
        {
            var servicePoint = await db.Users.AsNoTracking().Where(u => u.Id == operatorUserId).Select(u => u.ServicePoint).FirstOrDefaultAsync(cancellationToken);
            var waiting = db.Reports.Where(ReporterWaits.ForAnswer);
            var rows = await db.OperatorFilings.AsNoTracking()
                .Where(f => f.OperatorUserId == operatorUserId && (before == null || f.ReportId < before))
                .OrderByDescending(f => f.ReportId)
                .Take(PageSize + 1)
                .Select(f => new Row(f.ReportId, f.Report!.TrackingNumber, f.Report.Title, f.Report.Status, f.Report.SubmittedAt, waiting.Any(w => w.Id == f.ReportId)))
                .ToListAsync(cancellationToken);
            var next = rows.Count > PageSize ? rows[PageSize - 1].Id : (long?)null;
            return new ListPage(servicePoint, [.. rows.Take(PageSize)], next, before is null);
        }
    }

    /// <summary>
    /// One of this operator's reports as filed, with its status and the public history (<see cref="Audience.Public"/>:
    /// status steps, no one's words, no staff names); null for any other report. Deliberately not the tracking
    /// handler: the operator is the desk, not the reporter, and messages to the reporter are not theirs to read.
    /// </summary>
    public sealed class ReportHandler(LaporDbContext db, ReferenceData reference, HistorySentences history)
    {
        /// <summary>Two statements: the filing with its report and working agencies, then the history; names come from the cached reference data.</summary>
        public async Task<ReportPage?> HandleAsync(string trackingNumber, string operatorUserId, CancellationToken cancellationToken)
        {
            var (asked, final) = (db.Reports.Where(ReporterWaits.ForAnswer), db.Reports.Where(ReporterWaits.ForVerdict));
            var report = await db.OperatorFilings.AsNoTracking()
                .Where(f => f.OperatorUserId == operatorUserId && f.Report!.TrackingNumber == trackingNumber)
                .Select(f => new
                {
                    f.ReportId, f.ServicePoint, f.Report!.Status, f.Report.Classification, f.Report.Title, f.Report.Body, f.Report.Location, f.Report.IncidentDate,
                    f.Report.IsAnonymous, f.Report.IsConfidential, f.Report.SubmittedAt, f.Report.VerifyDueOn, f.Report.CategoryId,
                    CompletionDue = f.Report.Assignments.Where(a => a.State == AssignmentState.Dispositioned || a.State == AssignmentState.InProgress)
                        .OrderBy(a => a.CompletionDueOn).Select(a => (DateOnly?)a.CompletionDueOn).FirstOrDefault(),
                    Shares = f.Report.Assignments
                        .Where(a => a.State != AssignmentState.Returned && a.State != AssignmentState.Forwarded && a.State != AssignmentState.Withdrawn)
                        .OrderBy(a => a.Id).Select(a => new { a.AgencyId, a.State }).ToList(),
                    AwaitsAnswer = asked.Any(w => w.Id == f.ReportId),
                    AwaitsVerdict = final.Any(w => w.Id == f.ReportId),
                    HearsOfIt = db.ReporterIdentities.Any(i => i.ReportId == f.ReportId && (i.Email != null || i.ReplyTo != null)),
                })
                .FirstOrDefaultAsync(cancellationToken);
            if (report is null)
            {
                return null;
            }

            var names = await reference.AgencyNamesAsync(cancellationToken);
            string? Name(int? agencyId) => agencyId is { } id ? names.GetValueOrDefault(id) : null;
            var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
            var categories = await reference.CategoriesAsync(cancellationToken);

            // As the public page tells it: the routing entries' status steps, never a note or anyone's words.
            var entries = (await db.RoutingEntries.AsNoTracking()
                    .Where(e => e.ReportId == report.ReportId && e.Action != RoutingAction.Note)
                    .OrderBy(e => e.Id)
                    .Select(e => new { e.OccurredAt, e.Action, e.ActorRole, e.FromStatus, e.ToStatus, e.FromAgencyId, e.ToAgencyId, e.Reason })
                    .ToListAsync(cancellationToken))
                .Select(e => new HistoryEntry(e.OccurredAt, e.Action, e.ActorRole, e.FromStatus, e.ToStatus, Name(e.FromAgencyId), Name(e.ToAgencyId), e.Reason))
                .Named(categories, english);
            var held = report.Shares.Where(s => s.State == AssignmentState.AwaitingValidation).Select(s => Name(s.AgencyId) ?? "?").ToList();
            var category = report.CategoryId is { } categoryId ? categories.FirstOrDefault(c => c.Id == categoryId)?.NameIn(english) : null;

            return new ReportPage(trackingNumber, report.Status, report.Classification, report.Title, report.Body, report.Location, report.IncidentDate,
                category, report.IsAnonymous, report.IsConfidential, report.SubmittedAt, report.ServicePoint, [.. report.Shares.Select(s => Name(s.AgencyId) ?? "?")],
                history.Lines(entries, Audience.Public, held))
            {
                ExpectedBy = report.Status == ReportStatus.Unverified ? report.VerifyDueOn : report.CompletionDue,
                AwaitsAnswer = report.AwaitsAnswer,
                AwaitsVerdict = report.AwaitsVerdict,
                ResidentHearsOfIt = report.HearsOfIt,
            };
        }
    }
}
