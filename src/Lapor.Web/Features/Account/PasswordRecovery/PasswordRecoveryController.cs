using FluentValidation;
using FluentValidation.AspNetCore;
using Lapor.Web.Features.Account.SignIn;
using Lapor.Web.Infrastructure.Identity;
using Lapor.Web.Infrastructure.Security;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Account.PasswordRecovery;

/// <summary>"Lupa kata sandi", and choosing a password from a mailed link (a reset, or an invitation to a staff account).</summary>
[AllowAnonymous]
[Route("Account")]
public sealed class PasswordRecoveryController(LaporSignInManager signIn, IStringLocalizer<AccountResource> t, SecurityEvents events) : Controller
{
    private string ClientAddress => RateLimitPolicies.ClientAddress(HttpContext);

    [HttpGet("ForgotPassword")]
    public IActionResult ForgotPassword() => View(new PasswordReset.RequestForm());

    [HttpPost("ForgotPassword")]
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

    [HttpGet("ForgotPasswordSent")]
    public IActionResult ForgotPasswordSent() => View();

    /// <summary>The link from a "forgotten password" mail (valid for an hour, once).</summary>
    [HttpGet("ResetPassword")]
    public Task<IActionResult> ResetPassword(string? userId, string? token, [FromServices] PasswordReset.Handler handler) =>
        NewPasswordPageAsync(PasswordReset.LinkKind.Reset, userId, token, handler);

    /// <summary>The link from an invitation to a new staff account (valid for a day, once).</summary>
    [HttpGet("SetPassword")]
    public Task<IActionResult> SetPassword(string? userId, string? token, [FromServices] PasswordReset.Handler handler) =>
        NewPasswordPageAsync(PasswordReset.LinkKind.Invitation, userId, token, handler);

    [HttpPost("ResetPassword")]
    [ActionName(nameof(ResetPassword))]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public Task<IActionResult> ResetPasswordPost(PasswordReset.NewPasswordForm form, [FromServices] IValidator<PasswordReset.NewPasswordForm> validator, [FromServices] PasswordReset.Handler handler, CancellationToken cancellationToken) =>
        SetPasswordAsync(form, PasswordReset.LinkKind.Reset, validator, handler, cancellationToken);

    [HttpPost("SetPassword")]
    [ActionName(nameof(SetPassword))]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public Task<IActionResult> SetPasswordPost(PasswordReset.NewPasswordForm form, [FromServices] IValidator<PasswordReset.NewPasswordForm> validator, [FromServices] PasswordReset.Handler handler, CancellationToken cancellationToken) =>
        SetPasswordAsync(form, PasswordReset.LinkKind.Invitation, validator, handler, cancellationToken);

    private async Task<IActionResult> NewPasswordPageAsync(PasswordReset.LinkKind kind, string? userId, string? token, PasswordReset.Handler handler)
    {
        var usable = await handler.IsUsableAsync(kind, userId, token);
        Response.StatusCode = usable ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        return View(nameof(SetPassword), new PasswordReset.NewPasswordForm { Kind = kind, UserId = userId, Token = token, LinkUsable = usable });
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
                return RedirectToAction(nameof(SignInController.Login), SignInController.Name);
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
        return View(nameof(SetPassword), form);
    }
}
