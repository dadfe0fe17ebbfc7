using Lapor.Web.Data;
using Lapor.Web.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Operations;

/// <summary>
/// Reports filed by SMS or WhatsApp before numbers were kept in one spelling (<see cref="PhoneNumber"/>) are
/// answered at the number exactly as their gateway wrote it (081…, 6281…, +62 812-…); at startup their reply
/// address becomes its E.164 form, so the conversation finds them with a plain indexed comparison, as it finds
/// new ones. Only the reply address changes: the phone on file keeps its spelling, so a report link already
/// sent to it still opens. A number that is no phone number stays as it was. Afterwards one look-up through the reply index per start.
/// </summary>
public sealed class ReplyAddressBackfill(LaporDbContext db, ILogger<ReplyAddressBackfill> logger)
{
    private const int BatchSize = 1000;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var done = 0;
        var after = 0L;
        while (true)
        {
            // What an E.164 number never looks like: no plus, grouping, or the trunk 0 after +62.
            var batch = await db.ReporterIdentities
                .Where(i => (i.ReplyChannel == NotificationChannel.Sms || i.ReplyChannel == NotificationChannel.WhatsApp) && i.ReplyTo != null && i.ReportId > after)
                .Where(i => !EF.Functions.Like(i.ReplyTo!, "+%") || EF.Functions.Like(i.ReplyTo!, "+620%") || EF.Functions.Like(i.ReplyTo!, "% %")
                    || EF.Functions.Like(i.ReplyTo!, "%-%") || EF.Functions.Like(i.ReplyTo!, "%(%") || EF.Functions.Like(i.ReplyTo!, "%.%"))
                .OrderBy(i => i.ReportId).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return done;
            }

            foreach (var identity in batch)
            {
                if (PhoneNumber.Canonical(identity.ReplyTo) is { } canonical && canonical != identity.ReplyTo)
                {
                    identity.AnswerOn(identity.ReplyChannel!.Value, canonical);
                    done++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            after = batch[^1].ReportId;
            logger.LogInformation("Wrote the reply numbers of {Reports} earlier channel reports in E.164", done);
        }
    }
}
