using System.Text.Json;
using Lapor.Web.Data;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Infrastructure.Notifications;

/// <summary>
/// Mail about the account itself (verify the address, reset or changed password, new sign-in
/// settings): an outbox row in the person's language, saved with the change that causes it.
/// Texts are <c>Mail.{Template}.Subject/Body</c>; <c>{Name}</c> is always filled in.
/// </summary>
public static class AccountMail
{
    public const string ConfirmEmail = "ConfirmEmail";
    public const string RegistrationAttempt = "RegistrationAttempt";
    public const string PasswordReset = "PasswordReset";
    public const string PasswordResetByAdministrator = "PasswordResetByAdministrator";
    public const string PasswordChanged = "PasswordChanged";
    public const string TwoFactorReset = "TwoFactorReset";
    public const string TwoFactorChanged = "TwoFactorChanged";

    public static void Queue(LaporDbContext db, LaporUser user, string template, DateTimeOffset now, IReadOnlyDictionary<string, string>? values = null)
    {
        var payload = new Dictionary<string, string>(values ?? new Dictionary<string, string>()) { ["Name"] = user.FullName };
        db.OutboxMessages.Add(new OutboxMessage(NotificationChannel.Email, template, user.Email!, user.PreferredCulture, JsonSerializer.Serialize(payload), null, now));
    }

    /// <summary>The shortest time between two mails of the same kind to one account, however many people ask.</summary>
    public static readonly TimeSpan ResendAfter = TimeSpan.FromMinutes(5);

    /// <summary>Whether one of <paramref name="templates"/> went to the person within <see cref="ResendAfter"/>: nobody can flood an inbox.</summary>
    public static Task<bool> SentRecentlyAsync(LaporDbContext db, LaporUser user, DateTimeOffset now, params string[] templates) =>
        db.OutboxMessages.AnyAsync(m => m.Recipient == user.Email && templates.Contains(m.Template) && m.CreatedAt > now - ResendAfter);

    /// <summary>A link into the account pages with the account id and a token, for the mails above.</summary>
    public static string Link(string path, string userId, string token) =>
        $"{path}?userId={Uri.EscapeDataString(userId)}&token={Uri.EscapeDataString(token)}";
}
