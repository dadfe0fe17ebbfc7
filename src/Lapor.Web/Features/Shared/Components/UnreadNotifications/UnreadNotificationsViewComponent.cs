using System.Security.Claims;
using Lapor.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Shared.Components.UnreadNotifications;

/// <summary>The unread count in the navigation bar (one indexed count per staff page).</summary>
public sealed class UnreadNotificationsViewComponent(LaporDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier);
        var unread = userId is null ? 0 : await db.StaffNotifications.CountAsync(n => n.UserId == userId && n.ReadAt == null);
        return View(unread);
    }
}
