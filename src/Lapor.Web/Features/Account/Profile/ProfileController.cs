using System.Security.Claims;
using FluentValidation;
using FluentValidation.AspNetCore;
using Lapor.Web.Data.Identity;
using Lapor.Web.Features.Account.SignIn;
using Lapor.Web.Infrastructure.Identity;
using Lapor.Web.Infrastructure.Security;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Features.Account.Profile;

/// <summary>"Akun Saya": the signed-in user's second factor, sessions, notification mail, their data (UU PDP) and account deletion.</summary>
[Authorize]
[Route("akun")]
public sealed class ProfileController(
    UserManager<LaporUser> users, SignInManager<LaporUser> signIn, IStringLocalizer<AccountResource> t, SecurityEvents events,
    IOptions<SecurityOptions> security, UserSessions sessions, Overview.Handler overview, PasswordCheck.Handler passwordCheck) : Controller
{
    // The form's fields are named ChangePassword.* on the account page (the action of that name hides the type here).
    private const string PasswordPrefix = Profile.ChangePassword.Form.Prefix;

    private string ClientAddress => RateLimitPolicies.ClientAddress(HttpContext);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await overview.ShowAsync(await CurrentUserAsync(), User, cancellationToken));

    /// <summary>Changes the password (the current one typed again); every other browser is signed out.</summary>
    [HttpPost("kata-sandi")]
    public async Task<IActionResult> ChangePassword(
        [Bind(Prefix = PasswordPrefix)] ChangePassword.Form form, [FromServices] IValidator<ChangePassword.Form> validator, [FromServices] ChangePassword.Handler handler, CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        (await validator.ValidateAsync(form, cancellationToken)).AddToModelState(ModelState, PasswordPrefix);
        if (ModelState.IsValid && await PasswordRefusedAsync(user, form.CurrentPassword, $"{PasswordPrefix}.{nameof(form.CurrentPassword)}", "Profile.CurrentPasswordWrong"))
        {
            return await IndexAgainAsync(user, cancellationToken);
        }

        if (ModelState.IsValid)
        {
            var (changed, problems) = await handler.ChangeAsync(user, form, ClientAddress, cancellationToken);
            foreach (var problem in problems)
            {
                ModelState.AddModelError($"{PasswordPrefix}.{nameof(form.NewPassword)}", problem.Description);
            }

            if (changed)
            {
                events.PasswordChanged(HttpContext, user.Id);
                await StartAfreshAsync(user);
                return Done("Profile.PasswordChanged");
            }
        }

        return await IndexAgainAsync(user, cancellationToken);
    }

    /// <summary>Ends one of the person's other sessions (a browser they no longer use, or do not recognise).</summary>
    [HttpPost("sesi/akhiri")]
    public async Task<IActionResult> EndSession(string? id, [FromServices] Sessions.Handler handler, CancellationToken cancellationToken) =>
        await handler.EndOneAsync(await CurrentUserAsync(), id, UserSessions.IdOf(User), ClientAddress, cancellationToken)
            ? Done("Profile.SessionEnded")
            : NotFound();

    /// <summary>Signs out everywhere, this browser included: every cookie issued before stops working.</summary>
    [HttpPost("sesi/akhiri-semua")]
    public async Task<IActionResult> EndAllSessions([FromServices] Sessions.Handler handler, CancellationToken cancellationToken)
    {
        await handler.EndAllAsync(await CurrentUserAsync(), ClientAddress, cancellationToken);
        events.SignedOut(HttpContext);
        await signIn.SignOutAsync();
        TempData[FlashMessage.SuccessKey] = t["Profile.SignedOutEverywhere"].Value;
        return RedirectToAction(nameof(SignInController.Login), SignInController.Name);
    }

    /// <summary>Report mail one by one, or one digest a day: for the staff who may choose it (see <see cref="MailChoice.IsOffered"/>).</summary>
    [HttpPost("surel")]
    public async Task<IActionResult> MailDigest(bool digest)
    {
        var user = await CurrentUserAsync();
        if (!ModelState.IsValid || !MailChoice.IsOffered(User, user))
        {
            return ModelState.IsValid ? Forbid() : BadRequest();
        }

        user.MailDigest = digest;
        await users.UpdateAsync(user);
        return Done("Profile.MailSaved");
    }

    /// <summary>Shows the key and QR code to add Lapor to an authenticator app.</summary>
    [HttpGet("dua-faktor")]
    public async Task<IActionResult> Authenticator([FromServices] TwoFactor.Handler handler, CancellationToken cancellationToken)
    {
        // Once switched on, the key is never shown again: a borrowed session could copy it into another phone.
        var user = await CurrentUserAsync();
        return user.TwoFactorEnabled ? RedirectToAction(nameof(Index)) : View(await handler.SetupAsync(user, code: null, TwoFactorRequired, cancellationToken));
    }

    /// <summary>Turns the second factor on once the user proves their app produces the right code.</summary>
    [HttpPost("dua-faktor")]
    public async Task<IActionResult> Authenticator(string? code, [FromServices] TwoFactor.Handler handler, CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }

        if (await handler.EnableAsync(user, code, ClientAddress, cancellationToken) is not { } recoveryCodes)
        {
            ModelState.AddModelError("code", t["Account.InvalidCode"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await handler.SetupAsync(user, code, TwoFactorRequired, cancellationToken));
        }

        events.TwoFactorChanged(HttpContext, user.Id, enabled: true);

        // Enabling changed the security stamp: every other browser is signed out; this one gets a new
        // session whose cookie records that it passed a second factor.
        await StartAfreshAsync(user, passedSecondFactor: true);
        return View("RecoveryCodes", recoveryCodes);
    }

    [HttpPost("dua-faktor/kode-pemulihan")]
    public async Task<IActionResult> NewRecoveryCodes(string? password, [FromServices] TwoFactor.Handler handler, CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        if (!user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }

        // New codes void the printed ones: only the person who knows the password may do that.
        return await PasswordRefusedAsync(user, password, "codes-password", "Profile.CurrentPasswordWrong")
            ? await IndexAgainAsync(user, cancellationToken)
            : View("RecoveryCodes", await handler.NewRecoveryCodesAsync(user, ClientAddress, cancellationToken));
    }

    /// <summary>Citizens and officers may turn the second factor off; coordinators and administrators may not.</summary>
    [HttpPost("dua-faktor/nonaktifkan")]
    public async Task<IActionResult> DisableTwoFactor(string? password, [FromServices] TwoFactor.Handler handler, CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        if (TwoFactorRequired)
        {
            return Forbid();
        }

        // Someone at an unlocked, signed-in computer must not be able to remove the second factor with one tap.
        if (await PasswordRefusedAsync(user, password, "disable-password", "Profile.CurrentPasswordWrong"))
        {
            return await IndexAgainAsync(user, cancellationToken);
        }

        await handler.DisableAsync(user, ClientAddress, cancellationToken);
        events.TwoFactorChanged(HttpContext, user.Id, enabled: false);
        await StartAfreshAsync(user);
        return Done("Profile.TwoFactorDisabled");
    }

    /// <summary>UU PDP Pasal 7 and 32: everything Lapor holds about this account, as a JSON file.</summary>
    [HttpGet("data-saya.json")]
    [GetOnly]
    public async Task<IActionResult> DownloadData([FromServices] PersonalData.Handler handler, CancellationToken cancellationToken) =>
        File(await handler.DownloadAsync(await CurrentUserAsync(), ClientAddress, cancellationToken), "application/json; charset=utf-8", "lapor-data-saya.json");

    /// <summary>
    /// UU PDP Pasal 8 and 16: a citizen deletes their account. Their reports stay for the public
    /// record and the statistics, without their name or contact details.
    /// </summary>
    [HttpPost("hapus")]
    public async Task<IActionResult> Delete(string? password, [FromServices] PersonalData.Handler handler, CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        if (!Overview.IsCitizenOnly(User))
        {
            // Staff accounts carry the history of official actions: administrators disable them instead.
            return Forbid();
        }

        if (await PasswordRefusedAsync(user, password, "password", "Profile.DeletePasswordWrong"))
        {
            return await IndexAgainAsync(user, cancellationToken);
        }

        await handler.DeleteAccountAsync(user, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        events.AccountDeleted(HttpContext, user.Id);
        await signIn.SignOutAsync();
        TempData[FlashMessage.SuccessKey] = t["Profile.Deleted"].Value;
        return Redirect("/");
    }

    private bool TwoFactorRequired => TwoFactorEnforcement.IsRequiredFor(User, security.Value);

    /// <summary>Checks a re-typed password; when refused, the error goes under <paramref name="field"/> ("locked" once the address is locked out).</summary>
    private async Task<bool> PasswordRefusedAsync(LaporUser user, string? password, string field, string wrongKey)
    {
        var verdict = await passwordCheck.CheckAsync(user, password, ClientAddress);
        if (verdict.FailureRecorded)
        {
            events.SignInFailed(HttpContext, user.Id);
        }

        if (!verdict.Matches)
        {
            ModelState.AddModelError(field, t[verdict.Locked ? "Account.LockedOut" : wrongKey]);
        }

        return !verdict.Matches;
    }

    /// <summary>The account page again, with the errors in the model state.</summary>
    private async Task<IActionResult> IndexAgainAsync(LaporUser user, CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), await overview.ShowAsync(user, User, cancellationToken));
    }

    private RedirectToActionResult Done(string messageKey)
    {
        TempData[FlashMessage.SuccessKey] = t[messageKey].Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>After the person's own credential change: every session ends, and this browser signs in again with a new one.</summary>
    private async Task StartAfreshAsync(LaporUser user, bool passedSecondFactor = false)
    {
        passedSecondFactor |= User.HasClaim("amr", TwoFactorEnforcement.MultiFactorMethod);
        await sessions.EndAllAsync(user.Id);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, passedSecondFactor ? [new Claim("amr", TwoFactorEnforcement.MultiFactorMethod)] : []);
    }

    private async Task<LaporUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("A signed-in user without an account row.");
}
