using Lapor.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lapor.Web.Features.Dashboard;

/// <summary>/dashboard: how the reports in the viewer's area stand. For coordinators, oversight and agency heads.</summary>
[Authorize(Policy = Policies.Dashboard)]
[Route("dashboard")]
public sealed class DashboardController(StaffScopeProvider scopes, Summary.Handler summary) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await summary.HandleAsync(await scopes.GetAsync(cancellationToken), cancellationToken));
}
