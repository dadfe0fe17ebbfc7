using System.Security.Claims;
using Lapor.Web.Data;
using Lapor.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Shared.Components.UnreadNotifications;

/// <summary>
/// The unread count in the navigation bar: read by the request's session check in the same statement
/// (<see cref="UnreadNotices"/>); counted here only when no check ran on this request.
/// </summary>
public sealed class UnreadNotificationsViewComponent(LaporDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UnreadNotices.Of(HttpContext) is { } known)
        {
            return View(known);
        }

        var userId = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier);
        var unread = userId is null ? 0 : await db.StaffNotifications.CountAsync(n => n.UserId == userId && n.ReadAt == null);
        return View(unread);
    }
}
