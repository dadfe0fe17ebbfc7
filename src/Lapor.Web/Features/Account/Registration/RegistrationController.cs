using FluentValidation;
using FluentValidation.AspNetCore;
using Lapor.Web.Features.Account.SignIn;
using Lapor.Web.Infrastructure.Security;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Account.Registration;

/// <summary>A citizen account: registered at /Account/Register, usable once the address is confirmed from the mail.</summary>
[AllowAnonymous]
[Route("Account")]
public sealed class RegistrationController(IStringLocalizer<AccountResource> t) : Controller
{
    private string ClientAddress => RateLimitPolicies.ClientAddress(HttpContext);

    [HttpGet("Register")]
    public IActionResult Register() => View(new Register.Form());

    [HttpPost("Register")]
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
    [HttpGet("CheckEmail")]
    public IActionResult CheckEmail() => View();

    /// <summary>The link from the confirmation mail opens a page with one button: a GET alone changes nothing (mail scanners follow links).</summary>
    [HttpGet("ConfirmEmail")]
    public async Task<IActionResult> ConfirmEmail(string? userId, string? token, [FromServices] ConfirmEmail.Handler handler)
    {
        if (await handler.IsConfirmedAsync(userId))
        {
            TempData[FlashMessage.SuccessKey] = t["Account.EmailConfirmed"].Value;
            return RedirectToAction(nameof(SignInController.Login), SignInController.Name);
        }

        return View(new ConfirmEmail.Form { UserId = userId, Token = token });
    }

    [HttpPost("ConfirmEmail")]
    [ActionName(nameof(ConfirmEmail))]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> ConfirmEmailPost(ConfirmEmail.Form form, [FromServices] IValidator<ConfirmEmail.Form> validator, [FromServices] ConfirmEmail.Handler handler, CancellationToken cancellationToken)
    {
        (await validator.ValidateAsync(form, cancellationToken)).AddToModelState(ModelState);
        if (ModelState.IsValid)
        {
            var (confirmed, problems) = await handler.ConfirmAsync(form, ClientAddress);
            if (confirmed)
            {
                TempData[FlashMessage.SuccessKey] = t["Account.EmailConfirmed"].Value;
                return RedirectToAction(nameof(SignInController.Login), SignInController.Name);
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
}
