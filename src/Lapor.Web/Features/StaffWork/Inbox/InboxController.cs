using Lapor.Web.Features.StaffWork.ReportPage;
using Lapor.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lapor.Web.Features.StaffWork.Inbox;

/// <summary>/inbox: the coordinator's queue, or the OPD's inbox.</summary>
[Authorize(Policy = Policies.Staff)]
[Route("inbox")]
public sealed class InboxController(StaffScopeProvider scopes, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(
        [FromQuery] AgencyInbox.Filter inbox, [FromQuery] CoordinatorQueue.Filter queue,
        [FromServices] AgencyInbox.Handler agencyInbox, [FromServices] CoordinatorQueue.Handler coordinatorQueue, CancellationToken cancellationToken)
    {
        var roles = StaffRoles.Of(User);
        var scope = await scopes.GetAsync(cancellationToken);
        if (roles.IsCoordinator || roles.IsOversight)
        {
            return View("Queue", await coordinatorQueue.HandleAsync(scope, queue, cancellationToken));
        }

        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return View("AgencyInbox", await agencyInbox.HandleAsync(scope, inbox, clock, roles.IsAgencyHead, english, cancellationToken));
    }
}
