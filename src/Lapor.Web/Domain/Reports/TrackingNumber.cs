using System.Security.Cryptography;

namespace Lapor.Web.Domain.Reports;

/// <summary>
/// LPR-XXXX-XXXX over an alphabet without look-alikes (no 0/O, 1/I/L, U). Eight random symbols of
/// 30 give ~39 bits: not guessable in sequence; the access code, not the number, guards the details.
/// </summary>
public static class TrackingNumber
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const string Prefix = "LPR-";

    public static string New()
    {
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"{Prefix}{chars[..4]}-{chars[4..]}";
    }

    /// <summary>Accepts what people type (lower case, spaces, missing dashes) and returns the canonical form, or null.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var compact = new string([.. input.ToUpperInvariant().Where(char.IsLetterOrDigit)]);
        if (compact.StartsWith("LPR", StringComparison.Ordinal))
        {
            compact = compact[3..];
        }

        if (compact.Length != 8 || compact.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return null;
        }

        return $"{Prefix}{compact[..4]}-{compact[4..]}";
    }
}
