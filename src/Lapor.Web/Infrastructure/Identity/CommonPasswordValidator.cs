using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Infrastructure.Identity;

/// <summary>
/// Refuses passwords found in the bundled list of common passwords (ASVS 6.2.12), and the account's
/// own e-mail address, instead of composition rules. The list (Openwall's public-domain
/// password.lst plus Indonesian additions) is an embedded resource: no network call is made.
/// </summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> t) : IPasswordValidator<LaporUser>
{
    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<LaporUser> manager, LaporUser user, string? password)
    {
        var candidate = (password ?? "").Trim();
        var refused = IsCommon(candidate) || string.Equals(candidate, user.Email, StringComparison.OrdinalIgnoreCase);
        return Task.FromResult(refused ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = t["Identity.PasswordTooCommon"] }) : IdentityResult.Success);
    }

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Lapor.Web.Infrastructure.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith("#!comment:", StringComparison.Ordinal))
            {
                words.Add(line);
            }
        }

        return words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
