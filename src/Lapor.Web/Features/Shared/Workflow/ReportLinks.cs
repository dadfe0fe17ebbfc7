using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Lapor.Web.Features.Shared.Workflow;

/// <summary>
/// The signed link in the reporter's confirmation (and in a link asked for again) that opens their
/// whole report in any browser without the access code. The token is Data Protection ciphertext
/// (its own purpose, so no other protected value can pass for it) of the tracking number, a
/// fingerprint of the contact it was sent to and its last day. It holds no access code and no
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

    private readonly IDataProtector _protector = protection.CreateProtector("Lapor.ReportLink.v1");

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
        var plain = $"{trackingNumber}|{Fingerprint(contact)}|{validUntil.DayNumber.ToString(CultureInfo.InvariantCulture)}";
        return new Link(WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes(plain))), validUntil);
    }

    /// <summary>Whether <paramref name="token"/> opens <paramref name="trackingNumber"/> today, and the fingerprint of the contact it was sent to.</summary>
    public (Verdict Verdict, string? Fingerprint) Read(string? token, string trackingNumber, DateTimeOffset now)
    {
        string[] parts;
        try
        {
            parts = string.IsNullOrEmpty(token) || token.Length > 1000
                ? []
                : Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('|');
        }
        catch (Exception error) when (error is CryptographicException or FormatException)
        {
            // Cut short by a mail program, or changed by hand.
            return (Verdict.Invalid, null);
        }

        if (parts.Length != 3 || parts[0] != trackingNumber || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var day))
        {
            return (Verdict.Invalid, null);
        }

        return DateOnly.FromDayNumber(day) < DateOnly.FromDateTime(now.UtcDateTime) ? (Verdict.Expired, null) : (Verdict.Valid, parts[1]);
    }

    /// <summary>Names a contact without holding it: the same address or number, however it was typed, gives the same value.</summary>
    public static string Fingerprint(string contact) =>
        WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes(contact.Trim().ToLowerInvariant())).AsSpan(0, 12));
}
