using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lapor.Web.Features.Shared.Errors;

/// <summary>Friendly, localized error pages. They never show exception details, in any environment.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("/Error")]
    public IActionResult ServerError() => Page(StatusCodes.Status500InternalServerError);

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
