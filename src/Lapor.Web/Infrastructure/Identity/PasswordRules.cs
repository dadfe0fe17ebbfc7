using FluentValidation;
using Lapor.Web.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Infrastructure.Identity;

/// <summary>The form rules of a newly chosen password (registration, reset link, change in "Akun Saya"); Identity's validators judge the rest.</summary>
public static class PasswordRules
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    public static IRuleBuilderOptions<T, string?> NewPassword<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer t, string labelKey) => rule
        .NotEmpty().WithMessage(_ => t["Validation.Required", t[labelKey]])
        .Length(MinLength, MaxLength).WithMessage(_ => t["Validation.PasswordLength", MinLength, MaxLength]);

    public static IRuleBuilderOptions<T, string?> SameAs<T>(this IRuleBuilder<T, string?> rule, Func<T, string?> password, IStringLocalizer t) => rule
        .Must((form, confirmation) => confirmation == password(form)).WithMessage(_ => t["Validation.PasswordMismatch"]);

    /// <summary>What Identity's password validators say of a password for this account, without setting it.</summary>
    public static async Task<List<IdentityError>> PasswordProblemsAsync(this UserManager<LaporUser> users, LaporUser user, string? password)
    {
        var problems = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            problems.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        }

        return problems;
    }
}
