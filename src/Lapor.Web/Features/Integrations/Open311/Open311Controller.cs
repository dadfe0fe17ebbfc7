using System.Globalization;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Features.Integrations.Open311;

/// <summary>
/// Open311 GeoReport v2 under /open311/v2/: every method in JSON and XML, chosen by the address's
/// extension as the specification writes it. One jurisdiction: <c>jurisdiction_id</c> is accepted and ignored.
/// The GET methods also answer HEAD (as every GET does), and OPTIONS and CORS (any origin, no credentials) for web pages.
/// </summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = false)] // in the OpenAPI description, though not an [ApiController] (its errors follow the specification)
[Route("open311/v2")]
public sealed class Open311Controller(ServiceCatalogue catalogue, IOptions<Open311Options> options, IStringLocalizer<IntegrationsResource> t) : Controller
{
    /// <summary>The CORS policy of the GET methods: public data, read from any origin without cookies.</summary>
    public const string ReadPolicy = "Open311Read";

    private const string Format = "{format:regex(^(json|xml)$)}";

    /// <summary>Discovery: the endpoint, its specification and formats, and whom to contact.</summary>
    [ProducesResponseType<Discovery>(StatusCodes.Status200OK, "application/json", "text/xml")]
    [HttpGet("discovery." + Format)]
    [EnableCors(ReadPolicy)]
    public IActionResult Discovery([FromRoute] string format, [FromServices] IOptions<Infrastructure.Notifications.MailOptions> site)
    {
        var settings = options.Value;
        return new Open311Result(format, new Discovery
        {
            Changeset = settings.Changeset,
            // The operator's own words when configured (the same in every language), else ours in the caller's language.
            Contact = string.IsNullOrWhiteSpace(settings.Contact) ? t["Open311.Discovery.Contact"].Value : settings.Contact,
            KeyService = string.IsNullOrWhiteSpace(settings.KeyService) ? t["Open311.Discovery.KeyService"].Value : settings.KeyService,
            // The configured public address, not the request's Host header (which any caller can set).
            Endpoints = [new DiscoveryEndpoint { Url = $"{site.Value.PublicBaseUrl.TrimEnd('/')}/open311/v2", Changeset = settings.Changeset }],
        });
    }

    /// <summary>The services (report categories) a request can be filed under.</summary>
    [ProducesResponseType<List<Service>>(StatusCodes.Status200OK, "application/json", "text/xml")]
    [HttpGet("services." + Format)]
    [EnableCors(ReadPolicy)]
    public async Task<IActionResult> Services([FromRoute] string format, CancellationToken cancellationToken) =>
        new Open311Result(format, new ServiceList { Items = [.. await catalogue.ServicesAsync(English, cancellationToken)] });

    /// <summary>One service's definition: the attributes a request may carry (anonymous, confidential, classification).</summary>
    [ProducesResponseType<ServiceDefinition>(StatusCodes.Status200OK, "application/json", "text/xml")]
    [ProducesResponseType<List<Error>>(StatusCodes.Status404NotFound, "application/json", "text/xml")]
    [HttpGet("services/{serviceCode}." + Format)]
    [EnableCors(ReadPolicy)]
    public async Task<IActionResult> ServiceDefinition([FromRoute] string serviceCode, [FromRoute] string format, CancellationToken cancellationToken)
    {
        if (await catalogue.FindAsync(serviceCode, English, cancellationToken) is not { } service)
        {
            return Error(format, StatusCodes.Status404NotFound, "Open311.Error.ServiceNotFound");
        }

        return new Open311Result(format, new ServiceDefinition { ServiceCode = service.ServiceCode, Attributes = ServiceCatalogue.Attributes(key => t[key].Value) });
    }

    /// <summary>Public service requests, newest first, narrowed by ids, service, status and dates.</summary>
    [ProducesResponseType<List<ServiceRequest>>(StatusCodes.Status200OK, "application/json", "text/xml")]
    [ProducesResponseType<List<Error>>(StatusCodes.Status400BadRequest, "application/json", "text/xml")]
    [ProducesResponseType<List<Error>>(StatusCodes.Status403Forbidden, "application/json", "text/xml")]
    [ProducesResponseType<List<Error>>(StatusCodes.Status429TooManyRequests, "application/json", "text/xml")]
    [HttpGet("requests." + Format)]
    [EnableCors(ReadPolicy)]
    public async Task<IActionResult> Requests(
        [FromRoute] string format, [FromServices] ServiceRequests.Handler requests,
        [FromQuery(Name = "service_request_id")] string? serviceRequestId, [FromQuery(Name = "service_code")] string? serviceCode,
        [FromQuery(Name = "start_date")] string? startDate, [FromQuery(Name = "end_date")] string? endDate, [FromQuery] string? status,
        [FromQuery] int page, [FromQuery(Name = "api_key")] string? apiKey, CancellationToken cancellationToken)
    {
        var result = await requests.HandleAsync(new ServiceRequests.Query
        {
            ServiceRequestId = serviceRequestId, ServiceCode = serviceCode, StartDate = startDate, EndDate = endDate, Status = status, Page = page, ApiKey = apiKey,
        }, cancellationToken);
        return result.Error is { } error
            ? Refusal(format, result)
            : new Open311Result(format, new ServiceRequestList { Items = [.. result.Requests] });
    }

    /// <summary>One service request: a public one, or the filing app's own through its token or key.</summary>
    [ProducesResponseType<List<ServiceRequest>>(StatusCodes.Status200OK, "application/json", "text/xml")]
    [ProducesResponseType<List<Error>>(StatusCodes.Status403Forbidden, "application/json", "text/xml")]
    [ProducesResponseType<List<Error>>(StatusCodes.Status404NotFound, "application/json", "text/xml")]
    [ProducesResponseType<List<Error>>(StatusCodes.Status429TooManyRequests, "application/json", "text/xml")]
    [HttpGet("requests/{serviceRequestId}." + Format)]
    [EnableCors(ReadPolicy)]
    public async Task<IActionResult> RequestById(
        [FromRoute] string serviceRequestId, [FromRoute] string format, [FromServices] ServiceRequests.Handler requests,
        [FromQuery(Name = "api_key")] string? apiKey, [FromQuery] string? token, CancellationToken cancellationToken)
    {
        var result = await requests.HandleAsync(new ServiceRequests.Query
        {
            ServiceRequestId = serviceRequestId.Replace(",", "", StringComparison.Ordinal), ApiKey = apiKey, Token = token,
        }, cancellationToken);
        return result.Error is not null ? Refusal(format, result)
            : result.Requests.Count == 0 ? Error(format, StatusCodes.Status404NotFound, "Open311.Error.RequestNotFound")
            : new Open311Result(format, new ServiceRequestList { Items = [.. result.Requests] });
    }

    /// <summary>
    /// An app files a report, form-encoded or multipart with one <c>media</c> photo. Authenticated by <c>api_key</c>,
    /// not by a cookie, so no antiforgery token: a browser session alone is refused (403). Answers 200, as the
    /// specification's example and the widely used apps expect (USF's open311-client takes nothing else).
    /// <c>Idempotency-Key</c> makes a retried POST file once (409 when reused for another body); without it, the
    /// same body from the same client within <see cref="Open311Options.RetryWindow"/> is taken for a retry.
    /// </summary>
    [ProducesResponseType<List<ServiceRequest>>(StatusCodes.Status200OK, "application/json", "text/xml")]
    [ProducesResponseType<List<Error>>(StatusCodes.Status400BadRequest, "application/json", "text/xml")]
    [ProducesResponseType<List<Error>>(StatusCodes.Status403Forbidden, "application/json", "text/xml")]
    [ProducesResponseType<List<Error>>(StatusCodes.Status404NotFound, "application/json", "text/xml")]
    [ProducesResponseType<List<Error>>(StatusCodes.Status409Conflict, "application/json", "text/xml")]
    [ProducesResponseType<List<Error>>(StatusCodes.Status413PayloadTooLarge, "application/json", "text/xml")]
    [ProducesResponseType<List<Error>>(StatusCodes.Status415UnsupportedMediaType, "application/json", "text/xml")]
    [ProducesResponseType<List<Error>>(StatusCodes.Status429TooManyRequests, "application/json", "text/xml")]
    [HttpPost("requests." + Format)]
    [IgnoreAntiforgeryToken]
    [QuotedBoundary]
    [RequestSizeLimit(NewServiceRequest.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = NewServiceRequest.MaxRequestBytes)]
    public async Task<IActionResult> Create(
        [FromRoute] string format, [FromForm] NewServiceRequest.Form? form, [FromServices] NewServiceRequest.Handler handler,
        [FromServices] IOptions<MailOptions> site, CancellationToken cancellationToken)
    {
        if (!Request.HasFormContentType)
        {
            return Error(format, StatusCodes.Status415UnsupportedMediaType, "Open311.Error.BadForm");
        }

        if (form is null)
        {
            return await UnreadableFormAsync(cancellationToken);
        }

        var fields = (await Request.ReadFormAsync(cancellationToken)).SelectMany(f => f.Value.Select(v => KeyValuePair.Create(f.Key, v ?? "")));
        var outcome = await handler.HandleAsync(form, fields, Request.Headers["Idempotency-Key"].ToString(), cancellationToken);
        switch (outcome)
        {
            case NewServiceRequest.Created created:
                // As the web form tells a guest: the number, the access code (the first time only) and where to follow it.
                var link = $"{site.Value.PublicBaseUrl.TrimEnd('/')}/lacak/{created.ServiceRequestId}";
                var notice = created.AccessCode is { } code
                    ? t["Open311.Notice.ReceivedWithCode", link, created.ServiceRequestId, code]
                    : t["Open311.Notice.Received", link, created.ServiceRequestId];
                return new Open311Result(format, new ServiceRequestList
                {
                    Items = [new ServiceRequest { ServiceRequestId = created.ServiceRequestId, Token = created.Token, ServiceNotice = notice.Value, AccountId = created.AccountId }],
                });
            case NewServiceRequest.Refused refused:
                if (refused.RetryAfterSeconds is { } seconds)
                {
                    Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                }

                return new Open311Result(format, new ErrorList
                {
                    Items = [.. refused.Messages.Select(m => new Error { Code = refused.Status, Description = m })],
                }, refused.Status);
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
    }

    /// <summary>The request a POST's token became (reports are filed at once, so the token only ever maps back).</summary>
    [ProducesResponseType<List<ServiceRequest>>(StatusCodes.Status200OK, "application/json", "text/xml")]
    [ProducesResponseType<List<Error>>(StatusCodes.Status404NotFound, "application/json", "text/xml")]
    [HttpGet("tokens/{token}." + Format)]
    [EnableCors(ReadPolicy)]
    public async Task<IActionResult> Token([FromRoute] string token, [FromRoute] string format, [FromServices] RequestByToken.Handler handler, CancellationToken cancellationToken)
    {
        var number = await handler.HandleAsync(token, cancellationToken);
        return number is null
            ? Error(format, StatusCodes.Status404NotFound, "Open311.Error.TokenNotFound")
            : new Open311Result(format, new ServiceRequestList { Items = [new ServiceRequest { ServiceRequestId = number, Token = token }] });
    }

    /// <summary>OPTIONS on any method: which HTTP methods it takes (a browser's CORS preflight is answered before this).</summary>
    [ApiExplorerSettings(IgnoreApi = true)]
    [HttpOptions("{**rest}")]
    [EnableCors(ReadPolicy)]
    public IActionResult Options([FromRoute] string? rest)
    {
        Response.Headers.Allow = rest is "requests.json" or "requests.xml" ? "GET, HEAD, POST, OPTIONS" : "GET, HEAD, OPTIONS";
        return NoContent();
    }

    /// <summary>Anything else under /open311/v2/ (an unknown method or format) answers in the specification's error list, as JSON.</summary>
    [ApiExplorerSettings(IgnoreApi = true)]
    [HttpGet("{**rest}", Order = 1)]
    public IActionResult Unknown() => Error(Path.GetExtension(Request.Path.Value) == ".xml" ? "xml" : "json", StatusCodes.Status404NotFound, "Open311.Error.UnknownMethod");

    /// <summary>
    /// MVC leaves every argument unbound, the format too, when it cannot read the form: a body over the 10 MB limit
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

    private Open311Result Refusal(string format, ServiceRequests.Result result)
    {
        if (result.RetryAfterSeconds is { } seconds)
        {
            Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return Error(format, result.Status, result.Error!);
    }

    private Open311Result Error(string format, int status, string key) =>
        new(format, new ErrorList { Items = [new Error { Code = status, Description = t[key].Value }] }, status);
}
