using Lapor.Web.Data;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.StaffWork.Templates;

/// <summary>Agencies' reusable answers, limited to the agencies the caller may manage (an officer's own; every agency for administrators).</summary>
public sealed class ResponseTemplates(LaporDbContext db, SharedCache cache)
{
    public sealed record Item(int Id, int AgencyId, string Agency, string Title, string Body);

    public Task<List<Item>> ListAsync(IReadOnlyList<int> agencies, CancellationToken cancellationToken)
    {
        var ids = agencies.ToArray();
        return db.ResponseTemplates.AsNoTracking()
            .Where(t => ids.Contains(t.AgencyId))
            .OrderBy(t => t.Title)
            .Select(t => new Item(t.Id, t.AgencyId, db.Agencies.Where(a => a.Id == t.AgencyId).Select(a => a.Name).First(), t.Title, t.Body))
            .ToListAsync(cancellationToken);
    }

    /// <summary>One agency's templates for the report page, cached: they change rarely and the page is opened all day.</summary>
    public async Task<IReadOnlyList<Item>> ForAgencyAsync(int agencyId, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync<IReadOnlyList<Item>>(Region(agencyId), "list", async ct => await ListAsync([agencyId], ct), cancellationToken);

    public async Task<Item?> FindAsync(IReadOnlyList<int> agencies, int id, CancellationToken cancellationToken) =>
        (await ListAsync(agencies, cancellationToken)).FirstOrDefault(t => t.Id == id);

    public async Task<bool> CreateAsync(IReadOnlyList<int> agencies, TemplateForm form, CancellationToken cancellationToken)
    {
        if (!agencies.Contains(form.AgencyId))
        {
            return false;
        }

        db.ResponseTemplates.Add(new ResponseTemplate(form.AgencyId, form.Title!, form.Body!));
        await db.SaveChangesAsync(cancellationToken);
        await cache.InvalidateAsync(Region(form.AgencyId), cancellationToken);
        return true;
    }

    public async Task<bool> UpdateAsync(IReadOnlyList<int> agencies, int id, TemplateForm form, CancellationToken cancellationToken)
    {
        var template = await OwnedAsync(agencies, id, cancellationToken);
        if (template is null)
        {
            return false;
        }

        template.Edit(form.Title!, form.Body!);
        await db.SaveChangesAsync(cancellationToken);
        await cache.InvalidateAsync(Region(template.AgencyId), cancellationToken);
        return true;
    }

    public async Task<bool> DeleteAsync(IReadOnlyList<int> agencies, int id, CancellationToken cancellationToken)
    {
        var template = await OwnedAsync(agencies, id, cancellationToken);
        if (template is null)
        {
            return false;
        }

        db.ResponseTemplates.Remove(template);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Deleted by another request in between (a double click): gone, as when it was never there.
            return false;
        }

        await cache.InvalidateAsync(Region(template.AgencyId), cancellationToken);
        return true;
    }

    private static string Region(int agencyId) => $"templates:{agencyId}";

    private Task<ResponseTemplate?> OwnedAsync(IReadOnlyList<int> agencies, int id, CancellationToken cancellationToken)
    {
        var ids = agencies.ToArray();
        return db.ResponseTemplates.FirstOrDefaultAsync(t => t.Id == id && ids.Contains(t.AgencyId), cancellationToken);
    }
}
