using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Lapor.Web.Features.Shared.Workflow;

/// <summary>
/// The signed link in the reporter's confirmation (and in a link asked for again, and in every chat or
/// SMS reply) that opens their whole report in any browser without the access code. The token is Data
/// Protection ciphertext of a fingerprint of the contact it was sent to and its last day, under a
/// purpose that names the tracking number (so no other protected value, and no other report's link,
/// can pass for it). Those 15 bytes in binary keep the token at 134 characters, short enough for an
/// SMS; the first version (until December 2026) also held the tracking number, as text, in 176
/// characters, and is still read until its last links expire. It holds no access code and no
/// contact in clear. It stops working after <see cref="Lifetime"/>, when the contact it was sent to
/// is no longer on file (erased by the retention job or the reporter's account deletion, or changed),
/// or when the key ring's keys are revoked.
/// </summary>
public sealed class ReportLinks(IDataProtectionProvider protection)
{
    /// <summary>
    /// A mailbox outlives the report's need for the link and mails get forwarded: 30 days covers
    /// verification and the agency's first answer, and a new link is one request away after that.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private readonly IDataProtector _protector = protection.CreateProtector("Lapor.ReportLink.v2");

    /// <summary>The first version's tokens: the tracking number, fingerprint and last day as text.</summary>
    private readonly IDataProtector _firstVersion = protection.CreateProtector("Lapor.ReportLink.v1");

    private const int FingerprintBytes = 12;
    private const int DayBytes = 3;

    public sealed record Link(string Token, DateOnly ValidUntil);

    public enum Verdict
    {
        Valid,
        Expired,
        Invalid,
    }

    /// <summary>A token for <paramref name="trackingNumber"/>, bound to the contact it is sent to.</summary>
    public Link Create(string trackingNumber, string contact, DateTimeOffset now)
    {
        var validUntil = DateOnly.FromDateTime(now.UtcDateTime.Add(Lifetime));
        var plain = new byte[FingerprintBytes + DayBytes];
        FingerprintOf(contact).CopyTo(plain, 0);
        var day = validUntil.DayNumber;
        (plain[^3], plain[^2], plain[^1]) = ((byte)(day >> 16), (byte)(day >> 8), (byte)day);
        return new Link(WebEncoders.Base64UrlEncode(_protector.CreateProtector(trackingNumber).Protect(plain)), validUntil);
    }

    /// <summary>Whether <paramref name="token"/> opens <paramref name="trackingNumber"/> today, and the fingerprint of the contact it was sent to.</summary>
    public (Verdict Verdict, string? Fingerprint) Read(string? token, string trackingNumber, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return (Verdict.Invalid, null);
        }

        (string Fingerprint, int Day)? read;
        try
        {
            var sealedBytes = WebEncoders.Base64UrlDecode(token);
            read = Current(sealedBytes, trackingNumber) ?? FirstVersion(sealedBytes, trackingNumber);
        }
        catch (FormatException)
        {
            // Cut short by a mail program, or changed by hand.
            return (Verdict.Invalid, null);
        }

        return read switch
        {
            null => (Verdict.Invalid, null),
            var (_, day) when DateOnly.FromDayNumber(day) < DateOnly.FromDateTime(now.UtcDateTime) => (Verdict.Expired, null),
            var (fingerprint, _) => (Verdict.Valid, fingerprint),
        };
    }

    private (string Fingerprint, int Day)? Current(byte[] sealedBytes, string trackingNumber)
    {
        byte[] plain;
        try
        {
            plain = _protector.CreateProtector(trackingNumber).Unprotect(sealedBytes);
        }
        catch (CryptographicException)
        {
            return null;
        }

        return plain.Length == FingerprintBytes + DayBytes
            ? (WebEncoders.Base64UrlEncode(plain, 0, FingerprintBytes), (plain[^3] << 16) | (plain[^2] << 8) | plain[^1])
            : null;
    }

    private (string Fingerprint, int Day)? FirstVersion(byte[] sealedBytes, string trackingNumber)
    {
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(_firstVersion.Unprotect(sealedBytes)).Split('|');
        }
        catch (CryptographicException)
        {
            return null;
        }

        return parts.Length == 3 && parts[0] == trackingNumber && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            ? (parts[1], day)
            : null;
    }

    /// <summary>A first-version token, as links sent before the second version read (for the test that they still open).</summary>
    internal Link CreateFirstVersion(string trackingNumber, string contact, DateTimeOffset now)
    {
        var validUntil = DateOnly.FromDateTime(now.UtcDateTime.Add(Lifetime));
        var plain = $"{trackingNumber}|{Fingerprint(contact)}|{validUntil.DayNumber.ToString(CultureInfo.InvariantCulture)}";
        return new Link(WebEncoders.Base64UrlEncode(_firstVersion.Protect(Encoding.UTF8.GetBytes(plain))), validUntil);
    }

    /// <summary>Names a contact without holding it: the same address or number, however it was typed, gives the same value.</summary>
    public static string Fingerprint(string contact) => WebEncoders.Base64UrlEncode(FingerprintOf(contact));

    private static byte[] FingerprintOf(string contact) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(contact.Trim().ToLowerInvariant()))[..FingerprintBytes];
}
