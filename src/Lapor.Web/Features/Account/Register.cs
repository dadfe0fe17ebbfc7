using FluentValidation;
using Microsoft.Extensions.Localization;
using System.ComponentModel.DataAnnotations;

namespace Lapor.Web.Features.Account;

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
        public Validator(IStringLocalizer<SharedResource> t)
        {
            RuleFor(f => f.FullName)
                .NotEmpty().WithMessage(_ => t["Validation.Required", t["Account.FullName"]])
                .MaximumLength(150).WithMessage(_ => t["Validation.MaxLength", t["Account.FullName"], 150]);
            RuleFor(f => f.Email)
                .NotEmpty().WithMessage(_ => t["Validation.Required", t["Account.Email"]])
                .EmailAddress().WithMessage(_ => t["Validation.Email"])
                .MaximumLength(256).WithMessage(_ => t["Validation.MaxLength", t["Account.Email"], 256]);
            RuleFor(f => f.Password)
                .NotEmpty().WithMessage(_ => t["Validation.Required", t["Account.Password"]])
                .Length(8, 128).WithMessage(_ => t["Validation.PasswordLength", 8, 128]);
            RuleFor(f => f.ConfirmPassword).Equal(f => f.Password).WithMessage(_ => t["Validation.PasswordMismatch"]);
            RuleFor(f => f.Consent).Equal(true).WithMessage(_ => t["Validation.Consent"]);
        }
    }
}
