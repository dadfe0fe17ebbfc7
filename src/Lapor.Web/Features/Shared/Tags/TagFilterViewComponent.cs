using Microsoft.AspNetCore.Mvc;

namespace Lapor.Web.Features.Shared.Tags;

/// <summary>The tag choice of the dashboard's narrowing form (from the cached list: no query once warm); nothing while there are no tags.</summary>
public sealed class TagFilterViewComponent(TagList tags) : ViewComponent
{
    public sealed record Choice(IReadOnlyList<string> Labels, string? Chosen);

    public async Task<IViewComponentResult> InvokeAsync(string? chosen)
    {
        var labels = await tags.LabelsAsync(HttpContext.RequestAborted);
        return labels.Count == 0 ? Content("") : View("/Features/Shared/Tags/_TagFilter.cshtml", new Choice(labels, chosen?.Trim().ToLowerInvariant()));
    }
}
