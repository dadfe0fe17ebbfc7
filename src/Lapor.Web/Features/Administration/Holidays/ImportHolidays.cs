using FluentValidation;
using Lapor.Web.Data;
using Lapor.Web.Domain.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.Holidays;

/// <summary>
/// Adding holidays from a CSV or iCalendar file (<see cref="HolidayFiles"/>) or one typed in, always
/// through a preview: each day with its kind (adjustable per row or for all), the days already in the
/// table, the calendar events left out and why, and the due dates of running reports that would move.
/// Nothing is saved until the administrator confirms. The preview lives in the page's own fields (no
/// script, no server state); the confirmation is checked again, and when the chosen days differ from
/// the ones previewed the preview is shown again instead of saving.
/// </summary>
public static class ImportHolidays
{
    public const int MaxDays = 400;

    /// <summary>The upload, bound from the field <c>file</c>.</summary>
    public sealed class Form
    {
        public IFormFile? File { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<AdministrationResource> t) =>
            RuleFor(f => f.File).Must(file => file is { Length: > 0 }).WithMessage(_ => t["Holidays.NoFile"]);
    }

    public sealed class Row
    {
        public DateOnly Date { get; set; }
        public string? Name { get; set; }
        public HolidayKind Kind { get; set; } = HolidayKind.National;
        public bool Include { get; set; } = true;
    }

    /// <summary>A calendar event left out, carried along so the preview can show it again.</summary>
    public sealed class Skip
    {
        public string? Name { get; set; }
        public DateTime Start { get; set; }
        public DateTime? End { get; set; }
        public HolidayFiles.SkipReason Reason { get; set; }
    }

    /// <summary>The days as the preview page posts them back.</summary>
    public sealed class Selection
    {
        public List<Row> Rows { get; set; } = [];
        public List<Skip> Skipped { get; set; } = [];

        /// <summary>A kind to give every row at once; none keeps each row's own.</summary>
        public HolidayKind? KindForAll { get; set; }

        /// <summary>The new days the shown preview was made for (yyyy-MM-dd, comma separated).</summary>
        public string? Previewed { get; set; }
    }

    public sealed class SelectionValidator : AbstractValidator<Selection>
    {
        public SelectionValidator(IStringLocalizer<AdministrationResource> t)
        {
            RuleFor(s => s.Rows).NotEmpty().WithMessage(_ => t["Holidays.Invalid"])
                .Must(rows => rows.Count <= MaxDays).WithMessage(_ => t["Holidays.TooMany", MaxDays]);
            RuleForEach(s => s.Rows).ChildRules(row =>
            {
                row.RuleFor(r => r.Name).NotEmpty().WithMessage(_ => t["Holidays.Invalid"]).MaximumLength(200).WithMessage(_ => t["Holidays.Invalid"]);
                row.RuleFor(r => r.Kind).IsInEnum().WithMessage(_ => t["Holidays.Invalid"]);
                row.RuleFor(r => r.Date.Year).InclusiveBetween(2000, 2100).WithMessage(_ => t["Holidays.Invalid"]);
            });
            RuleFor(s => s.KindForAll).IsInEnum().WithMessage(_ => t["Holidays.Invalid"]);
        }
    }

    /// <summary>One day of the preview: the row as posted, and the name it already has in the table (then it is not added).</summary>
    public sealed record Day(int Index, Row Row, string? Existing);

    public sealed record Preview(Selection Form, IReadOnlyList<Day> Days, HolidayChange.Moves Moves, bool ChangedSinceShown)
    {
        public int NewDays => Days.Count(d => d.Existing is null && d.Row.Include);
    }

    /// <summary>The file's days as a first selection; null when it is unreadable or holds neither a day nor an event.</summary>
    public static async Task<Selection?> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(file.OpenReadStream());
        var reading = HolidayFiles.Read(file.FileName, await reader.ReadToEndAsync(cancellationToken));
        return reading is null || reading.Days.Count + reading.Skipped.Count == 0
        ? null
        : new Selection
        {
            Rows = [.. reading.Days.Select(d => new Row { Date = d.Date, Name = d.Name, Kind = d.Kind })],
            Skipped = [.. reading.Skipped.Select(s => new Skip { Name = s.Name, Start = s.Start, End = s.End, Reason = s.Reason })],
        };
    }

    public sealed class Handler(LaporDbContext db, HolidayChange.Handler change, AddHoliday.Handler holidays)
    {
        /// <summary>The selection with its duplicates marked and the due dates it would move; nothing is saved.</summary>
        public async Task<Preview> PreviewAsync(Selection selection, CancellationToken cancellationToken, bool changed = false)
        {
            var days = await DaysAsync(selection, cancellationToken);
            var adding = New(days);
            selection.Previewed = Key(adding);
            return new Preview(selection, days, await change.PreviewAsync(adding, [], cancellationToken), changed);
        }

        /// <summary>Saves the chosen new days, or — when they are not the ones previewed — returns the preview to show again.</summary>
        public async Task<(AddHoliday.Added? Added, Preview? Again)> SaveAsync(Selection selection, string userId, CancellationToken cancellationToken)
        {
            var days = await DaysAsync(selection, cancellationToken);
            if (Key(New(days)) != (selection.Previewed ?? ""))
            {
                return (null, await PreviewAsync(selection, cancellationToken, changed: true));
            }

            var chosen = days.Where(d => d.Row.Include && d.Existing is null).Select(d => new HolidayFiles.Entry(d.Row.Date, d.Row.Name!.Trim(), d.Row.Kind)).ToList();
            var added = await holidays.AddAsync(chosen, userId, cancellationToken);
            return (added is null ? null : added with { AlreadyThere = added.AlreadyThere + days.Count(d => d.Existing is not null) }, null);
        }

        private async Task<IReadOnlyList<Day>> DaysAsync(Selection selection, CancellationToken cancellationToken)
        {
            // One row per date, in date order; a kind chosen for all is applied once, then each row can change again.
            selection.Rows = [.. selection.Rows.DistinctBy(r => r.Date).OrderBy(r => r.Date)];
            if (selection.KindForAll is { } kind)
            {
                selection.Rows.ForEach(r => r.Kind = kind);
                selection.KindForAll = null;
            }

            var dates = selection.Rows.Select(r => r.Date).ToList();
            var existing = await db.Holidays.AsNoTracking().Where(h => dates.Contains(h.Date)).ToDictionaryAsync(h => h.Date, h => h.Name, cancellationToken);
            return [.. selection.Rows.Select((r, i) => new Day(i, r, existing.GetValueOrDefault(r.Date)))];
        }

        private static List<DateOnly> New(IEnumerable<Day> days) => [.. days.Where(d => d.Existing is null && d.Row.Include).Select(d => d.Row.Date)];

        private static string Key(IEnumerable<DateOnly> dates) => string.Join(",", dates.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
