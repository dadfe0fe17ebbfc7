using System.Globalization;
using FluentValidation;
using Lapor.Web.Data;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.Categories;

/// <summary>Creating a category or changing one, and setting the agency its reports usually go to in a region.</summary>
public static class SaveCategory
{
    public sealed class Form
    {
        public string? Name { get; set; }
        public string? NameEnglish { get; set; }
        public int? ParentId { get; set; }
        public bool IsActive { get; set; } = true;
        public int? RegionId { get; set; }
        public int? DefaultAgencyId { get; set; }
    }

    /// <summary>Every rule has the same message; the page shows it once, above the form.</summary>
    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<AdministrationResource> t)
        {
            RuleFor(f => f.Name)
                .NotEmpty().WithMessage(_ => t["Categories.Invalid"])
                .MaximumLength(120).WithMessage(_ => t["Categories.Invalid"]);
            RuleFor(f => f.NameEnglish).MaximumLength(120).WithMessage(_ => t["Categories.Invalid"]);
        }
    }

    /// <summary>What deactivating a category touches: the reports filed under it.</summary>
    public sealed record Deactivation(string Name, int Reports);

    public sealed class Handler(LaporDbContext db, ReferenceData reference, TimeProvider clock)
    {
        /// <summary>Null unless the form turns an active category off.</summary>
        public async Task<Deactivation?> DeactivatingAsync(int id, Form form, CancellationToken cancellationToken) =>
            form.IsActive ? null : await db.Categories.AsNoTracking().Where(c => c.Id == id && c.IsActive)
                .Select(c => new Deactivation(c.Name, db.Reports.Count(r => r.CategoryId == id)))
                .FirstOrDefaultAsync(cancellationToken);

        /// <summary>Creates (id null) or updates a validated form; returns an error resource key, or null when saved.</summary>
        public async Task<string?> HandleAsync(int? id, Form form, string adminId, CancellationToken cancellationToken)
        {
            // Two levels only: a parent must itself be a top-level category.
            if (form.ParentId is { } parent && !await db.Categories.AnyAsync(c => c.Id == parent && c.ParentId == null && c.Id != id, cancellationToken))
            {
                return "Categories.BadParent";
            }

            var category = id is { } existing
                ? await db.Categories.Include(c => c.DefaultAgencies).FirstOrDefaultAsync(c => c.Id == existing, cancellationToken)
                : new Category(form.Name!, form.NameEnglish ?? "", form.ParentId);
            if (category is null)
            {
                return "Error.404.Title";
            }

            if (id is null)
            {
                db.Categories.Add(category);
                await db.SaveChangesAsync(cancellationToken);
            }

            category.Rename(form.Name!, form.NameEnglish ?? "");
            if (form.IsActive)
            {
                category.Activate();
            }
            else
            {
                category.Deactivate();
            }

            if (form.RegionId is { } region && form.DefaultAgencyId is { } agency)
            {
                if (!await db.Agencies.AnyAsync(a => a.Id == region, cancellationToken) || !await db.Agencies.AnyAsync(a => a.Id == agency && a.IsActive, cancellationToken))
                {
                    return "Validation.UnknownChoice";
                }

                category.SetDefaultAgency(region, agency);
            }

            db.AuditEntries.Add(new AuditEntry(AuditAction.SettingsChanged, adminId, "Category", category.Id.ToString(CultureInfo.InvariantCulture),
                id is null ? "created" : "updated", null, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            await reference.InvalidateAsync(cancellationToken);
            return null;
        }
    }
}
