using Lapor.Web.Data;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Workflow;
using Lapor.Web.Infrastructure.Localization;
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
/// <item>decides on a final response (<c>PUAS</c>, <c>BELUM PUAS alasan</c>) through the tracking page's domain step (<see cref="ConversationVerdicts"/>);</item>
/// <item>makes the sender's open report more private (<c>RAHASIA LPR-…</c>, <c>ANONIM LPR-…</c>), never less (<see cref="ConversationPrivacy"/>);</item>
/// <item>files a new report when no report of theirs is open, or when it starts with <c>BARU</c>/<c>LAPOR</c>,
/// <c>RAHASIA</c> (confidential) or <c>ANONIM</c> (anonymous), in the sender's language (Telegram says it).</item>
/// </list>
/// Every answer goes back on the same channel through the outbox, in the reporter's language (<see cref="ConversationReplies"/>).
/// </summary>
public sealed class Conversation(
    LaporDbContext db, ReportFiling filing, ConversationReplies replies, ConversationVerdicts verdicts, ConversationPrivacy privacy, ReportLinks links,
    TimeProvider clock, IStringLocalizer<SharedResource> t, ILogger<Conversation> logger)
{
    /// <summary>The most reports a STATUS answer lists: an SMS stays short.</summary>
    public const int StatusListLimit = 5;

    public abstract record Outcome;

    /// <summary>The message was taken; <see cref="TrackingNumber"/> is the report it filed (or went to), none for a question answered.</summary>
    public record Filed(string? TrackingNumber) : Outcome;

    /// <summary>A follow-up, added to the sender's open report.</summary>
    public sealed record FollowedUp(string TrackingNumber) : Filed(TrackingNumber);

    /// <summary>Answered on the channel without a report changing: a question about the sender's reports (CEK, STATUS, BANTUAN), or why a message was refused.</summary>
    public sealed record Answered() : Filed((string?)null);

    /// <summary>Not taken, with a message for the gateway's caller (the report kept changing under a follow-up).</summary>
    public sealed record Refused(string Message) : Outcome;

    public async Task<Outcome> ReceiveAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        if (await replies.EarlierOutcomeAsync(message.Token, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var sender = new ConversationSender(message.ReplyChannel, message.ReplyTo);
        if (message.RefusalKey is { } refusal)
        {
            // A kind the webhook does not take (a voice note, a sticker): the reporter hears which kinds are taken, in their language.
            logger.LogInformation("Channel message from {Sender} refused: {Reason}", ContactMask.Recipient(sender.Address), refusal);
            return await replies.AnswerAsync(message, sender, "ConversationRefused", new Dictionary<string, string> { ["ReasonKey"] = refusal }, cancellationToken);
        }

        switch (ConversationCommand.Parse(message.Text))
        {
            case ConversationCommand.Check check:
                return await CheckAsync(message, sender, check, cancellationToken);
            case ConversationCommand.Status:
                return await StatusAsync(message, sender, cancellationToken);
            case ConversationCommand.Help:
                return await replies.AnswerAsync(message, sender, "ConversationGuide", HowItWorks(), cancellationToken);
            case ConversationCommand.Welcome:
                return await replies.AnswerAsync(message, sender, "ConversationWelcome", HowItWorks(), cancellationToken);
            case ConversationCommand.NewReport fresh:
                return await FileAsync(message with { Text = fresh.Text }, fresh.IsAnonymous, fresh.IsConfidential, cancellationToken);
            case ConversationCommand.Protect protect:
                return await privacy.ProtectAsync(message, sender, protect, cancellationToken);
            case ConversationCommand.Verdict verdict:
                // Words that decide nothing (no final response waits for them) are an ordinary message.
                return await verdicts.DecideAsync(message, sender, verdict, cancellationToken)
                    ?? await MessageAsync(message with { Text = verdict.Text }, sender, cancellationToken);
            case ConversationCommand.Message { TrackingNumber: { } number } aimed:
                return await AimedAsync(message with { Text = aimed.Text }, sender, number, cancellationToken);
            default:
                return await MessageAsync(message, sender, cancellationToken);
        }
    }

    /// <summary>A plain message: to the sender's newest open report, or a new report when none is open.</summary>
    private async Task<Outcome> MessageAsync(IncomingMessage message, ConversationSender sender, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var open = await replies.OpenReportsOf(sender).Select(r => new { r.Id, r.TrackingNumber }).FirstOrDefaultAsync(cancellationToken);
            if (open is null)
            {
                return await FileAsync(message, false, false, cancellationToken);
            }

            var outcome = await replies.FollowUpAsync(message, sender, open.Id, open.TrackingNumber, cancellationToken);
            if (outcome is not null || attempt == ConversationReplies.Attempts)
            {
                return outcome ?? replies.Conflict();
            }
        }
    }

    /// <summary>
    /// A message that names its report first: to that report if it is the sender's own and open. Any other number
    /// answers exactly as CEK does for a number that is not theirs, so it tells a stranger nothing.
    /// </summary>
    private async Task<Outcome> AimedAsync(IncomingMessage message, ConversationSender sender, string number, CancellationToken cancellationToken)
    {
        if (await replies.OpenReportsOf(sender).Where(r => r.TrackingNumber == number).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken) is not { } id)
        {
            return await replies.NotFoundAsync(message, sender, number, cancellationToken);
        }

        return await replies.RetryAsync(() => replies.FollowUpAsync(message, sender, id, number, cancellationToken));
    }

    private async Task<Outcome> FileAsync(IncomingMessage message, bool anonymous, bool confidential, CancellationToken cancellationToken)
    {
        // A shared place is the report's location (public pages round its point, as every report's).
        var place = message.Location;
        var draft = new ReportDraft(Classification.Complaint, ReportDraft.TitleFrom(message.Text), message.Text, null, place?.Text, place?.Latitude, place?.Longitude, null, null, anonymous, confidential);
        var submission = new ReportFiling.Filing(draft, Actor.System, message.Channel, message.Token, GiveAccessCode: false, message.Name, null, message.Phone,
            [.. message.Media.Select(ConversationReplies.AsFile)])
        {
            Reply = (message.ReplyChannel, message.ReplyTo),
        };

        // The report keeps the language it is filed in (the filing reads it), as on the web: Telegram says the sender's.
        var result = message.Culture is { } language
            ? await UiCulture.RunAsync(language, () => filing.FileAsync(submission, cancellationToken))
            : await filing.FileAsync(submission, cancellationToken);

        return result is ReportFiling.Filed filed
            ? new Filed(filed.TrackingNumber)
            : await replies.RefuseAsync(message, new ConversationSender(message.ReplyChannel, message.ReplyTo), ((ReportFiling.Rejected)result).Message, cancellationToken);
    }

    /// <summary>
    /// CEK: the status of a report this sender filed. Another sender's report answers exactly as an unknown
    /// number does, so a tracking number passed around tells a stranger nothing.
    /// </summary>
    private async Task<Outcome> CheckAsync(IncomingMessage message, ConversationSender sender, ConversationCommand.Check check, CancellationToken cancellationToken)
    {
        var culture = await replies.CultureOfAsync(message, sender, cancellationToken);
        var (asked, final) = (db.Reports.Where(ReporterWaits.ForAnswer), db.Reports.Where(ReporterWaits.ForVerdict));
        var report = check.TrackingNumber is { } number
            ? await replies.ReportsOf(sender).Where(r => r.TrackingNumber == number)
                .Select(r => new { r.TrackingNumber, r.Title, r.Status, Asked = asked.Any(w => w.Id == r.Id), Final = final.Any(w => w.Id == r.Id) })
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        if (report is null)
        {
            return await replies.NotFoundAsync(message, sender, check.TrackingNumber ?? check.Typed, cancellationToken);
        }

        var payload = new Dictionary<string, string>
        {
            ["TrackingNumber"] = report.TrackingNumber,
            ["Title"] = ConversationReplies.Clip(report.Title),
            ["StatusKey"] = $"Status.{report.Status}",
        };

        // The sender's own report, asked from the number it answers at: its private link opens the whole page there.
        var link = links.Create(report.TrackingNumber, sender.Address, clock.GetUtcNow());
        payload["LinkToken"] = link.Token;
        if (report.Asked)
        {
            payload["AwaitsKey"] = "Chat.ConversationAwaitsYou";
        }
        else if (report.Final)
        {
            payload["AwaitsKey"] = "Chat.ConversationVerdictWaits";
        }

        return await replies.AnswerAsync(message, sender, "ConversationReport", payload, culture, cancellationToken);
    }

    /// <summary>STATUS: the sender's open reports, newest first, one short line each.</summary>
    private async Task<Outcome> StatusAsync(IncomingMessage message, ConversationSender sender, CancellationToken cancellationToken)
    {
        var culture = await replies.CultureOfAsync(message, sender, cancellationToken);
        var (asked, final) = (db.Reports.Where(ReporterWaits.ForAnswer), db.Reports.Where(ReporterWaits.ForVerdict));
        var open = await replies.OpenReportsOf(sender).Take(StatusListLimit)
            .Select(r => new { r.TrackingNumber, r.Title, r.Status, Asked = asked.Any(w => w.Id == r.Id), Final = final.Any(w => w.Id == r.Id) })
            .ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return await replies.AnswerAsync(message, sender, "ConversationNoneOpen", new Dictionary<string, string>(), culture, cancellationToken);
        }

        // The status names are written here, in the reader's language: the template takes the list as one value.
        // A report that waits for the reporter says so on its line: their answer, or PUAS / BELUM PUAS.
        var lines = UiCulture.Run(culture, () => string.Join('\n', open.Select(r =>
            $"{r.TrackingNumber} ({t[$"Status.{r.Status}"]}{(r.Asked ? t["Chat.ConversationLineAsked"] : r.Final ? t["Chat.ConversationLineVerdict"] : "")}): {ConversationReplies.Clip(r.Title)}")));
        return await replies.AnswerAsync(message, sender, "ConversationOpenList", new Dictionary<string, string> { ["Reports"] = lines }, culture, cancellationToken);
    }

    /// <summary>
    /// How the channel works, in two texts of an SMS's size each: filing and privacy, then the commands. Neither holds a
    /// placeholder (a text filled in is never filled again), so replies queued before the commands existed still read whole.
    /// </summary>
    private static Dictionary<string, string> HowItWorks() => new()
    {
        ["HelpKey"] = "Chat.ConversationHelp",
        ["CommandsKey"] = "Chat.ConversationCommands",
    };
}
