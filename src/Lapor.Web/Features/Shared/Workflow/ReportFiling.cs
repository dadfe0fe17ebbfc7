using System.Globalization;
using Lapor.Web.Data;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Deadlines;
using Lapor.Web.Infrastructure.Storage;
using Lapor.Web.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Shared.Workflow;

/// <summary>
/// Stores a new report from any channel (web form, staff manual entry): checks the choices and
/// files, strips image and PDF metadata, stores the files, then the report, its reporter and its first
/// routing entry in one save. A repeated submission token returns the report already stored.
/// </summary>
public sealed class ReportFiling(
    LaporDbContext db, ReportWork work, DeadlineScheduleProvider schedules, UploadInspector inspector, IAttachmentStore store, Attachments.Staging.Handler staging,
    TimeProvider clock, LaporMetrics metrics, IStringLocalizer<SharedResource> t, Tags.TagList tags)
{
    public sealed record Filing(
        ReportDraft Draft, Actor Actor, Channel Channel, Guid SubmissionToken, bool GiveAccessCode,
        string? ReporterName, string? ReporterEmail, string? ReporterPhone, IReadOnlyList<IFormFile> Files)
    {
        /// <summary>Where to answer with the tracking number on the channel the report came by (SMS, WhatsApp, Telegram).</summary>
        public (NotificationChannel Channel, string Recipient)? Reply { get; init; }

        /// <summary>Files staged for this form by this browser (<see cref="StagedOwner"/>), already checked and stored: they become attachments as they are.</summary>
        public IReadOnlyList<Guid> Staged { get; init; } = [];

        public string? StagedOwner { get; init; }

        /// <summary>The API client filing the report (Open311): its webhook hears of the report's status changes.</summary>
        public int? ApiClientId { get; init; }

        /// <summary>A village or sub-district operator files for a resident (<see cref="Actor"/>): their service point and the consent they confirmed.</summary>
        public ForResident? OnBehalf { get; init; }

        /// <summary>The theme the citizen chose: its tag goes on the report if the theme still runs; a stale choice is ignored.</summary>
        public int? ThemeId { get; init; }
    }

    /// <summary>What an operator's filing stores beside the report, in the same save (<see cref="OperatorFiling"/>).</summary>
    public sealed record ForResident(string ServicePoint, string ConsentWording);

    public abstract record Result;

    /// <summary>
    /// A submission token for a report that arrives from outside with its own id (a gateway's message
    /// id, an app's Idempotency-Key): the same source gives the same token, so a resent message files once.
    /// </summary>
    public static Guid TokenFrom(string source) => new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(source)).AsSpan(0, 16));

    /// <summary>Stored. The access code is set only the first time, for reporters without an account.</summary>
    public sealed record Filed(string TrackingNumber, string? AccessCode) : Result
    {
        /// <summary>False when the same form had already filed it (a repeated submission token).</summary>
        public bool IsNew { get; init; } = true;
    }

    /// <summary>Refused, with the form field to blame and a message for the user.</summary>
    public sealed record Rejected(string Field, string Message) : Result;

    public async Task<Result> FileAsync(Filing filing, CancellationToken cancellationToken)
    {
        var existing = await FindBySubmissionTokenAsync(filing.SubmissionToken, cancellationToken);
        if (existing is not null)
        {
            return new Filed(existing, null) { IsNew = false };
        }

        if (await CheckChoicesAsync(filing.Draft, cancellationToken) is { } refused)
        {
            return refused;
        }

        var uploads = new List<(string FileName, InspectedUpload Upload)>();
        foreach (var file in filing.Files)
        {
            await using var stream = file.OpenReadStream();
            var (upload, refusal) = await inspector.InspectAsync(stream, cancellationToken);
            if (upload is null)
            {
                return new Rejected("Attachments", t[refusal, file.FileName]);
            }

            uploads.Add((file.FileName, upload));
        }

        if (await staging.TakeAsync(filing.SubmissionToken, filing.StagedOwner, filing.Staged, cancellationToken) is not { } staged)
        {
            return new Rejected("Attachments", t["Upload.Gone"]);
        }

        var now = clock.GetUtcNow();
        var accessCode = filing.GiveAccessCode ? AccessCode.New() : null;
        var report = Report.Submit(filing.Draft, filing.Actor, filing.Channel, filing.SubmissionToken,
            accessCode is null ? null : AccessCode.Hash(accessCode), await schedules.GetAsync(cancellationToken), now);
        if (filing.ApiClientId is { } apiClient)
        {
            report.FiledThrough(apiClient);
        }

        if (await tags.RunningTagAsync(filing.ThemeId, cancellationToken) is { } themeTag)
        {
            report.TagAtFiling(themeTag, now);
        }

        var stored = new List<string>();
        foreach (var (fileName, upload) in uploads)
        {
            var storedName = $"{Guid.NewGuid():N}{upload.Extension}";
            await store.SaveAsync(storedName, new MemoryStream(upload.Content), cancellationToken);
            stored.Add(storedName);
            report.AddAttachment(new Attachment(fileName, storedName, upload.ContentType, upload.Content.Length, upload.Sha256, filing.Actor.Role, now));
        }

        foreach (var file in staged)
        {
            report.AddAttachment(file.ToAttachment(filing.Actor.Role, now));
        }

        var reporter = new ReporterIdentity(report, filing.ReporterName, filing.ReporterEmail, filing.ReporterPhone, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        if (filing.Reply is var (channel, recipient))
        {
            reporter.AnswerOn(channel, recipient);
        }

        // The confirmation (by e-mail, or on the chat the report came by) is written in the same
        // save as the report: it is sent if and only if the report exists.
        await EnsureUniqueTrackingNumberAsync(report, cancellationToken);
        if (filing.OnBehalf is { } onBehalf)
        {
            // The consent is stored if and only if the report is.
            db.OperatorFilings.Add(new OperatorFiling(report, filing.Actor.UserId!, onBehalf.ServicePoint, onBehalf.ConsentWording, now));
        }

        if (!(await work.FileAsync(report, reporter, cancellationToken)).Succeeded)
        {
            // Files of a report that was never stored would be orphans.
            foreach (var name in stored)
            {
                await store.DeleteAsync(name, CancellationToken.None);
            }

            // The same form posted twice at once: the other request stored it.
            var winner = await FindBySubmissionTokenAsync(filing.SubmissionToken, cancellationToken);
            return winner is not null ? new Filed(winner, null) { IsNew = false } : throw new InvalidOperationException("The report could not be stored.");
        }

        metrics.ReportFiled(filing.Channel.ToString());
        return new Filed(report.TrackingNumber, accessCode);
    }

    private async Task<Rejected?> CheckChoicesAsync(ReportDraft draft, CancellationToken cancellationToken)
    {
        if (draft.CategoryId is { } categoryId && !await db.Categories.AnyAsync(c => c.Id == categoryId && c.IsActive && c.ParentId != null, cancellationToken))
        {
            return new Rejected("CategoryId", t["Validation.UnknownChoice"]);
        }

        if (draft.TargetAgencyId is { } agencyId && !await db.Agencies.AnyAsync(a => a.Id == agencyId && a.IsActive, cancellationToken))
        {
            return new Rejected("TargetAgencyId", t["Validation.UnknownChoice"]);
        }

        return null;
    }

    private Task<string?> FindBySubmissionTokenAsync(Guid token, CancellationToken cancellationToken) =>
        db.Reports.Where(r => r.SubmissionToken == token).Select(r => r.TrackingNumber).FirstOrDefaultAsync(cancellationToken);

    private async Task EnsureUniqueTrackingNumberAsync(Report report, CancellationToken cancellationToken)
    {
        // Collisions are rare (30^8 ≈ 6.6×10^11 numbers); check, and try another number a few times if needed.
        // The unique index still guards the race between this check and the save.
        for (var attempt = 0; attempt < 5 && await db.Reports.AnyAsync(r => r.TrackingNumber == report.TrackingNumber, cancellationToken); attempt++)
        {
            report.RegenerateTrackingNumber();
        }
    }
}
