using Lapor.Web.Data;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Infrastructure.Jobs;
using Lapor.Web.Infrastructure.Telemetry;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Infrastructure.Notifications;

/// <summary>
/// Sends what the outbox holds. Each row is first claimed with a conditional update, so two app
/// instances never send the same mail; a claim expires after five minutes in case its holder died.
/// Delivery is at least once: a crash between sending and marking the row sent sends it again.
/// Rows held for the daily digest are left to the digest job (Features/Shared/Workflow/MailDigestJob).
/// </summary>
public sealed class OutboxDispatcher(
    LaporDbContext db, IMailSender sender, IChannelMessageSender chat, WebhookSender webhooks, MailTemplates templates, TimeProvider clock, LaporMetrics metrics, ILogger<OutboxDispatcher> logger)
    : IPeriodicJob
{
    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(5);
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Sends every due message once; returns how many were delivered.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.DeadLetteredAt == null && m.Channel != NotificationChannel.InApp && !m.HeldForDigest && m.NextAttemptAt <= now
                && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(50).ToListAsync(cancellationToken);

        var delivered = 0;
        foreach (var id in due)
        {
            if (await ClaimAsync(id, now, cancellationToken) && await DeliverAsync(id, cancellationToken))
            {
                delivered++;
            }
        }

        return delivered;
    }

    private async Task<bool> ClaimAsync(long id, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.OutboxMessages
            .Where(m => m.Id == id && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimedBy, _instance).SetProperty(m => m.ClaimedUntil, now.Add(ClaimLifetime)), cancellationToken) == 1;

    private async Task<bool> DeliverAsync(long id, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.FirstAsync(m => m.Id == id, cancellationToken);
        try
        {
            if (message.Channel == NotificationChannel.Email)
            {
                await sender.SendAsync(templates.Compose(message.Template, message.Recipient, message.Culture, message.PayloadJson), cancellationToken);
            }
            else if (message.Channel == NotificationChannel.Webhook)
            {
                await webhooks.SendAsync(message, cancellationToken);
            }
            else
            {
                await chat.SendAsync(message.Channel, message.Recipient, templates.ComposeText(message.Template, message.Culture, message.PayloadJson), cancellationToken);
            }

            message.MarkSent(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            metrics.MessageSent(message.Channel.ToString());
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A masked summary, never the exception itself: a bounce's message (and MailKit's
            // SmtpCommandException.Mailbox) carry the recipient, and logs never carry reporter contacts.
            var summary = Describe(error, message.Recipient);
            logger.LogWarning("Outbox message {OutboxId} ({Template}) failed on attempt {Attempt}: {Error}", id, message.Template, message.Attempts + 1, summary);
            message.MarkFailed(summary, clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            metrics.MessageFailed(message.Channel.ToString());
            return false;
        }
    }

    /// <summary>What went wrong, with the SMTP reply code when there is one, and no address or number in clear.</summary>
    internal static string Describe(Exception error, string recipient) => ContactMask.Text(
        error is SmtpCommandException smtp ? $"SMTP {(int)smtp.StatusCode} {smtp.ErrorCode}: {smtp.Message}" : $"{error.GetType().Name}: {error.Message}",
        recipient);
}
