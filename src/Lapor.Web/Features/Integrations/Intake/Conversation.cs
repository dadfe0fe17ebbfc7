using System.Globalization;
using Lapor.Web.Data;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Attachments;
using Lapor.Web.Features.Shared.Workflow;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Integrations.Intake;

/// <summary>
/// What an incoming SMS, WhatsApp or Telegram message means, once the platform's webhook has been
/// checked and read (<see cref="IncomingMessage"/>). The sender is known by the channel and the number or
/// chat the message came from (the address their reports are answered at), and the message:
/// <list type="bullet">
/// <item>answers <c>CEK LPR-…</c>, <c>STATUS</c> and <c>BANTUAN</c> on the channel (<see cref="ConversationCommand"/>),
/// about this sender's own reports only;</item>
/// <item>goes to the sender's open report (the most recent one neither completed nor archived) as the
/// reporter's own "add information" on the tracking page: the answer to a question that waits, else more
/// information — with its photos, through the web form's checks;</item>
/// <item>goes to the report it names first (<c>LPR-… text</c>), when that is the sender's own open report;</item>
/// <item>decides on a final response (<c>PUAS</c>, <c>BELUM PUAS alasan</c>) through the tracking page's domain step;</item>
/// <item>makes the sender's open report more private (<c>RAHASIA LPR-…</c>, <c>ANONIM LPR-…</c>), never less;</item>
/// <item>files a new report when no report of theirs is open, or when it starts with <c>BARU</c>/<c>LAPOR</c>,
/// <c>RAHASIA</c> (confidential) or <c>ANONIM</c> (anonymous), in the sender's language (Telegram says it).</item>
/// </list>
/// Every answer goes back on the same channel through the outbox, in the reporter's language.
/// </summary>
public sealed class Conversation(
    LaporDbContext db, ReportFiling filing, ReportWork work, MessageUploads uploads, NotificationOutbox outbox, ReportLinks links,
    TimeProvider clock, IStringLocalizer<SharedResource> t, ILogger<Conversation> logger)
{
    /// <summary>The most reports a STATUS answer lists: an SMS stays short.</summary>
    public const int StatusListLimit = 5;

    /// <summary>How many times a follow-up is tried when a staff member changed the report at the same moment.</summary>
    private const int Attempts = 3;

    private const int TitleLength = 60;

    /// <summary>A BELUM PUAS reason's limit, as on the tracking page.</summary>
    private const int MaxReasonLength = 2000;

    public abstract record Outcome;

    /// <summary>The message was taken; <see cref="TrackingNumber"/> is the report it filed (or went to), none for a question answered.</summary>
    public record Filed(string? TrackingNumber) : Outcome;

    /// <summary>A follow-up, added to the sender's open report.</summary>
    public sealed record FollowedUp(string TrackingNumber) : Filed(TrackingNumber);

    /// <summary>Answered on the channel without a report changing: a question about the sender's reports (CEK, STATUS, BANTUAN), or why a message was refused.</summary>
    public sealed record Answered() : Filed((string?)null);

    /// <summary>Not taken, with a message for the gateway's caller (the report kept changing under a follow-up).</summary>
    public sealed record Refused(string Message) : Outcome;

    /// <summary>Who wrote: the channel and the number or chat id their reports are answered at.</summary>
    private sealed record Sender(NotificationChannel Channel, string Address);

    public async Task<Outcome> ReceiveAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        if (await EarlierOutcomeAsync(message.Token, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var sender = new Sender(message.ReplyChannel, message.ReplyTo);
        if (message.RefusalKey is { } refusal)
        {
            // A kind the webhook does not take (a voice note, a sticker): the reporter hears which kinds are taken, in their language.
            logger.LogInformation("Channel message from {Sender} refused: {Reason}", ContactMask.Recipient(sender.Address), refusal);
            return await AnswerAsync(message, sender, "ConversationRefused", new Dictionary<string, string> { ["ReasonKey"] = refusal },
                await CultureOfAsync(message, sender, cancellationToken), cancellationToken);
        }

        switch (ConversationCommand.Parse(message.Text))
        {
            case ConversationCommand.Check check:
                return await CheckAsync(message, sender, check, cancellationToken);
            case ConversationCommand.Status:
                return await StatusAsync(message, sender, cancellationToken);
            case ConversationCommand.Help:
                return await AnswerAsync(message, sender, "ConversationGuide", HowItWorks(), await CultureOfAsync(message, sender, cancellationToken), cancellationToken);
            case ConversationCommand.Welcome:
                return await AnswerAsync(message, sender, "ConversationWelcome", HowItWorks(), await CultureOfAsync(message, sender, cancellationToken), cancellationToken);
            case ConversationCommand.NewReport fresh:
                return await FileAsync(message with { Text = fresh.Text }, fresh.IsAnonymous, fresh.IsConfidential, cancellationToken);
            case ConversationCommand.Protect protect:
                return await ProtectAsync(message, sender, protect, cancellationToken);
            case ConversationCommand.Verdict verdict:
                return await DecideAsync(message, sender, verdict, cancellationToken);
            case ConversationCommand.Message { TrackingNumber: { } number } aimed:
                return await AimedAsync(message with { Text = aimed.Text }, sender, number, cancellationToken);
            default:
                return await MessageAsync(message, sender, cancellationToken);
        }
    }

    /// <summary>A plain message: to the sender's newest open report, or a new report when none is open.</summary>
    private async Task<Outcome> MessageAsync(IncomingMessage message, Sender sender, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var open = await OpenReportsOf(sender).Select(r => new { r.Id, r.TrackingNumber }).FirstOrDefaultAsync(cancellationToken);
            if (open is null)
            {
                return await FileAsync(message, false, false, cancellationToken);
            }

            var outcome = await FollowUpAsync(message, sender, open.Id, open.TrackingNumber, cancellationToken);
            if (outcome is not null || attempt == Attempts)
            {
                return outcome ?? new Refused(t["Error.Conflict"]);
            }
        }
    }

    /// <summary>
    /// A message that names its report first: to that report if it is the sender's own and open. Any other number
    /// answers exactly as CEK does for a number that is not theirs, so it tells a stranger nothing.
    /// </summary>
    private async Task<Outcome> AimedAsync(IncomingMessage message, Sender sender, string number, CancellationToken cancellationToken)
    {
        if (await OpenReportsOf(sender).Where(r => r.TrackingNumber == number).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken) is not { } id)
        {
            return await NotFoundAsync(message, sender, number, cancellationToken);
        }

        return await RetryAsync(() => FollowUpAsync(message, sender, id, number, cancellationToken));
    }

    /// <summary>
    /// PUAS or BELUM PUAS: the same Accept/Reject the tracking page makes, on the sender's report whose final response
    /// waits for them (the one named, or the only one). When none waits, the words are an ordinary message (many
    /// complaints start "Tidak puas dengan…"); when several do, the reporter is asked to name one.
    /// </summary>
    private async Task<Outcome> DecideAsync(IncomingMessage message, Sender sender, ConversationCommand.Verdict verdict, CancellationToken cancellationToken)
    {
        var waiting = AwaitingVerdict(OpenReportsOf(sender));
        if (verdict.TrackingNumber is { } number)
        {
            var named = await OpenReportsOf(sender).Where(r => r.TrackingNumber == number)
                .Select(r => new { r.Id, Waits = waiting.Any(w => w.Id == r.Id) }).FirstOrDefaultAsync(cancellationToken);
            if (named is null)
            {
                return await NotFoundAsync(message, sender, number, cancellationToken);
            }

            if (named.Waits)
            {
                return await RetryAsync(() => JudgeAsync(message, sender, named.Id, number, verdict, cancellationToken));
            }

            // "LPR-… tidak puas, petugasnya kasar" on a report still in work is information for it; a bare PUAS is answered.
            return IsBareSatisfied(verdict)
                ? await AnswerAsync(message, sender, "ConversationNoVerdict", new Dictionary<string, string>(), await CultureOfAsync(message, sender, cancellationToken), cancellationToken)
                : await RetryAsync(() => FollowUpAsync(message with { Text = verdict.Text }, sender, named.Id, number, cancellationToken));
        }

        var candidates = await waiting.Select(r => new { r.Id, r.TrackingNumber, r.Title }).Take(StatusListLimit).ToListAsync(cancellationToken);
        switch (candidates.Count)
        {
            case 1:
                return await RetryAsync(() => JudgeAsync(message, sender, candidates[0].Id, candidates[0].TrackingNumber, verdict, cancellationToken));
            case > 1:
                var lines = string.Join('\n', candidates.Select(r => $"{r.TrackingNumber}: {Clip(r.Title)}"));
                return await AnswerAsync(message, sender, "ConversationVerdictWhich", new Dictionary<string, string> { ["Reports"] = lines },
                    await CultureOfAsync(message, sender, cancellationToken), cancellationToken);
        }

        // Nothing waits for a decision: a bare "PUAS" would file a report called "PUAS", so it is answered instead.
        if (IsBareSatisfied(verdict) && !await OpenReportsOf(sender).AnyAsync(cancellationToken))
        {
            return await AnswerAsync(message, sender, "ConversationNoVerdict", new Dictionary<string, string>(), await CultureOfAsync(message, sender, cancellationToken), cancellationToken);
        }

        return await MessageAsync(message with { Text = verdict.Text }, sender, cancellationToken);
    }

    private static bool IsBareSatisfied(ConversationCommand.Verdict verdict) => verdict.Satisfied && verdict.Reason.Length == 0;

    /// <summary>RAHASIA/ANONIM LPR-…: the sender's own open report becomes confidential and/or anonymous; a flag is never cleared by a message.</summary>
    private async Task<Outcome> ProtectAsync(IncomingMessage message, Sender sender, ConversationCommand.Protect protect, CancellationToken cancellationToken)
    {
        if (await OpenReportsOf(sender).Where(r => r.TrackingNumber == protect.TrackingNumber).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken) is not { } id)
        {
            return await NotFoundAsync(message, sender, protect.TrackingNumber, cancellationToken);
        }

        var culture = await CultureOfAsync(message, sender, cancellationToken);
        return await RetryAsync(() => ChangeAsync(message, sender, id, protect.TrackingNumber, (s, _) =>
        {
            s.Report.Protect(Actor.Guest, protect.Anonymous, protect.Confidential, s.Now);
            var now = InCulture(culture, () => string.Join(", ", new[]
            {
                s.Report.IsConfidential ? t["Chat.ConversationPrivacyConfidential"].Value : null,
                s.Report.IsAnonymous ? t["Chat.ConversationPrivacyAnonymous"].Value : null,
            }.Where(p => p is not null)));
            return ("ConversationProtected", new Dictionary<string, string> { ["Privacy"] = now });
        }, cancellationToken));
    }

    /// <summary>A resent message (the gateway retried, or the webhook was called twice): what it got the first time, doing nothing again.</summary>
    private async Task<Outcome?> EarlierOutcomeAsync(Guid token, CancellationToken cancellationToken)
    {
        if (await db.Reports.Where(r => r.SubmissionToken == token).Select(r => r.TrackingNumber).FirstOrDefaultAsync(cancellationToken) is { } filed)
        {
            return new Filed(filed);
        }

        var receipt = await db.ConversationReceipts.Where(r => r.Token == token)
            .Select(r => new { r.ReportId, TrackingNumber = db.Reports.Where(p => p.Id == r.ReportId).Select(p => p.TrackingNumber).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        return receipt switch
        {
            null => null,
            { TrackingNumber: { } number } => new FollowedUp(number),
            _ => new Answered(),
        };
    }

    private async Task<Outcome> FileAsync(IncomingMessage message, bool anonymous, bool confidential, CancellationToken cancellationToken)
    {
        // A shared place is the report's location (public pages round its point, as every report's).
        var place = message.Location;
        var draft = new ReportDraft(Classification.Complaint, ReportDraft.TitleFrom(message.Text), message.Text, null, place?.Text, place?.Latitude, place?.Longitude, null, null, anonymous, confidential);
        var previous = CultureInfo.CurrentUICulture;
        ReportFiling.Result result;
        try
        {
            // The report keeps the language it is filed in (the filing reads it), as on the web: Telegram says the sender's.
            if (message.Culture is { } language)
            {
                CultureInfo.CurrentUICulture = new CultureInfo(language);
            }

            result = await filing.FileAsync(
                new ReportFiling.Filing(draft, Actor.System, message.Channel, message.Token, GiveAccessCode: false, message.Name, null, message.Phone, [.. message.Media.Select(AsFile)])
                {
                    Reply = (message.ReplyChannel, message.ReplyTo),
                },
                cancellationToken);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        return result is ReportFiling.Filed filed
            ? new Filed(filed.TrackingNumber)
            : await RefuseAsync(message, new Sender(message.ReplyChannel, message.ReplyTo), ((ReportFiling.Rejected)result).Message, cancellationToken);
    }

    /// <summary>
    /// A message that cannot be taken as it is (a file that is not a photo, too many files): the reporter hears why on
    /// the channel, and the platform gets a 200 — WhatsApp and Telegram resend anything else, for hours.
    /// </summary>
    private async Task<Outcome> RefuseAsync(IncomingMessage message, Sender sender, string reason, CancellationToken cancellationToken)
    {
        logger.LogInformation("Channel message from {Sender} refused: {Reason}", ContactMask.Recipient(sender.Address), reason);
        return await AnswerAsync(message, sender, "ConversationRefused", new Dictionary<string, string> { ["Reason"] = reason }, await CultureOfAsync(message, sender, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The reporter's "add information", as on the tracking page: it answers a question that waits (the clocks
    /// resume, a hold goes back to the coordinator) or adds to the report; the staff who should hear are told by the
    /// same table, and the reporter gets word on the channel — with how to decide when a final response waits for them.
    /// </summary>
    private Task<Outcome?> FollowUpAsync(IncomingMessage message, Sender sender, long reportId, string trackingNumber, CancellationToken cancellationToken) =>
        ChangeAsync(message, sender, reportId, trackingNumber, (s, files) =>
        {
            var answers = s.Report.Status == ReportStatus.OnHold || s.Report.AwaitsReporterAnswer;
            s.Report.AddReporterInformation(Actor.Guest, message.Text, s.Schedule, s.Now, files);
            var template = answers ? "ConversationAnswered" : s.Report.AwaitsReporterVerdict ? "ConversationAddedVerdictWaits" : "ConversationAdded";
            return (template, []);
        }, cancellationToken);

    /// <summary>
    /// PUAS/BELUM PUAS on a report whose final response waits: Accept or Reject as the tracking page makes them, so the
    /// status, the history and who is told are the web's. Photos sent with the decision are kept as the reporter's
    /// information first. A completed report's reporter hears "selesai" from the workflow's table; otherwise they hear here.
    /// </summary>
    private async Task<Outcome?> JudgeAsync(IncomingMessage message, Sender sender, long reportId, string trackingNumber, ConversationCommand.Verdict verdict,
        CancellationToken cancellationToken)
    {
        if (!verdict.Satisfied && verdict.Reason.Length is 0 or > MaxReasonLength)
        {
            // The tracking page's rule: a rejection says why, in at most 2,000 characters.
            return await AnswerAsync(message, sender, verdict.Reason.Length == 0 ? "ConversationReasonNeeded" : "ConversationReasonTooLong",
                new Dictionary<string, string> { ["TrackingNumber"] = trackingNumber, ["MaxLength"] = MaxReasonLength.ToString(CultureInfo.InvariantCulture) },
                await CultureOfAsync(message, sender, cancellationToken), cancellationToken);
        }

        return await ChangeAsync(message, sender, reportId, trackingNumber, (s, files) =>
        {
            if (files.Count > 0)
            {
                s.Report.AddReporterInformation(Actor.Guest, message.Text, s.Schedule, s.Now, files);
            }

            if (verdict.Satisfied)
            {
                s.Report.Accept(Actor.Guest, s.Schedule, s.Now);
                return (s.Report.Status == ReportStatus.Completed ? null : "ConversationAcceptedPartly", []);
            }

            s.Report.Reject(Actor.Guest, verdict.Reason, s.Now);
            return ("ConversationRejected", []);
        }, cancellationToken);
    }

    /// <summary>
    /// One change of the sender's report through <see cref="ReportWork"/>, with the message's photos through the web
    /// form's checks and the receipt that makes a resent message count once, in one save; the reporter hears the
    /// template the change names (none when the workflow's table tells them). Null when the report changed meanwhile (try again).
    /// </summary>
    private async Task<Outcome?> ChangeAsync(IncomingMessage message, Sender sender, long reportId, string trackingNumber,
        Func<ReportWork.Step, IReadOnlyList<Attachment>, (string? Template, Dictionary<string, string> Payload)> change, CancellationToken cancellationToken)
    {
        // The web form's checks and metadata stripping; files of a message that is not stored are removed again.
        await using var upload = uploads.For([.. message.Media.Select(AsFile)], ActorRole.Citizen);
        var culture = await CultureOfAsync(message, sender, cancellationToken);
        var result = await work.RunAsync(reports => reports.Where(r => r.Id == reportId), null, async s =>
        {
            var (template, payload) = change(s, await upload.CheckAsync(s.Now, cancellationToken));
            db.ConversationReceipts.Add(new ConversationReceipt(message.Token, reportId, s.Now));
            if (template is not null)
            {
                payload["TrackingNumber"] = trackingNumber;
                outbox.ToReporter(sender.Channel, sender.Address, culture, template, payload, reportId, s.Now);
            }

            await upload.StoreAsync(cancellationToken);
        }, cancellationToken);

        if (upload.Refusal is { } refusal)
        {
            return await RefuseAsync(message, sender, refusal, cancellationToken);
        }

        if (!result.Succeeded)
        {
            if (result.Outcome == WorkOutcome.Refused)
            {
                return await RefuseAsync(message, sender, t[$"Domain.{result.Code}"], cancellationToken);
            }

            // Lost a race: with this very message (a resend at the same moment), or with a staff member's change.
            return await EarlierOutcomeAsync(message.Token, cancellationToken);
        }

        logger.LogInformation("Channel message from {Sender} taken on {TrackingNumber}", ContactMask.Recipient(sender.Address), trackingNumber);
        return new FollowedUp(trackingNumber);
    }

    /// <summary>A change tried again when a staff member changed the report at the same moment.</summary>
    private async Task<Outcome> RetryAsync(Func<Task<Outcome?>> change)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await change() is { } outcome)
            {
                return outcome;
            }

            if (attempt == Attempts)
            {
                return new Refused(t["Error.Conflict"]);
            }
        }
    }

    /// <summary>
    /// CEK: the status of a report this sender filed. Another sender's report answers exactly as an unknown
    /// number does, so a tracking number passed around tells a stranger nothing.
    /// </summary>
    private async Task<Outcome> CheckAsync(IncomingMessage message, Sender sender, ConversationCommand.Check check, CancellationToken cancellationToken)
    {
        var culture = await CultureOfAsync(message, sender, cancellationToken);
        var report = check.TrackingNumber is { } number
            ? await ReportsOf(sender).Where(r => r.TrackingNumber == number)
                .Select(r => new
                {
                    r.TrackingNumber, r.Title, r.Status,
                    Asked = r.Assignments.Any(a => a.State == AssignmentState.AwaitingReporter),
                    Final = r.Assignments.Any(a => a.State == AssignmentState.FinalResponded),
                })
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        if (report is null)
        {
            return await NotFoundAsync(message, sender, check.TrackingNumber ?? check.Typed, cancellationToken);
        }

        var payload = new Dictionary<string, string>
        {
            ["TrackingNumber"] = report.TrackingNumber,
            ["Title"] = Clip(report.Title),
            ["StatusKey"] = $"Status.{report.Status}",
        };

        // The sender's own report, asked from the number it answers at: its private link opens the whole page there.
        var link = links.Create(report.TrackingNumber, sender.Address, clock.GetUtcNow());
        payload["LinkToken"] = link.Token;
        if (report.Status == ReportStatus.OnHold || (report.Asked && report.Status is ReportStatus.Dispositioned or ReportStatus.InProgress))
        {
            payload["AwaitsKey"] = "Chat.ConversationAwaitsYou";
        }
        else if (report.Final && report.Status == ReportStatus.InProgress)
        {
            // The same test as Report.AwaitsReporterVerdict, read without loading the report.
            payload["AwaitsKey"] = "Chat.ConversationVerdictWaits";
        }

        return await AnswerAsync(message, sender, "ConversationReport", payload, culture, cancellationToken);
    }

    /// <summary>A report that is not the sender's (or not open), answered as an unknown number is: a stranger learns nothing.</summary>
    private async Task<Outcome> NotFoundAsync(IncomingMessage message, Sender sender, string typed, CancellationToken cancellationToken) =>
        await AnswerAsync(message, sender, "ConversationNotFound", new Dictionary<string, string> { ["Typed"] = typed }, await CultureOfAsync(message, sender, cancellationToken), cancellationToken);

    /// <summary>STATUS: the sender's open reports, newest first, one short line each.</summary>
    private async Task<Outcome> StatusAsync(IncomingMessage message, Sender sender, CancellationToken cancellationToken)
    {
        var culture = await CultureOfAsync(message, sender, cancellationToken);
        var open = await OpenReportsOf(sender).Take(StatusListLimit).Select(r => new
        {
            r.TrackingNumber, r.Title, r.Status,
            Asked = r.Status == ReportStatus.OnHold || r.Assignments.Any(a => a.State == AssignmentState.AwaitingReporter),
            Final = r.Status == ReportStatus.InProgress && r.Assignments.Any(a => a.State == AssignmentState.FinalResponded),
        }).ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return await AnswerAsync(message, sender, "ConversationNoneOpen", new Dictionary<string, string>(), culture, cancellationToken);
        }

        // The status names are written here, in the reader's language: the template takes the list as one value.
        // A report that waits for the reporter says so on its line: their answer, or PUAS / BELUM PUAS.
        var lines = InCulture(culture, () => string.Join('\n', open.Select(r =>
            $"{r.TrackingNumber} ({t[$"Status.{r.Status}"]}{(r.Asked ? t["Chat.ConversationLineAsked"] : r.Final ? t["Chat.ConversationLineVerdict"] : "")}): {Clip(r.Title)}")));
        return await AnswerAsync(message, sender, "ConversationOpenList", new Dictionary<string, string> { ["Reports"] = lines }, culture, cancellationToken);
    }

    /// <summary>A reply on the channel, with the receipt that makes a resent question answered once, in one save.</summary>
    private async Task<Outcome> AnswerAsync(
        IncomingMessage message, Sender sender, string template, Dictionary<string, string> payload, string culture, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        db.ConversationReceipts.Add(new ConversationReceipt(message.Token, null, now));

        outbox.ToReporter(sender.Channel, sender.Address, culture, template, payload, null, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same message, resent while the first was being answered: that one answers.
            db.ChangeTracker.Clear();
        }

        return new Answered();
    }

    /// <summary>The reports whose answers go to this sender's number or chat (an erased reporter has none).</summary>
    private IQueryable<Report> ReportsOf(Sender sender) =>
        db.Reports.Where(r => db.ReporterIdentities.Any(i => i.ReportId == r.Id && i.ReplyChannel == sender.Channel && i.ReplyTo == sender.Address));

    /// <summary>The sender's reports that still take their messages, newest first.</summary>
    private IQueryable<Report> OpenReportsOf(Sender sender) =>
        ReportsOf(sender).Where(r => r.Status != ReportStatus.Completed && r.Status != ReportStatus.Archived).OrderByDescending(r => r.Id);

    /// <summary>The sender's open reports whose final response waits for their decision (<see cref="Report.AwaitsReporterVerdict"/>).</summary>
    private static IQueryable<Report> AwaitingVerdict(IQueryable<Report> reports) =>
        reports.Where(r => r.Status == ReportStatus.InProgress && r.Assignments.Any(a => a.State == AssignmentState.FinalResponded));

    /// <summary>
    /// The language of the sender's latest report, so one reporter reads one language; before their first report, the
    /// language their platform says (Telegram's language_code), else "id".
    /// </summary>
    private async Task<string> CultureOfAsync(IncomingMessage message, Sender sender, CancellationToken cancellationToken) =>
        await db.ReporterIdentities.Where(i => i.ReplyChannel == sender.Channel && i.ReplyTo == sender.Address && i.Culture != null)
            .OrderByDescending(i => i.ReportId).Select(i => i.Culture).FirstOrDefaultAsync(cancellationToken) ?? message.Culture ?? "id";

    /// <summary>
    /// How the channel works, in two texts of an SMS's size each: filing and privacy, then the commands. Neither holds a
    /// placeholder (a text filled in is never filled again), so replies queued before the commands existed still read whole.
    /// </summary>
    private static Dictionary<string, string> HowItWorks() => new()
    {
        ["HelpKey"] = "Chat.ConversationHelp",
        ["CommandsKey"] = "Chat.ConversationCommands",
    };

    private static string Clip(string title) => title.Length <= TitleLength ? title : title[..(TitleLength - 1)] + "…";

    private static T InCulture<T>(string culture, Func<T> write)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            return write();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>The media as the web form's upload, so it meets the same checks and metadata stripping.</summary>
    private static IFormFile AsFile(IncomingMedia media) =>
        new FormFile(new MemoryStream(media.Content), 0, media.Content.Length, "Attachments", media.FileName) { Headers = new HeaderDictionary(), ContentType = media.ContentType };
}
