using FluentValidation;
using FluentValidation.AspNetCore;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Accounts;
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

/// <summary>Our own localized sign-in (no default Identity UI): /Account/Login, its second step, and signing out.</summary>
[AllowAnonymous]
[Route("Account")]
public sealed class SignInController(LaporSignInManager signIn, UserManager<LaporUser> users, IStringLocalizer<AccountResource> t, SecurityEvents events) : Controller
{
    /// <summary>For links from elsewhere: the controller's name, not its URL.</summary>
    public const string Name = "SignIn";

    private string ClientAddress => RateLimitPolicies.ClientAddress(HttpContext);

    [HttpGet("Login")]
    public IActionResult Login(string? returnUrl) => View(new Login.Form { ReturnUrl = returnUrl });

    [HttpPost("Login")]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> Login(
        Login.Form form, [FromServices] IValidator<Login.Form> validator, [FromServices] Login.Handler handler, CancellationToken cancellationToken)
    {
        (await validator.ValidateAsync(form, cancellationToken)).AddToModelState(ModelState);
        if (ModelState.IsValid)
        {
            var (result, user) = await handler.SignInAsync(form, ClientAddress, cancellationToken);
            if (result.RequiresTwoFactor)
            {
                // The password was right; the sign-in completes (and is audited) after the second factor.
                return RedirectToAction(nameof(LoginWith2fa), new { returnUrl = form.ReturnUrl, rememberMe = form.RememberMe });
            }

            if (Logged(user, result))
            {
                return await LandAsync(user!, form.ReturnUrl);
            }

            // One message for an unknown e-mail and a wrong password, and one lock, so sign-in does not reveal who has an account.
            ModelState.AddModelError("", t[result.IsLockedOut ? "Account.LockedOut" : "Account.InvalidLogin"]);
            form.AskForCode = result.IsLockedOut;
        }

        (form.Password, form.Code) = (null, null);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form);
    }

    [HttpGet("LoginWith2fa")]
    public async Task<IActionResult> LoginWith2fa(string? returnUrl, bool rememberMe) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction(nameof(Login))
            : View(new LoginWith2fa.Form { ReturnUrl = returnUrl, RememberMe = rememberMe });

    [HttpPost("LoginWith2fa")]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> LoginWith2fa(LoginWith2fa.Form form, [FromServices] LoginWith2fa.Handler handler, CancellationToken cancellationToken)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction(nameof(Login));
        }

        var result = await handler.SignInAsync(user, form, ClientAddress, cancellationToken);
        if (Logged(user, result))
        {
            return await LandAsync(user, form.ReturnUrl);
        }

        ModelState.AddModelError(nameof(form.Code), t[result.IsLockedOut ? "Account.LockedOut" : "Account.InvalidCode"]);
        form.Code = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form);
    }

    [HttpPost("Logout")]
    public async Task<IActionResult> Logout()
    {
        events.SignedOut(HttpContext);
        await signIn.SignOutAsync();
        return Redirect("/");
    }

    /// <summary>
    /// Where a completed sign-in goes: the page that asked for it when there is one; otherwise a citizen
    /// (no staff or administrator role) to "Laporan Saya", staff to the home page as before.
    /// </summary>
    /// <summary>Where a sign-in without a return address lands: a citizen on their reports, staff on their work, an administrator on the users.</summary>
    private async Task<IActionResult> LandAsync(LaporUser user, string? returnUrl)
    {
        if (!string.IsNullOrEmpty(returnUrl))
        {
            return LocalRedirect(Url.LocalOrHome(returnUrl));
        }

        var roles = await users.GetRolesAsync(user);
        if (roles.Any(role => role is Roles.Officer or Roles.AgencyHead or Roles.Coordinator or Roles.Oversight))
        {
            return RedirectToAction("Index", "Inbox");
        }

        if (roles.Contains(Roles.Administrator))
        {
            return RedirectToAction("Index", "Users");
        }

        return roles.Contains(Roles.VillageOperator) ? RedirectToAction("Index", "Operator") : RedirectToAction("Mine", "MyReports");
    }

    /// <summary>Logs the attempt as an OWASP-named security event (audited by the handler); returns whether it succeeded.</summary>
    private bool Logged(LaporUser? user, SignInResult result)
    {
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
