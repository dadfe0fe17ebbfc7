using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Lapor.Web.Data;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.Holidays;

/// <summary>Adding holidays, one typed in or many from a file, after a preview (<see cref="ImportHolidays"/>); days already in the table are left as they are.</summary>
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

    /// <summary>How many days were new and already there, and the due dates their adding moved.</summary>
    public sealed record Added(int New, int AlreadyThere, HolidayChange.Moves Moves);

    public sealed class Handler(LaporDbContext db, HolidayChange.Handler change, DeadlineScheduleProvider schedules, TimeProvider clock)
    {
        /// <summary>
        /// Adds the days not yet in the table and moves the due dates they fall before, audited, in one
        /// transaction; then resets the cached calendar. Null when a report changed meanwhile (nothing saved).
        /// </summary>
        public async Task<Added?> AddAsync(IReadOnlyCollection<HolidayFiles.Entry> entries, string userId, CancellationToken cancellationToken)
        {
            var dates = entries.Select(e => e.Date).ToArray();
            var existing = (await db.Holidays.Where(h => dates.Contains(h.Date)).Select(h => h.Date).ToListAsync(cancellationToken)).ToHashSet();
            var added = entries.Where(e => existing.Add(e.Date)).Select(e => new Holiday(e.Date, e.Name, e.Kind)).ToList();
            var moves = await change.ApplyAsync([.. added.Select(h => h.Date)], [], cancellationToken);
            db.Holidays.AddRange(added);
            db.AuditEntries.Add(new AuditEntry(AuditAction.SettingsChanged, userId, "Holiday", null, $"holidays added: {added.Count}, due dates moved: {moves.Count}", null, clock.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return null;
            }

            await schedules.InvalidateAsync(cancellationToken);
            return new Added(added.Count, entries.Count - added.Count, moves);
        }
    }
}
