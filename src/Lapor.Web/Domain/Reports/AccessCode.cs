using System.Security.Cryptography;
using System.Text;

namespace Lapor.Web.Domain.Reports;

/// <summary>
/// The secret a guest uses to open their report. Shown once, stored as a salted PBKDF2 hash.
/// 12 random symbols of 30 give ~58 bits; with the rate limit on tracking that is far beyond guessing.
/// Being random rather than chosen by a person, it does not need a password's work factor: 10,000
/// iterations put an offline search for one code at thousands of GPU-years, and cost filing 3 ms
/// instead of 26 (earlier codes, stored without an iteration count, used 100,000 and still verify).
/// </summary>
public static class AccessCode
{
    private const int Iterations = 10_000;
    private const int LegacyIterations = 100_000;
    private const string Scheme = "pbkdf2";

    public static string New()
    {
        Span<char> chars = stackalloc char[12];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = TrackingNumber.Alphabet[RandomNumberGenerator.GetInt32(TrackingNumber.Alphabet.Length)];
        }

        return $"{chars[..4]}-{chars[4..8]}-{chars[8..]}";
    }

    public static string Hash(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Derive(Canonical(code), salt, Iterations);
        return $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string? code, string? stored)
    {
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrEmpty(stored))
        {
            return false;
        }

        var (iterations, saltText, hashText) = stored.Split('$') is [Scheme, var count, var salt, var hash] && int.TryParse(count, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
            ? (n, salt, hash)
            : stored.Split('.') is [var legacySalt, var legacyHash] ? (LegacyIterations, legacySalt, legacyHash) : (0, "", "");
        if (iterations == 0)
        {
            return false;
        }

        var expected = Convert.FromBase64String(hashText);
        return CryptographicOperations.FixedTimeEquals(Derive(Canonical(code), Convert.FromBase64String(saltText), iterations), expected);
    }

    private static string Canonical(string code) =>
        new([.. code.ToUpperInvariant().Where(char.IsLetterOrDigit)]);

    private static byte[] Derive(string code, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(code), salt, iterations, HashAlgorithmName.SHA256, 32);
}
