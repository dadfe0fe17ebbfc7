using System.Globalization;
using System.Xml.Serialization;
using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Workflow;
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
/// GET servicerequestupdates (FixMyStreet's Open311 extension, no API key): the updates of public
/// reports between two instants, oldest first, so a client follows with a rolling start date. An
/// update is an event of the public tracking page (<see cref="StatusUpdates"/>): a status change, a
/// response told with its public text, a question to the reporter (as the timeline says it, the
/// question itself being the reporter's), never an internal note, never anybody's identity.
/// Pages are pages of routing entries, so an event is on one page only, and a page can hold fewer
/// updates than <c>Open311:PageSize</c>: the end is the first empty page.
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

    public sealed class Handler(LaporDbContext db, PublicHistories history, StatusUpdates updates, IOptions<Open311Options> options, TimeProvider clock)
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
            // The entries an event can start from (not notes, nor what citizens never read), of public reports.
            var entries = db.RoutingEntries.AsNoTracking().Where(e => e.OccurredAt >= from && e.FromStatus != null
                && e.Action != RoutingAction.Note && e.Action != RoutingAction.RefuseFinal && e.Action != RoutingAction.Entrust
                && e.Action != RoutingAction.AttachTag && e.Action != RoutingAction.RemoveTag && e.Action != RoutingAction.Recategorize);
            entries = end is { } to ? entries.Where(e => e.OccurredAt <= to) : entries;

            var pageSize = options.Value.PageSize;
            var page = await entries
                .Join(db.Reports.Where(PublicReport.IsVisible), e => e.ReportId, r => r.Id, (e, r) => new { e.Id, e.ReportId, e.OccurredAt })
                .OrderBy(x => x.OccurredAt).ThenBy(x => x.Id)
                .Skip((Math.Clamp(query.Page, 1, MaxPage) - 1) * pageSize).Take(pageSize)
                .Select(x => new { x.Id, x.ReportId })
                .ToListAsync(cancellationToken);
            var onPage = page.Select(x => x.Id).ToHashSet();

            // Whether an entry starts an event depends on the report's history around it, so each report's is read whole.
            var histories = await history.ReadAsync([.. page.Select(x => x.ReportId).Distinct()], cancellationToken);
            var found = histories.SelectMany(updates.From).Where(u => onPage.Contains(u.EntryId)).OrderBy(u => u.At).ThenBy(u => u.EntryId).Select(u => u.Update).ToList();

            // An answer as typed may hold control characters that XML cannot carry; they go in both formats.
            found.ForEach(u => u.Description = Open311Result.XmlSafe(u.Description));
            return new Result(found, null);
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
