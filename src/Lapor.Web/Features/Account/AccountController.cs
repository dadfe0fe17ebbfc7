using FluentValidation;
using FluentValidation.AspNetCore;
using Lapor.Web.Data;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Infrastructure.Identity;
using Lapor.Web.Infrastructure.Security;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Account;

/// <summary>Our own localized sign-in and registration (no default Identity UI).</summary>
[AllowAnonymous]
[Route("Account/[action]")]
public sealed class AccountController(
    SignInManager<LaporUser> signIn, UserManager<LaporUser> users, IStringLocalizer<SharedResource> t, TimeProvider clock, SecurityEvents events) : Controller
{
    [HttpGet]
    public IActionResult Login(string? returnUrl) => View(new Login.Form { ReturnUrl = returnUrl });

    [HttpPost]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> Login(Login.Form form, [FromServices] IValidator<Login.Form> validator, [FromServices] LaporDbContext db, CancellationToken cancellationToken)
    {
        (await validator.ValidateAsync(form, cancellationToken)).AddToModelState(ModelState);
        if (ModelState.IsValid)
        {
            var user = await users.FindByEmailAsync(form.Email!);
            var result = user is null || user.IsDisabled
                ? Microsoft.AspNetCore.Identity.SignInResult.Failed
                : await signIn.PasswordSignInAsync(user, form.Password!, form.RememberMe, lockoutOnFailure: true);
            if (result.RequiresTwoFactor)
            {
                // The password was right; the sign-in completes (and is audited) after the second factor.
                return RedirectToAction(nameof(LoginWith2fa), new { returnUrl = form.ReturnUrl, rememberMe = form.RememberMe });
            }

            if (await RecordSignInAsync(user, result, db, cancellationToken))
            {
                return LocalRedirect(Url.LocalOrHome(form.ReturnUrl));
            }

            // One message for unknown e-mail and wrong password, so sign-in does not reveal who has an account.
            ModelState.AddModelError("", t[result.IsLockedOut ? "Account.LockedOut" : "Account.InvalidLogin"]);
        }

        form.Password = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form);
    }

    /// <summary>The second step of sign-in: a code from the authenticator app, or a one-time recovery code.</summary>
    [HttpGet]
    public async Task<IActionResult> LoginWith2fa(string? returnUrl, bool rememberMe) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction(nameof(Login))
            : View(new LoginWith2faForm { ReturnUrl = returnUrl, RememberMe = rememberMe });

    [HttpPost]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> LoginWith2fa(LoginWith2faForm form, [FromServices] LaporDbContext db, CancellationToken cancellationToken)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction(nameof(Login));
        }

        var code = new string((form.Code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        var result = code.Length == 0 ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : code.Length == 6 && code.All(char.IsAsciiDigit) ? await signIn.TwoFactorAuthenticatorSignInAsync(code, form.RememberMe, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (await RecordSignInAsync(user, result, db, cancellationToken))
        {
            return LocalRedirect(Url.LocalOrHome(form.ReturnUrl));
        }

        ModelState.AddModelError(nameof(form.Code), t[result.IsLockedOut ? "Account.LockedOut" : "Account.InvalidCode"]);
        form.Code = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form);
    }

    [HttpGet]
    public IActionResult Register() => View(new Register.Form());

    [HttpPost]
    [EnableRateLimiting(RateLimitPolicies.Registration)]
    public async Task<IActionResult> Register(Register.Form form, [FromServices] IValidator<Register.Form> validator, CancellationToken cancellationToken)
    {
        (await validator.ValidateAsync(form, cancellationToken)).AddToModelState(ModelState);
        if (ModelState.IsValid)
        {
            var user = new LaporUser { UserName = form.Email, Email = form.Email, FullName = form.FullName!.Trim(), CreatedAt = clock.GetUtcNow() };
            var created = await users.CreateAsync(user, form.Password!);
            if (created.Succeeded)
            {
                await users.AddToRoleAsync(user, Roles.Citizen);
                await signIn.SignInAsync(user, isPersistent: false);
                return Redirect("/laporan-saya");
            }

            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? nameof(form.Password) : nameof(form.Email), error.Description);
            }
        }

        (form.Password, form.ConfirmPassword) = (null, null);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form);
    }

    [HttpGet]
    public IActionResult SetPassword(string? userId, string? token) => View(new SetPasswordForm { UserId = userId, Token = token });

    /// <summary>An invited staff member chooses their password with the link from the invitation mail.</summary>
    [HttpPost]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> SetPassword(SetPasswordForm form)
    {
        var user = form.UserId is null ? null : await users.FindByIdAsync(form.UserId);
        if (user is not null && !string.IsNullOrEmpty(form.Token) && form.Password is { Length: >= 8 and <= 128 })
        {
            var result = await users.ResetPasswordAsync(user, form.Token, form.Password);
            if (result.Succeeded)
            {
                events.PasswordChanged(HttpContext, user.Id);
                TempData[FlashMessage.SuccessKey] = t["Account.PasswordSet"].Value;
                return Redirect("/Account/Login");
            }

            // A common password is the user's to fix; any other failure means the link is bad or used.
            var tooCommon = result.Errors.FirstOrDefault(e => e.Code == "PasswordTooCommon");
            ModelState.AddModelError("", tooCommon?.Description ?? t["Account.InvalidLink"]);
        }
        else
        {
            ModelState.AddModelError("", t[form.Password is { Length: >= 8 and <= 128 } ? "Account.InvalidLink" : "Validation.PasswordLength", 8, 128]);
        }

        form.Password = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form);
    }

    [HttpPost]
    public async Task<IActionResult> Logout()
    {
        events.SignedOut(HttpContext);
        await signIn.SignOutAsync();
        return Redirect("/");
    }

    /// <summary>
    /// Security events are audited by account id, never by the typed e-mail (which may be someone
    /// else's), and logged as OWASP-named events. Returns whether the sign-in succeeded.
    /// </summary>
    private async Task<bool> RecordSignInAsync(LaporUser? user, Microsoft.AspNetCore.Identity.SignInResult result, LaporDbContext db, CancellationToken cancellationToken)
    {
        var action = result.Succeeded ? AuditAction.SignIn : result.IsLockedOut ? AuditAction.Lockout : AuditAction.SignInFailed;
        db.AuditEntries.Add(new AuditEntry(action, user?.Id, "Account", null, null, HttpContext.Connection.RemoteIpAddress?.ToString(), clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        if (result.Succeeded)
        {
            events.SignInSucceeded(HttpContext, user!.Id);
            user.LastSignInAt = clock.GetUtcNow();
            await users.UpdateAsync(user);
        }
        else if (result.IsLockedOut)
        {
            events.LockedOut(HttpContext, user!.Id);
        }
        else
        {
            events.SignInFailed(HttpContext, user?.Id);
        }

        return result.Succeeded;
    }
}

public sealed class LoginWith2faForm
{
    public string? Code { get; set; }
    public bool RememberMe { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class SetPasswordForm
{
    public string? UserId { get; set; }
    public string? Token { get; set; }
    public string? Password { get; set; }
}
