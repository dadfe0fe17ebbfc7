using Lapor.Web.Data;
using Lapor.Web.Features.Shared.Agencies;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Administration.Categories;

/// <summary>The category page: the two-level tree with each topic's default agency per region, and the form beside it.</summary>
public static class CategoryList
{
    public sealed record Node(int Id, string Name, string NameEnglish, bool IsTopLevel, bool IsActive, IReadOnlyList<string> Defaults);

    public sealed record Page(IReadOnlyList<Node> Tree, SaveCategory.Form Form, int? EditingId, IReadOnlyList<AgencyDirectory.Entry> Agencies);

    public sealed class Handler(LaporDbContext db, AgencyDirectory agencies)
    {
        /// <summary>The page with an empty form, or with category <paramref name="edit"/>'s; null when no category has that id.</summary>
        public async Task<Page?> HandleAsync(int? edit, CancellationToken cancellationToken)
        {
            var form = edit is { } id ? await FindAsync(id, cancellationToken) : new SaveCategory.Form();
            return form is null ? null : await PageAsync(form, edit, cancellationToken);
        }

        /// <summary>The page around a form as it was sent, to show it again with what was wrong.</summary>
        public async Task<Page> PageAsync(SaveCategory.Form form, int? editing, CancellationToken cancellationToken) =>
            new(await TreeAsync(cancellationToken), form, editing, await agencies.ListAllAsync(cancellationToken));

        private async Task<List<Node>> TreeAsync(CancellationToken cancellationToken)
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

        private Task<SaveCategory.Form?> FindAsync(int id, CancellationToken cancellationToken) =>
            db.Categories.AsNoTracking().Where(c => c.Id == id)
                .Select(c => new SaveCategory.Form { Name = c.Name, NameEnglish = c.NameEnglish, ParentId = c.ParentId, IsActive = c.IsActive })
                .FirstOrDefaultAsync(cancellationToken);
    }
}
