using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using Lapor.Web.Domain.Integrations;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.ApiClients;

/// <summary>/admin/api: the systems allowed to call Lapor's API. A new key is shown once, then only its prefix.</summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/api")]
public sealed class ApiClientsController(IStringLocalizer<AdministrationResource> t, LocalTime localTime) : Controller
{
    private string? AdminId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ClientList.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(null, cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Create(
        CreateClient.Form form, [FromServices] IValidator<CreateClient.Form> validator, [FromServices] CreateClient.Handler handler, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return Back(FlashMessage.ErrorKey, validation.Errors[0].ErrorMessage);
        }

        var result = await handler.HandleAsync(form, AdminId, cancellationToken);
        if (result.Page is null)
        {
            return Back(FlashMessage.ErrorKey, t[result.Error!]);
        }

        // Shown in this response only, never stored or redirected through a cookie.
        Response.Headers.CacheControl = "no-store";
        return View(nameof(Index), result.Page);
    }

    /// <summary>Which client stops working, and from when, before its key is revoked.</summary>
    [HttpGet("{id:int}/cabut")]
    public async Task<IActionResult> Revoke([FromRoute] int id, [FromServices] RevokeClient.Handler handler, CancellationToken cancellationToken)
    {
        if (await handler.FindAsync(id, cancellationToken) is not { Active: true } client)
        {
            return NotFound();
        }

        var operations = string.Join(", ", Enum.GetValues<ApiOperations>().Where(o => o != ApiOperations.None && client.Operations.HasFlag(o)).Select(o => t[$"ApiOperations.{o}"].Value));
        var used = client.LastUsedAt is { } at ? t["ApiClients.RevokeLastUsed", localTime.Format(at, "d MMMM yyyy HH:mm")] : t["ApiClients.RevokeNeverUsed"];
        return View(Confirmation.View, new Confirmation(
            t["ApiClients.RevokeTitle", client.Name], [t["ApiClients.RevokeStops", client.Name, client.KeyPrefix, operations], used, t["ApiClients.RevokeFinal"]],
            "ApiClients", nameof(Revoke), new Dictionary<string, string> { ["id"] = id.ToString(CultureInfo.InvariantCulture) }, t["ApiClients.Revoke"], nameof(Index),
            new Dictionary<string, string>()));
    }

    [HttpPost("{id:int}/cabut")]
    public async Task<IActionResult> Revoke([FromRoute] int id, bool confirmed, [FromServices] RevokeClient.Handler handler, CancellationToken cancellationToken)
    {
        if (!confirmed)
        {
            return RedirectToAction(nameof(Revoke), new { id });
        }

        return await handler.HandleAsync(id, AdminId, cancellationToken) ? Back(FlashMessage.SuccessKey, t["ApiClients.Revoked"]) : NotFound();
    }

    /// <summary>
    /// Sets or (with an empty address) removes the client's webhook; a refused address or secret comes back as the page's error.
    /// A secret set is shown on this response only, like a new key.
    /// </summary>
    [HttpPost("{id:int}/webhook")]
    public async Task<IActionResult> Webhook([FromRoute] int id, SetWebhook.Form form, [FromServices] SetWebhook.Handler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(id, form, AdminId, cancellationToken);
        if (!result.Found)
        {
            return NotFound();
        }

        if (result.Error is { } error)
        {
            return Back(FlashMessage.ErrorKey, t[error]);
        }

        if (result.Page is not { } page)
        {
            return Back(FlashMessage.SuccessKey, t["ApiClients.WebhookRemoved"]);
        }

        Response.Headers.CacheControl = "no-store";
        return View(nameof(Index), page);
    }

    private RedirectToActionResult Back(string key, string message)
    {
        TempData[key] = message;
        return RedirectToAction(nameof(Index));
    }
}
