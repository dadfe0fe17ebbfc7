using FluentValidation;
using FluentValidation.AspNetCore;
using Lapor.Web.Data;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Infrastructure.Identity;
using Lapor.Web.Infrastructure.Security;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Lapor.Web.Features.Account.SignIn;

/// <summary>Our own localized sign-in, registration and password pages (no default Identity UI).</summary>
[AllowAnonymous]
[Route("Account/[action]")]
public sealed class AccountController(
    LaporSignInManager signIn, IStringLocalizer<SharedResource> t, TimeProvider clock, SecurityEvents events) : Controller
{
    private string ClientAddress => RateLimitPolicies.ClientAddress(HttpContext);

    [HttpGet]
    public IActionResult Login(string? returnUrl) => View(new Login.Form { ReturnUrl = returnUrl });

    [HttpPost]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> Login(
        Login.Form form, [FromServices] IValidator<Login.Form> validator, [FromServices] PasswordSignIn passwordSignIn, [FromServices] LaporDbContext db, CancellationToken cancellationToken)
    {
        (await validator.ValidateAsync(form, cancellationToken)).AddToModelState(ModelState);
        if (ModelState.IsValid)
        {
            var (result, user) = await passwordSignIn.SignInAsync(form.Email!.Trim(), form.Password!, form.RememberMe, ClientAddress, form.Code);
            if (result.RequiresTwoFactor)
            {
                // The password was right; the sign-in completes (and is audited) after the second factor.
                return RedirectToAction(nameof(LoginWith2fa), new { returnUrl = form.ReturnUrl, rememberMe = form.RememberMe });
            }

            if (await RecordSignInAsync(user, result, db, cancellationToken))
            {
                return LocalRedirect(Url.LocalOrHome(form.ReturnUrl));
            }

            // One message for an unknown e-mail and a wrong password, and one lock, so sign-in does not reveal who has an account.
            ModelState.AddModelError("", t[result.IsLockedOut ? "Account.LockedOut" : "Account.InvalidLogin"]);
            form.AskForCode = result.IsLockedOut;
        }

        (form.Password, form.Code) = (null, null);
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
    public async Task<IActionResult> LoginWith2fa(LoginWith2faForm form, [FromServices] LaporDbContext db, [FromServices] SignInThrottle throttle, CancellationToken cancellationToken)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction(nameof(Login));
        }

        var code = new string((form.Code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        var result = code.Length == 0 ? SignInResult.Failed
            : code.Length == 6 && code.All(char.IsAsciiDigit) ? await signIn.TwoFactorAuthenticatorSignInAsync(code, form.RememberMe, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode(code));
        if (await RecordSignInAsync(user, result, db, cancellationToken))
        {
            // Only a completed sign-in clears the failure counts; a right password alone does not.
            await throttle.ClearAsync(user.Email!, ClientAddress);
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
    public async Task<IActionResult> Register(Register.Form form, [FromServices] IValidator<Register.Form> validator, [FromServices] Register.Handler handler, CancellationToken cancellationToken)
    {
        (await validator.ValidateAsync(form, cancellationToken)).AddToModelState(ModelState);
        if (ModelState.IsValid)
        {
            var problems = await handler.RegisterAsync(form, ClientAddress);
            if (problems.Count == 0)
            {
                return RedirectToAction(nameof(CheckEmail));
            }

            foreach (var problem in problems)
            {
                ModelState.AddModelError(nameof(form.Password), problem.Description);
            }
        }

        (form.Password, form.ConfirmPassword) = (null, null);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form);
    }

    /// <summary>After registering: the same page whether the address was new or already had an account.</summary>
    [HttpGet]
    public IActionResult CheckEmail() => View();

    /// <summary>The link from the confirmation mail opens a page with one button: a GET alone changes nothing (mail scanners follow links).</summary>
    [HttpGet]
    public async Task<IActionResult> ConfirmEmail(string? userId, string? token, [FromServices] UserManager<LaporUser> accounts)
    {
        // Opened again after confirming: nothing to do but sign in.
        if (userId is not null && await accounts.FindByIdAsync(userId) is { EmailConfirmed: true })
        {
            TempData[FlashMessage.SuccessKey] = t["Account.EmailConfirmed"].Value;
            return RedirectToAction(nameof(Login));
        }

        return View(new ConfirmEmailForm { UserId = userId, Token = token });
    }

    [HttpPost]
    [ActionName(nameof(ConfirmEmail))]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> ConfirmEmailPost(ConfirmEmailForm form, [FromServices] IValidator<ConfirmEmailForm> validator, [FromServices] Register.Handler handler, CancellationToken cancellationToken)
    {
        (await validator.ValidateAsync(form, cancellationToken)).AddToModelState(ModelState);
        if (ModelState.IsValid)
        {
            var (confirmed, problems) = await handler.ConfirmAsync(form, ClientAddress);
            if (confirmed)
            {
                TempData[FlashMessage.SuccessKey] = t["Account.EmailConfirmed"].Value;
                return RedirectToAction(nameof(Login));
            }

            foreach (var problem in problems)
            {
                ModelState.AddModelError(nameof(form.Password), problem.Description);
            }

            if (problems.Count == 0)
            {
                ModelState.AddModelError("", t["Account.InvalidConfirmLink"]);
            }
        }

        form.Password = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(ConfirmEmail), form);
    }

    [HttpGet]
    public IActionResult ForgotPassword() => View(new PasswordReset.RequestForm());

    [HttpPost]
    [EnableRateLimiting(RateLimitPolicies.AccountMail)]
    public async Task<IActionResult> ForgotPassword(
        PasswordReset.RequestForm form, [FromServices] IValidator<PasswordReset.RequestForm> validator, [FromServices] PasswordReset.Handler handler, CancellationToken cancellationToken)
    {
        (await validator.ValidateAsync(form, cancellationToken)).AddToModelState(ModelState);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }

        await handler.RequestAsync(form.Email!, ClientAddress);
        return RedirectToAction(nameof(ForgotPasswordSent));
    }

    [HttpGet]
    public IActionResult ForgotPasswordSent() => View();

    /// <summary>The link from a "forgotten password" mail (valid for an hour, once).</summary>
    [HttpGet]
    public Task<IActionResult> ResetPassword(string? userId, string? token, [FromServices] PasswordReset.Handler handler) =>
        NewPasswordPageAsync(PasswordReset.LinkKind.Reset, userId, token, handler);

    /// <summary>The link from an invitation to a new staff account (valid for a day, once).</summary>
    [HttpGet]
    public Task<IActionResult> SetPassword(string? userId, string? token, [FromServices] PasswordReset.Handler handler) =>
        NewPasswordPageAsync(PasswordReset.LinkKind.Invitation, userId, token, handler);

    [HttpPost]
    [ActionName(nameof(ResetPassword))]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public Task<IActionResult> ResetPasswordPost(PasswordReset.NewPasswordForm form, [FromServices] IValidator<PasswordReset.NewPasswordForm> validator, [FromServices] PasswordReset.Handler handler, CancellationToken cancellationToken) =>
        SetPasswordAsync(form, PasswordReset.LinkKind.Reset, validator, handler, cancellationToken);

    [HttpPost]
    [ActionName(nameof(SetPassword))]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public Task<IActionResult> SetPasswordPost(PasswordReset.NewPasswordForm form, [FromServices] IValidator<PasswordReset.NewPasswordForm> validator, [FromServices] PasswordReset.Handler handler, CancellationToken cancellationToken) =>
        SetPasswordAsync(form, PasswordReset.LinkKind.Invitation, validator, handler, cancellationToken);

    [HttpPost]
    public async Task<IActionResult> Logout()
    {
        events.SignedOut(HttpContext);
        await signIn.SignOutAsync();
        return Redirect("/");
    }

    private async Task<IActionResult> NewPasswordPageAsync(PasswordReset.LinkKind kind, string? userId, string? token, PasswordReset.Handler handler)
    {
        var usable = await handler.IsUsableAsync(kind, userId, token);
        Response.StatusCode = usable ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        return View("SetPassword", new PasswordReset.NewPasswordForm { Kind = kind, UserId = userId, Token = token, LinkUsable = usable });
    }

    private async Task<IActionResult> SetPasswordAsync(
        PasswordReset.NewPasswordForm form, PasswordReset.LinkKind kind, IValidator<PasswordReset.NewPasswordForm> validator, PasswordReset.Handler handler, CancellationToken cancellationToken)
    {
        form.Kind = kind;
        (await validator.ValidateAsync(form, cancellationToken)).AddToModelState(ModelState);
        if (ModelState.IsValid)
        {
            var (outcome, problems) = await handler.SetAsync(form, ClientAddress);
            if (outcome == PasswordReset.Outcome.Done)
            {
                events.PasswordChanged(HttpContext, form.UserId!);
                await signIn.SignOutAsync();
                TempData[FlashMessage.SuccessKey] = t["Account.PasswordSet"].Value;
                return RedirectToAction(nameof(Login));
            }

            foreach (var problem in problems)
            {
                ModelState.AddModelError(nameof(form.Password), problem.Description);
            }

            if (outcome == PasswordReset.Outcome.InvalidLink)
            {
                form.LinkUsable = false;
            }
        }

        (form.Password, form.ConfirmPassword) = (null, null);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("SetPassword", form);
    }

    /// <summary>
    /// Recovery codes are typed from a printout, often on a phone keyboard: "43r8j 5xy3p" and
    /// "43R8J5XY3P" mean "43R8J-5XY3P", the form Identity stores.
    /// </summary>
    internal static string RecoveryCode(string typed)
    {
        var plain = new string([.. typed.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant)]);
        return plain.Length == 10 ? $"{plain[..5]}-{plain[5..]}" : typed;
    }

    /// <summary>
    /// Security events are audited by account id, never by the typed e-mail (which may be someone
    /// else's), and logged as OWASP-named events. Returns whether the sign-in succeeded.
    /// </summary>
    private async Task<bool> RecordSignInAsync(LaporUser? user, SignInResult result, LaporDbContext db, CancellationToken cancellationToken)
    {
        var action = result.Succeeded ? AuditAction.SignIn : result.IsLockedOut ? AuditAction.Lockout : AuditAction.SignInFailed;
        db.AuditEntries.Add(new AuditEntry(action, user?.Id, "Account", null, null, ClientAddress, clock.GetUtcNow()));
        if (result.Succeeded)
        {
            user!.LastSignInAt = clock.GetUtcNow();

            // Account mail is written in the language the person signs in with (or last chose while signed in).
            user.PreferredCulture = Infrastructure.Localization.LaporLocalization.CurrentCulture;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (result.Succeeded)
        {
            events.SignInSucceeded(HttpContext, user!.Id);
        }
        else if (result.IsLockedOut)
        {
            events.LockedOut(HttpContext, user?.Id);
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

public sealed class ConfirmEmailForm
{
    public string? UserId { get; set; }
    public string? Token { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Account.Password")]
    public string? Password { get; set; }

    public sealed class Validator : AbstractValidator<ConfirmEmailForm>
    {
        public Validator(IStringLocalizer<SharedResource> t) => RuleFor(f => f.Password).NewPassword(t, "Account.Password");
    }
}
