using Lapor.Web.Data;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Infrastructure.Identity;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Administration.Users;

/// <summary>Administrators manage accounts: roles, agency memberships, and disabling (which ends the person's sessions).</summary>
public sealed class UserAdmin(LaporDbContext db, UserManager<LaporUser> users, UserSessions sessions, Shared.Agencies.AgencyStaffing staffing, TimeProvider clock)
{
    public sealed record Row(string Id, string Email, string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Agencies, bool Disabled, DateTimeOffset? LastSignIn);

    public sealed record Editing(string Id, string Email, string Name, IReadOnlyList<string> Roles, IReadOnlyList<int> Agencies, bool Disabled, bool TwoFactorEnabled);

    public async Task<List<Row>> ListAsync(string? role, CancellationToken cancellationToken)
    {
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Id, u.Email, u.FullName, u.IsDisabled, u.LastSignInAt,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                Agencies = db.AgencyMemberships.Where(m => m.UserId == u.Id).Join(db.Agencies, m => m.AgencyId, a => a.Id, (_, a) => a.Name).ToList(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Where(r => role is null || r.Roles.Contains(role)).Select(r => new Row(r.Id, r.Email ?? "", r.FullName, r.Roles, r.Agencies, r.IsDisabled, r.LastSignInAt))];
    }

    public async Task<Editing?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return null;
        }

        var agencies = await db.AgencyMemberships.Where(m => m.UserId == id).Select(m => m.AgencyId).ToListAsync(cancellationToken);
        return new Editing(user.Id, user.Email ?? "", user.FullName, [.. await users.GetRolesAsync(user)], agencies, user.IsDisabled, user.TwoFactorEnabled);
    }

    /// <summary>What an invitation did: the resource key of the message (taking the address) and whether a mail went out.</summary>
    public sealed record InviteOutcome(bool Sent, string MessageKey);

    /// <summary>
    /// Creates a staff account without a password and queues an invitation whose link lets the person
    /// choose one (valid for a day, once).
    /// </summary>
    public async Task<InviteOutcome> InviteAsync(string email, string name, string role, int? agencyId, string adminId, CancellationToken cancellationToken)
    {
        if (!Roles.All.Contains(role) || string.IsNullOrWhiteSpace(name) || !System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            return new(false, "Users.InviteInvalid");
        }

        if (await users.FindByEmailAsync(email) is { } existing)
        {
            // Someone who never chose a password gets a fresh invitation; anyone else a reset link from their page.
            return existing.PasswordHash is null && !existing.IsDisabled ? await ReinviteAsync(existing, adminId, cancellationToken) : new(false, "Users.AlreadyRegistered");
        }

        var user = new LaporUser { UserName = email.Trim(), Email = email.Trim(), FullName = name.Trim(), EmailConfirmed = true, CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return new(false, "Users.InviteInvalid");
        }

        await users.AddToRoleAsync(user, role);
        if (agencyId is { } agency && await db.Agencies.AnyAsync(a => a.Id == agency, cancellationToken))
        {
            db.AgencyMemberships.Add(new AgencyMembership(user.Id, agency));
        }

        QueueInvitation(user, role, await InvitationTokenAsync(user));
        db.AuditEntries.Add(new AuditEntry(AuditAction.RoleChanged, adminId, "User", user.Id, $"invited as {role}", null, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        await staffing.InvalidateAsync(cancellationToken);
        return new(true, "Users.Invited");
    }

    /// <summary>Where an invited person chooses a password (valid for a day, once).</summary>
    public static string SetPasswordPath(string userId, string token) => AccountMail.Link("/Account/SetPassword", userId, token);

    /// <summary>The token of an invitation link (Identity's default provider, valid for a day).</summary>
    public Task<string> InvitationTokenAsync(LaporUser user) =>
        users.GenerateUserTokenAsync(user, TokenOptions.DefaultProvider, PasswordResetTokenProvider.InvitationPurpose);

    private async Task<InviteOutcome> ReinviteAsync(LaporUser user, string adminId, CancellationToken cancellationToken)
    {
        // A new stamp voids the earlier invitation's link: only the newest one works.
        await users.UpdateSecurityStampAsync(user);
        var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? Roles.Citizen;
        QueueInvitation(user, role, await InvitationTokenAsync(user));
        db.AuditEntries.Add(new AuditEntry(AuditAction.RoleChanged, adminId, "User", user.Id, "invitation sent again", null, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return new(true, "Users.Reinvited");
    }

    private void QueueInvitation(LaporUser user, string role, string token) =>
        AccountMail.Queue(db, user, "Invitation", clock.GetUtcNow(), new Dictionary<string, string>
        {
            ["RoleKey"] = $"Role.{role}",
            ["Link"] = SetPasswordPath(user.Id, token),
        });

    /// <summary>
    /// Sends the person a link to choose a new password (an hour, once) and ends their sessions at once:
    /// the administrator acts on a report of a lost or stolen password. Returns false for an unknown account.
    /// </summary>
    public async Task<bool> SendPasswordResetAsync(string id, string adminId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || user.IsDisabled)
        {
            return false;
        }

        // The old password stops working now (it may be the stolen one); a random hash, not none, so the
        // account is not taken for one that was never set up. Then the stamp changes: the link's token is
        // bound to the new one, every old cookie to the old one.
        user.PasswordHash = users.PasswordHasher.HashPassword(user, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        await users.UpdateSecurityStampAsync(user); // saves the hash with the new stamp
        await sessions.EndAllAsync(user.Id);
        AccountMail.Queue(db, user, AccountMail.PasswordResetByAdministrator, clock.GetUtcNow(), new Dictionary<string, string>
        {
            ["Link"] = AccountMail.Link("/Account/ResetPassword", user.Id, await users.GeneratePasswordResetTokenAsync(user)),
        });
        db.AuditEntries.Add(new AuditEntry(AuditAction.PasswordResetSent, adminId, "User", user.Id, null, null, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Turns the person's second factor off (a lost phone without recovery codes): they set it up again
    /// at their next sign-in when their role requires it. Their sessions end; they are told by mail.
    /// </summary>
    public async Task<bool> ResetTwoFactorAsync(string id, string adminId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return false;
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await sessions.EndAllAsync(user.Id);
        AccountMail.Queue(db, user, AccountMail.TwoFactorReset, clock.GetUtcNow());
        db.AuditEntries.Add(new AuditEntry(AuditAction.TwoFactorReset, adminId, "User", user.Id, null, null, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Applies the form; any change to roles, agencies or the disabled flag ends the person's current sessions.</summary>
    public async Task<bool> SaveAsync(string id, IReadOnlyCollection<string> roles, IReadOnlyCollection<int> agencies, bool disabled, string adminId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return false;
        }

        var wanted = roles.Where(Roles.All.Contains).ToHashSet();
        var current = (await users.GetRolesAsync(user)).ToHashSet();
        var now = clock.GetUtcNow();
        var changed = false;
        if (!wanted.SetEquals(current))
        {
            await users.RemoveFromRolesAsync(user, current.Except(wanted));
            await users.AddToRolesAsync(user, wanted.Except(current));
            db.AuditEntries.Add(new AuditEntry(AuditAction.RoleChanged, adminId, "User", user.Id, string.Join(",", wanted.Order()), null, now));
            changed = true;
        }

        var memberships = await db.AgencyMemberships.Where(m => m.UserId == id).ToListAsync(cancellationToken);
        var valid = await db.Agencies.Where(a => agencies.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        if (!memberships.Select(m => m.AgencyId).ToHashSet().SetEquals(valid))
        {
            db.AgencyMemberships.RemoveRange(memberships.Where(m => !valid.Contains(m.AgencyId)));
            db.AgencyMemberships.AddRange(valid.Where(a => memberships.All(m => m.AgencyId != a)).Select(a => new AgencyMembership(id, a)));
            db.AuditEntries.Add(new AuditEntry(AuditAction.RoleChanged, adminId, "User", user.Id, "agencies: " + string.Join(",", valid.Order()), null, now));
            changed = true;
        }

        if (user.IsDisabled != disabled)
        {
            user.IsDisabled = disabled;
            db.AuditEntries.Add(new AuditEntry(disabled ? AuditAction.UserDisabled : AuditAction.RoleChanged, adminId, "User", user.Id, disabled ? "disabled" : "enabled", null, now));
            changed = true;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (changed)
        {
            // A new security stamp invalidates every cookie issued before: the person signs in again, with the new rights.
            await users.UpdateSecurityStampAsync(user);
            await sessions.EndAllAsync(user.Id);

            // The pickers' "no liaison officer yet" marks follow roles, memberships and the disabled flag.
            await staffing.InvalidateAsync(cancellationToken);
        }

        return true;
    }
}
