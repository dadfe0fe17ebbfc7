using System.Text.Json;
using System.Text.Json.Serialization;
using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.History;
using Lapor.Web.Infrastructure.Caching;
using Lapor.Web.Infrastructure.Localization;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Shared.Workflow;

/// <summary>
/// The webhook row of the "who is told" table: every public update (<see cref="StatusUpdates"/>: a status
/// change, a response, a question to the reporter…) of a report an API client filed becomes one outbox
/// delivery to that client's webhook, queued with the change in its transaction (the dispatcher signs,
/// sends and retries it). The body is one <see cref="StatusUpdate"/>, the same item the Open311
/// servicerequestupdates feed lists, in Indonesian, the portal's language; only its own reports reach a
/// client, and an answer's text only where the public page shows it (never for a confidential report).
/// </summary>
public sealed class StatusWebhooks(LaporDbContext db, StatusUpdates updates, PublicHistories histories, ReferenceData reference, NotificationOutbox outbox)
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
        // New entries in the report's collections are known to the context only once it has looked (SaveChanges looks later).
        db.ChangeTracker.DetectChanges();
        var appended = report.Routing.Where(e => db.Entry(e).State == EntityState.Added).ToList();
        if (report.ApiClientId is not { } clientId || appended.Count == 0
            || !await db.ApiClients.AnyAsync(c => c.Id == clientId && c.RevokedAt == null && c.WebhookUrl != null, cancellationToken))
        {
            return;
        }

        var history = await WithChangeAsync(report, appended, cancellationToken);
        using (UiCulture.Use(Culture))
        {
            // Entries not saved yet are known by negative stand-in ids: the updates this change starts.
            foreach (var update in updates.From(history).Where(u => u.EntryId < 0))
            {
                outbox.ToWebhook(clientId, JsonSerializer.Serialize(update.Update, Json), report.Id == 0 ? null : report.Id, now);
            }
        }
    }

    /// <summary>
    /// The stored history with this change on top: its new entries, its new answers, and an answer it
    /// published (a validated final response) as it is now. A whole history, so an event is told once:
    /// an escalation another run recorded before is not news again.
    /// </summary>
    private async Task<StatusUpdates.ReportHistory> WithChangeAsync(Report report, List<RoutingEntry> appended, CancellationToken cancellationToken)
    {
        var names = await reference.AgencyNamesAsync(cancellationToken);
        var stored = report.Id == 0 ? null : (await histories.ReadAsync([report.Id], cancellationToken)).SingleOrDefault();
        var tracked = report.Messages.Where(m => m.Kind is MessageKind.Response or MessageKind.FinalResponse && db.Entry(m).State is EntityState.Added or EntityState.Modified)
            .Select(m => new StatusUpdates.Answer(m.Kind, m.AgencyId, m.CreatedAt, m.Body, report.IsPublic && m.Visibility == MessageVisibility.Public))
            .ToList();

        // A tracked answer replaces its stored self (same agency, kind and instant).
        var answers = (stored?.Answers ?? []).Where(a => !tracked.Any(t => t.Kind == a.Kind && t.AgencyId == a.AgencyId && t.At == a.At))
            .Select(a => a with { Public = a.Public && report.IsPublic }).Concat(tracked).ToList();
        var held = report.Assignments.Where(a => a.State == AssignmentState.AwaitingValidation).Select(a => names.GetValueOrDefault(a.AgencyId, "")).ToList();
        List<HistoryEntry> entries = [.. stored?.Entries ?? [], .. appended.Select((e, i) => PublicHistories.Entry(e, -(i + 1), names))];
        return new StatusUpdates.ReportHistory(report.TrackingNumber, entries, answers, held);
    }
}
