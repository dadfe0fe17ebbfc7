using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Lapor.Web.Data;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Infrastructure.Identity;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Account.Profile;

/// <summary>The password change in "Akun Saya": the current password typed again, the new one twice.</summary>
public static class ChangePassword
{
    public sealed class Form
    {
        public const string Prefix = "ChangePassword";

        [Display(Name = "Profile.CurrentPassword")]
        public string? CurrentPassword { get; set; }

        [Display(Name = "Account.NewPassword")]
        public string? NewPassword { get; set; }

        [Display(Name = "Account.ConfirmPassword")]
        public string? ConfirmPassword { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<AccountResource> t)
        {
            RuleFor(f => f.CurrentPassword).NotEmpty().WithMessage(_ => t["Validation.Required", t["Profile.CurrentPassword"]]);
            RuleFor(f => f.NewPassword).NewPassword(t, "Account.NewPassword");
            RuleFor(f => f.ConfirmPassword).SameAs(f => f.NewPassword, t);
        }
    }

    public sealed class Handler(UserManager<LaporUser> users, LaporDbContext db, TimeProvider clock)
    {
        /// <summary>Sets the new password (the current one already checked); the owner is told by mail. Returns the new password's problems.</summary>
        public async Task<(bool Changed, IReadOnlyList<IdentityError> Problems)> ChangeAsync(LaporUser user, Form form, string address, CancellationToken cancellationToken)
        {
            var changed = await users.ChangePasswordAsync(user, form.CurrentPassword!, form.NewPassword!);
            if (changed.Succeeded)
            {
                var now = clock.GetUtcNow();
                AccountMail.Queue(db, user, AccountMail.PasswordChanged, now);
                db.AuditEntries.Add(new AuditEntry(AuditAction.PasswordChanged, user.Id, "Account", user.Id, null, address, now));
                await db.SaveChangesAsync(cancellationToken);
            }

            return (changed.Succeeded, [.. changed.Errors]);
        }
    }
}
