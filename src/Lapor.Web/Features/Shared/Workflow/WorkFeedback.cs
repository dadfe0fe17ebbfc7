using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Shared.Workflow;

/// <summary>
/// The one way a page answers report work: back to the report with "saved", or with the reason it
/// was not — and then with what the person typed, under the form they typed it in, so nothing is lost.
/// </summary>
public sealed class WorkFeedback(IStringLocalizer<SharedResource> t)
{
    public const string DraftKey = "work.draft";
    public const string DraftForKey = "work.draftFor";

    /// <summary>Who reads the conflict message: staff see the newest state below, reporters reload.</summary>
    public enum Reader
    {
        Staff,
        Reporter,
    }

    /// <summary>
    /// <paramref name="done"/> comes worded by the page's own area (its success message is its own words); the
    /// refusals are worded here, from the shared domain and conflict messages.
    /// </summary>
    public IActionResult Answer(Controller page, WorkResult result, IActionResult back, string done, string? typed, Reader reader) => result.Outcome switch
    {
        WorkOutcome.NotFound => page.NotFound(),
        WorkOutcome.Done => Flash(page.TempData, back, FlashMessage.SuccessKey, done, null, null),
        WorkOutcome.Conflict => Flash(page.TempData, back, FlashMessage.ErrorKey, t[reader == Reader.Staff ? "Error.ConflictStaff" : "Error.Conflict"], typed, page.Request.Path.Value),
        _ => Flash(page.TempData, back, FlashMessage.ErrorKey, t[$"Domain.{result.Code}"], typed, page.Request.Path.Value),
    };

    /// <summary>A refusal found before the work ran (a form that did not validate): shown the same way.</summary>
    public IActionResult Refuse(Controller page, IActionResult back, string message, string? typed) =>
        Flash(page.TempData, back, FlashMessage.ErrorKey, message, typed, page.Request.Path.Value);

    /// <summary>What was typed into the form whose action failed on the last request, for the page to give back.</summary>
    public static Draft DraftOf(ITempDataDictionary tempData) => new(tempData[DraftForKey] as string, tempData[DraftKey] as string);

    /// <summary>The last path segment names the form (e.g. "tanggapi"), so the page can put the text back where it was typed.</summary>
    private static IActionResult Flash(ITempDataDictionary tempData, IActionResult back, string key, string message, string? typed, string? path)
    {
        tempData[key] = message;
        tempData[DraftKey] = FlashMessage.Draft(typed);
        tempData[DraftForKey] = typed is null ? null : path?.Split('/')[^1];
        return back;
    }
}

/// <summary>What the user typed into a form whose action failed, so the page can give it back.</summary>
public sealed record Draft(string? Route, string? Text)
{
    public string? For(string route) => Route == route ? Text : null;
}
