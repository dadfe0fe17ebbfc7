using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.Agencies;

/// <summary>/admin/instansi: the agency tree.</summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/instansi")]
public sealed class AgenciesController(IStringLocalizer<AdministrationResource> t) : Controller
{
    private string AdminId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(int? edit, [FromServices] AgencyList.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(edit, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("")]
    public Task<IActionResult> Create(
        SaveAgency.Form form, [FromServices] IValidator<SaveAgency.Form> validator, [FromServices] SaveAgency.Handler handler, [FromServices] AgencyList.Handler list,
        CancellationToken cancellationToken) =>
        SaveAsync(null, form, validator, handler, list, cancellationToken);

    /// <summary>Saves an agency; turning an active one off is confirmed first, on a page that says what it leaves behind.</summary>
    [HttpPost("{id:int}")]
    public async Task<IActionResult> Update(
        [FromRoute] int id, SaveAgency.Form form, bool confirmed, [FromServices] IValidator<SaveAgency.Form> validator, [FromServices] SaveAgency.Handler handler,
        [FromServices] AgencyList.Handler list, CancellationToken cancellationToken)
    {
        if (confirmed || (await validator.ValidateAsync(form, cancellationToken)).IsValid is false || await handler.DeactivatingAsync(id, form, cancellationToken) is not { } off)
        {
            return await SaveAsync(id, form, validator, handler, list, cancellationToken);
        }

        var route = new Dictionary<string, string> { ["id"] = id.ToString(CultureInfo.InvariantCulture) };
        return View(Confirmation.View, new Confirmation(
            t["Agencies.DeactivateTitle", off.Name], [t["Agencies.DeactivateNotOffered", off.Name], t["Agencies.DeactivateOpen", off.OpenAssignments], t["Agencies.DeactivateUnits", off.ActiveUnits]],
            "Agencies", nameof(Update), route, t["Administration.Save"], nameof(Index), new Dictionary<string, string> { ["edit"] = route["id"] })
        {
            Fields = Confirmation.FieldsOf(form),
        });
    }

    [HttpPost("impor")]
    [RequestSizeLimit(2 * 1024 * 1024)]
    public async Task<IActionResult> Import(
        ImportAgencies.Form form, [FromServices] IValidator<ImportAgencies.Form> validator, [FromServices] ImportAgencies.Handler handler, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return Back(FlashMessage.ErrorKey, validation.Errors[0].ErrorMessage);
        }

        return await handler.HandleAsync(form, AdminId, cancellationToken) is { } r
            ? Back(FlashMessage.SuccessKey, t["Agencies.Imported", r.Added, r.Skipped])
            : Back(FlashMessage.ErrorKey, t["Agencies.BadFile"]);
    }

    private async Task<IActionResult> SaveAsync(
        int? id, SaveAgency.Form form, IValidator<SaveAgency.Form> validator, SaveAgency.Handler handler, AgencyList.Handler list, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        var refused = validation.IsValid ? await handler.HandleAsync(id, form, AdminId, cancellationToken) : null;
        if (validation.IsValid && refused is null)
        {
            return Back(FlashMessage.SuccessKey, t["Common.Saved"]);
        }

        // One message above the form, not one under each field.
        ModelState.AddModelError("", refused is null ? validation.Errors[0].ErrorMessage : t[refused]);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), await list.PageAsync(form, id, cancellationToken));
    }

    private RedirectToActionResult Back(string key, string message)
    {
        TempData[key] = message;
        return RedirectToAction(nameof(Index));
    }
}
