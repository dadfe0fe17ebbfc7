using Lapor.Web.Data;
using Lapor.Web.Infrastructure.Caching;
using Lapor.Web.Features.Shared.Staffing;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Shared.Agencies;

/// <summary>
/// Which agencies have an active liaison officer (pejabat penghubung): an account that is not
/// disabled, holds the Officer role and belongs to the agency. A report routed to any other agency
/// waits unseen, so the pickers mark them. One query, cached through <see cref="SharedCache"/> and
/// dropped by every change to accounts' roles, memberships or disabled flag (<see cref="InvalidateAsync"/>).
/// </summary>
public sealed class AgencyStaffing(LaporDbContext db, SharedCache cache)
{
    private const string Region = "agency-staffing";

    public async Task<IReadOnlySet<int>> StaffedAsync(CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync<IReadOnlySet<int>>(Region, "staffed", async ct =>
            (await UnstaffedWork.ActiveOfficers(db).Select(m => m.AgencyId).Distinct().ToListAsync(ct)).ToHashSet(), cancellationToken);

    /// <summary>The active liaison officers of each agency, by name: whom a share can be handed to. Cached like the staffed set.</summary>
    public async Task<IReadOnlyList<Officer>> OfficersAsync(CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync<IReadOnlyList<Officer>>(Region, "officers", async ct =>
            await (from m in UnstaffedWork.ActiveOfficers(db)
                   join u in db.Users on m.UserId equals u.Id
                   orderby u.FullName
                   select new Officer(m.AgencyId, u.Id, u.FullName)).ToListAsync(ct), cancellationToken);

    public sealed record Officer(int AgencyId, string UserId, string Name);

    /// <summary>Called after an account's roles, agencies or disabled flag changed (and were saved).</summary>
    public Task InvalidateAsync(CancellationToken cancellationToken) => cache.InvalidateAsync(Region, cancellationToken);
}
