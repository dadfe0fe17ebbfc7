using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.Categories;

/// <summary>/admin/kategori: categories and their default agencies.</summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/kategori")]
public sealed class CategoriesController(IStringLocalizer<AdministrationResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? edit, [FromServices] CategoryList.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(edit, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("")]
    public Task<IActionResult> Create(
        SaveCategory.Form form, [FromServices] IValidator<SaveCategory.Form> validator, [FromServices] SaveCategory.Handler handler,
        [FromServices] CategoryList.Handler list, CancellationToken cancellationToken) =>
        SaveAsync(null, form, validator, handler, list, cancellationToken);

    /// <summary>Saves a category; turning an active one off is confirmed first, on a page that says what it does.</summary>
    [HttpPost("{id:int}")]
    public async Task<IActionResult> Update(
        [FromRoute] int id, SaveCategory.Form form, bool confirmed, [FromServices] IValidator<SaveCategory.Form> validator, [FromServices] SaveCategory.Handler handler,
        [FromServices] CategoryList.Handler list, CancellationToken cancellationToken)
    {
        if (confirmed || (await validator.ValidateAsync(form, cancellationToken)).IsValid is false || await handler.DeactivatingAsync(id, form, cancellationToken) is not { } off)
        {
            return await SaveAsync(id, form, validator, handler, list, cancellationToken);
        }

        var route = new Dictionary<string, string> { ["id"] = id.ToString(CultureInfo.InvariantCulture) };
        return View(Confirmation.View, new Confirmation(
            t["Categories.DeactivateTitle", off.Name], [t["Categories.DeactivateNotOffered", off.Name], t["Categories.DeactivateReports", off.Reports]],
            "Categories", nameof(Update), route, t["Administration.Save"], nameof(Index), new Dictionary<string, string> { ["edit"] = route["id"] })
        {
            Fields = Confirmation.FieldsOf(form),
        });
    }

    private async Task<IActionResult> SaveAsync(
        int? id, SaveCategory.Form form, IValidator<SaveCategory.Form> validator, SaveCategory.Handler handler, CategoryList.Handler list, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        var refused = validation.IsValid ? await handler.HandleAsync(id, form, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken) : null;
        if (validation.IsValid && refused is null)
        {
            TempData[FlashMessage.SuccessKey] = t["Common.Saved"].Value;
            return RedirectToAction(nameof(Index));
        }

        // One message above the form, not one under each field.
        ModelState.AddModelError("", refused is null ? validation.Errors[0].ErrorMessage : t[refused]);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), await list.PageAsync(form, id, cancellationToken));
    }
}
