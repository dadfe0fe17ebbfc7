using FluentValidation;
using Lapor.Web.Data.Identity;

namespace Lapor.Web.Features.Administration.Users;

/// <summary>
/// The invitation as the <c>invite-admin</c> command (Operations) calls it. No form validator runs
/// there, so this runs <see cref="InviteUser.Validator"/> itself; the pages use the use cases directly.
/// </summary>
public sealed class UserAdmin(InviteUser.Handler invite, IValidator<InviteUser.Form> validator)
{
    /// <summary>What an invitation did: the resource key of the message (taking the address) and whether a mail went out.</summary>
    public sealed record InviteOutcome(bool Sent, string MessageKey);

    public async Task<InviteOutcome> InviteAsync(string email, string name, string role, int? agencyId, string adminId, CancellationToken cancellationToken)
    {
        var form = new InviteUser.Form { Email = email, Name = name, Role = role, AgencyId = agencyId };
        if (!(await validator.ValidateAsync(form, cancellationToken)).IsValid)
        {
            return new(false, "Users.InviteInvalid");
        }

        var (sent, message) = await invite.HandleAsync(form, adminId, cancellationToken);
        return new(sent, message);
    }

    /// <summary>Where an invited person chooses a password (valid for a day, once).</summary>
    public static string SetPasswordPath(string userId, string token) => InviteUser.SetPasswordPath(userId, token);

    /// <summary>The token of an invitation link (Identity's default provider, valid for a day).</summary>
    public Task<string> InvitationTokenAsync(LaporUser user) => invite.InvitationTokenAsync(user);
}
