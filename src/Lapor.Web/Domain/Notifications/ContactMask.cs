using System.Text.RegularExpressions;

namespace Lapor.Web.Domain.Notifications;

/// <summary>
/// Hides e-mail addresses and phone numbers, so what administrators and logs see of a delivery
/// never carries a reporter's contact. Mail servers quote the address they refuse
/// ("550 5.1.1 &lt;siti@contoh.id&gt;: Recipient address rejected"), so error texts are masked too,
/// not only the recipient column. Enough stays to recognise a typo or a dead domain: the first
/// character and the domain of an address, the last four digits of a number.
/// </summary>
public static partial class ContactMask
{
    /// <summary>The shortest Indonesian number with its area code, e.g. "021 555 123".</summary>
    private const int MinimumPhoneDigits = 9;

    /// <summary>One recipient: an e-mail address, or a phone number or chat id.</summary>
    public static string Recipient(string recipient)
    {
        var at = recipient.LastIndexOf('@');
        if (at >= 0)
        {
            return at < recipient.Length - 1 ? $"{FirstVisible(recipient[..at])}***@{recipient[(at + 1)..]}" : "***";
        }

        return recipient.Length <= 4 ? "****" : "***" + recipient[^4..];
    }

    /// <summary>
    /// Free text (an error message, say) with every e-mail address and phone number masked, and
    /// also <paramref name="recipient"/> wherever it appears in another shape (a chat id).
    /// Masking a masked text changes nothing.
    /// </summary>
    public static string Text(string text, string? recipient = null)
    {
        if (recipient is { Length: >= 5 })
        {
            text = text.Replace(recipient, Recipient(recipient), StringComparison.OrdinalIgnoreCase);
        }

        text = EmailAddress().Replace(text, m => Recipient(m.Value));
        return PhoneNumber().Replace(text, MaskPhone);
    }

    private static string MaskPhone(Match match)
    {
        var digits = match.Value.Where(char.IsAsciiDigit).ToArray();
        return digits.Length < MinimumPhoneDigits || IPv4Address().IsMatch(match.Value) ? match.Value : "***" + new string(digits[^4..]);
    }

    /// <summary>The first letter or digit of an address's local part; nothing when it has none, so a masked address masks to itself.</summary>
    private static string FirstVisible(string local) => local.FirstOrDefault(char.IsLetterOrDigit) is var c and not '\0' ? c.ToString() : "";

    /// <summary>
    /// A dot-atom or quoted local part, then a domain of letters, digits and hyphens (international
    /// names too) or an address literal.
    /// </summary>
    [GeneratedRegex("""(?:"(?:[^"\\\r\n]|\\.)*"|[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*)@(?:\[[^\]\s]*\]|[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*)""")]
    private static partial Regex EmailAddress();

    /// <summary>
    /// A number written as Indonesians and gateways write it: 0812-3456-7890, (021) 555 1234,
    /// +62 812 3456 7890, 6281234567890, or any +country number; single spaces, dots, hyphens and
    /// brackets may group the digits. Shorter runs (dates, SMTP codes, ports) are left alone.
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}_])(?:\+\s?\(?\d|\(0|0|62)(?:\)?[ .\-]?\(?\d){6,14}")]
    private static partial Regex PhoneNumber();

    /// <summary>A server's address such as 62.12.134.156 is not a phone number.</summary>
    [GeneratedRegex(@"^\d{1,3}(?:\.\d{1,3}){3}$")]
    private static partial Regex IPv4Address();
}
