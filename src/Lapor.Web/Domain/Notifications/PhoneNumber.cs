namespace Lapor.Web.Domain.Notifications;

/// <summary>How a phone number is written for a gateway that wants it one particular way.</summary>
public enum PhoneNumberFormat
{
    /// <summary>E.164 with its plus: <c>+6281234567890</c>.</summary>
    E164,

    /// <summary>Indonesian national format with the trunk prefix: <c>081234567890</c> (a foreign number stays E.164).</summary>
    National,

    /// <summary>E.164 without the plus: <c>6281234567890</c>.</summary>
    DigitsOnly,
}

/// <summary>
/// One spelling of a reporter's phone number. SMS gateways and WhatsApp write the same number as
/// <c>+6281234567890</c>, <c>6281234567890</c>, <c>081234567890</c> or <c>0812-3456-7890</c>; a
/// conversation, its reports and WhatsApp's 24-hour window must see one reporter in all of them, so
/// every number is kept in E.164 (<see cref="Canonical"/>). Indonesian numbers are recognised by their
/// trunk prefix 0, the country code 62 with or without a plus, or the international prefix 00; other
/// countries' numbers are taken only with their plus (or 00), as written. Anything else — a short code,
/// a sender name such as "TELKOMSEL", a number too short or too long — is no number: rejected, not guessed.
/// </summary>
public static class PhoneNumber
{
    public const string IndonesiaCode = "62";

    /// <summary>
    /// Digits of an Indonesian number after 62 (the national significant number): from a short area
    /// number such as 21 555 123 up to the longest mobile numbers (812 3456 78901).
    /// </summary>
    private const int MinIndonesianDigits = 8;

    private const int MaxIndonesianDigits = 12;

    /// <summary>The shortest international number taken (country code included), and E.164's longest.</summary>
    private const int MinInternationalDigits = 8;

    private const int MaxInternationalDigits = 15;

    /// <summary>The E.164 form (<c>+62…</c>) of <paramref name="written"/>, or null when it is not a plausible phone number.</summary>
    public static string? Canonical(string? written)
    {
        if (string.IsNullOrWhiteSpace(written) || written.Length > 40)
        {
            return null;
        }

        // The grouping people and gateways use; anything else (letters, a second plus) makes it no number.
        var compact = new string([.. written.Trim().Where(c => c is not (' ' or '-' or '.' or '(' or ')' or '\u00A0'))]);
        var international = compact.StartsWith('+');
        var digits = international ? compact[1..] : compact;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        if (!international && digits.StartsWith("00", StringComparison.Ordinal))
        {
            (international, digits) = (true, digits[2..]);
        }

        string? national;
        if (digits.StartsWith(IndonesiaCode, StringComparison.Ordinal) && (international || !digits.StartsWith('0')))
        {
            // "+62 (0)812…": the trunk 0 written after the country code is not dialled.
            national = digits[IndonesiaCode.Length..];
            national = national.StartsWith('0') ? national[1..] : national;
        }
        else if (international)
        {
            return digits.Length is >= MinInternationalDigits and <= MaxInternationalDigits && digits[0] != '0' ? "+" + digits : null;
        }
        else if (digits.StartsWith('0'))
        {
            national = digits[1..];
        }
        else
        {
            // "81234567890": a number without any prefix could be from anywhere.
            return null;
        }

        return national.Length is >= MinIndonesianDigits and <= MaxIndonesianDigits && national[0] != '0' ? "+" + IndonesiaCode + national : null;
    }

    /// <summary><paramref name="written"/> in the spelling <paramref name="format"/> asks for; as written when it is no number (so nothing is lost).</summary>
    public static string Format(string written, PhoneNumberFormat format)
    {
        if (Canonical(written) is not { } e164)
        {
            return written.Trim();
        }

        return format switch
        {
            PhoneNumberFormat.DigitsOnly => e164[1..],
            PhoneNumberFormat.National when e164.StartsWith("+" + IndonesiaCode, StringComparison.Ordinal) => "0" + e164[(IndonesiaCode.Length + 1)..],
            _ => e164,
        };
    }
}
