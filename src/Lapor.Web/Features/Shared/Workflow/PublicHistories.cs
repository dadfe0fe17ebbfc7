using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.History;
using Lapor.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Shared.Workflow;

/// <summary>
/// Reads reports' histories as <see cref="StatusUpdates"/> needs them: the routing entries but internal
/// notes, the agencies' answers with whether the public page shows their text (a public answer of a
/// public report), and the agencies whose final answer waits for validation.
/// </summary>
public sealed class PublicHistories(LaporDbContext db, ReferenceData reference)
{
    public async Task<IReadOnlyList<StatusUpdates.ReportHistory>> ReadAsync(IReadOnlyCollection<long> reportIds, CancellationToken cancellationToken)
    {
        if (reportIds.Count == 0)
        {
            return [];
        }

        var names = await reference.AgencyNamesAsync(cancellationToken);
        var reports = await db.Reports.AsNoTracking().Where(r => reportIds.Contains(r.Id)).Select(r => new { r.Id, r.TrackingNumber, r.IsPublic }).ToListAsync(cancellationToken);
        var entries = (await db.RoutingEntries.AsNoTracking().Where(e => reportIds.Contains(e.ReportId) && e.Action != RoutingAction.Note)
            .OrderBy(e => e.Id).ToListAsync(cancellationToken)).ToLookup(e => e.ReportId);
        var answers = (await db.Messages.AsNoTracking()
            .Where(m => reportIds.Contains(m.ReportId) && (m.Kind == MessageKind.Response || m.Kind == MessageKind.FinalResponse))
            .Select(m => new { m.ReportId, m.Kind, m.AgencyId, m.CreatedAt, m.Body, m.Visibility })
            .ToListAsync(cancellationToken)).ToLookup(m => m.ReportId);
        var held = (await db.Assignments.AsNoTracking().Where(a => reportIds.Contains(a.ReportId) && a.State == AssignmentState.AwaitingValidation)
            .Select(a => new { a.ReportId, a.AgencyId }).ToListAsync(cancellationToken)).ToLookup(a => a.ReportId, a => a.AgencyId);

        return [.. reports.Select(r => new StatusUpdates.ReportHistory(
            r.TrackingNumber,
            [.. entries[r.Id].Select(e => Entry(e, e.Id, names))],
            [.. answers[r.Id].Select(m => new StatusUpdates.Answer(m.Kind, m.AgencyId, m.CreatedAt, m.Body, r.IsPublic && m.Visibility == MessageVisibility.Public))],
            [.. held[r.Id].Select(id => names.GetValueOrDefault(id, ""))]))];
    }

    /// <summary>An entry as history reads it, known by <paramref name="id"/> (a stand-in for one not saved yet).</summary>
    public static HistoryEntry Entry(RoutingEntry e, long id, IReadOnlyDictionary<int, string> names) =>
        new(e.OccurredAt, e.Action, e.ActorRole, e.FromStatus, e.ToStatus, Name(e.FromAgencyId, names), Name(e.ToAgencyId, names), e.Reason)
        {
            Id = id,
            ToAgencyId = e.ToAgencyId,
        };

    private static string? Name(int? agency, IReadOnlyDictionary<int, string> names) => agency is { } id ? names.GetValueOrDefault(id) : null;
}
