using Lapor.Web.Data;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Lapor.BrowserTests.Infrastructure;

/// <summary>What the journeys need: an agency with its officer and a coordinator, and a photo to attach.</summary>
public static class TestData
{
    public const string Password = "kalimat sandi yang panjang";
    public const string Coordinator = "koordinator@browser.id";
    public const string Officer = "petugas@browser.id";
    public const string Admin = "admin@browser.id";
    public const string AgencyName = "Dinas Pekerjaan Umum Uji";
    public const string HealthAgencyName = "Dinas Kesehatan Uji";
    public const string HealthOfficer = "petugas.kes@browser.id";

    public static async Task EnsureStaffAsync(KestrelLaporFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        if (await db.Agencies.AnyAsync(a => a.ShortCode == "BT"))
        {
            return;
        }

        var region = new Agency("Kabupaten Peramban", "BT", AgencyKind.RegencyCity);
        db.Agencies.Add(region);
        await db.SaveChangesAsync();
        var agency = new Agency(AgencyName, "BT-PU", AgencyKind.Opd, region.Id);
        var health = new Agency(HealthAgencyName, "BT-KES", AgencyKind.Opd, region.Id);
        db.Agencies.AddRange(agency, health);
        await db.SaveChangesAsync();

        var users = scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>();
        foreach (var (email, role, agencyId) in new[] { (Coordinator, Roles.Coordinator, region.Id), (Officer, Roles.Officer, agency.Id), (Admin, Roles.Administrator, region.Id), (HealthOfficer, Roles.Officer, health.Id) })
        {
            var user = new LaporUser { UserName = email, Email = email, FullName = email, EmailConfirmed = true };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded);
            await users.AddToRoleAsync(user, role);
            db.AgencyMemberships.Add(new AgencyMembership(user.Id, agencyId));
        }

        await db.SaveChangesAsync();

        // Written behind the app's back, unlike the admin pages: drop its cached agency list as they would.
        await scope.ServiceProvider.GetRequiredService<ReferenceData>().InvalidateAsync(CancellationToken.None);
    }

    /// <summary>A real JPEG photo written to a temp file, as a citizen's phone would produce it.</summary>
    public static string PhotoFile()
    {
        using var bitmap = new SKBitmap(320, 240);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SaddleBrown);
            using var paint = new SKPaint { Color = SKColors.Black };
            canvas.DrawCircle(160, 120, 60, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        var path = Path.Combine(Path.GetTempPath(), $"jalan-berlubang-{Guid.NewGuid():N}.jpg");
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }
}
