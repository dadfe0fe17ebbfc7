using System.Security.Claims;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Infrastructure.Identity;
using Lapor.Web.Infrastructure.Notifications;
using Lapor.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Features.Account.Profile;

/// <summary>"Akun Saya" as the person sees it: the second factor, the password form, their sessions and mail choice.</summary>
public static class Overview
{
    /// <summary>Staff accounts carry official history; only a plain citizen account may be deleted by its owner.</summary>
    public static bool IsCitizenOnly(ClaimsPrincipal principal) => Roles.All.Where(r => r != Roles.Citizen).All(r => !principal.IsInRole(r));

    public sealed class Handler(UserManager<LaporUser> users, UserSessions sessions, IOptions<SecurityOptions> security, IOptions<MailOptions> mail)
    {
        public async Task<ProfileView> ShowAsync(LaporUser user, ClaimsPrincipal principal, CancellationToken cancellationToken) => new(
            user.FullName, user.Email ?? "", user.TwoFactorEnabled, await users.CountRecoveryCodesAsync(user),
            TwoFactorEnforcement.IsRequiredFor(principal, security.Value), IsCitizenOnly(principal),
            [.. (await sessions.OpenAsync(user.Id, cancellationToken)).Select(s => new SessionRow(s.Id, DeviceName.Describe(s.Device), s.Address, s.StartedAt, s.LastSeenAt, s.Id == UserSessions.IdOf(principal)))],
            MailChoice.IsOffered(principal, user) ? new MailChoice(user.MailDigest, mail.Value.DigestTime) : null);
    }
}

public sealed record ProfileView(
    string FullName, string Email, bool TwoFactorEnabled, int RecoveryCodesLeft, bool TwoFactorRequired, bool CanDeleteAccount, IReadOnlyList<SessionRow> Sessions,
    MailChoice? Mail)
{
    public ChangePassword.Form ChangePassword { get; init; } = new();
}

/// <summary>One signed-in browser as the person sees it in "Akun Saya".</summary>
public sealed record SessionRow(string Id, string Device, string Address, DateTimeOffset StartedAt, DateTimeOffset LastSeenAt, bool IsThisBrowser);
