using Lapor.Web.Data;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Infrastructure.Jobs;
using Lapor.Web.Infrastructure.Notifications;
using Lapor.Web.Infrastructure.Telemetry;
using Lapor.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Features.Shared.Workflow;

/// <summary>
/// The daily digest for staff who chose it: from <see cref="MailOptions.DigestTime"/> (local time)
/// each person gets one mail listing every message held for them before that time; what arrives
/// later waits for the next day's digest, so a person gets at most one a day and a second run sends
/// nothing. Rows are claimed as the dispatcher claims them, so two instances never send the same
/// item twice; a failed digest is retried with the same backoff and dead-lettering.
/// </summary>
public sealed class MailDigestJob(
    LaporDbContext db, IMailSender sender, MailTemplates templates, LocalTime local, IOptions<MailOptions> options, TimeProvider clock, LaporMetrics metrics,
    ILogger<MailDigestJob> logger)
    : IPeriodicJob
{
    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(5);
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Sends the due digests; returns how many went out.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cutoff = LastDigestTime(now);
        var people = await Due(now, cutoff).Select(m => m.Recipient).Distinct().ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var recipient in people)
        {
            var claimed = await Due(now, cutoff).Where(m => m.Recipient == recipient)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimedBy, _instance).SetProperty(m => m.ClaimedUntil, now.Add(ClaimLifetime)), cancellationToken);
            if (claimed > 0 && await DeliverAsync(recipient, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>
    /// The latest digest time that has passed: today's, or before it yesterday's. In UTC, as every
    /// stored instant: SQLite compares them as stored, local clock time first.
    /// </summary>
    private DateTimeOffset LastDigestTime(DateTimeOffset now)
    {
        var today = local.At(local.Date(now), options.Value.DigestTime);
        return (today <= now ? today : local.At(local.Date(now).AddDays(-1), options.Value.DigestTime)).ToUniversalTime();
    }

    private IQueryable<OutboxMessage> Due(DateTimeOffset now, DateTimeOffset cutoff) =>
        db.OutboxMessages.Where(m => m.HeldForDigest && m.SentAt == null && m.DeadLetteredAt == null && m.CreatedAt < cutoff && m.NextAttemptAt <= now
            && (m.ClaimedUntil == null || m.ClaimedUntil < now));

    private async Task<bool> DeliverAsync(string recipient, CancellationToken cancellationToken)
    {
        var items = await db.OutboxMessages.Where(m => m.ClaimedBy == _instance && m.Recipient == recipient && m.SentAt == null)
            .OrderBy(m => m.Id).ToListAsync(cancellationToken);
        if (items.Count == 0)
        {
            return false;
        }

        try
        {
            // The person's language as of their latest message (they may have switched since the first).
            await sender.SendAsync(templates.ComposeDigest(recipient, items[^1].Culture, items), cancellationToken);
            var sentAt = clock.GetUtcNow();
            items.ForEach(item => item.MarkSent(sentAt));
            await db.SaveChangesAsync(cancellationToken);
            metrics.MessageSent("EmailDigest");
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            var summary = OutboxDispatcher.Describe(error, recipient);
            logger.LogWarning("Digest of {Count} outbox messages failed on attempt {Attempt}: {Error}", items.Count, items[0].Attempts + 1, summary);
            var failedAt = clock.GetUtcNow();
            items.ForEach(item => item.MarkFailed(summary, failedAt));
            await db.SaveChangesAsync(CancellationToken.None);
            metrics.MessageFailed("EmailDigest");
            return false;
        }
    }
}
