using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Lapor.Web.Features.Shared.Tags;

/// <summary>The filing form's optional theme choice: shown only while a theme runs (nothing at all otherwise).</summary>
public sealed class ThemeChoiceViewComponent(TagList tags) : ViewComponent
{
    public sealed record Choice(IReadOnlyList<TagList.RunningTheme> Themes, int? Chosen, string Language);

    public async Task<IViewComponentResult> InvokeAsync(int? chosen)
    {
        var running = await tags.RunningAsync(HttpContext.RequestAborted);
        if (running.Count == 0)
        {
            return Content("");
        }

        // A choice of a theme that has ended since the form was shown is dropped here too: the form offers what runs now.
        var kept = running.Any(t => t.Id == chosen) ? chosen : null;
        return View("/Features/Shared/Tags/_ThemeChoice.cshtml", new Choice(running, kept, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName));
    }
}
