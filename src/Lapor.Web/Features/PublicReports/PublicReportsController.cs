using System.Security.Claims;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Reports;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.PublicReports;

/// <summary>The public portal: reports everybody may read, and the figures.</summary>
public sealed class PublicReportsController(IStringLocalizer<SharedResource> t, TimeProvider clock) : Controller
{
    [AllowAnonymous]
    [HttpGet("/laporan")]
    public async Task<IActionResult> Index([FromQuery] PublicList.Filter filter, [FromServices] PublicList.Handler list, [FromServices] FormOptions.Handler options, CancellationToken cancellationToken)
    {
        ViewData["Options"] = await options.HandleAsync(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en", cancellationToken);
        return View(await list.HandleAsync(filter, cancellationToken));
    }

    [AllowAnonymous]
    [HttpGet("/laporan/{trackingNumber}")]
    public async Task<IActionResult> Detail([FromRoute] string trackingNumber, [FromServices] PublicDetail.Handler detail, CancellationToken cancellationToken)
    {
        var view = TrackingNumber.Normalize(trackingNumber) is { } number
            ? await detail.HandleAsync(number, User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken)
            : null;
        return view is null ? NotFound() : View(view);
    }

    [Authorize(Policy = Policies.Citizen)]
    [HttpPost("/laporan/{trackingNumber}/dukung")]
    public async Task<IActionResult> Support([FromRoute] string trackingNumber, [FromServices] Support.Handler support, CancellationToken cancellationToken)
    {
        if (TrackingNumber.Normalize(trackingNumber) is not { } number)
        {
            return NotFound();
        }

        var outcome = await support.HandleAsync(number, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        if (outcome == PublicReports.Support.Outcome.NotFound)
        {
            return NotFound();
        }

        TempData[FlashMessage.SuccessKey] = t[outcome == PublicReports.Support.Outcome.Counted ? "Public.Supported" : "Public.AlreadySupported"].Value;
        return RedirectToAction(nameof(Detail), new { trackingNumber = number });
    }

    [AllowAnonymous]
    [HttpGet("/statistik")]
    public async Task<IActionResult> Statistics(int? tahun, [FromServices] PublicStatistics.Handler statistics, CancellationToken cancellationToken)
    {
        var year = tahun is >= 2000 and <= 2100 ? tahun.Value : clock.GetUtcNow().Year;
        return View(await statistics.HandleAsync(year, cancellationToken));
    }
}
