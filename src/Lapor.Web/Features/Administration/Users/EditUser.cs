using FluentValidation;
using Lapor.Web.Data;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Features.Shared.Agencies;
using Lapor.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.Users;

/// <summary>An account's roles, agency memberships and disabled flag; any change ends the person's sessions.</summary>
public static class EditUser
{
    public sealed record Editing(string Id, string Email, string Name, IReadOnlyList<string> Roles, IReadOnlyList<int> Agencies, bool Disabled, bool TwoFactorEnabled)
    {
        /// <summary>The desa, kelurahan or kecamatan office a village operator serves.</summary>
        public string? ServicePoint { get; init; }
    }

    public sealed record Page(Editing User, IReadOnlyList<AgencyDirectory.Entry> Agencies);

    /// <summary>Bound from the fields <c>roles</c>, <c>agencyIds</c>, <c>servicePoint</c> and <c>disabled</c>.</summary>
    public sealed class Form
    {
        public List<string> Roles { get; set; } = [];

        /// <summary>Required with the village operator role: it is printed on every slip the operator hands out.</summary>
        public string? ServicePoint { get; set; }

        public List<int> AgencyIds { get; set; } = [];
        public bool Disabled { get; set; }

        /// <summary>Set by the controller: whether the account is the administrator's own, never from the request.</summary>
        [BindNever]
        public bool IsOwnAccount { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<AdministrationResource> t)
        {
            // Locking oneself out leaves nobody to undo it.
            RuleFor(f => f.Disabled)
                .Must((f, disabled) => !f.IsOwnAccount || (!disabled && f.Roles.Contains(Domain.Accounts.Roles.Administrator)))
                .WithMessage(_ => t["Users.NotYourself"]);
            RuleFor(f => f.ServicePoint)
                .NotEmpty().When(f => f.Roles.Contains(Domain.Accounts.Roles.VillageOperator)).WithMessage(_ => t["Users.ServicePointRequired"])
                .MaximumLength(Domain.Reports.OperatorFiling.MaxServicePointLength).WithMessage(_ => t["Users.ServicePointTooLong", Domain.Reports.OperatorFiling.MaxServicePointLength]);
        }
    }

    public sealed class QueryHandler(LaporDbContext db, UserManager<LaporUser> users, AgencyDirectory agencies)
    {
        /// <summary>Null when no account has this id.</summary>
        public async Task<Page?> HandleAsync(string id, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(id);
            if (user is null)
            {
                return null;
            }

            var memberships = await db.AgencyMemberships.Where(m => m.UserId == id).Select(m => m.AgencyId).ToListAsync(cancellationToken);
            var editing = new Editing(user.Id, user.Email ?? "", user.FullName, [.. await users.GetRolesAsync(user)], memberships, user.IsDisabled, user.TwoFactorEnabled)
            {
                ServicePoint = user.ServicePoint,
            };
            return new Page(editing, await agencies.ListAllAsync(cancellationToken));
        }
    }

    public sealed class Handler(LaporDbContext db, UserManager<LaporUser> users, UserSessions sessions, AgencyStaffing staffing, TimeProvider clock)
    {
        /// <summary>Applies a validated form; false when no account has this id.</summary>
        public async Task<bool> HandleAsync(string id, Form form, string adminId, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(id);
            if (user is null)
            {
                return false;
            }

            var wanted = form.Roles.Where(Roles.All.Contains).ToHashSet();
            var current = (await users.GetRolesAsync(user)).ToHashSet();
            var now = clock.GetUtcNow();
            var changed = false;
            if (!wanted.SetEquals(current))
            {
                await users.RemoveFromRolesAsync(user, current.Except(wanted));
                await users.AddToRolesAsync(user, wanted.Except(current));
                db.AuditEntries.Add(new AuditEntry(AuditAction.RoleChanged, adminId, "User", user.Id, string.Join(",", wanted.Order()), null, now));
                changed = true;
            }

            var memberships = await db.AgencyMemberships.Where(m => m.UserId == id).ToListAsync(cancellationToken);
            var valid = await db.Agencies.Where(a => form.AgencyIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
            if (!memberships.Select(m => m.AgencyId).ToHashSet().SetEquals(valid))
            {
                db.AgencyMemberships.RemoveRange(memberships.Where(m => !valid.Contains(m.AgencyId)));
                db.AgencyMemberships.AddRange(valid.Where(a => memberships.All(m => m.AgencyId != a)).Select(a => new AgencyMembership(id, a)));
                db.AuditEntries.Add(new AuditEntry(AuditAction.RoleChanged, adminId, "User", user.Id, "agencies: " + string.Join(",", valid.Order()), null, now));
                changed = true;
            }

            // Only an operator has a service point: taking the role away clears it.
            var servicePoint = wanted.Contains(Roles.VillageOperator) && !string.IsNullOrWhiteSpace(form.ServicePoint) ? form.ServicePoint.Trim() : null;
            if (user.ServicePoint != servicePoint)
            {
                user.ServicePoint = servicePoint;
                db.AuditEntries.Add(new AuditEntry(AuditAction.RoleChanged, adminId, "User", user.Id, "service point changed", null, now));
                changed = true;
            }

            if (user.IsDisabled != form.Disabled)
            {
                user.IsDisabled = form.Disabled;
                db.AuditEntries.Add(new AuditEntry(form.Disabled ? AuditAction.UserDisabled : AuditAction.RoleChanged, adminId, "User", user.Id, form.Disabled ? "disabled" : "enabled", null, now));
                changed = true;
            }

            await db.SaveChangesAsync(cancellationToken);
            if (changed)
            {
                // A new security stamp invalidates every cookie issued before: the person signs in again, with the new rights.
                await users.UpdateSecurityStampAsync(user);
                await sessions.EndAllAsync(user.Id);

                // The pickers' "no liaison officer yet" marks follow roles, memberships and the disabled flag.
                await staffing.InvalidateAsync(cancellationToken);
            }

            return true;
        }
    }
}
