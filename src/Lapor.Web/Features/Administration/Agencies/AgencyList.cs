using Lapor.Web.Data;
using Lapor.Web.Domain.Agencies;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Administration.Agencies;

/// <summary>The agency tree page: every agency in display order, and the form beside it (empty, or filled from the agency being edited).</summary>
public static class AgencyList
{
    public sealed record Node(int Id, string Name, string Code, AgencyKind Kind, int Depth, bool IsActive, string? Decree, DateOnly? DecreeDate);

    public sealed record Page(IReadOnlyList<Node> Tree, SaveAgency.Form Form, int? EditingId);

    public sealed class Handler(LaporDbContext db)
    {
        /// <summary>The page with an empty form, or with agency <paramref name="edit"/>'s; null when no agency has that id.</summary>
        public async Task<Page?> HandleAsync(int? edit, CancellationToken cancellationToken)
        {
            var form = edit is { } id ? await FindAsync(id, cancellationToken) : new SaveAgency.Form();
            return form is null ? null : await PageAsync(form, edit, cancellationToken);
        }

        /// <summary>The page around a form as it was sent, to show it again with what was wrong.</summary>
        public async Task<Page> PageAsync(SaveAgency.Form form, int? editing, CancellationToken cancellationToken) =>
            new(await TreeAsync(cancellationToken), form, editing);

        /// <summary>The whole tree in display order: each agency followed by its children, with its depth.</summary>
        private async Task<List<Node>> TreeAsync(CancellationToken cancellationToken)
        {
            var all = await db.Agencies.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
            var children = all.ToLookup(a => a.ParentId);
            var result = new List<Node>();
            void Walk(int? parent, int depth)
            {
                foreach (var a in children[parent])
                {
                    result.Add(new Node(a.Id, a.Name, a.ShortCode, a.Kind, depth, a.IsActive, a.LiaisonDecreeNumber, a.LiaisonDecreeDate));
                    Walk(a.Id, depth + 1);
                }
            }

            Walk(null, 0);
            return result;
        }

        private Task<SaveAgency.Form?> FindAsync(int id, CancellationToken cancellationToken) =>
            db.Agencies.AsNoTracking().Where(a => a.Id == id)
                .Select(a => new SaveAgency.Form
                {
                    Name = a.Name, Code = a.ShortCode, Kind = a.Kind, ParentId = a.ParentId, DecreeNumber = a.LiaisonDecreeNumber,
                    DecreeDate = a.LiaisonDecreeDate, ContactEmail = a.ContactEmail, IsActive = a.IsActive,
                })
                .FirstOrDefaultAsync(cancellationToken);
    }
}
