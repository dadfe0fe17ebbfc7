using Lapor.Web.Features.StaffWork.ReportPage;
using Microsoft.AspNetCore.Mvc;

namespace Lapor.Web.Features.StaffWork.Tags;

/// <summary>The tags box of a report's staff page: read-only for officers, with the attach and remove forms for coordinators.</summary>
public sealed class ReportTagsViewComponent(ReportTags.Handler tags) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ReportDetail.View report)
    {
        var panel = await tags.PanelAsync(report.TrackingNumber, report.Tags, StaffRoles.Of(UserClaimsPrincipal).IsCoordinator, HttpContext.RequestAborted);
        return View("/Features/StaffWork/Tags/_ReportTags.cshtml", panel);
    }
}
