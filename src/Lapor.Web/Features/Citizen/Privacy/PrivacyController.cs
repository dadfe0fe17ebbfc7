using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lapor.Web.Features.Citizen.Privacy;

/// <summary>/kebijakan-privasi: the privacy notice, for everyone.</summary>
[AllowAnonymous]
public sealed class PrivacyController : Controller
{
    [HttpGet("/kebijakan-privasi")]
    public async Task<IActionResult> Notice([FromServices] ReadNotice.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(cancellationToken));
}
