using FluentValidation;
using FluentValidation.AspNetCore;
using Lapor.Web.Features.Shared.Agencies;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.StaffWork.Templates;

/// <summary>/inbox/templat: response templates; officers manage their agencies', administrators every agency's.</summary>
[Authorize(Policy = Policies.Templates)]
[Route("inbox/templat")]
public sealed class TemplatesController(
    ResponseTemplates templates, StaffScopeProvider scopes, AgencyDirectory agencies, IValidator<TemplateForm> validator, IStringLocalizer<StaffWorkResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? edit, CancellationToken cancellationToken)
    {
        var scope = await ManagedAsync(cancellationToken);
        var items = await templates.ListAsync(scope, cancellationToken);
        var editing = edit is { } id ? items.FirstOrDefault(i => i.Id == id) : null;
        if (edit is not null && editing is null)
        {
            return NotFound();
        }

        var form = editing is null
            ? new TemplateForm { AgencyId = scope.Count > 0 ? scope[0] : 0 }
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
        if (!await templates.DeleteAsync(await ManagedAsync(cancellationToken), id, cancellationToken))
        {
            return NotFound();
        }

        TempData[FlashMessage.SuccessKey] = t["Templates.Deleted"].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task<List<AgencyDirectory.Entry>> MyAgenciesAsync(IReadOnlyList<int> managed, CancellationToken cancellationToken) =>
        [.. (await agencies.ListAsync(cancellationToken)).Where(a => managed.Contains(a.Id))];

    /// <summary>The agencies whose templates this user manages.</summary>
    private async Task<IReadOnlyList<int>> ManagedAsync(CancellationToken cancellationToken) =>
        User.IsInRole(Domain.Accounts.Roles.Administrator)
            ? [.. (await agencies.ListAsync(cancellationToken)).Select(a => a.Id)]
            : (await scopes.GetAsync(cancellationToken)).AssignedAgencies;

    private async Task<IActionResult> SaveAsync(int? id, TemplateForm form, Func<IReadOnlyList<int>, CancellationToken, Task<bool>> save, CancellationToken cancellationToken)
    {
        var scope = await ManagedAsync(cancellationToken);
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

        TempData[FlashMessage.SuccessKey] = t["Common.Saved"].Value;
        return RedirectToAction(nameof(Index));
    }
}

public sealed record TemplatesPage(IReadOnlyList<ResponseTemplates.Item> Items, TemplateForm Form, int? EditingId, IReadOnlyList<AgencyDirectory.Entry> Agencies);
