using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Lapor.Web.Data.Identity;
using Microsoft.Extensions.Localization;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Lapor.Web.Features.Account.SignIn;

public static class Login
{
    public sealed class Form
    {
        [Display(Name = "Account.Email")]
        public string? Email { get; set; }

        [Display(Name = "Account.Password")]
        public string? Password { get; set; }

        [Display(Name = "Account.RememberMe")]
        public bool RememberMe { get; set; }

        public string? ReturnUrl { get; set; }

        /// <summary>
        /// The authenticator code, asked on this page only while the account is under attack from many
        /// addresses: then the password and the code are judged together, so a right password alone
        /// looks exactly like a wrong one.
        /// </summary>
        [Display(Name = "Account.TwoFactorCode")]
        public string? Code { get; set; }

        /// <summary>Set by the server when the answer was "locked": the page then offers the code field.</summary>
        public bool AskForCode { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<AccountResource> t)
        {
            RuleFor(f => f.Email).NotEmpty().WithMessage(_ => t["Validation.Required", t["Account.Email"]]);
            RuleFor(f => f.Password).NotEmpty().WithMessage(_ => t["Validation.Required", t["Account.Password"]]);
        }
    }

    /// <summary>The password step, recorded unless the second factor is still to come (that step records it).</summary>
    public sealed class Handler(PasswordSignIn passwordSignIn, SignInAudit audit)
    {
        public async Task<(SignInResult Result, LaporUser? User)> SignInAsync(Form form, string address, CancellationToken cancellationToken)
        {
            var (result, user) = await passwordSignIn.SignInAsync(form.Email!.Trim(), form.Password!, form.RememberMe, address, form.Code);
            if (!result.RequiresTwoFactor)
            {
                await audit.RecordAsync(user, result, address, cancellationToken);
            }

            return (result, user);
        }
    }
}
