using System.Globalization;
using Lapor.Web.Data;
using Lapor.Web.Domain.Integrations;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.History;
using Lapor.Web.Features.Shared.Maps;
using Lapor.Web.Infrastructure.Caching;
using Lapor.Web.Infrastructure.Integrations;
using Lapor.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Features.Integrations.Open311;

/// <summary>
/// GET requests: public reports only (<see cref="PublicReport.IsVisible"/>: verified, routed, never
/// confidential), with what the public report page shows and nothing about the reporter. Like the public
/// map, the point is rounded to about 100 m and, with the address, left out for an anonymous report (a
/// location can point at its reporter's home). By id, an app also reads the reports it filed before they are
/// public: with the POST's <c>token</c>, or with the api_key of the client that filed them.
/// </summary>
public static class ServiceRequests
{
    /// <summary>The query as GeoReport v2 names it, plus <c>page</c> (an extension: the specification has no paging).</summary>
    public sealed class Query
    {
        public string? ServiceRequestId { get; init; }
        public string? ServiceCode { get; init; }
        public string? StartDate { get; init; }
        public string? EndDate { get; init; }
        public string? Status { get; init; }
        public int Page { get; init; } = 1;

        /// <summary>Optional: a key with the "read" permission (its own rate applies, and its own reports answer by id).</summary>
        public string? ApiKey { get; init; }

        /// <summary>Optional (an extension): the token a POST answered, which opens that report by id before it is public.</summary>
        public string? Token { get; init; }
    }

    /// <summary>Either the requests, or the resource key of what was wrong with the query, its status and any wait.</summary>
    public sealed record Result(IReadOnlyList<ServiceRequest> Requests, string? Error, int Status = StatusCodes.Status400BadRequest, int? RetryAfterSeconds = null);

    public sealed class Handler(
        LaporDbContext db, ReferenceData reference, ApiClientGate gate, IOptions<Open311Options> options, LocalTime localTime, IStringLocalizer<IntegrationsResource> t, TimeProvider clock)
    {
        private const int DefaultDays = 90;

        /// <summary>Beyond this a page number is nonsense (and would overflow the offset).</summary>
        private const int MaxPage = 100_000;

        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            int? reader = null;
            if (!string.IsNullOrWhiteSpace(query.ApiKey))
            {
                var check = await gate.CheckKeyAsync(query.ApiKey, ApiOperations.ReadRequests, cancellationToken);
                switch (check.Outcome)
                {
                    case ApiKeyOutcome.TooManyRequests:
                        return new Result([], "Open311.Error.TooManyRequests", StatusCodes.Status429TooManyRequests, check.RetryAfterSeconds);
                    case not ApiKeyOutcome.Allowed:
                        return new Result([], "Open311.Error.ReadKey", StatusCodes.Status403Forbidden);
                }

                reader = check.Client!.Id;
                await db.SaveChangesAsync(cancellationToken); // the client's last use
            }

            var reports = db.Reports.AsNoTracking().Where(PublicReport.IsVisible);
            if (List(query.ServiceRequestId) is { Count: > 0 } ids)
            {
                // The specification: with service_request_id every other parameter is ignored.
                // Besides the public ones, the reports this app filed: by the POST's token, or by the filing client's key.
                Guid? token = Guid.TryParseExact(query.Token?.Trim(), "N", out var parsed) ? parsed : null;
                reports = db.Reports.AsNoTracking().Where(r => ids.Contains(r.TrackingNumber)).Where(r => r.IsPublic
                    || (token != null && r.Channel == Channel.Api && r.SubmissionToken == token)
                    || (reader != null && db.ApiSubmissions.Any(s => s.ReportId == r.Id && s.ApiClientId == reader)));
            }
            else
            {
                if (!TryParseDate(query.StartDate, out var start) || !TryParseDate(query.EndDate, out var end))
                {
                    return new Result([], "Open311.Error.BadDate");
                }

                if (List(query.ServiceCode) is { Count: > 0 } codes)
                {
                    if (codes.Any(c => !int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
                    {
                        return new Result([], "Open311.Error.ServiceNotFound");
                    }

                    var wanted = codes.Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList();
                    reports = reports.Where(r => r.CategoryId != null && wanted.Contains(r.CategoryId.Value));
                }

                if (List(query.Status) is { Count: > 0 } statuses)
                {
                    if (statuses.Any(s => s is not ("open" or "closed")))
                    {
                        return new Result([], "Open311.Error.BadStatus");
                    }

                    var open = statuses.Contains("open");
                    var closed = statuses.Contains("closed");
                    reports = open && closed ? reports : reports.Where(r => (r.Status == ReportStatus.Completed) == closed);
                }

                // Without dates, the last 90 days (as the specification suggests).
                start ??= end is null ? clock.GetUtcNow().AddDays(-DefaultDays) : null;
                reports = start is { } from ? reports.Where(r => r.SubmittedAt >= from) : reports;
                reports = end is { } to ? reports.Where(r => r.SubmittedAt <= to) : reports;
            }

            var pageSize = options.Value.PageSize;
            var rows = await reports
                .OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id)
                .Skip((Math.Clamp(query.Page, 1, MaxPage) - 1) * pageSize).Take(pageSize)
                .Select(r => new
                {
                    r.TrackingNumber, r.Status, r.CategoryId, Text = r.PublicSummary ?? r.Body, r.SubmittedAt, r.UpdatedAt,
                    r.Location, r.Latitude, r.Longitude, r.IsAnonymous,
                    Agencies = r.Assignments.Where(a => a.State != AssignmentState.Returned && a.State != AssignmentState.Forwarded && a.State != AssignmentState.Withdrawn).Select(a => a.AgencyId).ToList(),
                    DueOn = r.Assignments.Where(a => a.State == AssignmentState.Dispositioned || a.State == AssignmentState.InProgress || a.State == AssignmentState.AwaitingReporter || a.State == AssignmentState.FinalResponded)
                        .Max(a => (DateOnly?)a.CompletionDueOn),
                })
                .ToListAsync(cancellationToken);

            var agencies = await reference.AgencyNamesAsync(cancellationToken);
            var categories = (await reference.CategoriesAsync(cancellationToken)).ToDictionary(c => c.Id);
            var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
            return new Result([.. rows.Select(r =>
            {
                var point = MapPoint.Public(r.Latitude, r.Longitude, r.IsAnonymous);
                return new ServiceRequest
                {
                    ServiceRequestId = r.TrackingNumber,
                    Status = r.Status == ReportStatus.Completed ? "closed" : "open",
                    StatusNotes = t[StatusLabels.Key(r.Status, Audience.Public)].Value, // read by citizens' apps, by anyone: the plain label
                    // Text as typed may hold control characters that XML cannot carry; they go in both formats.
                    ServiceCode = r.CategoryId?.ToString(CultureInfo.InvariantCulture),
                    ServiceName = r.CategoryId is { } category && categories.TryGetValue(category, out var c) ? Open311Result.XmlSafe(c.NameIn(english)) : null,
                    Description = Open311Result.XmlSafe(Shortened(r.Text)),
                    AgencyResponsible = r.Agencies.Count == 0 ? null : Open311Result.XmlSafe(string.Join("; ", r.Agencies.Distinct().Select(a => agencies.GetValueOrDefault(a, "?")))),
                    RequestedDatetime = localTime.W3c(r.SubmittedAt),
                    UpdatedDatetime = localTime.W3c(r.UpdatedAt),
                    // The end of the last open agency's completion day.
                    ExpectedDatetime = r.DueOn is { } due ? localTime.W3c(localTime.At(due, new TimeOnly(23, 59, 59))) : null,
                    // No media_url: the portal serves a report's files to its reporter and staff only, never at a public address.
                    Address = r.IsAnonymous || string.IsNullOrWhiteSpace(r.Location) ? null : Open311Result.XmlSafe(r.Location),
                    Latitude = point?.Latitude,
                    Longitude = point?.Longitude,
                };
            })], null);
        }

        /// <summary>At most the specification's 4,000 characters (reports filed before that limit, or on the web, can be longer).</summary>
        private static string Shortened(string text) =>
            text.Length <= NewServiceRequest.MaxDescription ? text : string.Concat(text.AsSpan(0, NewServiceRequest.MaxDescription - 1), "…");

        private static List<string> List(string? value) =>
            value is null ? [] : [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

        /// <summary>A W3C date-time (ISO 8601 with an offset, or a date alone); empty means "not given".</summary>
        private static bool TryParseDate(string? value, out DateTimeOffset? parsed)
        {
            parsed = null;
            if (string.IsNullOrWhiteSpace(value))
            {
                return true;
            }

            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            {
                // In UTC: the SQLite provider compares stored instants by their clock time, so the offsets must agree.
                parsed = instant.ToUniversalTime();
                return true;
            }

            return false;
        }
    }
}
