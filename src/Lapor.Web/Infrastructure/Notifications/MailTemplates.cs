using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Lapor.Web.Infrastructure.Notifications;

/// <summary>
/// Turns an outbox row into a mail: subject and body come from the resource files
/// (<c>Mail.{Template}.Subject</c>, <c>Mail.{Template}.Body</c>) in the recipient's language, with
/// <c>{Name}</c> placeholders filled from the row's payload.
/// </summary>
public sealed class MailTemplates(IStringLocalizerFactory localizers, IOptions<MailOptions> options)
{
    private readonly IStringLocalizer _t = localizers.Create(typeof(SharedResource));

    public MimeMessage Compose(string template, string recipient, string culture, string payloadJson) =>
        InCulture(culture, payloadJson, values =>
        {
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse(options.Value.From));
            message.To.Add(MailboxAddress.Parse(recipient));
            message.Subject = Fill(_t[$"Mail.{template}.Subject"], values);
            message.Body = new TextPart("plain") { Text = Fill(_t[$"Mail.{template}.Body"], values) + "\n\n" + _t["Mail.Footer"] };
            return message;
        });

    /// <summary>A short text for a chat or SMS reply: <c>Chat.{Template}</c> in the recipient's language.</summary>
    public string ComposeText(string template, string culture, string payloadJson) =>
        InCulture(culture, payloadJson, values => Fill(_t[$"Chat.{template}"], values));

    private T InCulture<T>(string culture, string payloadJson, Func<Dictionary<string, string>, T> compose)
    {
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(payloadJson) ?? [];
        values["BaseUrl"] = options.Value.PublicBaseUrl.TrimEnd('/');
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);

            // A payload entry named "SomethingKey" holds a resource key; it fills {Something} in the recipient's language.
            // Only the app writes such entries; what users typed (titles) is always plain text.
            return compose(values.ToDictionary(
                pair => pair.Key.EndsWith("Key", StringComparison.Ordinal) ? pair.Key[..^3] : pair.Key,
                pair => pair.Key.EndsWith("Key", StringComparison.Ordinal) ? _t[pair.Value].Value : pair.Value));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static string Fill(string text, Dictionary<string, string> values) =>
        values.Aggregate(text, (current, pair) => current.Replace("{" + pair.Key + "}", pair.Value, StringComparison.Ordinal));
}
