using System.Globalization;
using System.Net;
using Lapor.TestSupport;

namespace Lapor.IntegrationTests.Features.PublicReports;

/// <summary>/laporan?Q=: the database's full-text search over what the public may read (issue 18).</summary>
public sealed class PublicSearchTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task Search_IgnoresCase_KtpAndKTPFindTheSameReports()
    {
        var world = await StaffWorld.CreateAsync(app);
        var upper = await PublishAsync(world, "Pembuatan KTP elektronik tertunda tiga bulan");
        var lower = await PublishAsync(world, "Blanko ktp habis di kecamatan");

        var byLower = Numbers(await SearchAsync("ktp"));
        var byUpper = Numbers(await SearchAsync("KTP"));

        Assert.Contains(upper, byLower);
        Assert.Contains(lower, byLower);
        Assert.Equal(byLower.Order(), byUpper.Order());
    }

    [Fact]
    public async Task Search_LampuJalan_FindsLowerCaseTitle_AndAPrefix()
    {
        var world = await StaffWorld.CreateAsync(app);
        var number = await PublishAsync(world, "lampu jalan mati di gang mawar");

        Assert.Contains(number, Numbers(await SearchAsync("Lampu Jalan")));
        Assert.Contains(number, Numbers(await SearchAsync("lamp")));
        Assert.Contains(number, Numbers(await SearchAsync("lampunya gang")));
    }

    [Fact]
    public async Task Search_IgnoresAccents_BothWays()
    {
        var world = await StaffWorld.CreateAsync(app);
        var accented = await PublishAsync(world, "Kafé liar menutup trotoar");
        var plain = await PublishAsync(world, "Parkir liar di depan kafe sate");

        var found = Numbers(await SearchAsync("KAFE"));
        var foundAccented = Numbers(await SearchAsync("kafé"));

        Assert.Contains(accented, found);
        Assert.Contains(plain, found);
        Assert.Equal(found.Order(), foundAccented.Order());
    }

    /// <summary>
    /// Words joined by punctuation as addresses are written ("Jl.Melati", "RT-02/RW.05") are words of their own on every
    /// database: PostgreSQL's parser read "Jl.Melati" as one host name, and "-02" as a negative number.
    /// </summary>
    [Fact]
    public async Task Search_FindsWordsJoinedByPunctuation()
    {
        var world = await StaffWorld.CreateAsync(app);
        var number = await PublishAsync(world, "Got mampet di Jl.Kenikir RT-02/RW.05");
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        await officer.ActAsync(number, "tanggapi", ("Text", "Petugas dari UPT.Drainasekota sudah dijadwalkan."), ("Public", "true"));

        Assert.Contains(number, Numbers(await SearchAsync("kenikir")));
        Assert.Contains(number, Numbers(await SearchAsync("Kenikir 02")));
        Assert.Contains(number, Numbers(await SearchAsync("drainasekota")));
    }

    /// <summary>
    /// A verb typed with its prefix finds the word's other forms ("memperbaiki" finds "perbaikan" and "diperbaiki");
    /// a bare word finds words that begin with it ("perbaikan" finds "perbaiki…"), not prefixed ones.
    /// </summary>
    [Fact]
    public async Task Search_FindsOtherFormsOfTheSameWord()
    {
        var world = await StaffWorld.CreateAsync(app);
        var noun = await PublishAsync(world, "Mohon perbaikan jembatan gantung desa");
        var verb = await PublishAsync(world, "Atap puskesmas belum diperbaiki sejak banjir");

        foreach (var query in new[] { "diperbaiki", "memperbaiki" })
        {
            var found = Numbers(await SearchAsync(query));
            Assert.True(found.Contains(noun) && found.Contains(verb), $"\"{query}\" found {string.Join(", ", found)}");
        }

        Assert.Contains(noun, Numbers(await SearchAsync("perbaiki")));
    }

    [Fact]
    public async Task Search_FindsWordsOfAPublicAnswer_NotOfAPrivateOne()
    {
        var world = await StaffWorld.CreateAsync(app);
        var number = await PublishAsync(world, "Genangan air setiap hujan di Jl. Kenanga");
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        await officer.ActAsync(number, "tanggapi", ("Text", "Saluran drainase akan dikeruk minggu depan."), ("Public", "true"));
        await officer.ActAsync(number, "tanggapi", ("Text", "Kontraktor KANARIPRIBADI dihubungi."));

        Assert.Contains(number, Numbers(await SearchAsync("drainase dikeruk")));
        Assert.Empty(Numbers(await SearchAsync("kanaripribadi")));
    }

    [Fact]
    public async Task Search_FindsAReportByAWordOfItsTitleAndAnotherOfItsPublicAnswers_CountedOnce()
    {
        var world = await StaffWorld.CreateAsync(app);
        var number = await PublishAsync(world, "Pipa BOCORKANARI di pasar lama");
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        // Two public answers hold the second word: still one report, counted once.
        await officer.ActAsync(number, "tanggapi", ("Text", "Tukang LASKANARI datang besok."), ("Public", "true"));
        await officer.ActAsync(number, "tanggapi", ("Text", "Tukang LASKANARI memeriksa meteran."), ("Public", "true"));
        await officer.ActAsync(number, "tanggapi", ("Text", "Catatan RAHASIAKANARI untuk kontraktor."));

        var page = await SearchAsync("bocorkanari laskanari");

        Assert.Equal([number], Numbers(page));
        Assert.Contains("1 laporan ditemukan", page.Text, StringComparison.Ordinal);
        Assert.Equal([number], Numbers(await SearchAsync("laskanari")));
        Assert.Empty(Numbers(await SearchAsync("bocorkanari rahasiakanari")));
    }

    [Fact]
    public async Task Search_NeverFindsConfidentialUnverifiedOrReplacedText()
    {
        var world = await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var (secret, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Pungli RAHASIAKANARI di kantor desa", fields: new Dictionary<string, string> { ["Form.IsConfidential"] = "true" });
        await coordinator.ActAsync(secret, "verifikasi", ("AgencyIds", Id(world.AgencyA)));
        await (await Staff.SignInAsync(app, StaffWorld.OfficerA)).ActAsync(secret, "tanggapi", ("Text", "JAWABANRAHASIA sudah ditindak."), ("Public", "true"));
        var (waiting, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Belum diverifikasi BELUMKANARI lampu taman");
        var (edited, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Nama pejabat ASLIKANARI disebut di judul", fields: new Dictionary<string, string> { ["Form.Body"] = "Isi asli TEKSASLIKANARI dengan nama orang." });
        await coordinator.ActAsync(edited, "verifikasi", ("AgencyIds", Id(world.AgencyA)), ("PublicTitle", "Dugaan pelanggaran di kantor kelurahan"), ("PublicSummary", "Ringkasan publik PENGGANTIKANARI tanpa nama."));

        foreach (var word in new[] { "rahasiakanari", "jawabanrahasia", "belumkanari", "aslikanari", "teksaslikanari" })
        {
            var page = await SearchAsync(word);
            Assert.Empty(Numbers(page));
            Assert.Contains("0 laporan ditemukan", page.Text, StringComparison.Ordinal);
        }

        Assert.Equal([edited], Numbers(await SearchAsync("penggantikanari")));
        Assert.DoesNotContain(secret, (await SearchAsync("pungli kantor desa")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain(waiting, (await SearchAsync("lampu taman")).Html, StringComparison.Ordinal);
    }

    /// <summary>FTS5 query syntax typed by a visitor is read as words: never an error page.</summary>
    [Theory]
    [InlineData("\"")]
    [InlineData("\"lampu")]
    [InlineData("lampu\"")]
    [InlineData("*")]
    [InlineData("lampu*")]
    [InlineData("AND")]
    [InlineData("lampu AND")]
    [InlineData("OR NOT")]
    [InlineData("-")]
    [InlineData("-lampu")]
    [InlineData("NEAR(")]
    [InlineData("NEAR(lampu jalan, 2)")]
    [InlineData("Title:lampu")]
    [InlineData("{Title Summary}:lampu")]
    [InlineData("^lampu")]
    [InlineData("lampu + jalan")]
    [InlineData("'; DROP TABLE Reports; --")]
    [InlineData("%_\\")]
    public async Task Search_WithQuerySyntax_AnswersAPage(string q)
    {
        var page = await SearchAsync(q);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("[role=status]"));
    }

    [Fact]
    public async Task Search_RanksATitleMatchAboveAMentionInTheText()
    {
        var world = await StaffWorld.CreateAsync(app);
        var mention = await PublishAsync(world, "Keluhan pelayanan puskesmas", "Antrean panjang, dan ruang tunggu tanpa kipas angin; petugas ramah.");
        var title = await PublishAsync(world, "Kipas angin ruang kelas rusak", "Kipas angin di ruang kelas tiga rusak sejak bulan lalu.");

        var found = Numbers(await SearchAsync("kipas angin"));

        Assert.Equal([title, mention], found.Where(n => n == title || n == mention));
    }

    [Fact]
    public async Task Search_WorksWithTheFilters()
    {
        var world = await StaffWorld.CreateAsync(app);
        var inA = await PublishAsync(world, "Jembatan gantung WIRAKANARI miring", agency: world.AgencyA);
        var inB = await PublishAsync(world, "Jembatan WIRAKANARI retak", agency: world.AgencyB);

        Assert.Equal([inB], Numbers(await SearchAsync($"wirakanari&AgencyId={Id(world.AgencyB)}")));
        Assert.Empty(Numbers(await SearchAsync("wirakanari&Status=Completed")));
        Assert.Equal(new[] { inA, inB }.Order(), Numbers(await SearchAsync("wirakanari&Status=Dispositioned")).Order());
    }

    [Fact]
    public async Task Search_ByTrackingNumber_FindsThatReport()
    {
        var world = await StaffWorld.CreateAsync(app);
        var number = await PublishAsync(world, "Trotoar rusak di Jl. Anggrek");

        var page = await SearchAsync(number.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));

        Assert.Equal([number], Numbers(page));
        Assert.Contains("1 laporan ditemukan", page.Text, StringComparison.Ordinal);
    }

    private async Task<string> PublishAsync(StaffWorld world, string title, string? body = null, int? agency = null)
    {
        var fields = body is null ? null : new Dictionary<string, string> { ["Form.Body"] = body };
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), title, fields: fields);
        await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).ActAsync(number, "verifikasi", ("AgencyIds", Id(agency ?? world.AgencyA)));
        return number;
    }

    private Task<HtmlPage> SearchAsync(string q) => HtmlPage.GetAsync(app.CreateBrowser(), "/laporan?Q=" + (q.Contains('&', StringComparison.Ordinal) ? q : Uri.EscapeDataString(q)));

    /// <summary>The tracking numbers listed, in order.</summary>
    private static List<string> Numbers(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll("main li.card h2 a").Select(a => a.GetAttribute("href")!.Split('/')[^1])];

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
