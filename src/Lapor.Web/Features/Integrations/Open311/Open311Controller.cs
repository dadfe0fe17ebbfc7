using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Features.Integrations.Open311;

/// <summary>
/// Open311 GeoReport v2 under /open311/v2/: every method in JSON and XML, chosen by the address's
/// extension as the specification writes it. One jurisdiction: <c>jurisdiction_id</c> is accepted and ignored.
/// </summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = false)] // in the OpenAPI description, though not an [ApiController] (its errors follow the specification)
[Route("open311/v2")]
public sealed class Open311Controller(ServiceCatalogue catalogue, IOptions<Open311Options> options, IStringLocalizer<IntegrationsResource> t) : Controller
{
    private const string Format = "{format:regex(^(json|xml)$)}";

    [ProducesResponseType<Discovery>(StatusCodes.Status200OK, "application/json", "text/xml")]
    [HttpGet("discovery." + Format)]
    public IActionResult Discovery([FromRoute] string format, [FromServices] IOptions<Infrastructure.Notifications.MailOptions> site)
    {
        var settings = options.Value;
        return new Open311Result(format, new Discovery
        {
            Changeset = settings.Changeset,
            Contact = settings.Contact,
            KeyService = settings.KeyService,
            // The configured public address, not the request's Host header (which any caller can set).
            Endpoints = [new DiscoveryEndpoint { Url = $"{site.Value.PublicBaseUrl.TrimEnd('/')}/open311/v2", Changeset = settings.Changeset }],
        });
    }

    [ProducesResponseType<List<Service>>(StatusCodes.Status200OK, "application/json", "text/xml")]
    [HttpGet("services." + Format)]
    public async Task<IActionResult> Services([FromRoute] string format, CancellationToken cancellationToken) =>
        new Open311Result(format, new ServiceList { Items = [.. await catalogue.ServicesAsync(English, cancellationToken)] });

    [ProducesResponseType<ServiceDefinition>(StatusCodes.Status200OK, "application/json", "text/xml")]
    [ProducesResponseType<List<Error>>(StatusCodes.Status404NotFound, "application/json", "text/xml")]
    [HttpGet("services/{serviceCode}." + Format)]
    public async Task<IActionResult> ServiceDefinition([FromRoute] string serviceCode, [FromRoute] string format, CancellationToken cancellationToken)
    {
        if (await catalogue.FindAsync(serviceCode, English, cancellationToken) is not { } service)
        {
            return Error(format, StatusCodes.Status404NotFound, "Open311.Error.ServiceNotFound");
        }

        return new Open311Result(format, new ServiceDefinition { ServiceCode = service.ServiceCode, Attributes = ServiceCatalogue.Attributes(key => t[key].Value) });
    }

    [ProducesResponseType<List<ServiceRequest>>(StatusCodes.Status200OK, "application/json", "text/xml")]
    [ProducesResponseType<List<Error>>(StatusCodes.Status400BadRequest, "application/json", "text/xml")]
    [HttpGet("requests." + Format)]
    public async Task<IActionResult> Requests(
        [FromRoute] string format, [FromServices] ServiceRequests.Handler requests,
        [FromQuery(Name = "service_request_id")] string? serviceRequestId, [FromQuery(Name = "service_code")] string? serviceCode,
        [FromQuery(Name = "start_date")] string? startDate, [FromQuery(Name = "end_date")] string? endDate, [FromQuery] string? status,
        [FromQuery] int page, CancellationToken cancellationToken)
    {
        var result = await requests.HandleAsync(new ServiceRequests.Query
        {
            ServiceRequestId = serviceRequestId, ServiceCode = serviceCode, StartDate = startDate, EndDate = endDate, Status = status, Page = page,
        }, cancellationToken);
        return result.Error is { } error
            ? Error(format, StatusCodes.Status400BadRequest, error)
            : new Open311Result(format, new ServiceRequestList { Items = [.. result.Requests] });
    }

    [ProducesResponseType<List<ServiceRequest>>(StatusCodes.Status200OK, "application/json", "text/xml")]
    [ProducesResponseType<List<Error>>(StatusCodes.Status404NotFound, "application/json", "text/xml")]
    [HttpGet("requests/{serviceRequestId}." + Format)]
    public async Task<IActionResult> RequestById([FromRoute] string serviceRequestId, [FromRoute] string format, [FromServices] ServiceRequests.Handler requests, CancellationToken cancellationToken)
    {
        var result = await requests.HandleAsync(new ServiceRequests.Query { ServiceRequestId = serviceRequestId.Replace(",", "", StringComparison.Ordinal) }, cancellationToken);
        return result.Requests.Count == 0
            ? Error(format, StatusCodes.Status404NotFound, "Open311.Error.RequestNotFound")
            : new Open311Result(format, new ServiceRequestList { Items = [.. result.Requests] });
    }

    /// <summary>
    /// An app files a report. Authenticated by <c>api_key</c>, not by a cookie, so no antiforgery token:
    /// a browser session alone is refused (403). <c>Idempotency-Key</c> makes a retried POST file once.
    /// </summary>
    [ProducesResponseType<List<ServiceRequest>>(StatusCodes.Status201Created, "application/json", "text/xml")]
    [ProducesResponseType<List<Error>>(StatusCodes.Status400BadRequest, "application/json", "text/xml")]
    [ProducesResponseType<List<Error>>(StatusCodes.Status403Forbidden, "application/json", "text/xml")]
    [ProducesResponseType<List<Error>>(StatusCodes.Status413PayloadTooLarge, "application/json", "text/xml")]
    [ProducesResponseType<List<Error>>(StatusCodes.Status429TooManyRequests, "application/json", "text/xml")]
    [HttpPost("requests." + Format)]
    [IgnoreAntiforgeryToken]
    [RequestSizeLimit(64 * 1024)]
    public async Task<IActionResult> Create(
        [FromRoute] string format, [FromForm] NewServiceRequest.Form? form, [FromServices] NewServiceRequest.Handler handler, CancellationToken cancellationToken)
    {
        if (form is null)
        {
            return await UnreadableFormAsync(cancellationToken);
        }

        var outcome = await handler.HandleAsync(form, Request.Headers["Idempotency-Key"].ToString(), cancellationToken);
        return outcome switch
        {
            NewServiceRequest.Created created => new Open311Result(format, new ServiceRequestList
            {
                Items = [new ServiceRequest { ServiceRequestId = created.ServiceRequestId, Token = created.Token, ServiceNotice = t["Open311.Notice.Received"].Value }],
            }, StatusCodes.Status201Created),
            NewServiceRequest.Refused refused => new Open311Result(format, new ErrorList
            {
                Items = [.. refused.Messages.Select(m => new Error { Code = refused.Status, Description = m })],
            }, refused.Status),
            _ => throw new InvalidOperationException("Unknown outcome."),
        };
    }

    /// <summary>The request a POST's token became (reports are filed at once, so the token only ever maps back).</summary>
    [ProducesResponseType<List<ServiceRequest>>(StatusCodes.Status200OK, "application/json", "text/xml")]
    [ProducesResponseType<List<Error>>(StatusCodes.Status404NotFound, "application/json", "text/xml")]
    [HttpGet("tokens/{token}." + Format)]
    public async Task<IActionResult> Token([FromRoute] string token, [FromRoute] string format, [FromServices] RequestByToken.Handler handler, CancellationToken cancellationToken)
    {
        var number = await handler.HandleAsync(token, cancellationToken);
        return number is null
            ? Error(format, StatusCodes.Status404NotFound, "Open311.Error.TokenNotFound")
            : new Open311Result(format, new ServiceRequestList { Items = [new ServiceRequest { ServiceRequestId = number, Token = token }] });
    }

    /// <summary>Anything else under /open311/v2/ (an unknown method or format) answers in the specification's error list, as JSON.</summary>
    [ApiExplorerSettings(IgnoreApi = true)]
    [HttpGet("{**rest}", Order = 1)]
    public IActionResult Unknown() => Error(Path.GetExtension(Request.Path.Value) == ".xml" ? "xml" : "json", StatusCodes.Status404NotFound, "Open311.Error.UnknownMethod");

    /// <summary>
    /// MVC leaves every argument unbound, the format too, when it cannot read the form: a body over the 64 KB limit
    /// (Kestrel stops reading it) or a malformed one. Reading it again gives back the same failure, which says which.
    /// </summary>
    private async Task<Open311Result> UnreadableFormAsync(CancellationToken cancellationToken)
    {
        var format = RouteData.Values["format"] as string ?? "json";
        try
        {
            await Request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Error(format, StatusCodes.Status413PayloadTooLarge, "Open311.Error.TooLarge");
        }
        catch (Exception unreadable) when (unreadable is InvalidDataException or IOException)
        {
            // Malformed: the answer below.
        }

        return Error(format, StatusCodes.Status400BadRequest, "Open311.Error.BadForm");
    }

    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private Open311Result Error(string format, int status, string key) =>
        new(format, new ErrorList { Items = [new Error { Code = status, Description = t[key].Value }] }, status);
}
