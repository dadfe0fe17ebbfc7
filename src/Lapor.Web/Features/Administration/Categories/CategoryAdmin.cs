using Lapor.Web.Data;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Administration.Categories;

/// <summary>Administrators keep the two-level category tree and, per region, the agency each topic usually goes to.</summary>
public sealed class CategoryAdmin(LaporDbContext db, ReferenceData reference, TimeProvider clock)
{
    public sealed record Node(int Id, string Name, string NameEnglish, bool IsTopLevel, bool IsActive, IReadOnlyList<string> Defaults);

    public sealed class Form
    {
        public string? Name { get; set; }
        public string? NameEnglish { get; set; }
        public int? ParentId { get; set; }
        public bool IsActive { get; set; } = true;
        public int? RegionId { get; set; }
        public int? DefaultAgencyId { get; set; }
    }

    public async Task<List<Node>> TreeAsync(CancellationToken cancellationToken)
    {
        var names = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var all = await db.Categories.AsNoTracking().Include(c => c.DefaultAgencies).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var result = new List<Node>();
        foreach (var top in all.Where(c => c.ParentId is null))
        {
            result.Add(new Node(top.Id, top.Name, top.NameEnglish, true, top.IsActive, []));
            result.AddRange(all.Where(c => c.ParentId == top.Id).Select(c => new Node(c.Id, c.Name, c.NameEnglish, false, c.IsActive,
                [.. c.DefaultAgencies.Select(d => $"{names.GetValueOrDefault(d.RegionAgencyId)} → {names.GetValueOrDefault(d.AgencyId)}")])));
        }

        return result;
    }

    public Task<Form?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Categories.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new Form { Name = c.Name, NameEnglish = c.NameEnglish, ParentId = c.ParentId, IsActive = c.IsActive })
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Creates or updates; returns an error resource key, or null when saved.</summary>
    public async Task<string?> SaveAsync(int? id, Form form, string adminId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(form.Name) || form.Name.Length > 120 || (form.NameEnglish?.Length ?? 0) > 120)
        {
            return "Categories.Invalid";
        }

        // Two levels only: a parent must itself be a top-level category.
        if (form.ParentId is { } parent && !await db.Categories.AnyAsync(c => c.Id == parent && c.ParentId == null && c.Id != id, cancellationToken))
        {
            return "Categories.BadParent";
        }

        var category = id is { } existing
            ? await db.Categories.Include(c => c.DefaultAgencies).FirstOrDefaultAsync(c => c.Id == existing, cancellationToken)
            : new Category(form.Name, form.NameEnglish ?? "", form.ParentId);
        if (category is null)
        {
            return "Error.404.Title";
        }

        if (id is null)
        {
            db.Categories.Add(category);
            await db.SaveChangesAsync(cancellationToken);
        }

        category.Rename(form.Name, form.NameEnglish ?? "");
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

        db.AuditEntries.Add(new AuditEntry(AuditAction.SettingsChanged, adminId, "Category", category.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            id is null ? "created" : "updated", null, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        await reference.InvalidateAsync(cancellationToken);
        return null;
    }
}
