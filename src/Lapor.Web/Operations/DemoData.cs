using Lapor.Web.Data;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Integrations;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Operations;

/// <summary>
/// Development only: a fictional kabupaten with its OPDs, one account per role (listed in the
/// README) and a few dozen reports driven through the real domain methods into varied states.
/// </summary>
public sealed partial class DemoData(LaporDbContext db, UserManager<LaporUser> users, DeadlineScheduleProvider schedules, TimeProvider clock)
{
    public const string Password = "Lapor-Demo-2026";
    public const string RegionCode = "KNM";

    /// <summary>The demo village operator's service point (operator.desa@lapor.test), printed on their slips.</summary>
    public const string DemoServicePoint = "Kantor Desa Sukamaju, Kecamatan Makmur Kota";

    /// <summary>The demo API client's key (Open311 and channel intake), printed in the README; Development only.</summary>
    public const string ApiKey = "lpr_demo_open311_2026";

    /// <summary>
    /// Creates a demo account with <see cref="Password"/>. That password is published, so the password
    /// validators refuse it everywhere a person sets a password; the demo accounts and the data
    /// generator's accounts alone get it, hashed here without going through those validators.
    /// </summary>
    public static Task<IdentityResult> CreateWithDemoPasswordAsync(UserManager<LaporUser> users, LaporUser user)
    {
        user.PasswordHash = users.PasswordHasher.HashPassword(user, Password);
        return users.CreateAsync(user);
    }

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Agencies.AnyAsync(cancellationToken))
        {
            return;
        }

        // The demo region validates follow-ups ("menunggu validasi"), so that step can be seen; a new installation starts without it.
        var policy = await db.DeadlinePolicies.OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        if (policy is null)
        {
            db.DeadlinePolicies.Add(policy = Domain.Deadlines.DeadlinePolicy.Default);
        }

        policy.SetFollowUpValidation(true);
        await db.SaveChangesAsync(cancellationToken);
        await schedules.InvalidateAsync(cancellationToken);

        var agencies = await SeedAgenciesAsync(cancellationToken);
        var categories = await SeedCategoriesAsync(agencies, cancellationToken);
        var accounts = await SeedAccountsAsync(agencies, cancellationToken);
        await SeedReportsAsync(agencies, categories, accounts, cancellationToken);
        await SeedTagsAsync(cancellationToken);
        db.ResponseTemplates.AddRange(
            new ResponseTemplate(agencies["PUPR"].Id, "Survei lokasi", "Terima kasih atas laporan Anda. Tim teknis kami akan melakukan survei lokasi dalam 3 hari kerja dan menyampaikan hasilnya di sini."),
            new ResponseTemplate(agencies["PUPR"].Id, "Perbaikan selesai", "Perbaikan telah selesai dilaksanakan. Mohon konfirmasi apakah kondisi di lapangan sudah sesuai harapan Anda."));
        db.ApiClients.Add(ApiClient.WithKnownKey("Aplikasi demo (Open311)", ApiKey,
            ApiOperations.ReadRequests | ApiOperations.CreateRequests, 120, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Dictionary<string, Agency>> SeedAgenciesAsync(CancellationToken cancellationToken)
    {
        var region = new Agency("Pemerintah Kabupaten Nusa Makmur", RegionCode, AgencyKind.RegencyCity);
        db.Agencies.Add(region);
        await db.SaveChangesAsync(cancellationToken);

        (string Code, string Name, string? Parent)[] tree =
        [
            ("DISKOMINFO", "Dinas Komunikasi dan Informatika", null),
            ("PUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", null),
            ("PUPR-BM", "Bidang Bina Marga", "PUPR"),
            ("PUPR-SDA", "Bidang Sumber Daya Air", "PUPR"),
            ("DINKES", "Dinas Kesehatan", null),
            ("DINKES-PKM", "UPTD Puskesmas Makmur Kota", "DINKES"),
            ("DISDIK", "Dinas Pendidikan", null),
            ("DISHUB", "Dinas Perhubungan", null),
            ("DLH", "Dinas Lingkungan Hidup", null),
            ("DINSOS", "Dinas Sosial", null),
            ("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", null),
            ("DPMPTSP", "Dinas Penanaman Modal dan PTSP", null),
            ("SATPOLPP", "Satuan Polisi Pamong Praja", null),
            ("BPBD", "Badan Penanggulangan Bencana Daerah", null),
            ("RSUD", "RSUD Nusa Makmur", null),
            ("INSPEKTORAT", "Inspektorat Daerah", null),
        ];

        var byCode = new Dictionary<string, Agency> { [RegionCode] = region };
        foreach (var (code, name, parent) in tree)
        {
            var parentId = parent is null ? region.Id : byCode[parent].Id;
            var kind = parent is null ? AgencyKind.Opd : AgencyKind.SubUnit;
            var agency = new Agency(name, code, kind, parentId);
            agency.SetContact($"{code.ToLowerInvariant()}@nusamakmur.go.id", null);
            if (parent is null)
            {
                agency.RecordLiaisonDecree($"188.4/{byCode.Count:000}/KPTS/2026", new DateOnly(2026, 1, 12));
            }

            db.Agencies.Add(agency);
            await db.SaveChangesAsync(cancellationToken);
            byCode[code] = agency;
        }

        return byCode;
    }

    private async Task<Dictionary<string, Category>> SeedCategoriesAsync(Dictionary<string, Agency> agencies, CancellationToken cancellationToken)
    {
        (string Parent, string ParentEn, (string Name, string NameEn, string Agency)[] Children)[] tree =
        [
            ("Infrastruktur", "Infrastructure", [("Jalan Rusak", "Damaged roads", "PUPR"), ("Drainase dan Banjir", "Drainage and flooding", "PUPR"), ("Lampu Jalan", "Street lights", "DISHUB")]),
            ("Kesehatan", "Health", [("Layanan Puskesmas", "Community health centres", "DINKES"), ("Layanan Rumah Sakit", "Hospital services", "RSUD")]),
            ("Pendidikan", "Education", [("Sekolah Dasar dan Menengah", "Primary and secondary schools", "DISDIK")]),
            ("Administrasi Kependudukan", "Civil registration", [("KTP-el dan KK", "ID cards and family cards", "DISDUKCAPIL")]),
            ("Lingkungan Hidup", "Environment", [("Sampah", "Waste", "DLH"), ("Pencemaran", "Pollution", "DLH")]),
            ("Ketertiban Umum", "Public order", [("Pedagang Kaki Lima", "Street vendors", "SATPOLPP")]),
            ("Perizinan", "Permits", [("Izin Usaha", "Business permits", "DPMPTSP")]),
            ("Bantuan Sosial", "Social assistance", [("Penyaluran Bansos", "Aid distribution", "DINSOS")]),
        ];

        var region = agencies[RegionCode];
        var byName = new Dictionary<string, Category>();
        foreach (var (parentName, parentEn, children) in tree)
        {
            var parent = new Category(parentName, parentEn);
            db.Categories.Add(parent);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (name, nameEn, agency) in children)
            {
                var child = new Category(name, nameEn, parent.Id);
                db.Categories.Add(child);
                await db.SaveChangesAsync(cancellationToken);
                child.SetDefaultAgency(region.Id, agencies[agency].Id);
                byName[name] = child;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return byName;
    }

    private async Task<Dictionary<string, LaporUser>> SeedAccountsAsync(Dictionary<string, Agency> agencies, CancellationToken cancellationToken)
    {
        (string Email, string Name, string Role, string? Agency)[] accounts =
        [
            ("warga@lapor.test", "Siti Rahmawati", Roles.Citizen, null),
            ("penghubung.pupr@lapor.test", "Budi Santoso", Roles.Officer, "PUPR"),
            ("penghubung.dinkes@lapor.test", "dr. Ayu Lestari", Roles.Officer, "DINKES"),
            ("kepala.pupr@lapor.test", "Ir. Hendra Wijaya", Roles.AgencyHead, "PUPR"),
            ("koordinator@lapor.test", "Rina Kusuma", Roles.Coordinator, RegionCode),
            ("pengawas@lapor.test", "Agus Prasetyo", Roles.Oversight, RegionCode),
            ("admin@lapor.test", "Administrator Lapor", Roles.Administrator, null),
            ("operator.desa@lapor.test", "Dedi Kurniawan", Roles.VillageOperator, null),
        ];

        var byEmail = new Dictionary<string, LaporUser>();
        foreach (var (email, name, role, agency) in accounts)
        {
            // The coordinator hears of every report in the region: one digest a day, not dozens of mails.
            var user = new LaporUser
            {
                UserName = email, Email = email, EmailConfirmed = true, FullName = name, CreatedAt = clock.GetUtcNow(), MailDigest = role == Roles.Coordinator,
                ServicePoint = role == Roles.VillageOperator ? DemoServicePoint : null,
            };
            var created = await CreateWithDemoPasswordAsync(users, user);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, role);
            if (agency is not null)
            {
                db.AgencyMemberships.Add(new AgencyMembership(user.Id, agencies[agency].Id));
            }

            byEmail[email] = user;
        }

        await db.SaveChangesAsync(cancellationToken);
        return byEmail;
    }
}
