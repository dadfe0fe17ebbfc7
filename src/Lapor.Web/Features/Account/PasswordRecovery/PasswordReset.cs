using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Lapor.Web.Data;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Infrastructure.Identity;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Account.PasswordRecovery;

/// <summary>
/// "Lupa kata sandi" and choosing a password from a link: a reset link from the forgotten-password
/// form (an hour) or an invitation to a new staff account (a day). Either link works once.
/// </summary>
public static class PasswordReset
{
    public sealed class RequestForm
    {
        [Display(Name = "Account.Email")]
        public string? Email { get; set; }
    }

    public sealed class RequestValidator : AbstractValidator<RequestForm>
    {
        public RequestValidator(IStringLocalizer<AccountResource> t)
        {
            RuleFor(f => f.Email)
                .NotEmpty().WithMessage(_ => t["Validation.Required", t["Account.Email"]])
                .EmailAddress().WithMessage(_ => t["Validation.Email"])
                .MaximumLength(256).WithMessage(_ => t["Validation.MaxLength", t["Account.Email"], 256]);
        }
    }

    /// <summary>Which link brought the person here: the two differ only in validity and wording.</summary>
    public enum LinkKind
    {
        Reset,
        Invitation,
    }

    public sealed class NewPasswordForm
    {
        public LinkKind Kind { get; set; }

        /// <summary>False when the link was used or has expired: the page then offers a new one instead of the form.</summary>
        public bool LinkUsable { get; set; } = true;

        public string? UserId { get; set; }
        public string? Token { get; set; }

        [Display(Name = "Account.NewPassword")]
        public string? Password { get; set; }

        [Display(Name = "Account.ConfirmPassword")]
        public string? ConfirmPassword { get; set; }
    }

    public sealed class NewPasswordValidator : AbstractValidator<NewPasswordForm>
    {
        public NewPasswordValidator(IStringLocalizer<AccountResource> t)
        {
            RuleFor(f => f.Password).NewPassword(t, "Account.NewPassword");
            RuleFor(f => f.ConfirmPassword).SameAs(f => f.Password, t);
        }
    }

    public enum Outcome
    {
        Done,
        InvalidLink,
        WeakPassword,
    }

    public sealed class Handler(UserManager<LaporUser> users, UserSessions sessions, SignInThrottle throttle, LaporDbContext db, TimeProvider clock)
    {
        /// <summary>
        /// Queues a reset link when the address has an active account, and nothing otherwise: the page
        /// answers the same either way (ASVS 6.4.x, no account enumeration).
        /// </summary>
        public async Task RequestAsync(string email, string? address)
        {
            var user = await users.FindByEmailAsync(email.Trim());
            if (user is null || user.IsDisabled)
            {
                return;
            }

            var now = clock.GetUtcNow();
            if (await AccountMail.SentRecentlyAsync(db, user, now, AccountMail.PasswordReset))
            {
                return;
            }

            AccountMail.Queue(db, user, AccountMail.PasswordReset, now, new Dictionary<string, string>
            {
                ["Link"] = AccountMail.Link("/Account/ResetPassword", user.Id, await users.GeneratePasswordResetTokenAsync(user)),
            });
            db.AuditEntries.Add(new AuditEntry(AuditAction.PasswordResetRequested, user.Id, "Account", user.Id, null, address, now));
            await db.SaveChangesAsync();
        }

        /// <summary>Whether a link still works, so a used or expired one says so before anything is typed.</summary>
        public async Task<bool> IsUsableAsync(LinkKind kind, string? userId, string? token)
        {
            var user = userId is null || string.IsNullOrEmpty(token) ? null : await users.FindByIdAsync(userId);
            return user is { IsDisabled: false } && (kind == LinkKind.Reset
                ? await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<LaporUser>.ResetPasswordTokenPurpose, token!)
                : await users.VerifyUserTokenAsync(user, TokenOptions.DefaultProvider, PasswordResetTokenProvider.InvitationPurpose, token!));
        }

        /// <summary>
        /// Sets the password if the link is good, with the usual password rules. Every session of the
        /// account ends (the stamp changes too), the address counts as proven, and the owner is told.
        /// </summary>
        public async Task<(Outcome Outcome, IReadOnlyList<IdentityError> Problems)> SetAsync(NewPasswordForm form, string address)
        {
            var user = form.UserId is null || string.IsNullOrEmpty(form.Token) ? null : await users.FindByIdAsync(form.UserId);
            if (user is null || user.IsDisabled)
            {
                return (Outcome.InvalidLink, []);
            }

            var resetToken = form.Kind == LinkKind.Reset ? form.Token!
                : await users.VerifyUserTokenAsync(user, TokenOptions.DefaultProvider, PasswordResetTokenProvider.InvitationPurpose, form.Token!) ? await users.GeneratePasswordResetTokenAsync(user)
                : null;
            // A link that sets the password proves the mailbox too: saved with the password, or not at all.
            var wasConfirmed = user.EmailConfirmed;
            user.EmailConfirmed = true;
            var result = resetToken is null ? IdentityResult.Failed() : await users.ResetPasswordAsync(user, resetToken, form.Password!);
            if (!result.Succeeded)
            {
                user.EmailConfirmed = wasConfirmed;
                // A weak password is the person's to fix; any other failure means the link is bad or already used.
                var weak = result.Errors.Where(e => e.Code.StartsWith("Password", StringComparison.Ordinal)).ToList();
                return weak.Count > 0 ? (Outcome.WeakPassword, weak) : (Outcome.InvalidLink, []);
            }

            var now = clock.GetUtcNow();
            await sessions.EndAllAsync(user.Id);
            await throttle.ClearAsync(user.Email!, address);
            if (form.Kind == LinkKind.Reset)
            {
                AccountMail.Queue(db, user, AccountMail.PasswordChanged, now);
            }

            db.AuditEntries.Add(new AuditEntry(AuditAction.PasswordChanged, user.Id, "Account", user.Id, form.Kind.ToString(), address, now));
            await db.SaveChangesAsync();
            return (Outcome.Done, []);
        }
    }
}
