using FluentValidation;
using Microsoft.Extensions.Localization;
using System.ComponentModel.DataAnnotations;

namespace Lapor.Web.Features.Account;

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
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<SharedResource> t)
        {
            RuleFor(f => f.Email).NotEmpty().WithMessage(_ => t["Validation.Required", t["Account.Email"]]);
            RuleFor(f => f.Password).NotEmpty().WithMessage(_ => t["Validation.Required", t["Account.Password"]]);
        }
    }
}
