using System.Security.Cryptography;
using System.Text;

namespace Lapor.Web.Domain.Notifications;

/// <summary>
/// When a reporter last wrote to Lapor on a channel: WhatsApp lets a business answer with free text
/// only within 24 hours of that (<see cref="CustomerServiceWindow"/>). The number or chat id is kept
/// as a SHA-256 hash, not in clear: this table only has to recognise it again, and stays out of the
/// reporter's personal data that erasure removes.
/// </summary>
public sealed class ChannelContact
{
    private ChannelContact() { }

    public ChannelContact(NotificationChannel channel, string address, DateTimeOffset at) =>
        (Channel, AddressHash, LastInboundAt) = (channel, HashOf(channel, address), at);

    public NotificationChannel Channel { get; private set; }

    /// <summary>Hex SHA-256 of the normalised address (<see cref="HashOf"/>).</summary>
    public string AddressHash { get; private set; } = "";

    public DateTimeOffset LastInboundAt { get; private set; }

    /// <summary>
    /// A phone number by the digits of its E.164 form ("+62 812-3456-7890", "6281234567890" and "081234567890"
    /// are one reporter, <see cref="PhoneNumber"/>), a chat id as given; hashed so the table never holds a contact.
    /// </summary>
    public static string HashOf(NotificationChannel channel, string address)
    {
        var trimmed = address.Trim();
        var normalised = channel is NotificationChannel.Sms or NotificationChannel.WhatsApp
            ? new string([.. (PhoneNumber.Canonical(trimmed) ?? trimmed).Where(char.IsAsciiDigit)])
            : trimmed;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{channel}:{normalised}")));
    }
}

/// <summary>How a WhatsApp reply goes out.</summary>
public enum WhatsAppMessageKind
{
    /// <summary>Free text: allowed within the customer-service window.</summary>
    Text,

    /// <summary>An approved template: the only thing a business may send outside the window.</summary>
    Template,
}

/// <summary>
/// WhatsApp's customer-service window: 24 hours from the reporter's last message to the business
/// number. Inside it a reply is free text; outside it (or when the reporter never wrote on WhatsApp)
/// only an approved template may be sent, its body parameters on one line.
/// </summary>
public static class CustomerServiceWindow
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(24);

    /// <summary>Template body parameters are at most this long (Meta's limit for a template's body).</summary>
    public const int MaxParameterLength = 1024;

    public static bool IsOpen(DateTimeOffset? lastInbound, DateTimeOffset now) => lastInbound is { } at && now - at < Length;

    public static WhatsAppMessageKind Choose(DateTimeOffset? lastInbound, DateTimeOffset now) =>
        IsOpen(lastInbound, now) ? WhatsAppMessageKind.Text : WhatsAppMessageKind.Template;

    /// <summary>
    /// A text as a template parameter: WhatsApp refuses new lines, tabs and more than four spaces in a
    /// row there, so lines are joined with " · " and runs of white space become one space; cut with "…".
    /// </summary>
    public static string AsParameter(string text, int maxLength = MaxParameterLength)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var oneLine = System.Text.RegularExpressions.Regex.Replace(string.Join(" · ", lines), @"\s+", " ");
        return oneLine.Length <= maxLength ? oneLine : oneLine[..(maxLength - 1)].TrimEnd() + "…";
    }
}
