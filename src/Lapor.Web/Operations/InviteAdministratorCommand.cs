using FluentValidation;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Features.Administration.Users;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Operations;

/// <summary>
/// <c>dotnet Lapor.Web.dll invite-admin admin@kab.go.id "Nama Lengkap"</c>: the first administrator of
/// a new installation (or a way back in when none is left). Creates the account without a password,
/// queues the usual invitation mail, and prints the same one-day link to choose a password, for
/// servers whose mail is not set up yet. Everything else is then done on the admin pages.
/// </summary>
public static class InviteAdministratorCommand
{
    public static bool IsRequested(string[] args) => args is ["invite-admin", ..];

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args is not [_, var email, var name])
        {
            await Console.Error.WriteLineAsync("Usage: invite-admin <e-mail> \"<full name>\"");
            return 2;
        }

        await app.PrepareDatabaseAsync(); // the roles must exist; migrations only where start-up would apply them
        await using var scope = app.Services.CreateAsyncScope();
        // The same use case as the admin page, with its validator run here since no form binding does it.
        var form = new InviteUser.Form { Email = email, Name = name, Role = Roles.Administrator };
        var valid = (await scope.ServiceProvider.GetRequiredService<IValidator<InviteUser.Form>>().ValidateAsync(form)).IsValid;
        var invite = scope.ServiceProvider.GetRequiredService<InviteUser.Handler>();
        var (sent, message) = valid ? await invite.HandleAsync(form, "invite-admin command", CancellationToken.None) : new InviteUser.Outcome(false, "Users.InviteInvalid");
        if (!sent)
        {
            await Console.Error.WriteLineAsync(message == "Users.AlreadyRegistered"
                ? $"{email} already has an account: give it the Administrator role at /admin/pengguna, or reset its password."
                : "Give a valid e-mail address and a name.");
            return 1;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        var token = await invite.InvitationTokenAsync(user);
        var baseUrl = scope.ServiceProvider.GetRequiredService<IOptions<MailOptions>>().Value.PublicBaseUrl.TrimEnd('/');
        Console.WriteLine($"Administrator {email} created. An invitation mail is queued; the link, valid for one day:");
        Console.WriteLine(baseUrl + InviteUser.SetPasswordPath(user.Id, token));
        return 0;
    }
}
