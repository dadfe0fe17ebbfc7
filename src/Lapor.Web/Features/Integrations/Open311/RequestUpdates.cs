using System.Globalization;
using System.Xml.Serialization;
using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.History;
using Lapor.Web.Features.Shared.Workflow;
using Lapor.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Features.Integrations.Open311;

/// <summary>The updates feed as XML names it (FixMyStreet's extension): <c>service_request_updates</c> of <c>request_update</c>; a bare array in JSON.</summary>
[XmlRoot("service_request_updates")]
public sealed class RequestUpdateList : IOpen311Document
{
    [XmlElement("request_update")] public List<StatusUpdate> Items { get; set; } = [];

    [XmlIgnore] public object Json => Items;
}

/// <summary>
/// GET servicerequestupdates (FixMyStreet's Open311 extension, no API key): the status changes of
/// public reports between two instants, oldest first, so a client follows with a rolling start date.
/// Only public reports, only status changes (an internal note changes none), and each told in the
/// public timeline's words: nothing staff or the reporter wrote, nobody's identity.
/// </summary>
public static class RequestUpdates
{
    public sealed class Query
    {
        public string? StartDate { get; init; }
        public string? EndDate { get; init; }
        public int Page { get; init; } = 1;
    }

    /// <summary>Either the updates, or the resource key of what was wrong with the query.</summary>
    public sealed record Result(IReadOnlyList<StatusUpdate> Updates, string? Error);

    public sealed class Handler(LaporDbContext db, ReferenceData reference, StatusUpdates updates, IOptions<Open311Options> options, TimeProvider clock)
    {
        /// <summary>Without a start date, the last day (FixMyStreet asks for the last two hours).</summary>
        private static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(1);

        private const int MaxPage = 100_000;

        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            if (!TryParseDate(query.StartDate, out var start) || !TryParseDate(query.EndDate, out var end) || start > end)
            {
                return new Result([], "Open311.Error.BadDate");
            }

            // A day before the end, or from the beginning of time for an end within the first day (0001-01-01).
            var until = end ?? clock.GetUtcNow();
            var from = start ?? (until - DateTimeOffset.MinValue < DefaultWindow ? DateTimeOffset.MinValue : until.Subtract(DefaultWindow));
            var entries = db.RoutingEntries.AsNoTracking()
                .Where(e => e.OccurredAt >= from && e.FromStatus != null && e.FromStatus != e.ToStatus && e.Action != RoutingAction.Note);
            entries = end is { } to ? entries.Where(e => e.OccurredAt <= to) : entries;

            var pageSize = options.Value.PageSize;
            var rows = await entries
                .Join(db.Reports.Where(PublicReport.IsVisible), e => e.ReportId, r => r.Id, (e, r) => new { Entry = e, r.TrackingNumber })
                .OrderBy(x => x.Entry.OccurredAt).ThenBy(x => x.Entry.Id)
                .Skip((Math.Clamp(query.Page, 1, MaxPage) - 1) * pageSize).Take(pageSize)
                .ToListAsync(cancellationToken);

            var names = await reference.AgencyNamesAsync(cancellationToken);
            string? Name(int? agency) => agency is { } id ? names.GetValueOrDefault(id) : null;
            return new Result(updates.From(rows.Select(x => new StatusUpdates.Change(x.TrackingNumber, new HistoryEntry(
                x.Entry.OccurredAt, x.Entry.Action, x.Entry.ActorRole, x.Entry.FromStatus, x.Entry.ToStatus, Name(x.Entry.FromAgencyId), Name(x.Entry.ToAgencyId), x.Entry.Reason)))), null);
        }

        /// <summary>A W3C date-time (with an offset, or a date alone); empty means "not given". In UTC, as the instants are stored.</summary>
        private static bool TryParseDate(string? value, out DateTimeOffset? parsed)
        {
            parsed = null;
            if (string.IsNullOrWhiteSpace(value))
            {
                return true;
            }

            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            {
                parsed = instant.ToUniversalTime();
                return true;
            }

            return false;
        }
    }
}
