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

    /// <summary>How often a message for a channel that is not connected is looked at again.</summary>
    private static readonly TimeSpan ChannelWait = TimeSpan.FromMinutes(30);
    private static readonly NotificationChannel[] ChatChannels = [NotificationChannel.Sms, NotificationChannel.WhatsApp, NotificationChannel.Telegram];

    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Sends every due message once; returns how many were delivered.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        // Messages that waited for a channel connected since (the portal restarted with its sender configured)
        // leave on this run, not when their next look was planned.
        var connected = ChatChannels.Where(chat.IsConnected).ToList();
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.DeadLetteredAt == null && m.Channel != NotificationChannel.InApp && !m.HeldForDigest
                && (m.NextAttemptAt <= now || (m.LastError == OutboxMessage.ChannelNotConnected && connected.Contains(m.Channel)))
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
                await chat.SendAsync(ChatMessage(message), cancellationToken);
            }

            message.MarkSent(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            metrics.MessageSent(message.Channel.ToString());
            return true;
        }
        catch (ChannelNotConnectedException)
        {
            // Nothing is configured for the channel: not sent, not an attempt; looked at again later, so it
            // leaves once the channel is connected, and shown waiting in /admin/surat meanwhile.
            logger.LogInformation("Outbox message {OutboxId} ({Template}) waits: {Channel} is not connected", id, message.Template, message.Channel);
            message.WaitForChannel(clock.GetUtcNow().Add(ChannelWait));
            await db.SaveChangesAsync(CancellationToken.None);
            return false;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A masked summary, never the exception itself: a bounce's message (and MailKit's
            // SmtpCommandException.Mailbox) carry the recipient, and logs never carry reporter contacts.
            var summary = Describe(error, message.Recipient);
            logger.LogWarning("Outbox message {OutboxId} ({Template}) failed on attempt {Attempt}: {Error}", id, message.Template, message.Attempts + 1, summary);
            var refusal = error as ChannelDeliveryException;
            message.MarkFailed(summary, clock.GetUtcNow(), refusal?.Permanent ?? false, refusal?.RetryAfter);
            await db.SaveChangesAsync(CancellationToken.None);
            metrics.MessageFailed(message.Channel.ToString());
            return false;
        }
    }

    /// <summary>The reply as the channel takes it: an SMS keeps the answer short, WhatsApp has a shorter variant for its template.</summary>
    private ChannelMessage ChatMessage(OutboxMessage message)
    {
        var maxAnswer = message.Channel == NotificationChannel.Sms ? ChatText.MaxSmsAnswerLength : int.MaxValue;
        var text = templates.ComposeText(message.Template, message.Culture, message.PayloadJson, ChatText.MaxMessageLength(message.Channel), maxAnswer);
        return new ChannelMessage(message.Channel, message.Recipient, text, TrackingNumberIn(message.PayloadJson))
        {
            TemplateText = message.Channel == NotificationChannel.WhatsApp
                ? templates.ComposeText(message.Template, message.Culture, message.PayloadJson, ChatText.MaxWhatsAppTemplateMessageLength)
                : null,
        };
    }

    private static string? TrackingNumberIn(string payloadJson)
    {
        using var payload = System.Text.Json.JsonDocument.Parse(payloadJson);
        return payload.RootElement.TryGetProperty("TrackingNumber", out var number) && number.ValueKind == System.Text.Json.JsonValueKind.String ? number.GetString() : null;
    }

    /// <summary>What went wrong, with the SMTP reply code when there is one, and no address or number in clear.</summary>
    internal static string Describe(Exception error, string recipient) => ContactMask.Text(
        error switch
        {
            SmtpCommandException smtp => $"SMTP {(int)smtp.StatusCode} {smtp.ErrorCode}: {smtp.Message}",
            ChannelDeliveryException refusal => refusal.Message,
            _ => $"{error.GetType().Name}: {error.Message}",
        },
        recipient);
}
