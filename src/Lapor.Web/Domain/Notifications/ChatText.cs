namespace Lapor.Web.Domain.Notifications;

/// <summary>
/// How much of a staff answer a reply on a chat channel carries: the whole text when it fits, else its
/// start cut at a word with "…" — the rest is on the report page the message links to. Each channel
/// has its own room: an SMS is paid per segment, a WhatsApp or Telegram text takes 4096 characters,
/// and a WhatsApp template parameter (outside the 24-hour window) 1024.
/// </summary>
public static class ChatText
{
    /// <summary>Room for the whole message on a channel; the answer gets what the rest of the message leaves.</summary>
    public static int MaxMessageLength(NotificationChannel channel) => channel switch
    {
        // Four GSM segments (4 × 153): the wording, the private link and a useful part of the answer.
        NotificationChannel.Sms => 4 * GsmText.PerSegmentWhenSplit,
        _ => 4096,
    };

    /// <summary>The longest answer an SMS carries, whatever room is left: a feature phone shows the rest badly.</summary>
    public const int MaxSmsAnswerLength = 300;

    /// <summary>
    /// Room for the message in the WhatsApp template's parameter (Meta's limit, 1024), less what joining
    /// its lines with " · " adds (<see cref="CustomerServiceWindow.AsParameter"/>), so its end — the link — is never cut.
    /// </summary>
    public const int MaxWhatsAppTemplateMessageLength = CustomerServiceWindow.MaxParameterLength - 24;

    /// <summary>
    /// <paramref name="text"/> in at most <paramref name="maxLength"/> characters: cut at the last
    /// white space before the limit (when that keeps most of it) and ended with "…"; empty when there is no room.
    /// </summary>
    public static string Clip(string text, int maxLength)
    {
        text = text.Trim();
        if (text.Length <= maxLength)
        {
            return text;
        }

        if (maxLength <= 1)
        {
            return "";
        }

        var cut = text[..(maxLength - 1)];
        var space = cut.LastIndexOfAny([' ', '\n', '\t']);
        if (space > maxLength / 2)
        {
            cut = cut[..space];
        }

        return cut.TrimEnd(' ', '\n', '\t', ',', ';', ':', '.', '-') + "…";
    }
}
