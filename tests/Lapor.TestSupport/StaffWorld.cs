using Lapor.Web.Data;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.TestSupport;

/// <summary>
/// One small region for the integration and browser tests: a regency with agencies A (with sub-unit A1) and B,
/// and one account per staff role. Created once per app factory.
/// </summary>
public sealed class StaffWorld
{
    public const string Coordinator = "koordinator@uji.id";
    public const string OfficerA = "petugas.a@uji.id";
    public const string OfficerA1 = "petugas.a1@uji.id";
    public const string OfficerB = "petugas.b@uji.id";
    public const string HeadA = "kepala.a@uji.id";
    public const string Overseer = "pengawas@uji.id";
    public const string CitizenX = "warga.x@uji.id";
    public const string Admin = "admin@uji.id";
    public const string AgencyAName = "Dinas A";
    public const string AgencyBName = "Dinas B";

    private StaffWorld(int region, int a, int a1, int b) => (Region, AgencyA, AgencyA1, AgencyB) = (region, a, a1, b);

    public int Region { get; }
    public int AgencyA { get; }
    public int AgencyA1 { get; }
    public int AgencyB { get; }

    /// <summary>The coordinator of a second regency with an agency of its own (created once per app), signed in: outside every report of this world.</summary>
    public static async Task<Staff> OtherRegionCoordinatorAsync(LaporAppFactory app)
    {
        const string email = "koordinator.lain@uji.id";
        if (!await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)))
        {
            var id = await Citizen.CreateAccountAsync(app, email, Roles.Coordinator);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
            var region = new Agency("Kabupaten Lain", "LAIN", AgencyKind.RegencyCity);
            db.Agencies.Add(region);
            await db.SaveChangesAsync();
            db.Agencies.Add(new Agency("Dinas Lain", "LAIN-A", AgencyKind.Opd, region.Id));
            db.AgencyMemberships.Add(new AgencyMembership(id, region.Id));
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<ReferenceData>().InvalidateAsync(CancellationToken.None);
        }

        return await Staff.SignInAsync(app, email);
    }

    public static async Task<StaffWorld> CreateAsync(LaporAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        var existing = await db.Agencies.FirstOrDefaultAsync(x => x.ShortCode == "UJI");
        if (existing is not null)
        {
            var ids = await db.Agencies.ToDictionaryAsync(x => x.ShortCode, x => x.Id);
            return new StaffWorld(ids["UJI"], ids["UJI-A"], ids["UJI-A1"], ids["UJI-B"]);
        }

        var region = Add(db, new Agency("Kabupaten Uji", "UJI", AgencyKind.RegencyCity));
        await db.SaveChangesAsync();
        var a = Add(db, new Agency(AgencyAName, "UJI-A", AgencyKind.Opd, region.Id));
        var b = Add(db, new Agency(AgencyBName, "UJI-B", AgencyKind.Opd, region.Id));
        await db.SaveChangesAsync();
        var a1 = Add(db, new Agency("Bidang A1", "UJI-A1", AgencyKind.SubUnit, a.Id));
        await db.SaveChangesAsync();

        var users = scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>();
        await AccountAsync(db, users, Coordinator, Roles.Coordinator, region.Id);
        await AccountAsync(db, users, OfficerA, Roles.Officer, a.Id);
        await AccountAsync(db, users, OfficerA1, Roles.Officer, a1.Id);
        await AccountAsync(db, users, OfficerB, Roles.Officer, b.Id);
        await AccountAsync(db, users, HeadA, Roles.AgencyHead, a.Id);
        await AccountAsync(db, users, Overseer, Roles.Oversight, region.Id);
        await AccountAsync(db, users, CitizenX, Roles.Citizen, null);
        await AccountAsync(db, users, Admin, Roles.Administrator, null);
        await db.SaveChangesAsync();

        // Written behind the app's back, unlike the admin pages: drop its cached agency list as they would.
        await scope.ServiceProvider.GetRequiredService<ReferenceData>().InvalidateAsync(CancellationToken.None);
        return new StaffWorld(region.Id, a.Id, a1.Id, b.Id);
    }

    private static Agency Add(LaporDbContext db, Agency agency)
    {
        db.Agencies.Add(agency);
        return agency;
    }

    private static async Task AccountAsync(LaporDbContext db, UserManager<LaporUser> users, string email, string role, int? agencyId)
    {
        var user = new LaporUser { UserName = email, Email = email, FullName = email, EmailConfirmed = true };
        var result = await users.CreateAsync(user, Citizen.Password);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        if (agencyId is { } id)
        {
            db.AgencyMemberships.Add(new AgencyMembership(user.Id, id));
        }
    }
}
