using Lapor.Web.Data;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Features.Shared.Staffing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.Users;

/// <summary>
/// What taking access away from an account does, worded for the confirmation step: disabling it,
/// taking roles or agencies away (<see cref="EditUser"/>), a new-password link (<see cref="SendResetLink"/>)
/// and turning two-step verification off (<see cref="TurnOffTwoFactor"/>). Counts the person's open
/// assignments and names the agencies the change would leave without an active liaison officer.
/// </summary>
public static class AccessLoss
{
    public sealed record Person(string Id, string Name, string Email);

    public sealed class Handler(LaporDbContext db, UserManager<LaporUser> users, IStringLocalizer<AdministrationResource> t)
    {
        public async Task<Person?> FindAsync(string id) =>
            await users.FindByIdAsync(id) is { } user ? new Person(user.Id, user.FullName, user.Email ?? "") : null;

        /// <summary>
        /// The consequences of saving this form; empty when it has none worth asking about (then it is saved
        /// at once): asked when it disables the account, takes a role away, or leaves reports or an agency
        /// without their officer. Moving an officer between agencies that keep theirs needs no second step.
        /// </summary>
        public async Task<IReadOnlyList<string>> OfEditAsync(string id, EditUser.Form form, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(id);
            if (user is null)
            {
                return [];
            }

            var name = user.FullName;
            var roles = (await users.GetRolesAsync(user)).ToHashSet();
            var lostRoles = roles.Where(r => !form.Roles.Contains(r)).ToList();
            var memberships = await db.AgencyMemberships.Where(m => m.UserId == id).Select(m => m.AgencyId).ToListAsync(cancellationToken);
            var lostAgencies = memberships.Where(a => !form.AgencyIds.Contains(a)).ToList();
            var disabling = form.Disabled && !user.IsDisabled;
            if (!disabling && lostRoles.Count == 0 && lostAgencies.Count == 0)
            {
                return [];
            }

            var agencyNames = await db.Agencies.AsNoTracking().Where(a => memberships.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
            var said = new List<string> { disabling ? t["Access.Disabled", name] : t["Access.SignedOut", name] };
            if (lostRoles.Count > 0)
            {
                said.Add(t["Access.LosesRoles", string.Join(", ", lostRoles.Select(r => t[$"Role.{r}"].Value))]);
            }

            if (lostAgencies.Count > 0)
            {
                said.Add(t["Access.LeavesAgencies", string.Join(", ", lostAgencies.Select(a => agencyNames.GetValueOrDefault(a, "?")))]);
            }

            // The agencies where this account stops being an active officer: all of them when disabled or no longer an officer.
            var wasOfficer = !user.IsDisabled && roles.Contains(Roles.Officer);
            var stopsOfficer = disabling || lostRoles.Contains(Roles.Officer);
            var leaving = wasOfficer ? (stopsOfficer ? memberships : lostAgencies) : [];
            var open = await UnstaffedWork.Open(db).CountAsync(a => a.OfficerUserId == id && (disabling || leaving.Contains(a.AgencyId)), cancellationToken);
            if (open > 0)
            {
                said.Add(t["Access.OpenAssignments", name, open]);
            }

            var stillStaffed = await UnstaffedWork.ActiveOfficers(db).Where(m => leaving.Contains(m.AgencyId) && m.UserId != id).Select(m => m.AgencyId).Distinct().ToListAsync(cancellationToken);
            var unstaffed = leaving.Except(stillStaffed).Select(a => agencyNames.GetValueOrDefault(a, "?")).ToList();
            if (unstaffed.Count > 0)
            {
                said.Add(t["Access.LeavesUnstaffed", string.Join(", ", unstaffed)]);
            }

            return disabling || lostRoles.Count > 0 || open > 0 || unstaffed.Count > 0 ? said : [];
        }
    }
}
