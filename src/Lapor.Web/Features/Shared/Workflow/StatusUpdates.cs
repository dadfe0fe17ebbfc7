using System.Globalization;
using System.Text.Json.Serialization;
using System.Xml.Serialization;
using Lapor.Web.Domain.Integrations;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.History;
using Lapor.Web.Infrastructure.Web;

namespace Lapor.Web.Features.Shared.Workflow;

/// <summary>
/// One status change of a report as FixMyStreet's Open311 extension writes a service request update
/// (<c>request_update</c>): the Open311 <c>servicerequestupdates</c> feed lists them and an API
/// client's webhook receives them one by one, with the same fields. Null fields are left out.
/// </summary>
public sealed class StatusUpdate
{
    [JsonPropertyName("update_id"), XmlElement("update_id")] public string UpdateId { get; set; } = "";
    [JsonPropertyName("service_request_id"), XmlElement("service_request_id")] public string ServiceRequestId { get; set; } = "";
    [JsonPropertyName("status"), XmlElement("status")] public string Status { get; set; } = "";

    /// <summary>Lapor's own status name (FixMyStreet's optional <c>external_status_code</c>).</summary>
    [JsonPropertyName("external_status_code"), XmlElement("external_status_code")] public string ExternalStatusCode { get; set; } = "";
    [JsonPropertyName("updated_datetime"), XmlElement("updated_datetime")] public string UpdatedDatetime { get; set; } = "";
    [JsonPropertyName("description"), XmlElement("description")] public string Description { get; set; } = "";

    /// <summary>Never set today: a report's files are not public. Kept so clients find the field they expect.</summary>
    [JsonPropertyName("media_url"), XmlElement("media_url")] public string? MediaUrl { get; set; }
}

/// <summary>
/// Makes <see cref="StatusUpdate"/>s from routing entries. A status change is an update; entries one
/// transition writes at the same instant (one per agency) are one update, from the first entry's
/// status to the last one's. The text is the sentence the public timeline shows for the step: it
/// never carries what staff or the reporter wrote, nor who acted.
/// </summary>
public sealed class StatusUpdates(HistorySentences history, LocalTime localTime)
{
    /// <summary>One routing entry, with the report's number and agency names already looked up.</summary>
    public sealed record Change(string TrackingNumber, HistoryEntry Entry);

    /// <summary>
    /// The update's id: the report's tracking number and the instant of the change in Unix
    /// milliseconds. It is known before the change is saved, so the webhook's delivery and the
    /// feed's item carry the same id.
    /// </summary>
    public static string UpdateId(string trackingNumber, DateTimeOffset at) =>
        $"{trackingNumber}-{at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The updates among these entries (in history order): the transitions whose status differs before and after.</summary>
    public IReadOnlyList<StatusUpdate> From(IEnumerable<Change> changes)
    {
        var updates = new List<StatusUpdate>();
        foreach (var transition in Transitions(changes))
        {
            var (first, last) = (transition[0].Entry, transition[^1].Entry);
            if (first.FromStatus is not { } from || from == last.ToStatus)
            {
                continue;
            }

            var archiveReason = last.ToStatus == ReportStatus.Archived && Enum.TryParse<ArchiveReason>(last.Reason, out var reason) ? reason : (ArchiveReason?)null;
            updates.Add(new StatusUpdate
            {
                UpdateId = UpdateId(transition[0].TrackingNumber, first.At),
                ServiceRequestId = transition[0].TrackingNumber,
                Status = Open311Status.Of(last.ToStatus, archiveReason),
                ExternalStatusCode = last.ToStatus.ToString(),
                UpdatedDatetime = localTime.W3c(first.At),
                Description = history.Sentence(first, Audience.Citizen),
            });
        }

        return updates;
    }

    private static IEnumerable<List<Change>> Transitions(IEnumerable<Change> changes)
    {
        List<Change>? current = null;
        foreach (var change in changes)
        {
            if (current is [var head, ..] && head.TrackingNumber == change.TrackingNumber && head.Entry.At == change.Entry.At)
            {
                current.Add(change);
                continue;
            }

            if (current is not null)
            {
                yield return current;
            }

            current = [change];
        }

        if (current is not null)
        {
            yield return current;
        }
    }
}
