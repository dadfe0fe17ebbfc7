using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Lapor.Web.Data;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Infrastructure.Identity;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Account.Registration;

public static class Register
{
    public sealed class Form
    {
        [Display(Name = "Account.FullName")]
        public string? FullName { get; set; }

        [Display(Name = "Account.Email")]
        public string? Email { get; set; }

        [Display(Name = "Account.Password")]
        public string? Password { get; set; }

        [Display(Name = "Account.ConfirmPassword")]
        public string? ConfirmPassword { get; set; }

        [Display(Name = "Account.Consent")]
        public bool Consent { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<AccountResource> t)
        {
            RuleFor(f => f.FullName)
                .NotEmpty().WithMessage(_ => t["Validation.Required", t["Account.FullName"]])
                .MaximumLength(150).WithMessage(_ => t["Validation.MaxLength", t["Account.FullName"], 150]);
            RuleFor(f => f.Email)
                .NotEmpty().WithMessage(_ => t["Validation.Required", t["Account.Email"]])
                .EmailAddress().WithMessage(_ => t["Validation.Email"])
                .MaximumLength(256).WithMessage(_ => t["Validation.MaxLength", t["Account.Email"], 256]);
            RuleFor(f => f.Password).NewPassword(t, "Account.Password");
            RuleFor(f => f.ConfirmPassword).SameAs(f => f.Password, t);
            RuleFor(f => f.Consent).Equal(true).WithMessage(_ => t["Validation.Consent"]);
        }
    }

    /// <summary>
    /// Registration never tells whether an address already has an account (ASVS 6.3.8): a new address
    /// gets an unconfirmed account and a link to confirm it, a taken one a note to its owner, and the
    /// page says "check your e-mail" either way. The password is judged first, the same way for both.
    /// </summary>
    public sealed class Handler(UserManager<LaporUser> users, LaporDbContext db, TimeProvider clock)
    {
        /// <summary>Returns the password's problems (empty when the registration went ahead).</summary>
        public async Task<IReadOnlyList<IdentityError>> RegisterAsync(Form form, string? address)
        {
            var email = form.Email!.Trim();
            var candidate = new LaporUser
            {
                UserName = email, Email = email, FullName = form.FullName!.Trim(), CreatedAt = clock.GetUtcNow(),
                PreferredCulture = Infrastructure.Localization.LaporLocalization.CurrentCulture,
            };
            var problems = await users.PasswordProblemsAsync(candidate, form.Password);
            if (problems.Count > 0)
            {
                return problems;
            }

            var now = clock.GetUtcNow();
            var owner = await users.FindByEmailAsync(email);
            if (owner is null && (await users.CreateAsync(candidate, form.Password!)).Succeeded)
            {
                await users.AddToRoleAsync(candidate, Roles.Citizen);
                await QueueConfirmationAsync(candidate, now);
                db.AuditEntries.Add(new AuditEntry(AuditAction.Registered, candidate.Id, "Account", candidate.Id, null, address, now));
            }
            else
            {
                owner ??= await users.FindByEmailAsync(email);
            }

            if (owner is { IsDisabled: false })
            {
                // Costs what creating the account costs, so the answer's timing tells nothing either.
                users.PasswordHasher.HashPassword(candidate, form.Password!);
                await TellTheOwnerAsync(owner, now);
            }

            await db.SaveChangesAsync();
            return [];
        }

        /// <summary>
        /// Someone registered with an address that has an account: its owner hears of it (an account
        /// still waiting for confirmation gets a fresh confirmation link), once every few minutes at most.
        /// </summary>
        private async Task TellTheOwnerAsync(LaporUser owner, DateTimeOffset now)
        {
            if (await AccountMail.SentRecentlyAsync(db, owner, now, AccountMail.RegistrationAttempt, AccountMail.ConfirmEmail))
            {
                return;
            }

            if (owner.EmailConfirmed)
            {
                AccountMail.Queue(db, owner, AccountMail.RegistrationAttempt, now);
            }
            else
            {
                await QueueConfirmationAsync(owner, now);
            }
        }

        private async Task QueueConfirmationAsync(LaporUser user, DateTimeOffset now) =>
            AccountMail.Queue(db, user, AccountMail.ConfirmEmail, now, new Dictionary<string, string>
            {
                ["Link"] = AccountMail.Link("/Account/ConfirmEmail", user.Id, await users.GenerateEmailConfirmationTokenAsync(user)),
            });
    }
}
