using Lapor.Web.Data;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.TestSupport;

/// <summary>Agencies and accounts beyond <see cref="StaffWorld"/>, written behind the app's back as the admin pages would.</summary>
public static class TestAgencies
{
    /// <summary>An agency (an OPD unless said) with nobody in it; the same code twice gives the first one back.</summary>
    public static async Task<int> AddAsync(LaporAppFactory app, string name, string code, int? parentId, AgencyKind kind = AgencyKind.Opd, bool deactivate = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        if (await db.Agencies.Where(a => a.ShortCode == code).Select(a => (int?)a.Id).SingleOrDefaultAsync() is { } existing)
        {
            return existing;
        }

        var agency = new Agency(name, code, kind, parentId);
        if (deactivate)
        {
            agency.Deactivate();
        }

        db.Agencies.Add(agency);
        await db.SaveChangesAsync();

        // The admin pages drop the cached agency list after a change; so does this.
        await scope.ServiceProvider.GetRequiredService<ReferenceData>().InvalidateAsync(CancellationToken.None);
        return agency.Id;
    }

    /// <summary>A staff account holding several roles at once, member of <paramref name="agencyIds"/>; the same e-mail twice is kept.</summary>
    public static async Task AccountAsync(LaporAppFactory app, string email, IEnumerable<string> roles, params int[] agencyIds)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var user = new LaporUser { UserName = email, Email = email, FullName = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, Citizen.Password)).Succeeded);
        Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        db.AgencyMemberships.AddRange(agencyIds.Select(id => new AgencyMembership(user.Id, id)));
        await db.SaveChangesAsync();
    }
}
