using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lapor.Web.Features.Citizen.MyReports;

/// <summary>/laporan-saya: the signed-in reporter's own reports.</summary>
public sealed class MyReportsController : Controller
{
    [Authorize]
    [HttpGet("/laporan-saya")]
    public async Task<IActionResult> Mine([FromServices] Mine.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken));
}
