using System.ComponentModel.DataAnnotations;
using Lapor.Web.Data;
using Lapor.Web.Domain;
using Lapor.Web.Domain.Tags;
using Lapor.Web.Features.Shared.Tags;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.StaffWork.Themes;

/// <summary>
/// Coordinators open time-boxed themes (an election, school admissions, the holiday exodus) that citizens
/// may choose on the filing form while they run, and end one early. Dates are days of the region's calendar.
/// </summary>
public static class Themes
{
    public sealed class Form
    {
        [Display(Name = "Themes.NameId")]
        public string? NameId { get; set; }

        [Display(Name = "Themes.NameEn")]
        public string? NameEn { get; set; }

        [Display(Name = "Themes.Description")]
        public string? Description { get; set; }

        [Display(Name = "Themes.StartsOn")]
        public DateOnly? StartsOn { get; set; }

        [Display(Name = "Themes.EndsOn")]
        public DateOnly? EndsOn { get; set; }

        [Display(Name = "Themes.Tag")]
        public string? Tag { get; set; }
    }

    public sealed record Row(int Id, string NameId, string NameEn, string Description, DateOnly StartsOn, DateOnly EndsOn, string Tag, bool Runs, bool Ended);

    /// <summary>The themes, newest first; <paramref name="Error"/> a resource key when the last form was refused.</summary>
    public sealed record Page(IReadOnlyList<Row> Items, Form Form, DateOnly Today, IReadOnlyList<string> Tags, string? Error);

    public sealed class Handler(LaporDbContext db, TagList tags, DeadlineScheduleProvider schedules, TimeProvider clock)
    {
        public async Task<Page> PageAsync(Form? form, string? error, CancellationToken cancellationToken)
        {
            var today = await TodayAsync(cancellationToken);
            var rows = await db.Themes.AsNoTracking().OrderByDescending(t => t.StartsOn).ThenByDescending(t => t.Id).Take(100)
                .Join(db.Tags, t => t.TagId, tag => tag.Id, (t, tag) => new { t.Id, t.NameId, t.NameEn, t.Description, t.StartsOn, t.EndsOn, tag.Label })
                .ToListAsync(cancellationToken);
            return new Page([.. rows.Select(r => new Row(r.Id, r.NameId, r.NameEn, r.Description, r.StartsOn, r.EndsOn, r.Label,
                    r.StartsOn <= today && today <= r.EndsOn, r.EndsOn < today))],
                form ?? new Form { StartsOn = today, EndsOn = today.AddDays(13) }, today, await tags.LabelsAsync(cancellationToken), error);
        }

        /// <summary>Opens a theme; returns the resource key of what is wrong, or null when it is stored.</summary>
        public async Task<string?> OpenAsync(Form form, CancellationToken cancellationToken)
        {
            if (form.StartsOn is not { } starts || form.EndsOn is not { } ends)
            {
                return "Themes.DatesRequired";
            }

            if ((form.NameId?.Trim().Length ?? 0) > Theme.MaxNameLength || (form.NameEn?.Trim().Length ?? 0) > Theme.MaxNameLength
                || (form.Description?.Trim().Length ?? 0) > Theme.MaxDescriptionLength)
            {
                return "Themes.TooLong";
            }

            if (TagLabel.Normalize(form.Tag, out var tagError) is not { } label)
            {
                return $"Domain.{tagError}";
            }

            Theme theme;
            try
            {
                theme = new Theme(form.NameId ?? "", form.NameEn ?? "", form.Description ?? "", starts, ends, 0);
            }
            catch (DomainException rule)
            {
                return $"Domain.{rule.Code}";
            }

            var tag = await tags.FindOrAddAsync(label, cancellationToken);
            theme = new Theme(theme.NameId, theme.NameEn, theme.Description, starts, ends, tag.Id);
            db.Themes.Add(theme);
            await db.SaveChangesAsync(cancellationToken);
            await tags.InvalidateAsync(cancellationToken);
            return null;
        }

        /// <summary>Ends a running or planned theme today: from tomorrow on it is not offered.</summary>
        public async Task<bool> EndAsync(int id, CancellationToken cancellationToken)
        {
            if (await db.Themes.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) is not { } theme)
            {
                return false;
            }

            var today = await TodayAsync(cancellationToken);
            if (theme.EndsOn > today)
            {
                theme.EndOn(today);
                await db.SaveChangesAsync(cancellationToken);
                await tags.InvalidateAsync(cancellationToken);
            }

            return true;
        }

        private async Task<DateOnly> TodayAsync(CancellationToken cancellationToken) =>
            (await schedules.GetAsync(cancellationToken)).LocalDate(clock.GetUtcNow());
    }
}
