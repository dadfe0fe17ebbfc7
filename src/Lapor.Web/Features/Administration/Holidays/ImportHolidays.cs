using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.Holidays;

/// <summary>Importing holidays from a CSV or iCalendar file (<see cref="HolidayFiles"/>); days already in the table are skipped.</summary>
public static class ImportHolidays
{
    /// <summary>Bound from the field <c>file</c>.</summary>
    public sealed class Form
    {
        public IFormFile? File { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<AdministrationResource> t) =>
            RuleFor(f => f.File).Must(file => file is { Length: > 0 }).WithMessage(_ => t["Holidays.NoFile"]);
    }

    /// <summary>How many days were new and how many already there, and the year of the file's first day.</summary>
    public sealed record Imported(int Added, int Skipped, int Year);

    public sealed class Handler(AddHoliday.Handler holidays)
    {
        /// <summary>Null when the file is unreadable or holds no day (nothing is saved).</summary>
        public async Task<Imported?> HandleAsync(Form form, string userId, CancellationToken cancellationToken)
        {
            using var reader = new StreamReader(form.File!.OpenReadStream());
            var entries = HolidayFiles.Read(form.File.FileName, await reader.ReadToEndAsync(cancellationToken));
            if (entries is null or { Count: 0 })
            {
                return null;
            }

            var added = await holidays.AddAsync(entries, userId, cancellationToken);
            return new(added, entries.Count - added, entries[0].Date.Year);
        }
    }
}
