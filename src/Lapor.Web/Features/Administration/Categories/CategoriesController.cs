using System.Security.Claims;
using Lapor.Web.Features.Shared.Agencies;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.Categories;

/// <summary>/admin/kategori: categories and their default agencies.</summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/kategori")]
public sealed class CategoriesController(CategoryAdmin categories, AgencyDirectory agencies, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? edit, CancellationToken cancellationToken)
    {
        var form = edit is { } id ? await categories.FindAsync(id, cancellationToken) : new CategoryAdmin.Form();
        return form is null ? NotFound() : View(await PageAsync(form, edit, cancellationToken));
    }

    [HttpPost("")]
    public Task<IActionResult> Create(CategoryAdmin.Form form, CancellationToken cancellationToken) => SaveAsync(null, form, cancellationToken);

    [HttpPost("{id:int}")]
    public Task<IActionResult> Update([FromRoute] int id, CategoryAdmin.Form form, CancellationToken cancellationToken) => SaveAsync(id, form, cancellationToken);

    private async Task<IActionResult> SaveAsync(int? id, CategoryAdmin.Form form, CancellationToken cancellationToken)
    {
        var error = await categories.SaveAsync(id, form, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        if (error is null)
        {
            TempData[FlashMessage.SuccessKey] = t["Inbox.Saved"].Value;
            return RedirectToAction(nameof(Index));
        }

        ModelState.AddModelError("", t[error]);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), await PageAsync(form, id, cancellationToken));
    }

    private async Task<CategoriesPage> PageAsync(CategoryAdmin.Form form, int? editing, CancellationToken cancellationToken) =>
        new(await categories.TreeAsync(cancellationToken), form, editing, await agencies.ListAllAsync(cancellationToken));
}

public sealed record CategoriesPage(IReadOnlyList<CategoryAdmin.Node> Tree, CategoryAdmin.Form Form, int? EditingId, IReadOnlyList<AgencyDirectory.Entry> Agencies);
