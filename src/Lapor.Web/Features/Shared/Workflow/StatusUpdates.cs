using System.Globalization;
using System.Text.Json.Serialization;
using System.Xml.Serialization;
using Lapor.Web.Domain.Integrations;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.History;
using Lapor.Web.Infrastructure.Web;

namespace Lapor.Web.Features.Shared.Workflow;

/// <summary>
/// One public update of a report as FixMyStreet's Open311 extension writes a service request update
/// (<c>request_update</c>): a status change, an agency's response, a question to the reporter — whatever
/// the public tracking page tells. The Open311 <c>servicerequestupdates</c> feed lists them and an API
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
/// Makes <see cref="StatusUpdate"/>s from a report's history, by the rule of the public tracking page
/// (<see cref="HistorySentences.Events"/> for citizens): every event of its public timeline after the
/// filing is an update, and nothing else — no internal note, no refused or held final response, no
/// owner entrusted. The text is the agency's own answer when the public page shows it (a response or
/// final response published as public on a public report), otherwise the timeline's sentence, which
/// never carries what staff or the reporter wrote (a forward's or return's reason included), nor who acted.
/// </summary>
public sealed class StatusUpdates(HistorySentences history, LocalTime localTime)
{
    /// <summary>An agency's response or final response, and whether the public page shows its text.</summary>
    public sealed record Answer(MessageKind Kind, int? AgencyId, DateTimeOffset At, string Body, bool Public);

    /// <summary>
    /// One report's history (every routing entry but internal notes, in id order, agency names looked up
    /// and <see cref="HistoryEntry.Id"/> set), its agencies' answers, and the agencies whose final answer
    /// waits for validation now.
    /// </summary>
    public sealed record ReportHistory(string TrackingNumber, IReadOnlyList<HistoryEntry> Entries, IReadOnlyList<Answer> Answers, IReadOnlyCollection<string> HeldFor);

    /// <summary>An update and the id of the routing entry its event starts from (a feed page or a change holds it).</summary>
    public sealed record Anchored(long EntryId, DateTimeOffset At, StatusUpdate Update);

    /// <summary>
    /// The update's id: the report's tracking number and the instant of the event in Unix milliseconds,
    /// with <c>-2</c>, <c>-3</c>… for a second or third public event of the report at the same instant. It
    /// is known before the change is saved, so the webhook's delivery and the feed's item carry the same id,
    /// and a status change keeps the id it had when only status changes were updates.
    /// </summary>
    public static string UpdateId(string trackingNumber, DateTimeOffset at, int sameInstant = 1) =>
        $"{trackingNumber}-{at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}"
        + (sameInstant > 1 ? "-" + sameInstant.ToString(CultureInfo.InvariantCulture) : "");

    /// <summary>The report's updates, oldest first.</summary>
    public IReadOnlyList<Anchored> From(ReportHistory report)
    {
        var updates = new List<Anchored>();
        var perInstant = new Dictionary<DateTimeOffset, int>();
        StatusUpdate? previous = null;
        // Internal notes are never an update, whoever passes them in; nor is a category change (the request's service_code says the category).
        var entries = report.Entries.Where(e => e.Action is not (RoutingAction.Note or RoutingAction.Recategorize));
        foreach (var (first, agencies) in HistorySentences.Events(entries, Audience.Public, report.HeldFor))
        {
            // The filing is the POST's own answer, not an update (nor was it when only status changes were).
            if (first.FromStatus is null)
            {
                continue;
            }

            var answer = PublicAnswer(first, report.Answers);
            var description = answer ?? history.Sentence(first with { ToAgency = agencies }, Audience.Public);

            // As on the public page, a line that only repeats the one before is one line (two supports in a row).
            if (answer is null && previous is not null && previous.Description == description && previous.ExternalStatusCode == first.ToStatus.ToString())
            {
                continue;
            }

            var sameInstant = perInstant[first.At] = perInstant.GetValueOrDefault(first.At) + 1;
            var archiveReason = first.ToStatus == ReportStatus.Archived && Enum.TryParse<ArchiveReason>(first.Reason, out var reason) ? reason : (ArchiveReason?)null;
            previous = new StatusUpdate
            {
                UpdateId = UpdateId(report.TrackingNumber, first.At, sameInstant),
                ServiceRequestId = report.TrackingNumber,
                Status = Open311Status.Of(first.ToStatus, archiveReason),
                ExternalStatusCode = first.ToStatus.ToString(),
                UpdatedDatetime = localTime.W3c(first.At),
                Description = description,
            };
            updates.Add(new Anchored(first.Id, first.At, previous));
        }

        return updates;
    }

    /// <summary>
    /// The text of the answer an event published, when the public may read it: the agency's latest answer
    /// of that kind at the event (a validated final response was written before its validation).
    /// </summary>
    private static string? PublicAnswer(HistoryEntry entry, IReadOnlyList<Answer> answers)
    {
        MessageKind? kind = entry.Action switch
        {
            RoutingAction.FirstResponse => MessageKind.Response,
            RoutingAction.FinalResponse => MessageKind.FinalResponse,
            _ => null,
        };
        var answer = kind is null ? null : answers.Where(a => a.Kind == kind && a.AgencyId == entry.ToAgencyId && a.At <= entry.At).MaxBy(a => a.At);
        return answer is { Public: true } ? answer.Body : null;
    }
}
