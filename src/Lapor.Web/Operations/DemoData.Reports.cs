using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Reports;

namespace Lapor.Web.Operations;

public sealed partial class DemoData
{
    private static readonly (string Title, string Body, string Category, Classification Classification)[] Stories =
    [
        ("Jalan berlubang di Jl. Diponegoro", "Sudah tiga bulan jalan di depan pasar berlubang besar dan membahayakan pengendara motor, terutama saat hujan.", "Jalan Rusak", Classification.Complaint),
        ("Saluran air tersumbat di Perumahan Griya Asri", "Setiap hujan deras air meluap ke jalan dan masuk ke rumah warga karena saluran tersumbat sampah.", "Drainase dan Banjir", Classification.Complaint),
        ("Lampu jalan mati di Jl. Sudirman", "Lampu penerangan jalan sepanjang 500 meter mati sejak dua minggu, rawan kejahatan pada malam hari.", "Lampu Jalan", Classification.Complaint),
        ("Antrean panjang di Puskesmas", "Pasien harus menunggu lebih dari tiga jam untuk pemeriksaan umum. Mohon ditambah loket pendaftaran.", "Layanan Puskesmas", Classification.Complaint),
        ("Usulan taman bermain anak", "Kami mengusulkan lahan kosong di kelurahan dijadikan taman bermain anak yang aman.", "Sampah", Classification.Aspiration),
        ("Jadwal perekaman KTP-el", "Mohon informasi jadwal perekaman KTP-el keliling untuk kecamatan kami bulan ini.", "KTP-el dan KK", Classification.InformationRequest),
        ("Sampah menumpuk di TPS pasar", "Sampah di TPS pasar tidak diangkut selama seminggu dan menimbulkan bau menyengat.", "Sampah", Classification.Complaint),
        ("Pungutan di sekolah negeri", "Orang tua murid diminta membayar uang seragam yang tidak sesuai ketentuan.", "Sekolah Dasar dan Menengah", Classification.Complaint),
        ("Bansos tidak tepat sasaran", "Beberapa keluarga mampu menerima bantuan, sementara warga miskin di RT kami tidak terdata.", "Penyaluran Bansos", Classification.Complaint),
        ("Pelayanan IGD RSUD lambat", "Keluarga kami menunggu dua jam di IGD tanpa penanganan dokter.", "Layanan Rumah Sakit", Classification.Complaint),
        ("Persyaratan izin usaha mikro", "Apa saja persyaratan untuk mengurus NIB bagi usaha mikro rumahan?", "Izin Usaha", Classification.InformationRequest),
        ("PKL menutup trotoar", "Pedagang kaki lima menutup trotoar di depan sekolah sehingga anak-anak berjalan di badan jalan.", "Pedagang Kaki Lima", Classification.Complaint),
    ];

    private async Task SeedReportsAsync(
        Dictionary<string, Agency> agencies, Dictionary<string, Category> categories, Dictionary<string, LaporUser> accounts, CancellationToken cancellationToken)
    {
        var schedule = await schedules.GetAsync(cancellationToken);
        var region = agencies[RegionCode];
        var citizen = new Actor(accounts["warga@lapor.test"].Id, ActorRole.Citizen);
        var coordinator = new Actor(accounts["koordinator@lapor.test"].Id, ActorRole.Coordinator);
        var now = clock.GetUtcNow();
        var officers = new Dictionary<int, string>
        {
            [agencies["PUPR"].Id] = accounts["penghubung.pupr@lapor.test"].Id,
            [agencies["DINKES"].Id] = accounts["penghubung.dinkes@lapor.test"].Id,
        };

        for (var i = 0; i < 36; i++)
        {
            var story = Stories[i % Stories.Length];
            var category = categories[story.Category];
            var agencyId = category.DefaultAgencies.Single(d => d.RegionAgencyId == region.Id).AgencyId;
            var officer = new Actor(officers.GetValueOrDefault(agencyId), ActorRole.Officer) { Agencies = [agencyId] };
            var byAccount = i % 3 == 0;
            var at = now.AddDays(-(36 - i) * 2).AddHours(-3);
            var draft = new ReportDraft(story.Classification, story.Title, story.Body, DateOnly.FromDateTime(at.AddDays(-2).Date),
                "Kecamatan Makmur Kota", null, null, category.Id, i % 4 == 0 ? null : agencyId, IsAnonymous: i % 5 == 1, IsConfidential: i % 7 == 3);
            var report = Report.Submit(draft, byAccount ? citizen : Actor.Guest, Channel.Web, Guid.NewGuid(),
                byAccount ? null : AccessCode.Hash("DEMO-KODE-AKSES"), schedule, at);
            db.Reports.Add(report);
            db.ReporterIdentities.Add(byAccount
                ? new ReporterIdentity(report, accounts["warga@lapor.test"].FullName, accounts["warga@lapor.test"].Email, null)
                : new ReporterIdentity(report, $"Warga Demo {i + 1}", $"warga{i + 1}@contoh.id", $"08123{i:000000}"));

            Advance(report, i, agencyId, agencies, coordinator, officer, citizen, schedule, at, now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The most steps a demo story takes after filing (verify, respond, final response, validate, accept).</summary>
    internal const int LongestStory = 5;

    /// <summary>
    /// Twenty hours between a demo report's steps, closer together for a report filed too recently for its whole
    /// story to have happened at that pace (the newest report filed two days ago takes five steps).
    /// </summary>
    internal static TimeSpan StepGap(DateTimeOffset at, DateTimeOffset now) =>
        TimeSpan.FromTicks(Math.Max(0, Math.Min(TimeSpan.FromHours(20).Ticks, (now - at).Ticks / (LongestStory + 1))));

    /// <summary>
    /// Moves the <paramref name="index"/>th demo report along the real lifecycle to one of nine typical
    /// places. The demo region validates follow-ups, so the coordinator accepts a final response before
    /// the reporter may judge it; every other one of them is left waiting for that. Its steps all lie
    /// between <paramref name="at"/> and <paramref name="now"/>: a seeded history never tells of the future.
    /// </summary>
    private static void Advance(
        Report report, int index, int agencyId, Dictionary<string, Agency> agencies, Actor coordinator, Actor officer, Actor reporter,
        Domain.Deadlines.DeadlineSchedule schedule, DateTimeOffset at, DateTimeOffset now)
    {
        var step = at;
        var gap = StepGap(at, now);
        DateTimeOffset Next() => step = step.Add(gap);
        var scenario = index % 9;

        switch (scenario)
        {
            case 0:
                return;
            case 1:
                report.Hold(coordinator, "Mohon lengkapi alamat lengkap lokasi dan foto kondisi terkini.", Next());
                return;
            case 2:
                report.Archive(coordinator, ArchiveReason.Unclear, "Laporan tidak memuat informasi yang cukup untuk ditindaklanjuti.", null, Next());
                return;
        }

        var agencyIds = scenario == 8 ? new[] { agencyId, agencies["INSPEKTORAT"].Id } : [agencyId];
        report.Verify(coordinator, agencyIds, ComplaintKind.Ordinary, null, null, schedule, Next());
        if (scenario == 3)
        {
            return;
        }

        report.Respond(officer, "Terima kasih atas laporan Anda. Tim kami akan meninjau lokasi dalam minggu ini.", MessageVisibility.Public, schedule, Next());
        switch (scenario)
        {
            case 5:
                report.RequestInformation(officer, "Mohon kirimkan titik lokasi yang lebih tepat (nama gang atau patokan).", Next());
                break;
            case 6:
                report.RespondFinal(officer, "Perbaikan telah selesai dilaksanakan. Mohon konfirmasi apakah Anda puas dengan tindak lanjut ini.", MessageVisibility.Public, schedule, Next());
                if (index % 2 == 0)
                {
                    report.ValidateFinal(coordinator, agencyId, schedule, Next());
                }

                break;
            case 7:
                report.RespondFinal(officer, "Permasalahan telah ditangani oleh petugas lapangan.", MessageVisibility.Public, schedule, Next());
                report.ValidateFinal(coordinator, agencyId, schedule, Next());
                report.Accept(report.ReporterUserId is null ? Actor.Guest : reporter, schedule, Next());
                break;
        }
    }
}
