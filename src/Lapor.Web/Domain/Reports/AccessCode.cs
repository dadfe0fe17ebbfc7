using System.Security.Cryptography;
using System.Text;

namespace Lapor.Web.Domain.Reports;

/// <summary>
/// The secret a guest uses to open their report. Shown once, stored as a salted PBKDF2 hash.
/// 12 symbols of 30 give ~58 bits; with the rate limit on tracking that is far beyond guessing.
/// </summary>
public static class AccessCode
{
    private const int Iterations = 100_000;

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
        var hash = Derive(Canonical(code), salt);
        return $"{Convert.ToBase64String(salt)}.{Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string? code, string? stored)
    {
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrEmpty(stored) || stored.Split('.') is not [var saltText, var hashText])
        {
            return false;
        }

        var expected = Convert.FromBase64String(hashText);
        return CryptographicOperations.FixedTimeEquals(Derive(Canonical(code), Convert.FromBase64String(saltText)), expected);
    }

    private static string Canonical(string code) =>
        new([.. code.ToUpperInvariant().Where(char.IsLetterOrDigit)]);

    private static byte[] Derive(string code, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(code), salt, Iterations, HashAlgorithmName.SHA256, 32);
}
