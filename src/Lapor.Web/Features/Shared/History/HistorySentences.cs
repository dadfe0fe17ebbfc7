using System.Globalization;
using System.Text.RegularExpressions;
using Lapor.Web.Domain.Reports;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Shared.History;

/// <summary>One routing entry as a page loads it, with agency ids already turned into names.</summary>
public sealed record HistoryEntry(
    DateTimeOffset At, RoutingAction Action, ActorRole Role, ReportStatus? FromStatus, ReportStatus ToStatus, string? FromAgency, string? ToAgency, string? Reason)
{
    /// <summary>The routing entry's id, where a reader needs to know which entry an event starts from (the Open311 updates).</summary>
    public long Id { get; init; }

    /// <summary>The id behind <see cref="ToAgency"/>, where a reader matches the entry with that agency's message.</summary>
    public int? ToAgencyId { get; init; }

    /// <summary>A category change's categories in the reader's language (<see cref="HistoryCategories.Named"/>), as agency ids become names.</summary>
    public string? FromCategory { get; init; }

    public string? ToCategory { get; init; }
}

/// <summary>
/// One line of a report's history as shown: a sentence, when, the status after it in the reader's
/// words, and for staff the role that acted (citizens are not told).
/// </summary>
public sealed record HistoryLine(DateTimeOffset At, string Text, ActorRole? Role, ReportStatus Status, string StatusLabel);

/// <summary>
/// Tells a report's history in sentences in the reader's language, never in internal codes
/// (DESIGN §5). Each action has a resource key <c>History.{Action}</c> (escalations
/// <c>History.Escalate.{Rung}</c>) with placeholders {Agency}, {FromAgency}, {Reason}, {Deadline}
/// and {Date}; text in [square brackets] is left out when a placeholder in it has no value. A new
/// action needs only its keys; until it has them it reads as <c>History.Other</c>.
/// Citizens never get free text (staff's reasons, the reporter's own words on a public page).
/// </summary>
public sealed partial class HistorySentences(IStringLocalizer<SharedResource> t)
{
    /// <summary>
    /// The lines of a history in order: one per event, and a line that only repeats the one before it is
    /// left out. For citizens, final responses count from the moment they reached them: an answer held
    /// for validation (<paramref name="heldFor"/>: agencies whose answer waits now) or refused is not
    /// shown, and a validated one reads as that agency's final response.
    /// </summary>
    public IReadOnlyList<HistoryLine> Lines(IEnumerable<HistoryEntry> entries, Audience audience, IReadOnlyCollection<string>? heldFor = null)
    {
        var lines = new List<HistoryLine>();
        foreach (var (entry, agencies) in Events(entries, audience, heldFor))
        {
            var line = new HistoryLine(entry.At, Sentence(entry with { ToAgency = agencies }, audience), audience == Audience.Staff ? entry.Role : null, entry.ToStatus,
                t[StatusLabels.Key(entry.ToStatus, audience)].Value);
            if (lines is [.., var last] && last.Text == line.Text && last.StatusLabel == line.StatusLabel && last.Role == line.Role)
            {
                continue;
            }

            lines.Add(line);
        }

        return lines;
    }

    /// <summary>
    /// The events of a history as <paramref name="audience"/> reads them (for citizens: no refused or held final
    /// responses, a validated one as that agency's final response), each as its first entry with the agencies of
    /// all its entries, before any line that repeats another is dropped.
    /// </summary>
    public static IReadOnlyList<(HistoryEntry First, string? Agencies)> Events(IEnumerable<HistoryEntry> entries, Audience audience, IReadOnlyCollection<string>? heldFor = null) =>
        Grouped(audience != Audience.Staff ? AsTheReporterSawIt([.. entries], heldFor ?? []) : entries);

    private static IEnumerable<HistoryEntry> AsTheReporterSawIt(IReadOnlyList<HistoryEntry> entries, IReadOnlyCollection<string> heldFor)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            switch (entry.Action)
            {
                case RoutingAction.RefuseFinal or RoutingAction.Entrust or RoutingAction.AttachTag or RoutingAction.RemoveTag:
                    continue;
                case RoutingAction.ValidateFinal:
                    yield return entry with { Action = RoutingAction.FinalResponse };
                    continue;
                case RoutingAction.FinalResponse:
                    var agency = entry.ToAgency;
                    var decision = entries.Skip(i + 1).FirstOrDefault(e => e.ToAgency == agency
                        && e.Action is RoutingAction.FinalResponse or RoutingAction.ValidateFinal or RoutingAction.RefuseFinal);
                    var held = decision is null ? agency is not null && heldFor.Contains(agency) : decision.Action != RoutingAction.FinalResponse;
                    if (!held)
                    {
                        yield return entry;
                    }

                    continue;
                default:
                    yield return entry;
                    continue;
            }
        }
    }

    public string Sentence(HistoryEntry entry, Audience audience)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Agency"] = entry.ToAgency,
            ["FromAgency"] = entry.FromAgency,
            ["Reason"] = Reason(entry, audience),
            ["FromCategory"] = entry.FromCategory,
            ["ToCategory"] = entry.ToCategory,
        };
        string? variant = null;
        if (entry.Action == RoutingAction.Escalate && EscalationCode.TryParse(entry.Reason, out var code))
        {
            variant = code.Rung.ToString();
            values["Deadline"] = Find($"Deadline.{code.Deadline}");
            values["Date"] = code.DueOn.ToString("d MMMM yyyy", CultureInfo.CurrentUICulture);
        }
        else if (entry.Action == RoutingAction.Escalate && entry.Role == ActorRole.Citizen)
        {
            variant = "ByReporter";
        }

        var template = (variant is null ? null : Find($"History.{entry.Action}.{variant}"))
            ?? Find($"History.{entry.Action}")
            ?? t["History.Other"].Value;
        return Fill(template, values);
    }

    /// <summary>
    /// An archive's reason is its category code, said in words to everyone. Anything else the system
    /// writes is a code too and is never shown as it stands; what people write is for staff only.
    /// </summary>
    private string? Reason(HistoryEntry entry, Audience audience)
    {
        if (entry.Action == RoutingAction.Archive)
        {
            return Enum.GetNames<ArchiveReason>().Contains(entry.Reason, StringComparer.Ordinal) ? Find($"ArchiveReason.{entry.Reason}") : null;
        }

        return audience == Audience.Staff && entry.Role != ActorRole.System && !string.IsNullOrWhiteSpace(entry.Reason) ? entry.Reason.Trim() : null;
    }

    /// <summary>
    /// Entries of one event: those one transition writes per agency at the same instant, and an
    /// escalation (deadline, rung, due date) however many agencies or runs recorded it. Each event
    /// keeps its first entry, with the agencies of all its entries.
    /// </summary>
    private static List<(HistoryEntry First, string? Agencies)> Grouped(IEnumerable<HistoryEntry> entries)
    {
        var events = new List<(HistoryEntry First, List<string> Agencies)>();
        var escalations = new Dictionary<EscalationCode, int>();
        foreach (var entry in entries)
        {
            int? into = null;
            if (entry.Action == RoutingAction.Escalate && EscalationCode.TryParse(entry.Reason, out var code))
            {
                if (escalations.TryGetValue(code, out var index))
                {
                    into = index;
                }
                else
                {
                    escalations[code] = events.Count;
                }
            }
            else if (events is [.., var last] && SameTransition(last.First, entry))
            {
                into = events.Count - 1;
            }

            if (into is not { } i)
            {
                events.Add((entry, entry.ToAgency is { } agency ? [agency] : []));
            }
            else if (entry.ToAgency is { } agency && !events[i].Agencies.Contains(agency))
            {
                events[i].Agencies.Add(agency);
            }
        }

        return [.. events.Select(e => (e.First, e.Agencies.Count == 0 ? null : string.Join(", ", e.Agencies)))];
    }

    private static bool SameTransition(HistoryEntry a, HistoryEntry b) =>
        a.At == b.At && a.Action == b.Action && a.Role == b.Role && a.FromStatus == b.FromStatus && a.ToStatus == b.ToStatus
        && a.FromAgency == b.FromAgency && a.Reason == b.Reason;

    private string? Find(string key) => t[key] is { ResourceNotFound: false } found ? found.Value : null;

    /// <summary>Fills {Name} placeholders in one pass (a value is never read as a template) and drops [segments] missing a value.</summary>
    private static string Fill(string template, Dictionary<string, string?> values)
    {
        string? Value(Match placeholder) =>
            values.GetValueOrDefault(placeholder.Groups["name"].Value) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

        return Part().Replace(template, part =>
        {
            if (!part.Groups["optional"].Success)
            {
                return Value(part) ?? "";
            }

            var inner = part.Groups["optional"].Value;
            return Placeholder().Matches(inner).All(p => Value(p) is not null) ? Placeholder().Replace(inner, p => Value(p)!) : "";
        }).Trim();
    }

    [GeneratedRegex(@"\[(?<optional>[^\[\]]*)\]|\{(?<name>[A-Za-z]+)\}")]
    private static partial Regex Part();

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
