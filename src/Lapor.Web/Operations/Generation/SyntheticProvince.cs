using Lapor.Web.Data;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Agencies;
using Microsoft.AspNetCore.Identity;

namespace Lapor.Web.Operations.Generation;

/// <summary>
/// A fictional province for load tests: the provincial government with its OPDs, then regencies with
/// their own OPDs and health-centre sub-units until the asked number of agencies is reached;
/// categories with a default agency per regency; a coordinator for the whole province.
/// </summary>
public sealed class SyntheticProvince
{
    public const string CoordinatorEmail = "koordinator@provinsi.test";
    public const string OfficerEmail = "penghubung@provinsi.test";

    private static readonly (string Code, string Name)[] Opds =
    [
        ("PUPR", "Dinas Pekerjaan Umum dan Penataan Ruang"), ("DINKES", "Dinas Kesehatan"), ("DISDIK", "Dinas Pendidikan"),
        ("DISHUB", "Dinas Perhubungan"), ("DLH", "Dinas Lingkungan Hidup"), ("DINSOS", "Dinas Sosial"),
        ("DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil"), ("DPMPTSP", "Dinas Penanaman Modal dan PTSP"),
        ("SATPOLPP", "Satuan Polisi Pamong Praja"), ("BPBD", "Badan Penanggulangan Bencana Daerah"), ("RSUD", "Rumah Sakit Umum Daerah"),
        ("KOMINFO", "Dinas Komunikasi dan Informatika"), ("DISNAKER", "Dinas Tenaga Kerja"), ("DISPERKIM", "Dinas Perumahan dan Permukiman"),
        ("DISPERINDAG", "Dinas Perindustrian dan Perdagangan"), ("DISTAN", "Dinas Pertanian"), ("DKP", "Dinas Kelautan dan Perikanan"),
        ("DISPORA", "Dinas Pemuda dan Olahraga"), ("DISPAR", "Dinas Pariwisata"), ("BAPENDA", "Badan Pendapatan Daerah"),
        ("BKPSDM", "Badan Kepegawaian dan Pengembangan SDM"), ("INSPEKTORAT", "Inspektorat Daerah"), ("DPMD", "Dinas Pemberdayaan Masyarakat dan Desa"),
        ("PDAM", "Perumda Air Minum"),
    ];

    private static readonly string[] Regencies =
    [
        "Sukamaju", "Tanjung Harapan", "Batu Permai", "Sungai Jernih", "Bukit Indah", "Padang Lestari", "Teluk Damai", "Rawa Subur",
        "Gunung Sari", "Lembah Hijau", "Pantai Mutiara", "Karang Asri", "Sido Mulyo", "Tirta Kencana", "Wana Jaya", "Mekar Sari",
    ];

    /// <summary>Category, parent, classification hint and the OPD that handles it by default.</summary>
    public static readonly (string Name, string NameEnglish, string Parent, string ParentEnglish, string Opd)[] Categories =
    [
        ("Jalan Rusak", "Damaged roads", "Infrastruktur", "Infrastructure", "PUPR"),
        ("Drainase dan Banjir", "Drainage and flooding", "Infrastruktur", "Infrastructure", "PUPR"),
        ("Lampu Jalan", "Street lights", "Infrastruktur", "Infrastructure", "DISHUB"),
        ("Air Bersih", "Clean water", "Infrastruktur", "Infrastructure", "PDAM"),
        ("Layanan Puskesmas", "Community health centres", "Kesehatan", "Health", "DINKES"),
        ("Layanan Rumah Sakit", "Hospital services", "Kesehatan", "Health", "RSUD"),
        ("Sekolah", "Schools", "Pendidikan", "Education", "DISDIK"),
        ("KTP-el dan KK", "ID cards and family cards", "Administrasi Kependudukan", "Civil registration", "DUKCAPIL"),
        ("Sampah", "Waste", "Lingkungan Hidup", "Environment", "DLH"),
        ("Pencemaran", "Pollution", "Lingkungan Hidup", "Environment", "DLH"),
        ("Pedagang Kaki Lima", "Street vendors", "Ketertiban Umum", "Public order", "SATPOLPP"),
        ("Izin Usaha", "Business permits", "Perizinan", "Permits", "DPMPTSP"),
        ("Penyaluran Bansos", "Aid distribution", "Bantuan Sosial", "Social assistance", "DINSOS"),
        ("Angkutan Umum", "Public transport", "Perhubungan", "Transport", "DISHUB"),
    ];

    private SyntheticProvince(Agency root, IReadOnlyList<Agency> all, IReadOnlyList<Agency> workingAgencies, IReadOnlyList<(int CategoryId, string Opd)> categories)
    {
        Root = root;
        All = all;
        WorkingAgencies = workingAgencies;
        CategoryOpds = categories;
    }

    public Agency Root { get; }

    public IReadOnlyList<Agency> All { get; }

    /// <summary>Agencies that receive reports, in the order of their load (the first gets the most).</summary>
    public IReadOnlyList<Agency> WorkingAgencies { get; }

    public IReadOnlyList<(int CategoryId, string Opd)> CategoryOpds { get; }

    public string CoordinatorId { get; private set; } = "";

    public string OfficerId { get; private set; } = "";

    public static async Task<SyntheticProvince> CreateAsync(LaporDbContext db, int agencyCount, Random random, CancellationToken cancellationToken)
    {
        var root = new Agency("Pemerintah Provinsi Nusantara Raya", "PROV", AgencyKind.Province);
        db.Agencies.Add(root);
        await db.SaveChangesAsync(cancellationToken);
        var all = new List<Agency> { root };

        // Provincial OPDs, then regencies, each followed by its OPDs and two health centres, until the budget is spent.
        var level = Opds.Take(Math.Max(0, agencyCount - all.Count)).Select(o => new Agency(o.Name + " Provinsi", "PROV-" + o.Code, AgencyKind.Opd, root.Id)).ToList();
        await AddAsync(db, all, level, cancellationToken);
        for (var r = 0; all.Count < agencyCount; r++)
        {
            var name = Regencies[r % Regencies.Length] + (r >= Regencies.Length ? $" {(r / Regencies.Length) + 1}" : "");
            var regency = new Agency((r % 3 == 2 ? "Pemerintah Kota " : "Pemerintah Kabupaten ") + name, $"R{r + 1:000}", AgencyKind.RegencyCity, root.Id);
            await AddAsync(db, all, [regency], cancellationToken);
            var opds = Opds.Take(Math.Max(0, agencyCount - all.Count)).Select(o => new Agency($"{o.Name} {name}", $"R{r + 1:000}-{o.Code}", AgencyKind.Opd, regency.Id)).ToList();
            await AddAsync(db, all, opds, cancellationToken);
            var health = opds.FirstOrDefault(o => o.ShortCode.EndsWith("-DINKES", StringComparison.Ordinal));
            if (health is not null)
            {
                var units = Enumerable.Range(1, Math.Min(2, agencyCount - all.Count))
                    .Select(i => new Agency($"UPTD Puskesmas {name} {i}", $"R{r + 1:000}-PKM{i}", AgencyKind.SubUnit, health.Id)).ToList();
                await AddAsync(db, all, units, cancellationToken);
            }
        }

        var working = all.Where(a => a.Kind is AgencyKind.Opd or AgencyKind.SubUnit).OrderBy(_ => random.Next()).ToList();

        // The provincial public-works office carries the heaviest load, as roads do in the national figures.
        var busiest = working.FirstOrDefault(a => a.ShortCode == "PROV-PUPR") ?? working[0];
        working.Remove(busiest);
        working.Insert(0, busiest);

        var categories = await AddCategoriesAsync(db, all, cancellationToken);
        return new SyntheticProvince(root, all, working, categories);
    }

    /// <summary>The province's coordinator (whole tree) and a liaison officer of the busiest agency, both with the demo password.</summary>
    public async Task AddAccountsAsync(LaporDbContext db, UserManager<LaporUser> users, DateTimeOffset now, CancellationToken cancellationToken)
    {
        CoordinatorId = await AddAccountAsync(db, users, CoordinatorEmail, "Koordinator Provinsi", Roles.Coordinator, Root.Id, now, cancellationToken);
        OfficerId = await AddAccountAsync(db, users, OfficerEmail, "Penghubung " + WorkingAgencies[0].ShortCode, Roles.Officer, WorkingAgencies[0].Id, now, cancellationToken);
    }

    private static async Task<string> AddAccountAsync(
        LaporDbContext db, UserManager<LaporUser> users, string email, string name, string role, int agencyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var user = new LaporUser { UserName = email, Email = email, EmailConfirmed = true, FullName = name, CreatedAt = now };
        var created = await DemoData.CreateWithDemoPasswordAsync(users, user);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, role);
        db.AgencyMemberships.Add(new AgencyMembership(user.Id, agencyId));
        await db.SaveChangesAsync(cancellationToken);
        return user.Id;
    }

    private static async Task AddAsync(LaporDbContext db, List<Agency> all, List<Agency> agencies, CancellationToken cancellationToken)
    {
        db.Agencies.AddRange(agencies);
        await db.SaveChangesAsync(cancellationToken);
        all.AddRange(agencies);
    }

    private static async Task<List<(int, string)>> AddCategoriesAsync(LaporDbContext db, List<Agency> all, CancellationToken cancellationToken)
    {
        var parents = Categories.Select(c => (c.Parent, c.ParentEnglish)).Distinct().ToDictionary(p => p.Parent, p => new Category(p.Parent, p.ParentEnglish));
        db.Categories.AddRange(parents.Values);
        await db.SaveChangesAsync(cancellationToken);

        var children = Categories.Select(c => (c.Opd, Category: new Category(c.Name, c.NameEnglish, parents[c.Parent].Id))).ToList();
        db.Categories.AddRange(children.Select(c => c.Category));
        await db.SaveChangesAsync(cancellationToken);

        var byCode = all.ToDictionary(a => a.ShortCode);
        foreach (var region in all.Where(a => a.Kind is AgencyKind.Province or AgencyKind.RegencyCity))
        {
            var prefix = region.Kind == AgencyKind.Province ? "PROV" : region.ShortCode;
            foreach (var (opd, category) in children)
            {
                if (byCode.TryGetValue($"{prefix}-{opd}", out var agency))
                {
                    category.SetDefaultAgency(region.Id, agency.Id);
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return [.. children.Select(c => (c.Category.Id, c.Opd))];
    }
}
