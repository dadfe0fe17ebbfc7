using FluentValidation;
using Lapor.Web.Data;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Features.Shared.Staffing;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Caching;
using Lapor.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.Agencies;

/// <summary>Creating an agency, or changing one: name, code, kind, place in the tree, liaison decree, contact, active.</summary>
public static class SaveAgency
{
    public sealed class Form
    {
        public string? Name { get; set; }
        public string? Code { get; set; }
        public AgencyKind Kind { get; set; } = AgencyKind.Opd;
        public int? ParentId { get; set; }
        public string? DecreeNumber { get; set; }
        public DateOnly? DecreeDate { get; set; }
        public string? ContactEmail { get; set; }
        public bool IsActive { get; set; } = true;
    }

    /// <summary>Every rule has the same message; the page shows it once, above the form.</summary>
    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<AdministrationResource> t, LocalTime local, TimeProvider clock)
        {
            RuleFor(f => f.Name)
                .NotEmpty().WithMessage(_ => t["Agencies.Invalid"])
                .MaximumLength(200).WithMessage(_ => t["Agencies.Invalid"]);
            RuleFor(f => f.Code)
                .NotEmpty().WithMessage(_ => t["Agencies.Invalid"])
                .MaximumLength(32).WithMessage(_ => t["Agencies.Invalid"]);

            // The liaison decree (SK) the evaluation's evidence pack lists: number and date together, a date already passed.
            RuleFor(f => f)
                .Must(f => LiaisonDecree.Problem(f.DecreeNumber, f.DecreeDate, local.Date(clock.GetUtcNow())) is null)
                .WithMessage(f => t[LiaisonDecree.Problem(f.DecreeNumber, f.DecreeDate, local.Date(clock.GetUtcNow())) switch
                {
                    DecreeProblem.Incomplete => "Agencies.DecreeIncomplete",
                    DecreeProblem.NumberTooLong => "Agencies.DecreeNumberTooLong",
                    _ => "Agencies.DecreeDateOutOfRange",
                }])
                .OverridePropertyName(nameof(Form.DecreeNumber));
        }
    }

    /// <summary>What deactivating an agency leaves behind: its open shares of reports and its active units.</summary>
    public sealed record Deactivation(string Name, int OpenAssignments, int ActiveUnits);

    public sealed class Handler(LaporDbContext db, AgencyTree tree, ReferenceData reference, TimeProvider clock)
    {
        /// <summary>Null unless the form turns an active agency off.</summary>
        public async Task<Deactivation?> DeactivatingAsync(int id, Form form, CancellationToken cancellationToken) =>
            form.IsActive ? null : await db.Agencies.AsNoTracking().Where(a => a.Id == id && a.IsActive)
                .Select(a => new Deactivation(a.Name, UnstaffedWork.Open(db).Count(s => s.AgencyId == id), db.Agencies.Count(u => u.ParentId == id && u.IsActive)))
                .FirstOrDefaultAsync(cancellationToken);

        /// <summary>Creates (id null) or updates a validated form; returns an error resource key, or null when saved.</summary>
        public async Task<string?> HandleAsync(int? id, Form form, string adminId, CancellationToken cancellationToken)
        {
            var code = form.Code!.Trim().ToUpperInvariant();
            if (await db.Agencies.AnyAsync(a => a.ShortCode == code && a.Id != id, cancellationToken))
            {
                return "Agencies.CodeTaken";
            }

            // The parent must exist and must not be the agency itself or one of its own units.
            if (form.ParentId is { } parent && (!await db.Agencies.AnyAsync(a => a.Id == parent, cancellationToken)
                || (id is { } self && (await tree.SubtreeOfAsync([self], cancellationToken)).Contains(parent))))
            {
                return "Domain.Agency.CycleNotAllowed";
            }

            var agency = id is { } existing ? await db.Agencies.FirstOrDefaultAsync(a => a.Id == existing, cancellationToken) : new Agency(form.Name!, code, form.Kind, form.ParentId);
            if (agency is null)
            {
                return "Error.404.Title";
            }

            if (id is null)
            {
                db.Agencies.Add(agency);
            }

            agency.Rename(form.Name!, form.Kind);
            agency.MoveUnder(form.ParentId);
            agency.SetContact(form.ContactEmail, agency.ContactPhone);
            // Both or neither (the validator's rule): emptied, the decree is taken off (entered on the wrong agency, or revoked).
            if (!string.IsNullOrWhiteSpace(form.DecreeNumber) && form.DecreeDate is { } date)
            {
                agency.RecordLiaisonDecree(form.DecreeNumber, date);
            }
            else
            {
                agency.ClearLiaisonDecree();
            }

            if (form.IsActive)
            {
                agency.Activate();
            }
            else
            {
                agency.Deactivate();
            }

            db.AuditEntries.Add(new AuditEntry(AuditAction.SettingsChanged, adminId, "Agency", code, id is null ? "created" : "updated", null, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            await reference.InvalidateAsync(cancellationToken);
            return null;
        }
    }
}
