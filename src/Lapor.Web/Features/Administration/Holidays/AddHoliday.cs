using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Lapor.Web.Data;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.Holidays;

/// <summary>Adding holidays: one typed in, or many from a file (<see cref="ImportHolidays"/>); days already in the table are left as they are.</summary>
public static class AddHoliday
{
    public sealed class Form
    {
        [Display(Name = "Holidays.Date")]
        public DateOnly? Date { get; set; }

        [Display(Name = "Holidays.Name")]
        public string? Name { get; set; }

        [Display(Name = "Holidays.Kind")]
        public HolidayKind Kind { get; set; } = HolidayKind.National;
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<AdministrationResource> t)
        {
            RuleFor(f => f.Date).NotNull().WithMessage(_ => t["Holidays.Invalid"]);
            RuleFor(f => f.Name)
                .NotEmpty().WithMessage(_ => t["Holidays.Invalid"])
                .MaximumLength(200).WithMessage(_ => t["Holidays.Invalid"]);
        }
    }

    public sealed class Handler(LaporDbContext db, DeadlineScheduleProvider schedules, TimeProvider clock)
    {
        /// <summary>False when the day is a holiday already.</summary>
        public async Task<bool> HandleAsync(Form form, string userId, CancellationToken cancellationToken) =>
            await AddAsync([new HolidayFiles.Entry(form.Date!.Value, form.Name!.Trim(), form.Kind)], userId, cancellationToken) == 1;

        /// <summary>Adds the days not yet in the table, audited, and resets the cached calendar; returns how many were new.</summary>
        public async Task<int> AddAsync(IReadOnlyCollection<HolidayFiles.Entry> entries, string userId, CancellationToken cancellationToken)
        {
            var dates = entries.Select(e => e.Date).ToArray();
            var existing = (await db.Holidays.Where(h => dates.Contains(h.Date)).Select(h => h.Date).ToListAsync(cancellationToken)).ToHashSet();
            var added = entries.Where(e => existing.Add(e.Date)).Select(e => new Holiday(e.Date, e.Name, e.Kind)).ToList();
            db.Holidays.AddRange(added);
            db.AuditEntries.Add(new AuditEntry(AuditAction.SettingsChanged, userId, "Holiday", null, $"holidays added: {added.Count}", null, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            await schedules.InvalidateAsync(cancellationToken);
            return added.Count;
        }
    }
}
