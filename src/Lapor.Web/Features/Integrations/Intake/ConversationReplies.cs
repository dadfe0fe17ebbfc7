using Lapor.Web.Data;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Attachments;
using Lapor.Web.Features.Shared.Workflow;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using static Lapor.Web.Features.Integrations.Intake.Conversation;

namespace Lapor.Web.Features.Integrations.Intake;

/// <summary>Who wrote on a channel: the channel and the number or chat id their reports are answered at.</summary>
public sealed record ConversationSender(NotificationChannel Channel, string Address);

/// <summary>
/// What every part of the <see cref="Conversation"/> does alike: find the sender's reports and language, answer on
/// the channel, and change a report as the tracking page does — each once for a message, however often it is resent.
/// It logs under <see cref="Conversation"/>'s category: one place to read what a channel message did.
/// </summary>
public sealed class ConversationReplies(
    LaporDbContext db, ReportWork work, MessageUploads uploads, NotificationOutbox outbox, TimeProvider clock,
    IStringLocalizer<SharedResource> t, ILogger<Conversation> logger)
{
    /// <summary>How many times a follow-up is tried when a staff member changed the report at the same moment.</summary>
    public const int Attempts = 3;

    private const int TitleLength = 60;

    /// <summary>A resent message (the gateway retried, or the webhook was called twice): what it got the first time, doing nothing again.</summary>
    public async Task<Outcome?> EarlierOutcomeAsync(Guid token, CancellationToken cancellationToken)
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

    /// <summary>
    /// A message that cannot be taken as it is (a file that is not a photo, too many files): the reporter hears why on
    /// the channel, and the platform gets a 200 — WhatsApp and Telegram resend anything else, for hours.
    /// </summary>
    public Task<Outcome> RefuseAsync(IncomingMessage message, ConversationSender sender, string reason, CancellationToken cancellationToken)
    {
        logger.LogInformation("Channel message from {Sender} refused: {Reason}", ContactMask.Recipient(sender.Address), reason);
        return AnswerAsync(message, sender, "ConversationRefused", new Dictionary<string, string> { ["Reason"] = reason }, cancellationToken);
    }

    /// <summary>
    /// The reporter's "add information", as on the tracking page: it answers a question that waits (the clocks
    /// resume, a hold goes back to the coordinator) or adds to the report; the staff who should hear are told by the
    /// same table, and the reporter gets word on the channel — with how to decide when a final response waits for them.
    /// </summary>
    public Task<Outcome?> FollowUpAsync(IncomingMessage message, ConversationSender sender, long reportId, string trackingNumber, CancellationToken cancellationToken) =>
        ChangeAsync(message, sender, reportId, trackingNumber, (s, files) =>
        {
            var answers = s.Report.Status == ReportStatus.OnHold || s.Report.AwaitsReporterAnswer;
            s.Report.AddReporterInformation(Actor.Guest, message.Text, s.Schedule, s.Now, files);
            var template = answers ? "ConversationAnswered" : s.Report.AwaitsReporterVerdict ? "ConversationAddedVerdictWaits" : "ConversationAdded";
            return (template, []);
        }, cancellationToken);

    /// <summary>
    /// One change of the sender's report through <see cref="ReportWork"/>, with the message's photos through the web
    /// form's checks and the receipt that makes a resent message count once, in one save; the reporter hears the
    /// template the change names (none when the workflow's table tells them). Null when the report changed meanwhile (try again).
    /// </summary>
    public async Task<Outcome?> ChangeAsync(IncomingMessage message, ConversationSender sender, long reportId, string trackingNumber,
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
    public async Task<Outcome> RetryAsync(Func<Task<Outcome?>> change)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await change() is { } outcome)
            {
                return outcome;
            }

            if (attempt == Attempts)
            {
                return Conflict();
            }
        }
    }

    /// <summary>Not taken: the report kept changing under a follow-up.</summary>
    public Refused Conflict() => new(t["Error.Conflict"]);

    /// <summary>A report that is not the sender's (or not open), answered as an unknown number is: a stranger learns nothing.</summary>
    public Task<Outcome> NotFoundAsync(IncomingMessage message, ConversationSender sender, string typed, CancellationToken cancellationToken) =>
        AnswerAsync(message, sender, "ConversationNotFound", new Dictionary<string, string> { ["Typed"] = typed }, cancellationToken);

    /// <summary>A reply on the channel, with the receipt that makes a resent question answered once, in one save.</summary>
    public async Task<Outcome> AnswerAsync(
        IncomingMessage message, ConversationSender sender, string template, Dictionary<string, string> payload, string culture, CancellationToken cancellationToken)
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

    /// <summary>A reply in the sender's language (<see cref="CultureOfAsync"/>).</summary>
    public async Task<Outcome> AnswerAsync(
        IncomingMessage message, ConversationSender sender, string template, Dictionary<string, string> payload, CancellationToken cancellationToken) =>
        await AnswerAsync(message, sender, template, payload, await CultureOfAsync(message, sender, cancellationToken), cancellationToken);

    /// <summary>The reports whose answers go to this sender's number or chat (an erased reporter has none).</summary>
    public IQueryable<Report> ReportsOf(ConversationSender sender) =>
        db.Reports.Where(r => db.ReporterIdentities.Any(i => i.ReportId == r.Id && i.ReplyChannel == sender.Channel && i.ReplyTo == sender.Address));

    /// <summary>The sender's reports that still take their messages, newest first.</summary>
    public IQueryable<Report> OpenReportsOf(ConversationSender sender) =>
        ReportsOf(sender).Where(r => r.Status != ReportStatus.Completed && r.Status != ReportStatus.Archived).OrderByDescending(r => r.Id);

    /// <summary>
    /// The language of the sender's latest report, so one reporter reads one language; before their first report, the
    /// language their platform says (Telegram's language_code), else "id".
    /// </summary>
    public async Task<string> CultureOfAsync(IncomingMessage message, ConversationSender sender, CancellationToken cancellationToken) =>
        await db.ReporterIdentities.Where(i => i.ReplyChannel == sender.Channel && i.ReplyTo == sender.Address && i.Culture != null)
            .OrderByDescending(i => i.ReportId).Select(i => i.Culture).FirstOrDefaultAsync(cancellationToken) ?? message.Culture ?? "id";

    /// <summary>A report's title as one short line of a reply: an SMS stays short.</summary>
    public static string Clip(string title) => title.Length <= TitleLength ? title : title[..(TitleLength - 1)] + "…";

    /// <summary>The media as the web form's upload, so it meets the same checks and metadata stripping.</summary>
    public static IFormFile AsFile(IncomingMedia media) =>
        new FormFile(new MemoryStream(media.Content), 0, media.Content.Length, "Attachments", media.FileName) { Headers = new HeaderDictionary(), ContentType = media.ContentType };
}
