using System.Security.Claims;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Workflow;
using Lapor.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Citizen.PublicReports;

/// <summary>The public portal: reports everybody may read, and the figures.</summary>
public sealed class PublicReportsController(WorkFeedback feedback, IStringLocalizer<CitizenResource> t) : Controller
{
    [AllowAnonymous]
    [HttpGet("/laporan")]
    public async Task<IActionResult> Index([FromQuery] PublicList.Filter filter, [FromServices] PublicList.Handler list, CancellationToken cancellationToken) =>
        View(await list.HandleAsync(filter, System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en", cancellationToken));

    [AllowAnonymous]
    [HttpGet("/laporan/{trackingNumber}")]
    public async Task<IActionResult> Detail([FromRoute] string trackingNumber, [FromServices] PublicDetail.Handler detail, CancellationToken cancellationToken)
    {
        var view = TrackingNumber.Normalize(trackingNumber) is { } number
            ? await detail.HandleAsync(number, User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken)
            : null;
        return view is null ? NotFound() : View(view);
    }

    [AllowAnonymous]
    [HttpGet("/peta")]
    public async Task<IActionResult> Map([FromServices] PublicMap.Handler map, CancellationToken cancellationToken) =>
        View(await map.HandleAsync(null, PublicMap.Listed, cancellationToken));

    /// <summary>The public map's points (GeoJSON); the same for everybody, so caches may keep it a minute.</summary>
    [AllowAnonymous]
    [HttpGet("/peta/titik")]
    [ResponseCache(Duration = 60, Location = ResponseCacheLocation.Any)]
    public async Task<IActionResult> MapPoints([FromQuery] string? bbox, [FromServices] PublicMap.Handler map, CancellationToken cancellationToken)
    {
        var box = PublicMap.Box.Parse(bbox);
        if (bbox is not null && box is null)
        {
            return Problem(statusCode: StatusCodes.Status400BadRequest, title: t["Map.BadBox"]);
        }

        var points = await map.HandleAsync(box, PublicMap.Cap, cancellationToken);
        return new JsonResult(PublicMap.FeatureCollection.From(points)) { ContentType = "application/geo+json" };
    }

    [Authorize(Policy = Policies.Citizen)]
    [HttpPost("/laporan/{trackingNumber}/dukung")]
    public async Task<IActionResult> Support([FromRoute] string trackingNumber, [FromServices] Support.Handler support, CancellationToken cancellationToken)
    {
        if (TrackingNumber.Normalize(trackingNumber) is not { } number)
        {
            return NotFound();
        }

        var result = await support.HandleAsync(number, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);

        // A double click that raced the first counts as "already supported", not as a conflict.
        return feedback.Answer(this, result.Outcome == WorkOutcome.Conflict ? WorkResult.Refused("Support.AlreadyCounted") : result,
            RedirectToAction(nameof(Detail), new { trackingNumber = number }), t["Public.Supported"], null, WorkFeedback.Reader.Reporter);
    }

    [AllowAnonymous]
    [HttpGet("/statistik")]
    public async Task<IActionResult> Statistics(int? tahun, [FromServices] PublicStatistics.Handler statistics, CancellationToken cancellationToken) =>
        View(await statistics.HandleAsync(tahun, cancellationToken));
}
