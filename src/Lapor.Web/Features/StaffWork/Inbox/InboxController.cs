using System.Globalization;
using Lapor.Web.Features.StaffWork.ReportPage;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.StaffWork.Inbox;

/// <summary>/inbox: the coordinator's queue, or the OPD's inbox with its saved views and bulk steps.</summary>
[Authorize(Policy = Policies.Staff)]
[Route("inbox")]
public sealed class InboxController(StaffScopeProvider scopes, IStringLocalizer<StaffWorkResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(
        [FromServices] AgencyInbox.Handler agencyInbox, [FromServices] CoordinatorQueue.Handler coordinatorQueue, CancellationToken cancellationToken)
    {
        var roles = StaffRoles.Of(User);
        var scope = await scopes.GetAsync(cancellationToken);
        InboxMemory.Remember(HttpContext);

        // Both lists read the same query string and each has its own "Tab": only the list shown is bound, since
        // binding the other one fails on its tab on every request (an exception and a localized error each time).
        // Unknown values fall back to the defaults; nothing here is a form error to show.
        if (roles.IsCoordinator || roles.IsOversight)
        {
            var queue = await FromQueryAsync(new CoordinatorQueue.Filter());
            return View("Queue", await coordinatorQueue.HandleAsync(scope, queue, cancellationToken));
        }

        var inbox = await FromQueryAsync(new AgencyInbox.Filter());
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return View("AgencyInbox", await agencyInbox.HandleAsync(scope, inbox, roles.IsAgencyHead, english, cancellationToken));
    }

    /// <summary>Saves the list in view (as last shown) under a name.</summary>
    [HttpPost("tampilan")]
    public async Task<IActionResult> SaveView(string? name, [FromServices] SavedViews.Handler views, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        // The flash names the view as saved (cut to its length): never the whole text sent, which may be any size.
        var (outcome, saved) = await views.SaveAsync(scope.UserId, name, InboxMemory.Filter(HttpContext), cancellationToken);
        TempData[outcome == SavedViews.Outcome.Saved ? FlashMessage.SuccessKey : FlashMessage.ErrorKey] = outcome switch
        {
            SavedViews.Outcome.Saved => t["Inbox.View.Saved", saved].Value,
            SavedViews.Outcome.TooMany => t["Inbox.View.TooMany", Domain.Inbox.SavedView.MaxPerUser].Value,
            _ => t["Validation.Required", t["Inbox.View.Name"]].Value,
        };
        return BackToList();
    }

    [HttpPost("tampilan/{id:long}/hapus")]
    public async Task<IActionResult> DeleteView(long id, [FromServices] SavedViews.Handler views, CancellationToken cancellationToken)
    {
        await views.DeleteAsync((await scopes.GetAsync(cancellationToken)).UserId, id, cancellationToken);
        TempData[FlashMessage.SuccessKey] = t["Inbox.View.Deleted"].Value;
        return BackToList();
    }

    /// <summary>One safe step for the ticked rows: take them, hand them to a colleague, add the same internal note, mark them read.</summary>
    [HttpPost("massal")]
    public async Task<IActionResult> Bulk(Ownership.BulkForm form, [FromServices] Ownership.Handler ownership, CancellationToken cancellationToken)
    {
        if (Refusal(form) is { } refusal)
        {
            TempData[FlashMessage.ErrorKey] = refusal;
            return BackToList();
        }

        var outcome = await ownership.BulkAsync(await scopes.GetAsync(cancellationToken), StaffRoles.Of(User), form, cancellationToken);
        TempData[FlashMessage.SuccessKey] = t["Inbox.Bulk.Done", outcome.Done, form.Reports.Count].Value;
        if (outcome.Refused.Count > 0)
        {
            TempData[FlashMessage.ErrorKey] = string.Join(" ", outcome.Refused.Select(r => $"{r.TrackingNumber}: {t[r.Code]}"));
        }

        return BackToList();
    }

    private string? Refusal(Ownership.BulkForm form) =>
        form.Reports.Count == 0 ? t["Inbox.Bulk.NoneChosen"].Value
        : form.Action is null ? t["Validation.Required", t["Inbox.Bulk.Action"]].Value
        : form.Action == Ownership.BulkAction.Assign && string.IsNullOrEmpty(form.OfficerUserId) ? t["Validation.Required", t["Inbox.Bulk.Colleague"]].Value
        : form.Action == Ownership.BulkAction.Note && string.IsNullOrWhiteSpace(form.Text) ? t["Validation.Required", t["Inbox.Note"]].Value
        : form.Action == Ownership.BulkAction.Note && form.Text!.Length > 5000 ? t["Validation.MaxLength", t["Inbox.Note"], 5000].Value
        : null;

    /// <summary>The filter as [FromQuery] would bind it (query string only, invariant culture), its errors dropped.</summary>
    private async Task<TFilter> FromQueryAsync<TFilter>(TFilter filter)
        where TFilter : class
    {
        await TryUpdateModelAsync(filter, string.Empty, new QueryStringValueProvider(BindingSource.Query, Request.Query, CultureInfo.InvariantCulture));
        ModelState.Clear();
        return filter;
    }

    private RedirectResult BackToList() => Redirect(Url.Action(nameof(Index))! + InboxMemory.Recall(HttpContext));
}
