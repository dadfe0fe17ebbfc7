using Lapor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Reports;

/// <summary>The choices the filing form offers: categories (grouped) and agencies.</summary>
public static class FormOptions
{
    public sealed record Choice(int Id, string Name, string? Group);

    public sealed record View(IReadOnlyList<Choice> Categories, IReadOnlyList<Choice> Agencies);

    public sealed class Handler(LaporDbContext db)
    {
        public async Task<View> HandleAsync(bool english, CancellationToken cancellationToken)
        {
            var categories = await db.Categories.AsNoTracking()
                .Where(c => c.IsActive && c.ParentId != null)
                .Select(c => new
                {
                    c.Id,
                    Name = english ? c.NameEnglish : c.Name,
                    Group = english ? c.Parent!.NameEnglish : c.Parent!.Name,
                })
                .ToListAsync(cancellationToken);
            var agencies = await db.Agencies.AsNoTracking()
                .Where(a => a.IsActive && (a.Kind == Domain.Agencies.AgencyKind.Opd || a.Kind == Domain.Agencies.AgencyKind.SubUnit))
                .OrderBy(a => a.Name)
                .Select(a => new Choice(a.Id, a.Name, null))
                .ToListAsync(cancellationToken);
            return new View(
                [.. categories.OrderBy(c => c.Group).ThenBy(c => c.Name).Select(c => new Choice(c.Id, c.Name, c.Group))],
                agencies);
        }
    }
}
