using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lapor.Web.Features.Errors;

/// <summary>Friendly, localized error pages. They never show exception details, in any environment.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("/Error")]
    public IActionResult ServerError() => Page(StatusCodes.Status500InternalServerError);

    [Route("/Error/{statusCode:int}")]
    public IActionResult Status(int statusCode) => Page(statusCode is >= 400 and < 600 ? statusCode : 500);

    private ViewResult Page(int statusCode)
    {
        Response.StatusCode = statusCode;
        return View("Error", statusCode);
    }
}
