using System.Globalization;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using static Lapor.Web.Features.Integrations.Intake.Conversation;

namespace Lapor.Web.Features.Integrations.Intake;

/// <summary>
/// PUAS or BELUM PUAS on the channel: the same Accept/Reject the tracking page makes, on the sender's report whose
/// final response waits for them (<see cref="ReporterWaits.ForVerdict"/>).
/// </summary>
public sealed class ConversationVerdicts(ConversationReplies replies)
{
    /// <summary>A BELUM PUAS reason's limit, as on the tracking page.</summary>
    private const int MaxReasonLength = 2000;

    /// <summary>
    /// Decides on the report whose final response waits (the one named, or the only one); when several do, the reporter
    /// is asked to name one. Null when none waits: then the words are an ordinary message (many complaints start
    /// "Tidak puas dengan…").
    /// </summary>
    public async Task<Outcome?> DecideAsync(IncomingMessage message, ConversationSender sender, ConversationCommand.Verdict verdict, CancellationToken cancellationToken)
    {
        var waiting = replies.OpenReportsOf(sender).Where(ReporterWaits.ForVerdict);
        if (verdict.TrackingNumber is { } number)
        {
            var named = await replies.OpenReportsOf(sender).Where(r => r.TrackingNumber == number)
                .Select(r => new { r.Id, Waits = waiting.Any(w => w.Id == r.Id) }).FirstOrDefaultAsync(cancellationToken);
            if (named is null)
            {
                return await replies.NotFoundAsync(message, sender, number, cancellationToken);
            }

            if (named.Waits)
            {
                return await replies.RetryAsync(() => JudgeAsync(message, sender, named.Id, number, verdict, cancellationToken));
            }

            // "LPR-… tidak puas, petugasnya kasar" on a report still in work is information for it; a bare PUAS is answered.
            return IsBareSatisfied(verdict)
                ? await replies.AnswerAsync(message, sender, "ConversationNoVerdict", new Dictionary<string, string>(), cancellationToken)
                : await replies.RetryAsync(() => replies.FollowUpAsync(message with { Text = verdict.Text }, sender, named.Id, number, cancellationToken));
        }

        var candidates = await waiting.Select(r => new { r.Id, r.TrackingNumber, r.Title }).Take(StatusListLimit).ToListAsync(cancellationToken);
        switch (candidates.Count)
        {
            case 1:
                return await replies.RetryAsync(() => JudgeAsync(message, sender, candidates[0].Id, candidates[0].TrackingNumber, verdict, cancellationToken));
            case > 1:
                var lines = string.Join('\n', candidates.Select(r => $"{r.TrackingNumber}: {ConversationReplies.Clip(r.Title)}"));
                return await replies.AnswerAsync(message, sender, "ConversationVerdictWhich", new Dictionary<string, string> { ["Reports"] = lines }, cancellationToken);
        }

        // Nothing waits for a decision: a bare "PUAS" would file a report called "PUAS", so it is answered instead.
        if (IsBareSatisfied(verdict) && !await replies.OpenReportsOf(sender).AnyAsync(cancellationToken))
        {
            return await replies.AnswerAsync(message, sender, "ConversationNoVerdict", new Dictionary<string, string>(), cancellationToken);
        }

        return null;
    }

    private static bool IsBareSatisfied(ConversationCommand.Verdict verdict) => verdict.Satisfied && verdict.Reason.Length == 0;

    /// <summary>
    /// PUAS/BELUM PUAS on a report whose final response waits: Accept or Reject as the tracking page makes them, so the
    /// status, the history and who is told are the web's. Photos sent with the decision are kept as the reporter's
    /// information first. A completed report's reporter hears "selesai" from the workflow's table; otherwise they hear here.
    /// </summary>
    private async Task<Outcome?> JudgeAsync(IncomingMessage message, ConversationSender sender, long reportId, string trackingNumber, ConversationCommand.Verdict verdict,
        CancellationToken cancellationToken)
    {
        if (!verdict.Satisfied && verdict.Reason.Length is 0 or > MaxReasonLength)
        {
            // The tracking page's rule: a rejection says why, in at most 2,000 characters.
            return await replies.AnswerAsync(message, sender, verdict.Reason.Length == 0 ? "ConversationReasonNeeded" : "ConversationReasonTooLong",
                new Dictionary<string, string> { ["TrackingNumber"] = trackingNumber, ["MaxLength"] = MaxReasonLength.ToString(CultureInfo.InvariantCulture) },
                cancellationToken);
        }

        return await replies.ChangeAsync(message, sender, reportId, trackingNumber, (s, files) =>
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
}
