using Lapor.Web.Data;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Infrastructure.Notifications;

/// <summary>Who hears about a report: the staff of a role in an agency, or the coordinators above it.</summary>
public sealed class Recipients(LaporDbContext db, AgencyTree tree)
{
    /// <summary>
    /// Someone to notify; staff have an account id for in-app notices, a reporter only an address.
    /// <paramref name="Digest"/>: the person takes their report mail as one daily digest.
    /// </summary>
    public sealed record Person(string Email, string Culture, string? UserId = null, bool Digest = false);

    /// <summary>Active accounts holding <paramref name="role"/> in exactly these agencies.</summary>
    public Task<List<Person>> InAgenciesAsync(IReadOnlyCollection<int> agencyIds, string role, CancellationToken cancellationToken)
    {
        var ids = agencyIds.ToArray();
        return (from m in db.AgencyMemberships
                where ids.Contains(m.AgencyId)
                join u in db.Users on m.UserId equals u.Id
                where !u.IsDisabled && u.Email != null
                    && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role))
                select new Person(u.Email!, u.PreferredCulture, u.Id, u.MailDigest))
            .Distinct().ToListAsync(cancellationToken);
    }

    /// <summary>Coordinators whose area contains the agency; with no agency, every coordinator (No Wrong Door).</summary>
    public async Task<List<Person>> CoordinatorsOverAsync(int? agencyId, CancellationToken cancellationToken)
    {
        if (agencyId is not { } id)
        {
            var all = await db.AgencyMemberships.Select(m => m.AgencyId).Distinct().ToListAsync(cancellationToken);
            return await InAgenciesAsync(all, Roles.Coordinator, cancellationToken);
        }

        return await InAgenciesAsync([.. await tree.AncestorsOfAsync(id, cancellationToken)], Roles.Coordinator, cancellationToken);
    }
}
