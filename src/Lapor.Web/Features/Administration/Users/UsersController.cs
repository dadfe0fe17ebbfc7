using System.Security.Claims;
using Lapor.Web.Features.Shared.Agencies;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.Users;

/// <summary>/admin/pengguna: accounts, their roles and agencies.</summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/pengguna")]
public sealed class UsersController(UserAdmin admin, AgencyDirectory agencies, IStringLocalizer<SharedResource> t, Infrastructure.Security.SecurityEvents events) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? role, CancellationToken cancellationToken) =>
        View(new UsersPage(await admin.ListAsync(role, cancellationToken), role, await AllAgenciesAsync(cancellationToken)));

    [HttpPost("undang")]
    public async Task<IActionResult> Invite(string? email, string? name, string? role, int? agencyId, CancellationToken cancellationToken)
    {
        var (sent, message) = await admin.InviteAsync(email ?? "", name ?? "", role ?? "", agencyId, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        TempData[sent ? FlashMessage.SuccessKey : FlashMessage.ErrorKey] = t[message, email ?? ""].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit([FromRoute] string id, CancellationToken cancellationToken)
    {
        var user = await admin.FindAsync(id, cancellationToken);
        return user is null ? NotFound() : View(new EditUserPage(user, await AllAgenciesAsync(cancellationToken)));
    }

    [HttpPost("{id}")]
    public async Task<IActionResult> Edit([FromRoute] string id, List<string> roles, List<int> agencyIds, bool disabled, CancellationToken cancellationToken)
    {
        if (id == User.FindFirstValue(ClaimTypes.NameIdentifier) && (disabled || !roles.Contains(Domain.Accounts.Roles.Administrator)))
        {
            // Locking oneself out leaves nobody to undo it.
            TempData[FlashMessage.ErrorKey] = t["Users.NotYourself"].Value;
            return RedirectToAction(nameof(Edit), new { id });
        }

        if (!await admin.SaveAsync(id, roles, agencyIds, disabled, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken))
        {
            return NotFound();
        }

        events.AccountChanged(HttpContext, id);

        TempData[FlashMessage.SuccessKey] = t["Inbox.Saved"].Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Mails the person a link to choose a new password, and signs them out everywhere.</summary>
    [HttpPost("{id}/reset-kata-sandi")]
    public async Task<IActionResult> SendPasswordReset([FromRoute] string id, CancellationToken cancellationToken)
    {
        if (!await admin.SendPasswordResetAsync(id, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken))
        {
            return NotFound();
        }

        events.AccountChanged(HttpContext, id);
        TempData[FlashMessage.SuccessKey] = t["Users.ResetLinkSent"].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>Turns the person's second factor off (lost phone); they are told by mail and signed out.</summary>
    [HttpPost("{id}/reset-dua-faktor")]
    public async Task<IActionResult> ResetTwoFactor([FromRoute] string id, CancellationToken cancellationToken)
    {
        if (!await admin.ResetTwoFactorAsync(id, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken))
        {
            return NotFound();
        }

        events.AccountChanged(HttpContext, id);
        TempData[FlashMessage.SuccessKey] = t["Users.TwoFactorReset"].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    private async Task<List<AgencyDirectory.Entry>> AllAgenciesAsync(CancellationToken cancellationToken) => await agencies.ListAllAsync(cancellationToken);
}

public sealed record UsersPage(IReadOnlyList<UserAdmin.Row> Users, string? Role, IReadOnlyList<AgencyDirectory.Entry> Agencies);

public sealed record EditUserPage(UserAdmin.Editing User, IReadOnlyList<AgencyDirectory.Entry> Agencies);
