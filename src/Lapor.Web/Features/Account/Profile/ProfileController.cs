using System.Security.Claims;
using FluentValidation.AspNetCore;
using Lapor.Web.Data;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Infrastructure.Identity;
using Lapor.Web.Infrastructure.Notifications;
using Lapor.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Features.Account.Profile;

/// <summary>"Akun Saya": the signed-in user's second factor, sessions, notification mail, their data (UU PDP) and account deletion.</summary>
[Authorize]
[Route("akun")]
public sealed class ProfileController(
    UserManager<LaporUser> users, SignInManager<LaporUser> signIn, IStringLocalizer<SharedResource> t, SecurityEvents events,
    IOptions<SecurityOptions> security, LaporDbContext db, TimeProvider clock, UserSessions sessions, SignInThrottle throttle, IUserStore<LaporUser> userStore,
    IOptions<MailOptions> mail) : Controller
{
    private const int RecoveryCodeCount = 10;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await OverviewAsync(await CurrentUserAsync(), cancellationToken));

    /// <summary>Changes the password (the current one typed again); every other browser is signed out.</summary>
    [HttpPost("kata-sandi")]
    public async Task<IActionResult> ChangePassword([Bind(Prefix = ChangePasswordForm.Prefix)] ChangePasswordForm form, [FromServices] FluentValidation.IValidator<ChangePasswordForm> validator, CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        (await validator.ValidateAsync(form, cancellationToken)).AddToModelState(ModelState, ChangePasswordForm.Prefix);
        if (ModelState.IsValid && !await PasswordMatchesAsync(user, form.CurrentPassword!))
        {
            ModelState.AddModelError($"{ChangePasswordForm.Prefix}.{nameof(form.CurrentPassword)}", t[await IsLockedAsync(user) ? "Account.LockedOut" : "Profile.CurrentPasswordWrong"]);
        }

        if (ModelState.IsValid)
        {
            var changed = await users.ChangePasswordAsync(user, form.CurrentPassword!, form.NewPassword!);
            foreach (var error in changed.Errors)
            {
                ModelState.AddModelError($"{ChangePasswordForm.Prefix}.{nameof(form.NewPassword)}", error.Description);
            }

            if (changed.Succeeded)
            {
                AccountMail.Queue(db, user, AccountMail.PasswordChanged, clock.GetUtcNow());
                await AuditAsync(AuditAction.PasswordChanged, user.Id, cancellationToken);
                events.PasswordChanged(HttpContext, user.Id);
                await StartAfreshAsync(user);
                TempData[Infrastructure.Web.FlashMessage.SuccessKey] = t["Profile.PasswordChanged"].Value;
                return RedirectToAction(nameof(Index));
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), await OverviewAsync(user, cancellationToken));
    }

    /// <summary>Ends one of the person's other sessions (a browser they no longer use, or do not recognise).</summary>
    [HttpPost("sesi/akhiri")]
    public async Task<IActionResult> EndSession(string? id, CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        if (string.IsNullOrEmpty(id) || id == UserSessions.IdOf(User) || !await sessions.BelongsToAsync(user.Id, id))
        {
            return NotFound();
        }

        // Already ended (from another tab, say): the person gets what they asked for all the same.
        await sessions.EndAsync(user.Id, id);

        await AuditAsync(AuditAction.SessionsEnded, user.Id, cancellationToken);
        TempData[Infrastructure.Web.FlashMessage.SuccessKey] = t["Profile.SessionEnded"].Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Signs out everywhere, this browser included: every cookie issued before stops working.</summary>
    [HttpPost("sesi/akhiri-semua")]
    public async Task<IActionResult> EndAllSessions(CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        await sessions.EndAllAsync(user.Id);
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(AuditAction.SessionsEnded, user.Id, cancellationToken);
        events.SignedOut(HttpContext);
        await signIn.SignOutAsync();
        TempData[Infrastructure.Web.FlashMessage.SuccessKey] = t["Profile.SignedOutEverywhere"].Value;
        return Redirect("/Account/Login");
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
        TempData[Infrastructure.Web.FlashMessage.SuccessKey] = t["Profile.MailSaved"].Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Shows the key and QR code to add Lapor to an authenticator app.</summary>
    [HttpGet("dua-faktor")]
    public async Task<IActionResult> Authenticator()
    {
        // Once switched on, the key is never shown again: a borrowed session could copy it into another phone.
        var user = await CurrentUserAsync();
        return user.TwoFactorEnabled ? RedirectToAction(nameof(Index)) : View(await AuthenticatorSetupAsync(user, code: null));
    }

    /// <summary>Turns the second factor on once the user proves their app produces the right code.</summary>
    [HttpPost("dua-faktor")]
    public async Task<IActionResult> Authenticator(string? code, CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }

        var cleaned = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, cleaned))
        {
            ModelState.AddModelError("code", t["Account.InvalidCode"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await AuthenticatorSetupAsync(user, code));
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var recoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        AccountMail.Queue(db, user, AccountMail.TwoFactorChanged, clock.GetUtcNow());
        await AuditAsync(AuditAction.TwoFactorEnabled, user.Id, cancellationToken);
        events.TwoFactorChanged(HttpContext, user.Id, enabled: true);

        // Enabling changed the security stamp: every other browser is signed out; this one gets a new
        // session whose cookie records that it passed a second factor.
        await StartAfreshAsync(user, passedSecondFactor: true);
        return View("RecoveryCodes", new RecoveryCodesView(user.Email ?? "", clock.GetUtcNow(), [.. recoveryCodes!]));
    }

    [HttpPost("dua-faktor/kode-pemulihan")]
    public async Task<IActionResult> NewRecoveryCodes(string? password, CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        if (!user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }

        // New codes void the printed ones: only the person who knows the password may do that.
        if (await RefusedPasswordAsync(user, password, "codes-password", "Profile.CurrentPasswordWrong", cancellationToken) is { } refused)
        {
            return refused;
        }

        var recoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await AuditAsync(AuditAction.TwoFactorEnabled, user.Id, cancellationToken);
        return View("RecoveryCodes", new RecoveryCodesView(user.Email ?? "", clock.GetUtcNow(), [.. recoveryCodes!]));
    }

    /// <summary>Citizens and officers may turn the second factor off; coordinators and administrators may not.</summary>
    [HttpPost("dua-faktor/nonaktifkan")]
    public async Task<IActionResult> DisableTwoFactor(string? password, CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        if (TwoFactorEnforcement.IsRequiredFor(User, security.Value))
        {
            return Forbid();
        }

        // Someone at an unlocked, signed-in computer must not be able to remove the second factor with one tap.
        if (await RefusedPasswordAsync(user, password, "disable-password", "Profile.CurrentPasswordWrong", cancellationToken) is { } refused)
        {
            return refused;
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        AccountMail.Queue(db, user, AccountMail.TwoFactorChanged, clock.GetUtcNow());
        await AuditAsync(AuditAction.TwoFactorDisabled, user.Id, cancellationToken);
        events.TwoFactorChanged(HttpContext, user.Id, enabled: false);
        await StartAfreshAsync(user);
        TempData[Infrastructure.Web.FlashMessage.SuccessKey] = t["Profile.TwoFactorDisabled"].Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>UU PDP Pasal 7 and 32: everything Lapor holds about this account, as a JSON file.</summary>
    [HttpGet("data-saya.json")]
    [Infrastructure.Web.GetOnly]
    public async Task<IActionResult> DownloadData([FromServices] PersonalData.Handler handler, CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        var json = await handler.ExportAsync(user, cancellationToken);
        await AuditAsync(AuditAction.DataDownloaded, user.Id, cancellationToken);
        return File(json, "application/json; charset=utf-8", "lapor-data-saya.json");
    }

    /// <summary>
    /// UU PDP Pasal 8 and 16: a citizen deletes their account. Their reports stay for the public
    /// record and the statistics, without their name or contact details.
    /// </summary>
    [HttpPost("hapus")]
    public async Task<IActionResult> Delete(string? password, [FromServices] PersonalData.Handler handler, CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        if (!IsCitizenOnly)
        {
            // Staff accounts carry the history of official actions: administrators disable them instead.
            return Forbid();
        }

        if (await RefusedPasswordAsync(user, password, "password", "Profile.DeletePasswordWrong", cancellationToken) is { } refused)
        {
            return refused;
        }

        await handler.DeleteAccountAsync(user, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        events.AccountDeleted(HttpContext, user.Id);
        await signIn.SignOutAsync();
        TempData[Infrastructure.Web.FlashMessage.SuccessKey] = t["Profile.Deleted"].Value;
        return Redirect("/");
    }

    /// <summary>
    /// A password typed again on this page counts like one typed at sign-in: wrong ones are counted and
    /// lock this address out of the account, so a borrowed session cannot be used to guess it.
    /// </summary>
    private async Task<bool> PasswordMatchesAsync(LaporUser user, string password)
    {
        var address = RateLimitPolicies.ClientAddress(HttpContext);
        if (await throttle.CheckAsync(user.Email!, address) == SignInThrottle.Verdict.Locked)
        {
            return false;
        }

        if (await users.CheckPasswordAsync(user, password))
        {
            return true;
        }

        await throttle.RecordFailureAsync(user.Email!, address);
        db.AuditEntries.Add(new AuditEntry(AuditAction.SignInFailed, user.Id, "Account", user.Id, "password re-typed", address, clock.GetUtcNow()));
        await db.SaveChangesAsync();
        events.SignInFailed(HttpContext, user.Id);
        return false;
    }

    /// <summary>The account page again, with the error under <paramref name="field"/>, unless the re-typed password is right.</summary>
    private async Task<IActionResult?> RefusedPasswordAsync(LaporUser user, string? password, string field, string wrongKey, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(password) && await PasswordMatchesAsync(user, password))
        {
            return null;
        }

        ModelState.AddModelError(field, t[await IsLockedAsync(user) ? "Account.LockedOut" : wrongKey]);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), await OverviewAsync(user, cancellationToken));
    }

    private async Task<bool> IsLockedAsync(LaporUser user) =>
        await throttle.CheckAsync(user.Email!, RateLimitPolicies.ClientAddress(HttpContext)) == SignInThrottle.Verdict.Locked;

    /// <summary>After the person's own credential change: every session ends, and this browser signs in again with a new one.</summary>
    private async Task StartAfreshAsync(LaporUser user, bool passedSecondFactor = false)
    {
        passedSecondFactor |= User.HasClaim("amr", TwoFactorEnforcement.MultiFactorMethod);
        await sessions.EndAllAsync(user.Id);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, passedSecondFactor ? [new Claim("amr", TwoFactorEnforcement.MultiFactorMethod)] : []);
    }

    private async Task<LaporUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("A signed-in user without an account row.");

    /// <summary>Staff accounts carry official history; only a plain citizen account may be deleted by its owner.</summary>
    private bool IsCitizenOnly => Roles.All.Where(r => r != Roles.Citizen).All(r => !User.IsInRole(r));

    private async Task<ProfileView> OverviewAsync(LaporUser user, CancellationToken cancellationToken) => new(
        user.FullName, user.Email ?? "", user.TwoFactorEnabled, await users.CountRecoveryCodesAsync(user),
        TwoFactorEnforcement.IsRequiredFor(User, security.Value), IsCitizenOnly,
        [.. (await sessions.OpenAsync(user.Id, cancellationToken)).Select(s => new SessionRow(s.Id, DeviceName.Describe(s.Device), s.Address, s.StartedAt, s.LastSeenAt, s.Id == UserSessions.IdOf(User)))],
        MailChoice.IsOffered(User, user) ? new MailChoice(user.MailDigest, mail.Value.DigestTime) : null);

    private async Task<AuthenticatorView> AuthenticatorSetupAsync(LaporUser user, string? code)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            if (!await TryMakeAuthenticatorKeyAsync(user))
            {
                // Another request of this user (a second tab, a double click) made the key first: show that one.
                db.ChangeTracker.Clear();
                user = await CurrentUserAsync();
            }

            key = await users.GetAuthenticatorKeyAsync(user);
        }

        return new AuthenticatorView(
            key!, TwoFactorKey.QrCodeDataUri(user.Email ?? user.Id, key!), TwoFactorKey.OtpAuthUri(user.Email ?? user.Id, key!), code,
            TwoFactorEnforcement.IsRequiredFor(User, security.Value) && !user.TwoFactorEnabled);
    }

    private async Task<bool> TryMakeAuthenticatorKeyAsync(LaporUser user)
    {
        try
        {
            // Not ResetAuthenticatorKeyAsync: that renews the security stamp, so merely opening this page would
            // sign the person out everywhere else. A key that is not switched on yet protects nothing;
            // switching it on renews the stamp (and ends the other sessions) in Authenticator's post.
            await ((IUserAuthenticatorKeyStore<LaporUser>)userStore).SetAuthenticatorKeyAsync(user, users.GenerateNewAuthenticatorKey(), HttpContext.RequestAborted);
            return (await users.UpdateAsync(user)).Succeeded;
        }
        catch (DbUpdateException)
        {
            // The key row is unique per user: the other request's insert won.
            return false;
        }
    }

    private async Task AuditAsync(AuditAction action, string userId, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(new AuditEntry(action, userId, "Account", userId, null, RateLimitPolicies.ClientAddress(HttpContext), clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }
}

public sealed record ProfileView(
    string FullName, string Email, bool TwoFactorEnabled, int RecoveryCodesLeft, bool TwoFactorRequired, bool CanDeleteAccount, IReadOnlyList<SessionRow> Sessions,
    MailChoice? Mail)
{
    public ChangePasswordForm ChangePassword { get; init; } = new();
}

/// <summary>One signed-in browser as the person sees it in "Akun Saya".</summary>
public sealed record SessionRow(string Id, string Device, string Address, DateTimeOffset StartedAt, DateTimeOffset LastSeenAt, bool IsThisBrowser);

/// <summary>Recovery codes as shown once, with whose they are and when they were made (for the printout and the file).</summary>
public sealed record RecoveryCodesView(string Account, DateTimeOffset MadeAt, IReadOnlyList<string> Codes);

public sealed record AuthenticatorView(string Key, string QrCodeDataUri, string OtpAuthUri, string? Code, bool Required)
{
    /// <summary>The key in groups of four, easier to type into an app by hand.</summary>
    public string FormattedKey => string.Join(' ', Key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
}
