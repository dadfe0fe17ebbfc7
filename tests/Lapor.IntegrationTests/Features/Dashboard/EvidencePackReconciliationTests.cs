using System.Globalization;
using Lapor.TestSupport;
using Lapor.Web.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Lapor.IntegrationTests.Features.Dashboard;

/// <summary>
/// The evidence pack of October 2026 against the dashboard of the same period and scope: its page, its period
/// workbook (/dashboard/ekspor.xlsx), and the rows behind the pack's own additions (decrees, officers, channels).
/// </summary>
public sealed class EvidencePackReconciliationTests(StoppedClockAppFactory app) : IClassFixture<StoppedClockAppFactory>
{
    private const string October = "Year=2026&Month=10";
    private static readonly CultureInfo Indonesian = new("id");

    [Fact]
    public async Task EvidencePack_October2026_ReconcilesWithTheDashboard()
    {
        var world = await StaffWorld.CreateAsync(app);
        await OctoberScenario.SeedAsync(app, world);
        await app.WithDbAsync(async db =>
        {
            // Dinas A has its own decree, its unit A1 none (covered by A's), Dinas B none.
            (await db.Agencies.SingleAsync(a => a.Id == world.AgencyA)).RecordLiaisonDecree("188.4/021/KPTS/2026", new DateOnly(2026, 2, 3));
            // Officer A signed in on 12 October (WIB); officer B only in November, outside the period.
            var officerA = await db.Users.SingleAsync(u => u.Email == StaffWorld.OfficerA);
            var officerB = await db.Users.SingleAsync(u => u.Email == StaffWorld.OfficerB);
            db.AuditEntries.Add(new AuditEntry(AuditAction.SignIn, officerA.Id, "Account", officerA.Id, null, null, new DateTimeOffset(2026, 10, 12, 1, 0, 0, TimeSpan.Zero)));
            db.AuditEntries.Add(new AuditEntry(AuditAction.SignIn, officerB.Id, "Account", officerB.Id, null, null, new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero)));
            await db.SaveChangesAsync();
        });
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        var page = await coordinator.OpenAsync($"/dashboard?{October}");
        using var dashboard = new MemoryStream(await coordinator.Client.GetByteArrayAsync($"/dashboard/ekspor.xlsx?{October}"));
        using var pack = new MemoryStream(await coordinator.Client.GetByteArrayAsync($"/dashboard/bukti-dukung.xlsx?{October}"));

        Assert.Equal(
            ["Ringkasan", "Ketepatan waktu per tahap", "Kanal pengaduan", "SK pejabat penghubung", "Keterhubungan instansi", "Petugas penghubung", "Per instansi", "Sosialisasi dan bimtek"],
            pack.GetSheetNames());

        // The same figures, under the same labels, as the dashboard's period workbook and its page.
        foreach (var label in new[]
        {
            "Laporan diterima", "Tingkat Penyelesaian", "Tingkat Tindak Lanjut", "Median hari kerja sampai verifikasi", "Median hari kerja sampai tanggapan pertama",
            "Median hari kerja sampai selesai", "Kepuasan pelapor", "Instansi terhubung",
        })
        {
            Assert.Equal(Figure(dashboard, label), Figure(pack, label));
        }

        var received = (double)Figure(pack, "Laporan diterima")!;
        Assert.Contains($"Laporan diterima: {received}", page.Text, StringComparison.Ordinal);
        Assert.Equal(((decimal)(double)Figure(pack, "Tingkat Penyelesaian")!).ToString("P1", Indonesian), DashboardCards.Card(page, "Tingkat Penyelesaian"));
        Assert.Equal(((decimal)(double)Figure(pack, "Tingkat Tindak Lanjut")!).ToString("P1", Indonesian), DashboardCards.Card(page, "Tingkat Tindak Lanjut"));
        Assert.Equal(((decimal)(double)Figure(pack, "Kepuasan pelapor")!).ToString("P1", Indonesian), DashboardCards.Card(page, "Kepuasan pelapor"));

        // Followed up within the first-response deadline (5 working days by default) is the dashboard's on-time first response.
        Assert.Equal(Figure(dashboard, "Tanggapan pertama tepat waktu"), Figure(pack, "Ditindaklanjuti dalam 5 hari kerja"));
        var stages = Rows(pack, "Ketepatan waktu per tahap");
        Assert.Equal(Figure(dashboard, "Tanggapan pertama tepat waktu"), stages.Single(r => (string?)r["Tahap"] == "Tanggapan pertama")["Tepat waktu"]);
        Assert.Equal(Figure(dashboard, "Selesai tepat waktu"), stages.Single(r => (string?)r["Tahap"] == "Penyelesaian")["Tepat waktu"]);
        Assert.Equal(Figure(dashboard, "Verifikasi tepat waktu"), stages.Single(r => (string?)r["Tahap"] == "Verifikasi")["Tepat waktu"]);

        // Accepted and rejected answers: the satisfaction share is made of them.
        var (accepted, rejected) = ((double)Figure(pack, "Jawaban diterima pelapor")!, (double)Figure(pack, "Jawaban ditolak pelapor")!);
        Assert.Equal((2d, 2d), (accepted, rejected));
        Assert.Equal(accepted / (accepted + rejected), (double)Figure(pack, "Kepuasan pelapor")!, 4);

        // Kinds and channels count the same reports.
        Assert.Equal(received, (double)Figure(pack, "– Pengaduan")! + (double)Figure(pack, "– Aspirasi")! + (double)Figure(pack, "– Permintaan Informasi")!);
        var channels = Rows(pack, "Kanal pengaduan");
        Assert.Equal(received, channels.Sum(r => (double)r["Laporan diterima"]!));
        Assert.Equal(received, channels.Single(r => (string?)r["Kanal"] == "Web")["Laporan diterima"]);
        Assert.Equal(1d, Figure(pack, "Kanal yang digunakan"));

        // The per-agency table is the dashboard's own.
        Assert.Equal(Table(Rows(dashboard, "Per instansi")), Table(Rows(pack, "Per instansi")));

        // Decrees: own, the parent's, missing; dates as dates.
        var decrees = Rows(pack, "SK pejabat penghubung").ToDictionary(r => (string)r["Instansi"]!);
        Assert.Equal(("188.4/021/KPTS/2026", new DateTime(2026, 2, 3), "SK instansi sendiri"), ((string)decrees["Dinas A"]["Nomor SK"]!, (DateTime)decrees["Dinas A"]["Tanggal SK"]!, (string)decrees["Dinas A"]["Keterangan"]!));
        Assert.Equal(("188.4/021/KPTS/2026", "Mengikuti SK instansi induk"), ((string)decrees["Bidang A1"]["Nomor SK"]!, (string)decrees["Bidang A1"]["Keterangan"]!));
        Assert.Equal("BELUM ADA SK", decrees["Dinas B"]["Keterangan"]);
        Assert.Equal((3d, 2d, 1d), ((double)Figure(pack, "Instansi (OPD dan unit kerja)")!, (double)Figure(pack, "Instansi dengan SK penghubung")!, (double)Figure(pack, "Instansi tanpa SK penghubung")!));

        // Officers: three accounts, one active in October (signed in then); every agency connected.
        var officers = Rows(pack, "Petugas penghubung").ToDictionary(r => (string)r["Nama petugas"]!);
        Assert.Equal(("Ya", 1d), ((string)officers[StaffWorld.OfficerA]["Aktif dalam periode"]!, (double)officers[StaffWorld.OfficerA]["Masuk ke aplikasi"]!));
        Assert.Equal(("Tidak", 0d), ((string)officers[StaffWorld.OfficerB]["Aktif dalam periode"]!, (double)officers[StaffWorld.OfficerB]["Masuk ke aplikasi"]!));
        Assert.Equal((3d, 1d), ((double)Figure(pack, "Akun petugas penghubung")!, (double)Figure(pack, "Petugas aktif dalam periode")!));
        Assert.Equal(3d, Figure(pack, "Instansi terhubung (jumlah)"));
        var agencyA = Rows(pack, "Keterhubungan instansi").Single(r => (string?)r["Instansi"] == "Dinas A");
        Assert.Equal((1d, 1d, "Ya"), ((double)agencyA["Akun petugas penghubung"]!, (double)agencyA["Petugas aktif dalam periode"]!, (string)agencyA["Terhubung"]!));
    }

    /// <summary>A summary figure by its label: the value, or the percentage for a rate (a number either way, or text).</summary>
    private static object? Figure(MemoryStream workbook, string label)
    {
        var row = Rows(workbook, "Ringkasan").Single(r => (string?)r["Ukuran"] == label);
        return row["Persentase"] ?? row["Nilai"];
    }

    private static List<IDictionary<string, object?>> Rows(MemoryStream workbook, string sheet)
    {
        workbook.Position = 0;
        return [.. workbook.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>()];
    }

    private static string Table(IEnumerable<IDictionary<string, object?>> rows) =>
        string.Join('\n', rows.Select(r => string.Join('|', r.Select(c => $"{c.Key}={Convert.ToString(c.Value, CultureInfo.InvariantCulture)}"))));
}
