using Lapor.Web.Data;
using Lapor.Web.Features.Shared.Agencies;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Administration.Users;

/// <summary>Every account by e-mail, with its roles and agencies, optionally only those holding one role; and the agencies the invitation form offers.</summary>
public static class UserList
{
    public sealed record Row(string Id, string Email, string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Agencies, bool Disabled, DateTimeOffset? LastSignIn);

    public sealed record Page(IReadOnlyList<Row> Users, string? Role, IReadOnlyList<AgencyDirectory.Entry> Agencies);

    public sealed class Handler(LaporDbContext db, AgencyDirectory agencies)
    {
        public async Task<Page> HandleAsync(string? role, CancellationToken cancellationToken)
        {
            var rows = await db.Users.AsNoTracking().OrderBy(u => u.Email)
                .Select(u => new
                {
                    u.Id, u.Email, u.FullName, u.IsDisabled, u.LastSignInAt,
                    Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                    Agencies = db.AgencyMemberships.Where(m => m.UserId == u.Id).Join(db.Agencies, m => m.AgencyId, a => a.Id, (_, a) => a.Name).ToList(),
                })
                .ToListAsync(cancellationToken);
            var users = rows.Where(r => role is null || r.Roles.Contains(role)).Select(r => new Row(r.Id, r.Email ?? "", r.FullName, r.Roles, r.Agencies, r.IsDisabled, r.LastSignInAt)).ToList();
            return new Page(users, role, await agencies.ListAllAsync(cancellationToken));
        }
    }
}
