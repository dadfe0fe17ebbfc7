using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Infrastructure.Identity;

/// <summary>Identity's errors (duplicate e-mail, short password) in the reader's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> t) : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = t["Identity.DuplicateEmail"] };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = t["Identity.DuplicateEmail"] };

    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = t["Identity.PasswordTooShort", length] };

    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = t["Validation.Email"] };
}
