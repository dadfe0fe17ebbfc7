using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Lapor.Web.Infrastructure.Notifications;

/// <summary>
/// Turns an outbox row into a mail: subject and body come from the resource files
/// (<c>Mail.{Template}.Subject</c>, <c>Mail.{Template}.Body</c>) in the recipient's language, with
/// <c>{Name}</c> placeholders filled from the row's payload. Two payload conventions:
/// an entry named "SomethingKey" holds a resource key and fills <c>{Something}</c> with its text, and
/// an entry named "SomethingOn" holding a <see cref="Date"/> value is written out in the reader's
/// language ("27 Oktober 2026", "27 October 2026"), never as 2026-10-27.
/// </summary>
public sealed partial class MailTemplates(IStringLocalizerFactory localizers, IOptions<MailOptions> options)
{
    private const string IsoDate = "yyyy-MM-dd";
    private readonly IStringLocalizer _t = localizers.Create(typeof(SharedResource));

    /// <summary>A date as a payload value under a key ending in "On" (e.g. "DueOn"): the mail writes it out in the reader's language.</summary>
    public static string Date(DateOnly date) => date.ToString(IsoDate, CultureInfo.InvariantCulture);

    public MimeMessage Compose(string template, string recipient, string culture, string payloadJson) =>
        InCulture(culture, payloadJson, values => Mail(template, recipient, values));

    /// <summary>The subject line alone, for an in-app notice: the same words as the mail it goes with.</summary>
    public string Subject(string template, string culture, string payloadJson) =>
        InCulture(culture, payloadJson, values => Fill(_t[$"Mail.{template}.Subject"], values));

    /// <summary>The payload entry holding a staff answer's text, which a chat reply carries as far as there is room.</summary>
    public const string AnswerEntry = "Response";

    /// <summary>
    /// A short text for a chat or SMS reply: <c>Chat.{Template}</c> in the recipient's language. When
    /// it is longer than <paramref name="maxLength"/>, the answer in it (<see cref="AnswerEntry"/>,
    /// also kept to <paramref name="maxAnswerLength"/>) is clipped (<see cref="ChatText.Clip"/>), never
    /// the wording or the link after it.
    /// </summary>
    public string ComposeText(string template, string culture, string payloadJson, int maxLength = int.MaxValue, int maxAnswerLength = int.MaxValue) =>
        InCulture(culture, payloadJson, values =>
        {
            var text = _t[$"Chat.{template}"].Value;
            if (!values.ContainsKey("LinkToken"))
            {
                // A row queued before chat news carried the private link (one waiting for its channel, say): the plain page, never a broken link.
                text = text.Replace("/tautan?t={LinkToken}", "", StringComparison.Ordinal);
            }

            if (!values.TryGetValue(AnswerEntry, out var answer))
            {
                return Fill(text, values);
            }

            values[AnswerEntry] = ChatText.Clip(answer, maxAnswerLength);
            var filled = Fill(text, values);
            if (filled.Length > maxLength)
            {
                values[AnswerEntry] = ChatText.Clip(answer, Math.Max(0, values[AnswerEntry].Length - (filled.Length - maxLength)));
                filled = Fill(text, values);
            }

            return filled;
        });

    /// <summary>
    /// The daily digest (<c>Mail.Digest.*</c>): one entry per held message, its subject line and a
    /// link to the report, oldest first.
    /// </summary>
    public MimeMessage ComposeDigest(string recipient, string culture, IReadOnlyList<OutboxMessage> items)
    {
        var entries = items.Select(item => InCulture(culture, item.PayloadJson, values =>
            "• " + Fill(_t[$"Mail.{item.Template}.Subject"], values)
            + (values.TryGetValue("TrackingNumber", out var number) ? $"\n  {number}: {values["BaseUrl"]}/inbox/{number}" : "")));
        var digest = new Dictionary<string, string>
        {
            ["Count"] = items.Count.ToString(CultureInfo.InvariantCulture),
            ["Items"] = string.Join("\n\n", entries),
        };
        return InCulture(culture, JsonSerializer.Serialize(digest), values => Mail("Digest", recipient, values));
    }

    private MimeMessage Mail(string template, string recipient, Dictionary<string, string> values)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Value.From));
        message.To.Add(MailboxAddress.Parse(recipient));
        message.Subject = Fill(_t[$"Mail.{template}.Subject"], values);
        message.Body = new TextPart("plain") { Text = Fill(_t[$"Mail.{template}.Body"], values) + "\n\n" + _t["Mail.Footer"] };
        return message;
    }

    private T InCulture<T>(string culture, string payloadJson, Func<Dictionary<string, string>, T> compose)
    {
        var payload = JsonSerializer.Deserialize<Dictionary<string, string>>(payloadJson) ?? [];
        var reader = new CultureInfo(culture);
        return UiCulture.Run(reader, () =>
        {
            // Only the app writes "Key" and "On" entries; what users typed (titles) is always plain text.
            var values = payload.ToDictionary(pair => Placeholder(pair.Key), pair => Value(pair.Key, pair.Value, reader));
            values["BaseUrl"] = options.Value.PublicBaseUrl.TrimEnd('/');
            return compose(values);
        });
    }

    private static string Placeholder(string key) => key.EndsWith("Key", StringComparison.Ordinal) ? key[..^3] : key;

    /// <summary>"Key" entries are resource keys, "On" entries dates, "Page" entries paths of the portal (made whole with the base address).</summary>
    private string Value(string key, string value, CultureInfo reader) =>
        key.EndsWith("Key", StringComparison.Ordinal) ? _t[value].Value
        : key.EndsWith("Page", StringComparison.Ordinal) && value.StartsWith('/') ? options.Value.PublicBaseUrl.TrimEnd('/') + value
        : key.EndsWith("On", StringComparison.Ordinal) && DateOnly.TryParseExact(value, IsoDate, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("d MMMM yyyy", reader)
            : value;

    /// <summary>
    /// One pass over the text: a filled-in value (a title with "{TrackingNumber}" in it, say) is never filled again.
    /// A placeholder this event has no value for (the reason of an archive the system made) says nothing,
    /// and a line left empty by it goes: the reader never sees "{Reason}".
    /// </summary>
    private static string Fill(string text, Dictionary<string, string> values) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n')
            .Select(line => (Line: line, Filled: PlaceholderPattern().Replace(line, m => values.GetValueOrDefault(m.Groups[1].Value, ""))))
            .Where(l => l.Filled.Trim().Length > 0 || l.Line.Trim().Length == 0)
            .Select(l => l.Filled));

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex PlaceholderPattern();
}
