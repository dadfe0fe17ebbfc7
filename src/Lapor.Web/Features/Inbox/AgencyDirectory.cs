using Lapor.Web.Data;
using Lapor.Web.Domain;
using Lapor.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Inbox;

/// <summary>Agencies as staff pick them: for routing, forwarding and filters.</summary>
public sealed class AgencyDirectory(ReferenceData reference)
{
    public sealed record Entry(int Id, string Name, int? ParentId);

    public async Task<Entry?> FindAsync(int id, CancellationToken cancellationToken) =>
        (await reference.AgenciesAsync(cancellationToken)).Where(a => a.Id == id && a.IsActive).Select(a => new Entry(a.Id, a.Name, a.ParentId)).FirstOrDefault();

    /// <summary>Every active agency of any kind (regions too), by name: for memberships.</summary>
    public async Task<List<Entry>> ListAllAsync(CancellationToken cancellationToken) =>
        [.. (await reference.AgenciesAsync(cancellationToken)).Where(a => a.IsActive).Select(a => new Entry(a.Id, a.Name, a.ParentId))];

    /// <summary>Every active agency that takes reports, by name.</summary>
    public async Task<List<Entry>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await reference.AgenciesAsync(cancellationToken)).Where(a => a.IsActive && a.TakesReports).Select(a => new Entry(a.Id, a.Name, a.ParentId))];
}

/// <summary>Finds the original of a duplicate by its tracking number, within what the coordinator may see.</summary>
public sealed class DuplicateLookup(LaporDbContext db)
{
    public async Task<long> FindAsync(ReportScope scope, string? trackingNumber, long selfId, CancellationToken cancellationToken)
    {
        var number = Domain.Reports.TrackingNumber.Normalize(trackingNumber);
        var id = number is null ? null : await scope.Apply(db.Reports.AsNoTracking()).Where(r => r.TrackingNumber == number).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
        return id is { } found && found != selfId ? found : throw new DomainException("Archive.DuplicateNotFound");
    }
}
