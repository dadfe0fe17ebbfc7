using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Infrastructure.Web;

/// <summary>
/// <c>&lt;due-date on="..." /&gt;</c>: the date and how much time is left in working days, in words
/// ("2 hari kerja lagi", "terlambat 3 hari kerja"), late ones marked for the eye and for screen readers.
/// </summary>
[HtmlTargetElement("due-date", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DueDateTagHelper(DeadlineScheduleProvider schedules, TimeProvider clock, IStringLocalizer<SharedResource> t) : TagHelper
{
    public DateOnly On { get; set; }

    /// <summary>Day and month only, for a list's one-line rows (the year is this one or the next).</summary>
    public bool Compact { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var schedule = await schedules.GetAsync(CancellationToken.None);
        var left = TimeLeft.Until(On, schedule.LocalDate(clock.GetUtcNow()), schedule.Calendar);
        var words = left switch
        {
            { IsLate: true } => t["Due.Late", left.WorkingDays],
            { WorkingDays: 0 } => t["Due.Today"],
            _ => t["Due.Left", left.WorkingDays],
        };

        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", left.IsLate ? "due-date text-danger fw-semibold" : "due-date");
        output.Content.SetContent($"{On.ToString(Compact ? "d MMM" : "d MMM yyyy", System.Globalization.CultureInfo.CurrentCulture)} ({words})");
    }
}
