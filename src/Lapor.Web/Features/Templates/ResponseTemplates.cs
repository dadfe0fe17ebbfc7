using Lapor.Web.Data;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Templates;

/// <summary>An agency's reusable answers: listed, written and edited only by officers of that agency.</summary>
public sealed class ResponseTemplates(LaporDbContext db)
{
    public sealed record Item(int Id, int AgencyId, string Agency, string Title, string Body);

    public Task<List<Item>> ListAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        var agencies = scope.AssignedAgencies.ToArray();
        return db.ResponseTemplates.AsNoTracking()
            .Where(t => agencies.Contains(t.AgencyId))
            .OrderBy(t => t.Title)
            .Select(t => new Item(t.Id, t.AgencyId, db.Agencies.Where(a => a.Id == t.AgencyId).Select(a => a.Name).First(), t.Title, t.Body))
            .ToListAsync(cancellationToken);
    }

    public async Task<Item?> FindAsync(ReportScope scope, int id, CancellationToken cancellationToken) =>
        (await ListAsync(scope, cancellationToken)).FirstOrDefault(t => t.Id == id);

    public async Task<bool> CreateAsync(ReportScope scope, TemplateForm form, CancellationToken cancellationToken)
    {
        if (!scope.AssignedAgencies.Contains(form.AgencyId))
        {
            return false;
        }

        db.ResponseTemplates.Add(new ResponseTemplate(form.AgencyId, form.Title!, form.Body!));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> UpdateAsync(ReportScope scope, int id, TemplateForm form, CancellationToken cancellationToken)
    {
        var template = await OwnedAsync(scope, id, cancellationToken);
        if (template is null)
        {
            return false;
        }

        template.Edit(form.Title!, form.Body!);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> DeleteAsync(ReportScope scope, int id, CancellationToken cancellationToken)
    {
        var template = await OwnedAsync(scope, id, cancellationToken);
        if (template is null)
        {
            return false;
        }

        db.ResponseTemplates.Remove(template);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private Task<ResponseTemplate?> OwnedAsync(ReportScope scope, int id, CancellationToken cancellationToken)
    {
        var agencies = scope.AssignedAgencies.ToArray();
        return db.ResponseTemplates.FirstOrDefaultAsync(t => t.Id == id && agencies.Contains(t.AgencyId), cancellationToken);
    }
}
