using System.Security.Claims;
using FluentValidation;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.Holidays;

/// <summary>/admin/libur: the holiday table that working days are counted with.</summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/libur")]
public sealed class HolidaysController(IStringLocalizer<AdministrationResource> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(int? tahun, [FromServices] HolidayList.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(tahun, cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Add(
        AddHoliday.Form form, [FromServices] IValidator<AddHoliday.Form> validator, [FromServices] AddHoliday.Handler handler, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return Back(FlashMessage.ErrorKey, validation.Errors[0].ErrorMessage, form.Date?.Year);
        }

        var added = await handler.HandleAsync(form, UserId, cancellationToken);
        return Back(added ? FlashMessage.SuccessKey : FlashMessage.ErrorKey, t[added ? "Common.Saved" : "Holidays.AlreadyThere"], form.Date!.Value.Year);
    }

    [HttpPost("impor")]
    [RequestSizeLimit(1024 * 1024)]
    public async Task<IActionResult> Import(
        ImportHolidays.Form form, [FromServices] IValidator<ImportHolidays.Form> validator, [FromServices] ImportHolidays.Handler handler, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return Back(FlashMessage.ErrorKey, validation.Errors[0].ErrorMessage, null);
        }

        return await handler.HandleAsync(form, UserId, cancellationToken) is { } imported
            ? Back(FlashMessage.SuccessKey, t["Holidays.Imported", imported.Added, imported.Skipped], imported.Year)
            : Back(FlashMessage.ErrorKey, t["Holidays.BadFile"], null);
    }

    [HttpPost("{id:int}/hapus")]
    public async Task<IActionResult> Remove([FromRoute] int id, int? tahun, [FromServices] RemoveHoliday.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(id, UserId, cancellationToken) ? Back(FlashMessage.SuccessKey, t["Holidays.Removed"], tahun) : NotFound();

    private RedirectToActionResult Back(string key, string message, int? year)
    {
        TempData[key] = message;
        return RedirectToAction(nameof(Index), new { tahun = year });
    }
}
