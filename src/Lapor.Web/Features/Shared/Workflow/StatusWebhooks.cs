using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.History;
using Lapor.Web.Infrastructure.Caching;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Shared.Workflow;

/// <summary>
/// The webhook row of the "who is told" table: every status change of a report an API client filed
/// becomes one outbox delivery to that client's webhook, queued with the change in its transaction
/// (the dispatcher signs, sends and retries it). The body is one <see cref="StatusUpdate"/>, the same
/// item the Open311 servicerequestupdates feed lists, in Indonesian, the portal's language.
/// </summary>
public sealed class StatusWebhooks(LaporDbContext db, StatusUpdates updates, ReferenceData reference, NotificationOutbox outbox)
{
    /// <summary>The language of a delivery's <c>description</c>.</summary>
    public const string Culture = "id";

    public static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public async Task QueueAsync(Report report, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Only what this change appended: the history is not loaded for a change, but a context that read it before holds it.
        var appended = report.Routing.Where(e => db.Entry(e).State == EntityState.Added).ToList();
        if (report.ApiClientId is not { } clientId || !appended.Any(e => e.FromStatus is { } from && from != e.ToStatus)
            || !await db.ApiClients.AnyAsync(c => c.Id == clientId && c.RevokedAt == null && c.WebhookUrl != null, cancellationToken))
        {
            return;
        }

        var names = await reference.AgencyNamesAsync(cancellationToken);
        string? Name(int? agency) => agency is { } id ? names.GetValueOrDefault(id) : null;
        var changes = appended.Select(e => new StatusUpdates.Change(report.TrackingNumber,
            new HistoryEntry(e.OccurredAt, e.Action, e.ActorRole, e.FromStatus, e.ToStatus, Name(e.FromAgencyId), Name(e.ToAgencyId), e.Reason)));

        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(Culture);
            foreach (var update in updates.From(changes))
            {
                outbox.ToWebhook(clientId, JsonSerializer.Serialize(update, Json), report.Id == 0 ? null : report.Id, now);
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
