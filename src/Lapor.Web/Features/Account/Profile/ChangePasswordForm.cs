using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Lapor.Web.Infrastructure.Identity;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Account.Profile;

/// <summary>The password change in "Akun Saya": the current password typed again, the new one twice.</summary>
public sealed class ChangePasswordForm
{
    public const string Prefix = "ChangePassword";

    [Display(Name = "Profile.CurrentPassword")]
    public string? CurrentPassword { get; set; }

    [Display(Name = "Account.NewPassword")]
    public string? NewPassword { get; set; }

    [Display(Name = "Account.ConfirmPassword")]
    public string? ConfirmPassword { get; set; }

    public sealed class Validator : AbstractValidator<ChangePasswordForm>
    {
        public Validator(IStringLocalizer<SharedResource> t)
        {
            RuleFor(f => f.CurrentPassword).NotEmpty().WithMessage(_ => t["Validation.Required", t["Profile.CurrentPassword"]]);
            RuleFor(f => f.NewPassword).NewPassword(t, "Account.NewPassword");
            RuleFor(f => f.ConfirmPassword).SameAs(f => f.NewPassword, t);
        }
    }
}
