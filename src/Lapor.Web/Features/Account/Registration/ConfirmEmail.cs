using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Lapor.Web.Data;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Account.Registration;

/// <summary>The page the confirmation mail links to: one button, since a GET alone changes nothing (mail scanners follow links).</summary>
public static class ConfirmEmail
{
    public sealed class Form
    {
        public string? UserId { get; set; }
        public string? Token { get; set; }

        [Display(Name = "Account.Password")]
        public string? Password { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<AccountResource> t) => RuleFor(f => f.Password).NewPassword(t, "Account.Password");
    }

    public sealed class Handler(UserManager<LaporUser> users, LaporDbContext db, TimeProvider clock)
    {
        /// <summary>Opened again after confirming: there is nothing left to do but sign in.</summary>
        public async Task<bool> IsConfirmedAsync(string? userId) =>
            userId is not null && await users.FindByIdAsync(userId) is { EmailConfirmed: true };

        /// <summary>
        /// The link from the mail confirms the address and sets the password typed on its page. Whoever
        /// holds the mailbox decides the password, so an account someone else registered in advance with
        /// this address (and a password of their own) is taken over by its rightful owner, not the other
        /// way round. The link then stops working (the stamp changes).
        /// </summary>
        public async Task<(bool Confirmed, IReadOnlyList<IdentityError> Problems)> ConfirmAsync(Form form, string? address)
        {
            var user = form.UserId is null || string.IsNullOrEmpty(form.Token) ? null : await users.FindByIdAsync(form.UserId);
            if (user is null || user.IsDisabled || user.EmailConfirmed
                || !await users.VerifyUserTokenAsync(user, users.Options.Tokens.EmailConfirmationTokenProvider, UserManager<LaporUser>.ConfirmEmailTokenPurpose, form.Token!))
            {
                return (false, []);
            }

            // Saved together with the new password; a refused password (the usual rules) saves neither.
            user.EmailConfirmed = true;
            var set = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), form.Password!);
            if (!set.Succeeded)
            {
                user.EmailConfirmed = false;
                return (false, set.Errors.ToList());
            }

            db.AuditEntries.Add(new AuditEntry(AuditAction.EmailConfirmed, user.Id, "Account", user.Id, null, address, clock.GetUtcNow()));
            await db.SaveChangesAsync();
            return (true, []);
        }
    }
}
