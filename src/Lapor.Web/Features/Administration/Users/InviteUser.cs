using FluentValidation;
using Lapor.Web.Data;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Features.Shared.Agencies;
using Lapor.Web.Infrastructure.Identity;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.Users;

/// <summary>
/// Inviting staff: an account without a password and a mail whose link lets the person choose one
/// (valid for a day, once). Someone invited before who never chose a password is invited again.
/// </summary>
public static class InviteUser
{
    /// <summary>Bound from the fields <c>email</c>, <c>name</c>, <c>role</c> and <c>agencyId</c>.</summary>
    public sealed class Form
    {
        public string? Email { get; set; }
        public string? Name { get; set; }
        public string? Role { get; set; }
        public int? AgencyId { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<AdministrationResource> t)
        {
            RuleFor(f => f.Role).Must(role => role is not null && Roles.All.Contains(role)).WithMessage(f => t["Users.InviteInvalid", f.Email ?? ""]);
            RuleFor(f => f.Name).NotEmpty().WithMessage(f => t["Users.InviteInvalid", f.Email ?? ""]);
            RuleFor(f => f.Email).Must(email => System.Net.Mail.MailAddress.TryCreate(email, out _)).WithMessage(f => t["Users.InviteInvalid", f.Email ?? ""]);
        }
    }

    /// <summary>What an invitation did: the resource key of the message (taking the address) and whether a mail went out.</summary>
    public sealed record Outcome(bool Sent, string MessageKey);

    /// <summary>Where an invited person chooses a password (valid for a day, once).</summary>
    public static string SetPasswordPath(string userId, string token) => AccountMail.Link("/Account/SetPassword", userId, token);

    public sealed class Handler(LaporDbContext db, UserManager<LaporUser> users, AgencyStaffing staffing, TimeProvider clock)
    {
        /// <summary>Invites with a validated form.</summary>
        public async Task<Outcome> HandleAsync(Form form, string adminId, CancellationToken cancellationToken)
        {
            var (email, role) = (form.Email!, form.Role!);
            if (await users.FindByEmailAsync(email) is { } existing)
            {
                // Someone who never chose a password gets a fresh invitation; anyone else a reset link from their page.
                return existing.PasswordHash is null && !existing.IsDisabled ? await ReinviteAsync(existing, adminId, cancellationToken) : new(false, "Users.AlreadyRegistered");
            }

            var user = new LaporUser { UserName = email.Trim(), Email = email.Trim(), FullName = form.Name!.Trim(), EmailConfirmed = true, CreatedAt = clock.GetUtcNow() };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                return new(false, "Users.InviteInvalid");
            }

            await users.AddToRoleAsync(user, role);
            if (form.AgencyId is { } agency && await db.Agencies.AnyAsync(a => a.Id == agency, cancellationToken))
            {
                db.AgencyMemberships.Add(new AgencyMembership(user.Id, agency));
            }

            QueueInvitation(user, role, await InvitationTokenAsync(user));
            db.AuditEntries.Add(new AuditEntry(AuditAction.RoleChanged, adminId, "User", user.Id, $"invited as {role}", null, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            await staffing.InvalidateAsync(cancellationToken);
            return new(true, "Users.Invited");
        }

        /// <summary>The token of an invitation link (Identity's default provider, valid for a day).</summary>
        public Task<string> InvitationTokenAsync(LaporUser user) =>
            users.GenerateUserTokenAsync(user, TokenOptions.DefaultProvider, PasswordResetTokenProvider.InvitationPurpose);

        private async Task<Outcome> ReinviteAsync(LaporUser user, string adminId, CancellationToken cancellationToken)
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
    }
}
