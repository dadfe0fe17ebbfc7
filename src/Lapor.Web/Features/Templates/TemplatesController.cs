using FluentValidation;
using FluentValidation.AspNetCore;
using Lapor.Web.Features.Inbox;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Templates;

/// <summary>/inbox/templat: an officer's agency response templates.</summary>
[Authorize(Policy = Policies.Officer)]
[Route("inbox/templat")]
public sealed class TemplatesController(
    ResponseTemplates templates, StaffScopeProvider scopes, AgencyDirectory agencies, IValidator<TemplateForm> validator, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? edit, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var items = await templates.ListAsync(scope, cancellationToken);
        var editing = edit is { } id ? items.FirstOrDefault(i => i.Id == id) : null;
        if (edit is not null && editing is null)
        {
            return NotFound();
        }

        var form = editing is null
            ? new TemplateForm { AgencyId = scope.AssignedAgencies.Count > 0 ? scope.AssignedAgencies[0] : 0 }
            : new TemplateForm { AgencyId = editing.AgencyId, Title = editing.Title, Body = editing.Body };
        return View(new TemplatesPage(items, form, editing?.Id, await MyAgenciesAsync(scope, cancellationToken)));
    }

    [HttpPost("")]
    public Task<IActionResult> Create(TemplateForm form, CancellationToken cancellationToken) =>
        SaveAsync(null, form, (scope, ct) => templates.CreateAsync(scope, form, ct), cancellationToken);

    [HttpPost("{id:int}")]
    public Task<IActionResult> Update([FromRoute] int id, TemplateForm form, CancellationToken cancellationToken) =>
        SaveAsync(id, form, (scope, ct) => templates.UpdateAsync(scope, id, form, ct), cancellationToken);

    [HttpPost("{id:int}/hapus")]
    public async Task<IActionResult> Delete([FromRoute] int id, CancellationToken cancellationToken)
    {
        if (!await templates.DeleteAsync(await scopes.GetAsync(cancellationToken), id, cancellationToken))
        {
            return NotFound();
        }

        TempData[FlashMessage.SuccessKey] = t["Templates.Deleted"].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task<List<AgencyDirectory.Entry>> MyAgenciesAsync(ReportScope scope, CancellationToken cancellationToken) =>
        [.. (await agencies.ListAsync(cancellationToken)).Where(a => scope.AssignedAgencies.Contains(a.Id))];

    private async Task<IActionResult> SaveAsync(int? id, TemplateForm form, Func<ReportScope, CancellationToken, Task<bool>> save, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        (await validator.ValidateAsync(form, cancellationToken)).AddToModelState(ModelState, "Form");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), new TemplatesPage(await templates.ListAsync(scope, cancellationToken), form, id, await MyAgenciesAsync(scope, cancellationToken)));
        }

        if (!await save(scope, cancellationToken))
        {
            return NotFound();
        }

        TempData[FlashMessage.SuccessKey] = t["Inbox.Saved"].Value;
        return RedirectToAction(nameof(Index));
    }
}

public sealed record TemplatesPage(IReadOnlyList<ResponseTemplates.Item> Items, TemplateForm Form, int? EditingId, IReadOnlyList<AgencyDirectory.Entry> Agencies);
