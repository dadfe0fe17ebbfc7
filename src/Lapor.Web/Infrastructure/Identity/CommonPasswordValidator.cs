using Lapor.Web.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Infrastructure.Identity;

/// <summary>
/// Refuses guessable passwords instead of imposing composition rules (ASVS 6.2.4, 6.2.11, 6.2.12):
/// those on the breached-password list shipped with the app, and those made of the site's own name,
/// the published demo password, or the account's e-mail address or name. Runs wherever Identity sets
/// a password: registration, the invitation and reset link, any password change.
/// <para>
/// Case and common letter swaps do not help (<c>P@ssw0rd</c> is <c>password</c>), nor do digits and
/// symbols around a listed word (<c>Jakarta2024!</c>, <c>123sayang</c>): the list is asked for the
/// password as typed, with letter swaps undone, and for the word left when digits and symbols are
/// stripped from both ends.
/// </para>
/// </summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> t) : IPasswordValidator<LaporUser>
{
    /// <summary>One code for every refusal here: the user can fix it by choosing another password.</summary>
    public const string ErrorCode = "PasswordTooCommon";

    private const int ShortestWord = 3;

    // Letters people swap for digits and symbols, undone before the look-up.
    private static readonly Dictionary<char, char> Swaps = new()
    {
        ['@'] = 'a', ['4'] = 'a', ['8'] = 'b', ['3'] = 'e', ['9'] = 'g', ['1'] = 'i', ['!'] = 'i', ['0'] = 'o', ['$'] = 's', ['5'] = 's', ['7'] = 't',
    };

    // What is left of a password's letters once "lapor" is taken out: the site's name and its
    // forms (laporan, laporkan), its address (lapor.go.id), SP4N-LAPOR and the demo password.
    private static readonly HashSet<string> SiteNameRemainders = ["", "an", "kan", "in", "ku", "goid", "span", "demo"];

    public Task<IdentityResult> ValidateAsync(UserManager<LaporUser> manager, LaporUser user, string? password)
    {
        var error = string.IsNullOrWhiteSpace(password) ? null
            : NamesTheSite(password) || NamesTheAccount(password, user) ? "Identity.PasswordTooGuessable"
            : IsBreached(password) ? "Identity.PasswordTooCommon"
            : null;
        return Task.FromResult(error is null ? IdentityResult.Success : IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = t[error] }));
    }

    /// <summary>Whether the password, or the word inside it, is on the breached-password list.</summary>
    public static bool IsBreached(string password)
    {
        var list = BreachedPasswordList.Instance;
        var key = Normalise(password);
        var unswapped = Unswap(key);
        var (start, length) = WordRange(key);
        return list.Contains(key)
            || list.Contains(unswapped)
            || (length >= ShortestWord && length < key.Length && (list.Contains(key.AsSpan(start, length)) || list.Contains(unswapped.AsSpan(start, length))));
    }

    /// <summary>Whether the password is the site's name or the demo password, give or take case, swaps, digits and symbols.</summary>
    public static bool NamesTheSite(string password) =>
        LetterForms(Normalise(password)).Any(letters => letters.Contains("lapor", StringComparison.Ordinal) && SiteNameRemainders.Contains(letters.Replace("lapor", "", StringComparison.Ordinal)));

    /// <summary>Whether the password is the account's e-mail address, the part before the @, or its name.</summary>
    public static bool NamesTheAccount(string password, LaporUser user)
    {
        var key = Normalise(password);
        var email = Normalise(user.Email ?? "");
        if (email.Length > 0 && key == email)
        {
            return true;
        }

        string[] own = [Letters(email.Split('@')[0]), Letters(Normalise(user.FullName ?? ""))];
        return LetterForms(key).Any(letters => own.Any(o => o.Length >= ShortestWord && o == letters));
    }

    /// <summary>Trimmed, A–Z lower-cased: the form the list was built in (scripts/password-list/build.py).</summary>
    internal static string Normalise(string password) =>
        string.Create(password.AsSpan().Trim().Length, password, static (span, source) =>
        {
            var trimmed = source.AsSpan().Trim();
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = char.IsAsciiLetterUpper(trimmed[i]) ? (char)(trimmed[i] | 0x20) : trimmed[i];
            }
        });

    private static string Unswap(string key) =>
        string.Create(key.Length, key, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Swaps.GetValueOrDefault(source[i], source[i]);
            }
        });

    /// <summary>Where the word lies once digits, symbols and spaces are stripped from both ends.</summary>
    private static (int Start, int Length) WordRange(string key)
    {
        var (start, end) = (0, key.Length);
        while (start < end && !char.IsLetter(key[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetter(key[end - 1]))
        {
            end--;
        }

        return (start, end - start);
    }

    /// <summary>The password's letters, and those of its word with swaps undone (L4p0r2026 gives "lapor").</summary>
    private static IEnumerable<string> LetterForms(string key)
    {
        var (start, length) = WordRange(key);
        return [Letters(key), Letters(Unswap(key.Substring(start, length)))];
    }

    private static string Letters(string text) => string.Concat(text.Where(char.IsLetter));
}
