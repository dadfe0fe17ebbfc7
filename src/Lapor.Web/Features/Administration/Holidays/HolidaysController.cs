using System.Security.Claims;
using FluentValidation;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.Holidays;

/// <summary>
/// /admin/libur: the holiday table that working days are counted with. Adding (typed in or from a file)
/// goes through a preview, removing through a confirmation; both say which due dates move.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/libur")]
public sealed class HolidaysController(IStringLocalizer<AdministrationResource> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(int? tahun, [FromServices] HolidayList.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(tahun, cancellationToken));

    /// <summary>One day typed in: shown as a preview of one row, saved from there.</summary>
    [HttpPost("")]
    public async Task<IActionResult> Add(
        AddHoliday.Form form, [FromServices] IValidator<AddHoliday.Form> validator, [FromServices] ImportHolidays.Handler handler, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        return validation.IsValid
            ? View("Preview", await handler.PreviewAsync(new() { Rows = [new() { Date = form.Date!.Value, Name = form.Name!.Trim(), Kind = form.Kind }] }, cancellationToken))
            : Back(FlashMessage.ErrorKey, validation.Errors[0].ErrorMessage, form.Date?.Year);
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

        return await ImportHolidays.ReadAsync(form.File!, cancellationToken) is { } selection
            ? View("Preview", await handler.PreviewAsync(selection, cancellationToken))
            : Back(FlashMessage.ErrorKey, t["Holidays.BadFile"], null);
    }

    /// <summary>The preview again, with the rows, kinds and choices as the administrator left them.</summary>
    [HttpPost("impor/pratinjau")]
    public async Task<IActionResult> Refresh(
        ImportHolidays.Selection selection, [FromServices] IValidator<ImportHolidays.Selection> validator, [FromServices] ImportHolidays.Handler handler, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(selection, cancellationToken);
        return validation.IsValid ? View("Preview", await handler.PreviewAsync(selection, cancellationToken)) : Back(FlashMessage.ErrorKey, validation.Errors[0].ErrorMessage, null);
    }

    [HttpPost("impor/simpan")]
    public async Task<IActionResult> Save(
        ImportHolidays.Selection selection, [FromServices] IValidator<ImportHolidays.Selection> validator, [FromServices] ImportHolidays.Handler handler, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(selection, cancellationToken);
        if (!validation.IsValid)
        {
            return Back(FlashMessage.ErrorKey, validation.Errors[0].ErrorMessage, null);
        }

        return await handler.SaveAsync(selection, UserId, cancellationToken) switch
        {
            (_, { } again) => View("Preview", again),
            ({ } added, _) => Back(FlashMessage.SuccessKey, t["Holidays.Imported", added.New, added.AlreadyThere, added.Moves.Count], selection.Rows[0].Date.Year),
            _ => Back(FlashMessage.ErrorKey, t["Holidays.Conflict"], null),
        };
    }

    /// <summary>What removing the day does, before it is done.</summary>
    [HttpGet("{id:int}/hapus")]
    public async Task<IActionResult> Remove([FromRoute] int id, [FromServices] RemoveHoliday.Handler handler, CancellationToken cancellationToken)
    {
        if (await handler.PreviewAsync(id, cancellationToken) is not { } consequence)
        {
            return NotFound();
        }

        var (holiday, route) = (consequence.Holiday, new Dictionary<string, string> { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var day = holiday.Date.ToString("dddd, d MMMM yyyy", System.Globalization.CultureInfo.CurrentUICulture);
        return View(Confirmation.View, new Confirmation(
            t["Holidays.RemoveTitle", holiday.Name, day], [t["Holidays.RemoveBecomesWorkingDay", day], t["Holidays.RemoveMovesEarlier"]],
            "Holidays", nameof(Remove), route, t["Holidays.RemoveSubmit"], nameof(Index),
            new Dictionary<string, string> { ["tahun"] = holiday.Date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            Moves = consequence.Moves,
            Fields = [new("tahun", holiday.Date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        });
    }

    [HttpPost("{id:int}/hapus")]
    public async Task<IActionResult> Remove([FromRoute] int id, bool confirmed, int? tahun, [FromServices] RemoveHoliday.Handler handler, CancellationToken cancellationToken)
    {
        if (!confirmed)
        {
            return RedirectToAction(nameof(Remove), new { id });
        }

        return await handler.HandleAsync(id, UserId, cancellationToken) switch
        {
            (RemoveHoliday.Outcome.Removed, var moved) => Back(FlashMessage.SuccessKey, t["Holidays.Removed", moved], tahun),
            (RemoveHoliday.Outcome.Conflict, _) => Back(FlashMessage.ErrorKey, t["Holidays.Conflict"], tahun),
            _ => NotFound(),
        };
    }

    private RedirectToActionResult Back(string key, string message, int? year)
    {
        TempData[key] = message;
        return RedirectToAction(nameof(Index), new { tahun = year });
    }
}
