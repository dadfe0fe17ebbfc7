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
/// <item>files a new report when no report of theirs is open, or when it starts with <c>BARU</c>/<c>LAPOR</c>.</item>
/// </list>
/// Every answer goes back on the same channel through the outbox, in the reporter's language.
/// </summary>
public sealed class Conversation(
    LaporDbContext db, ReportFiling filing, ReportWork work, MessageUploads uploads, NotificationOutbox outbox,
    TimeProvider clock, IStringLocalizer<SharedResource> t, ILogger<Conversation> logger)
{
    /// <summary>The most reports a STATUS answer lists: an SMS stays short.</summary>
    public const int StatusListLimit = 5;

    /// <summary>How many times a follow-up is tried when a staff member changed the report at the same moment.</summary>
    private const int Attempts = 3;

    private const int TitleLength = 60;

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
        if (message.Refusal is { } refusal)
        {
            // A kind the webhook does not take (a voice note, a sticker): the reporter hears which kinds are taken.
            return await RefuseAsync(message, sender, refusal, cancellationToken);
        }

        switch (ConversationCommand.Parse(message.Text))
        {
            case ConversationCommand.Check check:
                return await CheckAsync(message, sender, check, cancellationToken);
            case ConversationCommand.Status:
                return await StatusAsync(message, sender, cancellationToken);
            case ConversationCommand.Help:
                return await AnswerAsync(message, sender, "ConversationHelp", new Dictionary<string, string>(), await CultureOfAsync(sender, cancellationToken), cancellationToken);
            case ConversationCommand.Welcome:
                return await AnswerAsync(message, sender, "ConversationWelcome", new Dictionary<string, string> { ["HelpKey"] = "Chat.ConversationHelp" },
                    await CultureOfAsync(sender, cancellationToken), cancellationToken);
            case ConversationCommand.NewReport fresh:
                return await FileAsync(message with { Text = fresh.Text }, cancellationToken);
            default:
                for (var attempt = 1; ; attempt++)
                {
                    var open = await OpenReportsOf(sender).Select(r => new { r.Id, r.TrackingNumber }).FirstOrDefaultAsync(cancellationToken);
                    if (open is null)
                    {
                        return await FileAsync(message, cancellationToken);
                    }

                    var outcome = await FollowUpAsync(message, sender, open.Id, open.TrackingNumber, cancellationToken);
                    if (outcome is not null || attempt == Attempts)
                    {
                        return outcome ?? new Refused(t["Error.Conflict"]);
                    }
                }
        }
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

    private async Task<Outcome> FileAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        // A shared place is the report's location (public pages round its point, as every report's).
        var place = message.Location;
        var draft = new ReportDraft(Classification.Complaint, ReportDraft.TitleFrom(message.Text), message.Text, null, place?.Text, place?.Latitude, place?.Longitude, null, null, false, false);
        var result = await filing.FileAsync(
            new ReportFiling.Filing(draft, Actor.System, message.Channel, message.Token, GiveAccessCode: false, message.Name, null, message.Phone, [.. message.Media.Select(AsFile)])
            {
                Reply = (message.ReplyChannel, message.ReplyTo),
            },
            cancellationToken);
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
        return await AnswerAsync(message, sender, "ConversationRefused", new Dictionary<string, string> { ["Reason"] = reason }, await CultureOfAsync(sender, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The reporter's "add information", as on the tracking page: it answers a question that waits (the clocks
    /// resume, a hold goes back to the coordinator) or adds to the report; the staff who should hear are told by the
    /// same table, and the reporter gets word on the channel. Null when the report changed meanwhile (try again).
    /// </summary>
    private async Task<Outcome?> FollowUpAsync(IncomingMessage message, Sender sender, long reportId, string trackingNumber, CancellationToken cancellationToken)
    {
        // The web form's checks and metadata stripping; files of a message that is not stored are removed again.
        await using var upload = uploads.For([.. message.Media.Select(AsFile)], ActorRole.Citizen);
        var culture = await CultureOfAsync(sender, cancellationToken);
        var result = await work.RunAsync(reports => reports.Where(r => r.Id == reportId), null, async s =>
        {
            var answers = s.Report.Status == ReportStatus.OnHold || s.Report.AwaitsReporterAnswer;
            s.Report.AddReporterInformation(Actor.Guest, message.Text, s.Schedule, s.Now, await upload.CheckAsync(s.Now, cancellationToken));
            db.ConversationReceipts.Add(new ConversationReceipt(message.Token, reportId, s.Now));
            outbox.ToReporter(sender.Channel, sender.Address, culture, answers ? "ConversationAnswered" : "ConversationAdded",
                new Dictionary<string, string> { ["TrackingNumber"] = trackingNumber }, reportId, s.Now);
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

        logger.LogInformation("Channel follow-up from {Sender} added to {TrackingNumber}", ContactMask.Recipient(sender.Address), trackingNumber);
        return new FollowedUp(trackingNumber);
    }

    /// <summary>
    /// CEK: the status of a report this sender filed. Another sender's report answers exactly as an unknown
    /// number does, so a tracking number passed around tells a stranger nothing.
    /// </summary>
    private async Task<Outcome> CheckAsync(IncomingMessage message, Sender sender, ConversationCommand.Check check, CancellationToken cancellationToken)
    {
        var culture = await CultureOfAsync(sender, cancellationToken);
        var report = check.TrackingNumber is { } number
            ? await ReportsOf(sender).Where(r => r.TrackingNumber == number)
                .Select(r => new { r.TrackingNumber, r.Title, r.Status, Asked = r.Assignments.Any(a => a.State == AssignmentState.AwaitingReporter) })
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        if (report is null)
        {
            return await AnswerAsync(message, sender, "ConversationNotFound", new Dictionary<string, string> { ["Typed"] = check.TrackingNumber ?? check.Typed }, culture, cancellationToken);
        }

        var payload = new Dictionary<string, string>
        {
            ["TrackingNumber"] = report.TrackingNumber,
            ["Title"] = Clip(report.Title),
            ["StatusKey"] = $"Status.{report.Status}",
        };
        if (report.Status == ReportStatus.OnHold || (report.Asked && report.Status is ReportStatus.Dispositioned or ReportStatus.InProgress))
        {
            payload["AwaitsKey"] = "Chat.ConversationAwaitsYou";
        }

        return await AnswerAsync(message, sender, "ConversationReport", payload, culture, cancellationToken);
    }

    /// <summary>STATUS: the sender's open reports, newest first, one short line each.</summary>
    private async Task<Outcome> StatusAsync(IncomingMessage message, Sender sender, CancellationToken cancellationToken)
    {
        var culture = await CultureOfAsync(sender, cancellationToken);
        var open = await OpenReportsOf(sender).Take(StatusListLimit).Select(r => new { r.TrackingNumber, r.Title, r.Status }).ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return await AnswerAsync(message, sender, "ConversationNoneOpen", new Dictionary<string, string>(), culture, cancellationToken);
        }

        // The status names are written here, in the reader's language: the template takes the list as one value.
        var lines = InCulture(culture, () => string.Join('\n', open.Select(r => $"{r.TrackingNumber} – {t[$"Status.{r.Status}"]}: {Clip(r.Title)}")));
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

    /// <summary>The language of the sender's latest report ("id" when there is none yet).</summary>
    private async Task<string> CultureOfAsync(Sender sender, CancellationToken cancellationToken) =>
        await db.ReporterIdentities.Where(i => i.ReplyChannel == sender.Channel && i.ReplyTo == sender.Address && i.Culture != null)
            .OrderByDescending(i => i.ReportId).Select(i => i.Culture).FirstOrDefaultAsync(cancellationToken) ?? "id";

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
