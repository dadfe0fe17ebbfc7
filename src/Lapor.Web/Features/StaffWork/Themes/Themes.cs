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

    /// <summary>A theme in the list; <paramref name="CanEnd"/>: it still runs after today, so ending it early changes something.</summary>
    public sealed record Row(int Id, string NameId, string NameEn, string Description, DateOnly StartsOn, DateOnly EndsOn, string Tag, bool Runs, bool Ended, bool CanEnd)
    {
        /// <summary>The name in the reader's language (Indonesian unless English is asked for), as <see cref="Theme.Name"/>.</summary>
        public string Name(string uiLanguage) => uiLanguage == "en" ? NameEn : NameId;
    }

    /// <summary>The themes, newest first; <paramref name="Error"/> a resource key when the last form was refused.</summary>
    public sealed record Page(IReadOnlyList<Row> Items, Form Form, IReadOnlyList<string> Tags, string? Error);

    public sealed class Handler(LaporDbContext db, TagList tags, DeadlineScheduleProvider schedules, TimeProvider clock)
    {
        public async Task<Page> PageAsync(Form? form, string? error, CancellationToken cancellationToken)
        {
            var today = await TodayAsync(cancellationToken);
            var rows = await db.Themes.AsNoTracking().OrderByDescending(t => t.StartsOn).ThenByDescending(t => t.Id).Take(100)
                .Join(db.Tags, t => t.TagId, tag => tag.Id, (t, tag) => new { t.Id, t.NameId, t.NameEn, t.Description, t.StartsOn, t.EndsOn, tag.Label })
                .ToListAsync(cancellationToken);
            return new Page([.. rows.Select(r => new Row(r.Id, r.NameId, r.NameEn, r.Description, r.StartsOn, r.EndsOn, r.Label,
                    r.StartsOn <= today && today <= r.EndsOn, r.EndsOn < today, EndsLater(r.EndsOn, today)))],
                form ?? new Form { StartsOn = today, EndsOn = today.AddDays(13) }, await tags.LabelsAsync(cancellationToken), error);
        }

        /// <summary>Opens a theme; returns the resource key of what is wrong, or null when it is stored.</summary>
        public async Task<string?> OpenAsync(Form form, CancellationToken cancellationToken)
        {
            if (Refusal(form, out var accepted) is { } refusal)
            {
                return refusal;
            }

            // Only now may a new tag be stored (FindOrAddAsync saves it at once): a refused theme leaves no tag behind.
            var tag = await tags.FindOrAddAsync(accepted.Label, cancellationToken);
            db.Themes.Add(new Theme(form.NameId ?? "", form.NameEn ?? "", form.Description ?? "", accepted.StartsOn, accepted.EndsOn, tag.Id));
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
            if (EndsLater(theme.EndsOn, today))
            {
                theme.EndOn(today);
                await db.SaveChangesAsync(cancellationToken);
                await tags.InvalidateAsync(cancellationToken);
            }

            return true;
        }

        /// <summary>
        /// What is wrong with the form (a resource key), the theme's own rules included, or null with the tag's normalized
        /// label and the dates in <paramref name="accepted"/>: every rule is checked before anything is stored.
        /// </summary>
        private static string? Refusal(Form form, out (string Label, DateOnly StartsOn, DateOnly EndsOn) accepted)
        {
            accepted = default;
            if (form.StartsOn is not { } starts || form.EndsOn is not { } ends)
            {
                return "Themes.DatesRequired";
            }

            if ((form.NameId?.Trim().Length ?? 0) > Theme.MaxNameLength || (form.NameEn?.Trim().Length ?? 0) > Theme.MaxNameLength
                || (form.Description?.Trim().Length ?? 0) > Theme.MaxDescriptionLength)
            {
                return "Themes.TooLong";
            }

            if (TagLabel.Normalize(form.Tag, out var tagError) is not { } normalized)
            {
                return $"Domain.{tagError}";
            }

            try
            {
                // The names and dates by the theme's own rules; its tag is not known yet.
                _ = new Theme(form.NameId ?? "", form.NameEn ?? "", form.Description ?? "", starts, ends, 0);
            }
            catch (DomainException rule)
            {
                return $"Domain.{rule.Code}";
            }

            accepted = (normalized, starts, ends);
            return null;
        }

        /// <summary>Whether a theme ending on <paramref name="endsOn"/> still runs after today: only then can it be ended early.</summary>
        private static bool EndsLater(DateOnly endsOn, DateOnly today) => endsOn > today;

        private async Task<DateOnly> TodayAsync(CancellationToken cancellationToken) =>
            (await schedules.GetAsync(cancellationToken)).LocalDate(clock.GetUtcNow());
    }
}
