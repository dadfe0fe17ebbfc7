using Lapor.Web.Features.Shared.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Integrations.Open311;

/// <summary>
/// FixMyStreet's Open311 extension beside GeoReport v2: GET servicerequestupdates, the public updates
/// of public reports (status changes, responses, questions to the reporter) since a date, in XML (what
/// FixMyStreet reads) or JSON.
/// </summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = false)]
[Route("open311/v2")]
public sealed class Open311UpdatesController(IStringLocalizer<IntegrationsResource> t) : Controller
{
    /// <summary>
    /// Updates between <c>start_date</c> and <c>end_date</c> (W3C date-times; without a start, the last day), oldest first,
    /// one page of <c>Open311:PageSize</c> history entries (<c>page</c>, an extension, for more, until a page is empty). <c>api_key</c> and <c>jurisdiction_id</c> are accepted and ignored.
    /// </summary>
    [ProducesResponseType<List<StatusUpdate>>(StatusCodes.Status200OK, "application/json", "text/xml")]
    [ProducesResponseType<List<Error>>(StatusCodes.Status400BadRequest, "application/json", "text/xml")]
    [HttpGet("servicerequestupdates.{format:regex(^(json|xml)$)}")]
    public async Task<IActionResult> Updates(
        [FromRoute] string format, [FromServices] RequestUpdates.Handler handler,
        [FromQuery(Name = "start_date")] string? startDate, [FromQuery(Name = "end_date")] string? endDate, [FromQuery] int page, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new RequestUpdates.Query { StartDate = startDate, EndDate = endDate, Page = page }, cancellationToken);
        return result.Error is { } error
            ? new Open311Result(format, new ErrorList { Items = [new Error { Code = StatusCodes.Status400BadRequest, Description = t[error].Value }] }, StatusCodes.Status400BadRequest)
            : new Open311Result(format, new RequestUpdateList { Items = [.. result.Updates] });
    }
}
