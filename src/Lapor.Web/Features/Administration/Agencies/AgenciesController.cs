using System.Security.Claims;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.Agencies;

/// <summary>/admin/instansi: the agency tree.</summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/instansi")]
public sealed class AgenciesController(AgencyAdmin agencies, IStringLocalizer<SharedResource> t) : Controller
{
    private string AdminId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(int? edit, CancellationToken cancellationToken)
    {
        var form = edit is { } id ? await agencies.FindAsync(id, cancellationToken) : new AgencyAdmin.Form();
        return form is null ? NotFound() : View(new AgenciesPage(await agencies.TreeAsync(cancellationToken), form, edit));
    }

    [HttpPost("")]
    public Task<IActionResult> Create(AgencyAdmin.Form form, CancellationToken cancellationToken) => SaveAsync(null, form, cancellationToken);

    [HttpPost("{id:int}")]
    public Task<IActionResult> Update([FromRoute] int id, AgencyAdmin.Form form, CancellationToken cancellationToken) => SaveAsync(id, form, cancellationToken);

    [HttpPost("impor")]
    [RequestSizeLimit(2 * 1024 * 1024)]
    public async Task<IActionResult> Import(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null or { Length: 0 })
        {
            return Back(FlashMessage.ErrorKey, t["Holidays.NoFile"]);
        }

        using var reader = new StreamReader(file.OpenReadStream());
        var result = await agencies.ImportAsync(await reader.ReadToEndAsync(cancellationToken), AdminId, cancellationToken);
        return result is { } r ? Back(FlashMessage.SuccessKey, t["Agencies.Imported", r.Added, r.Skipped]) : Back(FlashMessage.ErrorKey, t["Agencies.BadFile"]);
    }

    private async Task<IActionResult> SaveAsync(int? id, AgencyAdmin.Form form, CancellationToken cancellationToken)
    {
        var error = await agencies.SaveAsync(id, form, AdminId, cancellationToken);
        if (error is null)
        {
            return Back(FlashMessage.SuccessKey, t["Inbox.Saved"]);
        }

        ModelState.AddModelError("", t[error]);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), new AgenciesPage(await agencies.TreeAsync(cancellationToken), form, id));
    }

    private RedirectToActionResult Back(string key, string message)
    {
        TempData[key] = message;
        return RedirectToAction(nameof(Index));
    }
}

public sealed record AgenciesPage(IReadOnlyList<AgencyAdmin.Node> Tree, AgencyAdmin.Form Form, int? EditingId);
