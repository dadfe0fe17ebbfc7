using Lapor.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Lapor.Web.Features.Shared.Errors;

/// <summary>Friendly, localized error pages. They never show exception details, in any environment.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    /// <summary>
    /// An unexpected failure; or the attachment store out of reach (a full disk), which is no fault of the request:
    /// 503 with a time to come back, so a channel's webhook delivers again and a person knows to try later.
    /// </summary>
    [Route("/Error")]
    public IActionResult ServerError()
    {
        if (HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is AttachmentStoreUnavailableException)
        {
            Response.Headers.RetryAfter = AttachmentStoreUnavailableException.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Page(StatusCodes.Status503ServiceUnavailable);
        }

        return Page(StatusCodes.Status500InternalServerError);
    }

    /// <summary>
    /// Reads the code from the route itself, not through model binding: binding also parses the
    /// re-executed request's form, and a malformed form (wapiti posts NUL bytes) would turn every
    /// error page into a 500. A number that is no error status (/Error/0) is an address that does not exist.
    /// </summary>
    [Route("/Error/{statusCode:int}")]
    public IActionResult Status() =>
        Page(int.TryParse(RouteData.Values["statusCode"] as string, out var code) && code is >= 400 and < 600 ? code : StatusCodes.Status404NotFound);

    private ViewResult Page(int statusCode)
    {
        Response.StatusCode = statusCode;
        return View("Error", statusCode);
    }
}
