using System.Security.Claims;
using FluentValidation;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Security;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.Users;

/// <summary>/admin/pengguna: accounts, their roles and agencies.</summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/pengguna")]
public sealed class UsersController(IStringLocalizer<AdministrationResource> t, SecurityEvents events) : Controller
{
    private string AdminId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? role, [FromServices] UserList.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(role, cancellationToken));

    [HttpPost("undang")]
    public async Task<IActionResult> Invite(
        InviteUser.Form form, [FromServices] IValidator<InviteUser.Form> validator, [FromServices] InviteUser.Handler handler, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return Back(FlashMessage.ErrorKey, validation.Errors[0].ErrorMessage);
        }

        var (sent, message) = await handler.HandleAsync(form, AdminId, cancellationToken);
        return Back(sent ? FlashMessage.SuccessKey : FlashMessage.ErrorKey, t[message, form.Email ?? ""]);
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit([FromRoute] string id, [FromServices] EditUser.QueryHandler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(id, cancellationToken) is { } page ? View(page) : NotFound();

    /// <summary>Saves the account's roles, agencies and disabled flag; a change that takes access away is confirmed first.</summary>
    [HttpPost("{id}")]
    public async Task<IActionResult> Edit(
        [FromRoute] string id, EditUser.Form form, bool confirmed, [FromServices] IValidator<EditUser.Form> validator, [FromServices] EditUser.Handler handler,
        [FromServices] AccessLoss.Handler loss, CancellationToken cancellationToken)
    {
        form.IsOwnAccount = id == User.FindFirstValue(ClaimTypes.NameIdentifier);
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            TempData[FlashMessage.ErrorKey] = validation.Errors[0].ErrorMessage;
            return RedirectToAction(nameof(Edit), new { id });
        }

        if (!confirmed && await loss.FindAsync(id) is { } person && await loss.OfEditAsync(id, form, cancellationToken) is { Count: > 0 } consequences)
        {
            return View(Confirmation.View, new Confirmation(t["Access.EditTitle", person.Name], consequences, "Users", nameof(Edit), Route(id), t["Administration.Save"], nameof(Edit))
            {
                Fields = Confirmation.FieldsOf(form),
            });
        }

        if (!await handler.HandleAsync(id, form, AdminId, cancellationToken))
        {
            return NotFound();
        }

        events.AccountChanged(HttpContext, id);
        return Back(FlashMessage.SuccessKey, t["Common.Saved"]);
    }

    /// <summary>What a new-password link does to the person, before it is sent.</summary>
    [HttpGet("{id}/reset-kata-sandi")]
    public async Task<IActionResult> SendPasswordReset([FromRoute] string id, [FromServices] AccessLoss.Handler loss) =>
        await loss.FindAsync(id) is { } p
            ? View(Confirmation.View, new Confirmation(t["Access.ResetLinkTitle", p.Name], [t["Access.PasswordStops", p.Name], t["Access.SignedOutNow", p.Name], t["Access.LinkSent", p.Email]],
                "Users", nameof(SendPasswordReset), Route(id), t["Users.SendResetLink"], nameof(Edit)))
            : NotFound();

    /// <summary>Mails the person a link to choose a new password, and signs them out everywhere; asked first (<c>confirmed</c>).</summary>
    [HttpPost("{id}/reset-kata-sandi")]
    public async Task<IActionResult> SendPasswordReset([FromRoute] string id, bool confirmed, [FromServices] SendResetLink.Handler handler, CancellationToken cancellationToken)
    {
        if (!confirmed)
        {
            return RedirectToAction(nameof(SendPasswordReset), new { id });
        }

        return await handler.HandleAsync(id, AdminId, cancellationToken) ? Changed(id, t["Users.ResetLinkSent"]) : NotFound();
    }

    /// <summary>What turning the second factor off does, before it is done.</summary>
    [HttpGet("{id}/reset-dua-faktor")]
    public async Task<IActionResult> ResetTwoFactor([FromRoute] string id, [FromServices] AccessLoss.Handler loss) =>
        await loss.FindAsync(id) is { } p
            ? View(Confirmation.View, new Confirmation(t["Access.TwoFactorTitle", p.Name], [t["Access.AuthenticatorStops", p.Name], t["Access.SignedOutNow", p.Name], t["Access.TwoFactorNext", p.Name]],
                "Users", nameof(ResetTwoFactor), Route(id), t["Users.ResetTwoFactor"], nameof(Edit)))
            : NotFound();

    /// <summary>Turns the person's second factor off (lost phone); they are told by mail and signed out; asked first (<c>confirmed</c>).</summary>
    [HttpPost("{id}/reset-dua-faktor")]
    public async Task<IActionResult> ResetTwoFactor([FromRoute] string id, bool confirmed, [FromServices] TurnOffTwoFactor.Handler handler, CancellationToken cancellationToken)
    {
        if (!confirmed)
        {
            return RedirectToAction(nameof(ResetTwoFactor), new { id });
        }

        return await handler.HandleAsync(id, AdminId, cancellationToken) ? Changed(id, t["Users.TwoFactorReset"]) : NotFound();
    }

    private static Dictionary<string, string> Route(string id) => new() { ["id"] = id };

    /// <summary>After a change to someone's access: logged as a security event, then back to their page.</summary>
    private RedirectToActionResult Changed(string id, string message)
    {
        events.AccountChanged(HttpContext, id);
        TempData[FlashMessage.SuccessKey] = message;
        return RedirectToAction(nameof(Edit), new { id });
    }

    private RedirectToActionResult Back(string key, string message)
    {
        TempData[key] = message;
        return RedirectToAction(nameof(Index));
    }
}
