using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.Holidays;

/// <summary>/admin/libur: the holiday table that working days are counted with.</summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/libur")]
public sealed class HolidaysController(HolidayAdmin holidays, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(int? tahun, CancellationToken cancellationToken)
    {
        var year = tahun is >= 2000 and <= 2100 ? tahun.Value : clock.GetUtcNow().Year;
        return View(new HolidaysPage(year, await holidays.ListAsync(year, cancellationToken)));
    }

    [HttpPost("")]
    public async Task<IActionResult> Add(HolidayForm form, CancellationToken cancellationToken)
    {
        if (form.Date is not { } date || string.IsNullOrWhiteSpace(form.Name) || form.Name.Length > 200)
        {
            return Back(FlashMessage.ErrorKey, t["Holidays.Invalid"], form.Date?.Year);
        }

        var added = await holidays.AddAsync([new HolidayFiles.Entry(date, form.Name.Trim(), form.Kind)], UserId, cancellationToken);
        return Back(added == 1 ? FlashMessage.SuccessKey : FlashMessage.ErrorKey, t[added == 1 ? "Inbox.Saved" : "Holidays.AlreadyThere"], date.Year);
    }

    [HttpPost("impor")]
    [RequestSizeLimit(1024 * 1024)]
    public async Task<IActionResult> Import(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null or { Length: 0 })
        {
            return Back(FlashMessage.ErrorKey, t["Holidays.NoFile"], null);
        }

        using var reader = new StreamReader(file.OpenReadStream());
        var entries = HolidayFiles.Read(file.FileName, await reader.ReadToEndAsync(cancellationToken));
        if (entries is null or { Count: 0 })
        {
            return Back(FlashMessage.ErrorKey, t["Holidays.BadFile"], null);
        }

        var added = await holidays.AddAsync(entries, UserId, cancellationToken);
        return Back(FlashMessage.SuccessKey, t["Holidays.Imported", added, entries.Count - added], entries[0].Date.Year);
    }

    [HttpPost("{id:int}/hapus")]
    public async Task<IActionResult> Remove([FromRoute] int id, int? tahun, CancellationToken cancellationToken) =>
        await holidays.RemoveAsync(id, UserId, cancellationToken) ? Back(FlashMessage.SuccessKey, t["Holidays.Removed"], tahun) : NotFound();

    private RedirectToActionResult Back(string key, string message, int? year)
    {
        TempData[key] = message;
        return RedirectToAction(nameof(Index), new { tahun = year });
    }
}

public sealed class HolidayForm
{
    [Display(Name = "Holidays.Date")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Holidays.Name")]
    public string? Name { get; set; }

    [Display(Name = "Holidays.Kind")]
    public HolidayKind Kind { get; set; } = HolidayKind.National;
}

public sealed record HolidaysPage(int Year, IReadOnlyList<HolidayAdmin.Item> Items);
