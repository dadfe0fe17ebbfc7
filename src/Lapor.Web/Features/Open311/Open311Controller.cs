using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Features.Open311;

/// <summary>
/// Open311 GeoReport v2 under /open311/v2/: every method in JSON and XML, chosen by the address's
/// extension as the specification writes it. One jurisdiction: <c>jurisdiction_id</c> is accepted and ignored.
/// </summary>
[AllowAnonymous]
[Route("open311/v2")]
public sealed class Open311Controller(ServiceCatalogue catalogue, IOptions<Open311Options> options, IStringLocalizer<SharedResource> t) : Controller
{
    private const string Format = "{format:regex(^(json|xml)$)}";

    [HttpGet("discovery." + Format)]
    public IActionResult Discovery([FromRoute] string format)
    {
        var settings = options.Value;
        return new Open311Result(format, new Discovery
        {
            Changeset = settings.Changeset,
            Contact = settings.Contact,
            KeyService = settings.KeyService,
            Endpoints = [new DiscoveryEndpoint { Url = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/open311/v2", Changeset = settings.Changeset }],
        });
    }

    [HttpGet("services." + Format)]
    public async Task<IActionResult> Services([FromRoute] string format, CancellationToken cancellationToken) =>
        new Open311Result(format, new ServiceList { Items = [.. await catalogue.ServicesAsync(English, cancellationToken)] });

    [HttpGet("services/{serviceCode}." + Format)]
    public async Task<IActionResult> ServiceDefinition([FromRoute] string serviceCode, [FromRoute] string format, CancellationToken cancellationToken)
    {
        if (await catalogue.FindAsync(serviceCode, English, cancellationToken) is not { } service)
        {
            return Error(format, StatusCodes.Status404NotFound, "Open311.Error.ServiceNotFound");
        }

        return new Open311Result(format, new ServiceDefinition { ServiceCode = service.ServiceCode, Attributes = ServiceCatalogue.Attributes(key => t[key].Value) });
    }

    /// <summary>Anything else under /open311/v2/ (an unknown method or format) answers in the specification's error list, as JSON.</summary>
    [HttpGet("{**rest}", Order = 1)]
    public IActionResult Unknown() => Error(Path.GetExtension(Request.Path.Value) == ".xml" ? "xml" : "json", StatusCodes.Status404NotFound, "Open311.Error.UnknownMethod");

    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private Open311Result Error(string format, int status, string key) =>
        new(format, new ErrorList { Items = [new Error { Code = status, Description = t[key].Value }] }, status);
}
