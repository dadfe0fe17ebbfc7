using Lapor.Web.Data;
using Lapor.Web.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Infrastructure.Channels;

/// <summary>
/// When each reporter last wrote on each channel, for WhatsApp's 24-hour window
/// (<see cref="CustomerServiceWindow"/>). The intake records every authentic inbound message.
/// </summary>
public sealed class ChannelContacts(LaporDbContext db, TimeProvider clock)
{
    /// <summary>Rows older than this decide nothing any more (the window is a day) and are removed as new ones come.</summary>
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(2);

    public async Task RecordInboundAsync(NotificationChannel channel, string address, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hash = ChannelContact.HashOf(channel, address);
        if (await TouchAsync(channel, hash, now, cancellationToken) == 0)
        {
            db.ChannelContacts.Add(new ChannelContact(channel, address, now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Two messages from one new reporter at once: the other inserted it first.
                db.ChangeTracker.Clear();
                await TouchAsync(channel, hash, now, cancellationToken);
            }
        }

        var stale = now - KeptFor;
        await db.ChannelContacts.Where(c => c.LastInboundAt < stale).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<DateTimeOffset?> LastInboundAsync(NotificationChannel channel, string address, CancellationToken cancellationToken)
    {
        var hash = ChannelContact.HashOf(channel, address);
        return await db.ChannelContacts.AsNoTracking().Where(c => c.Channel == channel && c.AddressHash == hash)
            .Select(c => (DateTimeOffset?)c.LastInboundAt).FirstOrDefaultAsync(cancellationToken);
    }

    private Task<int> TouchAsync(NotificationChannel channel, string hash, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.ChannelContacts.Where(c => c.Channel == channel && c.AddressHash == hash)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.LastInboundAt, now), cancellationToken);
}
