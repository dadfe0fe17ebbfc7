using System.Globalization;
using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Domain.Reports;

namespace Lapor.Web.Operations.Generation;

/// <summary>
/// Near-duplicate clusters for measuring the similar-reports suggestions (issue 21): now and then a
/// report about a particular spot (a street, a landmark, a neighbourhood unit) is followed within days
/// by one to three reports of the same problem there by other citizens, in other words and sometimes
/// with a point a few dozen metres off. Six in ten of those repeats are already archived as duplicates
/// of the first (<see cref="Report.DuplicateOfReportId"/>): the ground truth that the measurement
/// (<c>triage-eval --duplicates</c>) reads back from the data. The same streets carry the generator's
/// ordinary reports too, and other clusters, so a street name alone does not give the answer away.
/// </summary>
public sealed class SyntheticDuplicates
{
    /// <summary>Share of reports that start a cluster.</summary>
    public const double ClusterShare = 0.02;

    /// <summary>Share of the repeats already archived as duplicates (the rest wait at verification or were routed anyway).</summary>
    public const double ArchivedShare = 0.6;

    private static readonly string[] Streets =
    [
        "Merdeka", "Diponegoro", "Sudirman", "Ahmad Yani", "Kenanga", "Melati", "Flamboyan", "Cempaka", "Pahlawan", "Gatot Subroto", "Kartini",
        "Veteran", "Pemuda", "Siliwangi", "Hasanuddin", "Imam Bonjol", "Gajah Mada", "Hayam Wuruk", "Teuku Umar", "Cut Nyak Dien", "Pattimura",
        "Sisingamangaraja", "Ki Hajar Dewantara", "Dr. Sutomo", "Raya Pasar", "Raya Terminal", "Anggrek", "Mawar", "Dahlia", "Nangka",
    ];

    private static readonly string[] Landmarks =
    [
        "SDN 2", "SMPN 1", "Masjid Al-Ikhlas", "Masjid Nurul Huda", "Pasar Pagi", "balai desa", "kantor kelurahan", "Puskesmas Pembantu",
        "jembatan kecil", "pertigaan lampu merah", "Gereja Santo Yusuf", "lapangan bola", "minimarket", "pangkalan ojek", "pos ronda",
        "makam umum", "SPBU", "kantor pos", "taman kota", "gapura perumahan",
    ];

    /// <summary>The problems a spot can have: per category, wordings of the same problem ({0} the place as each reporter puts it).</summary>
    private static readonly Dictionary<string, (string Title, string Body)[][]> Problems = new()
    {
        ["Jalan Rusak"] =
        [
            [
                ("Jalan berlubang besar di {0}", "Ada lubang besar di badan jalan {0}, sudah dua motor jatuh minggu ini. Mohon segera ditambal."),
                ("Lubang jalan membahayakan pengendara", "Lubang di {0} makin lebar dan dalam, saat hujan tertutup genangan sehingga pengendara terperosok."),
                ("Tolong tambal lubang di {0}", "Jalan {0} rusak dan berlubang, anak sekolah sering terjatuh dari sepeda di situ."),
            ],
            [
                ("Aspal jalan mengelupas di {0}", "Aspal di {0} mengelupas dan berkerikil sehingga licin bagi sepeda motor."),
                ("Jalan licin karena aspal lepas", "Lapisan aspal {0} sudah lepas semua, kerikilnya berserakan dan membuat motor tergelincir."),
            ],
            [
                ("Bekas galian pipa tidak diaspal", "Bekas galian pipa di {0} tidak diaspal kembali, jalan jadi bergelombang dan berdebu."),
                ("Galian proyek dibiarkan terbuka", "Sudah sebulan galian di {0} ditinggal begitu saja, jalan bergelombang dan becek."),
            ],
        ],
        ["Drainase dan Banjir"] =
        [
            [
                ("Got mampet di {0}", "Selokan di {0} tersumbat sampah dan lumpur, air hujan meluap ke rumah warga."),
                ("Banjir setiap hujan di {0}", "Setiap hujan deras {0} tergenang setinggi lutut karena selokan tidak mengalir."),
                ("Saluran air meluap ke jalan", "Drainase di {0} penuh lumpur, genangan baru surut setelah dua hari."),
            ],
            [
                ("Gorong-gorong ambrol di {0}", "Gorong-gorong di {0} runtuh sehingga air tertahan dan jalan ikut amblas."),
                ("Jalan amblas karena gorong-gorong runtuh", "Gorong-gorong di bawah jalan {0} ambrol, sekarang jalannya amblas setengah meter."),
            ],
            [
                ("Tutup saluran patah", "Tutup beton saluran di {0} patah dan berlubang, berbahaya untuk pejalan kaki malam hari."),
                ("Tutup got beton pecah di {0}", "Tutup got di {0} pecah, sudah ada pejalan kaki yang terperosok ke saluran."),
            ],
        ],
        ["Lampu Jalan"] =
        [
            [
                ("Lampu jalan padam di {0}", "Lampu penerangan jalan di {0} padam sudah sepekan, jalan gelap gulita dan rawan begal."),
                ("PJU mati total", "Semua lampu PJU di {0} tidak menyala sejak minggu lalu, warga takut lewat malam hari."),
                ("Penerangan jalan gelap di {0}", "Lampu jalan di {0} mati, mohon diperbaiki karena sering terjadi kecelakaan."),
            ],
            [
                ("Tiang lampu miring hampir roboh", "Tiang lampu jalan di {0} miring setelah tertabrak truk dan bisa roboh kapan saja."),
                ("Tiang PJU miring di {0}", "Tiang lampu di {0} sudah miring dan retak di bawahnya, takut menimpa pengendara."),
            ],
            [
                ("Kabel lampu jalan menjuntai", "Kabel PJU di {0} putus dan menjuntai ke bawah, membahayakan anak-anak."),
                ("Kabel listrik lampu jalan putus di {0}", "Kabel lampu jalan di {0} putus dan menggantung rendah di atas trotoar."),
            ],
        ],
        ["Air Bersih"] =
        [
            [
                ("Air PDAM mati di {0}", "Air PDAM di {0} tidak keluar sejak tiga hari, warga terpaksa membeli air galon."),
                ("Air tidak mengalir sudah berhari-hari", "Pasokan air PDAM di {0} terhenti tanpa pemberitahuan, sudah tiga hari."),
            ],
            [
                ("Pipa PDAM bocor di {0}", "Pipa PDAM di {0} bocor dan air menyembur ke jalan, sayang airnya terbuang."),
                ("Kebocoran pipa air bersih", "Ada pipa PDAM pecah di {0}, air mengalir terus ke selokan sejak kemarin."),
            ],
        ],
        ["Sampah"] =
        [
            [
                ("Sampah menggunung di {0}", "Tumpukan sampah di {0} tidak diangkut dua minggu, baunya menyengat dan banyak lalat."),
                ("Truk sampah tidak datang", "Sampah di {0} menumpuk karena truk pengangkut tidak datang lagi, bau busuk ke mana-mana."),
            ],
            [
                ("TPS liar di {0}", "Warga membuang sampah sembarangan di {0} sampai menutup sebagian jalan."),
                ("Pembuangan sampah liar di pinggir jalan", "Lahan kosong di {0} jadi tempat buang sampah liar, sampahnya sudah sampai ke badan jalan."),
            ],
        ],
        ["Pedagang Kaki Lima"] =
        [
            [
                ("PKL memakan badan jalan di {0}", "Lapak pedagang di {0} menutup trotoar dan separuh jalan sehingga macet setiap sore."),
                ("Trotoar dipakai berjualan", "Trotoar di {0} penuh gerobak dan lapak pedagang, pejalan kaki harus turun ke jalan."),
            ],
        ],
        ["Pencemaran"] =
        [
            [
                ("Bau limbah menyengat di {0}", "Sejak seminggu ada bau limbah kimia di {0}, warga mual dan pusing."),
                ("Bau kimia dari pabrik", "Bau limbah seperti kimia tercium kuat di {0} setiap malam, anak-anak jadi sesak napas."),
            ],
            [
                ("Sungai tercemar limbah", "Air sungai di {0} berbusa dan berwarna hitam, ikan-ikan mati mengambang."),
                ("Ikan mati di sungai {0}", "Sungai dekat {0} airnya hitam dan berbusa, banyak ikan mati, diduga limbah."),
            ],
        ],
        ["Layanan Puskesmas"] =
        [
            [
                ("Puskesmas tutup saat jam layanan", "Puskesmas di {0} sudah tutup jam 11 siang padahal jadwalnya sampai jam 2."),
                ("Pelayanan puskesmas tutup lebih awal", "Kami datang jam 12 ke puskesmas {0} tapi sudah tutup, padahal jam layanan sampai siang."),
            ],
            [
                ("Tidak ada dokter di puskesmas", "Pasien di puskesmas {0} dilayani tanpa dokter, hanya perawat, sudah beberapa hari."),
                ("Dokter puskesmas tidak pernah ada", "Setiap berobat ke puskesmas {0} dokternya tidak ada, hanya bidan yang melayani."),
            ],
        ],
    };

    private readonly Random _random;
    private readonly SyntheticProvince _province;
    private readonly DeadlineSchedule _schedule;
    private readonly DateTimeOffset _now;
    private readonly Actor _coordinator;
    private readonly List<(int CategoryId, string Name, List<int> Agencies)> _categories;
    private readonly List<Repeat> _pending = [];
    private readonly HashSet<string> _trackingNumbers = [];
    private Cluster? _justStarted;

    /// <summary>A spot with a problem: the first report's id once stored, the wordings left, its point and agency.</summary>
    private sealed class Cluster
    {
        public long OriginalId { get; set; }
        public required int CategoryId { get; init; }
        public required int AgencyId { get; init; }
        public required (string Title, string Body)[] Wordings { get; init; }
        public required string Street { get; init; }
        public required string Landmark { get; init; }
        public required int Rt { get; init; }
        public (decimal Latitude, decimal Longitude)? Point { get; init; }
        public int Used { get; set; }
    }

    private sealed record Repeat(Cluster Cluster, DateTimeOffset Due);

    public SyntheticDuplicates(Random random, SyntheticProvince province, IReadOnlyDictionary<int, string> categoryNames, DeadlineSchedule schedule, DateTimeOffset now)
    {
        _random = random;
        _province = province;
        _schedule = schedule;
        _now = now;
        _coordinator = new Actor(province.CoordinatorId, ActorRole.Coordinator);
        _categories = [.. province.CategoryOpds
            .Where(c => Problems.ContainsKey(categoryNames[c.CategoryId]))
            .Select(c => (c.CategoryId, categoryNames[c.CategoryId],
                province.WorkingAgencies.Where(a => a.ShortCode.EndsWith("-" + c.Opd, StringComparison.Ordinal)).Select(a => a.Id).ToList()))
            .Where(c => c.Item3.Count > 0)];
    }

    /// <summary>
    /// A planted report filed at <paramref name="submittedAt"/>: a repeat whose day has come, or (now
    /// and then) the first report of a new cluster; null when the generator's ordinary report is next.
    /// </summary>
    public (Report Report, ReporterIdentity? Identity)? Next(DateTimeOffset submittedAt)
    {
        _justStarted = null;
        var due = _pending.FindIndex(r => r.Due <= submittedAt && r.Cluster.OriginalId > 0);
        if (due >= 0)
        {
            var repeat = _pending[due];
            _pending.RemoveAt(due);
            return Again(repeat.Cluster, submittedAt);
        }

        return _categories.Count > 0 && _random.NextDouble() < ClusterShare ? Start(submittedAt) : null;
    }

    /// <summary>Called with each stored report's id: a cluster's repeats can only point to its first report once it has one.</summary>
    public void Stored(long id)
    {
        if (_justStarted is { } cluster)
        {
            cluster.OriginalId = id;
            _justStarted = null;
        }
    }

    private (Report, ReporterIdentity?) Start(DateTimeOffset submittedAt)
    {
        var (categoryId, name, agencies) = _categories[_random.Next(_categories.Count)];
        var problems = Problems[name];
        var wordings = problems[_random.Next(problems.Length)];
        var cluster = new Cluster
        {
            CategoryId = categoryId,
            AgencyId = agencies[_random.Next(agencies.Count)],
            Wordings = [.. wordings.OrderBy(_ => _random.Next())],
            Street = Streets[_random.Next(Streets.Length)],
            Landmark = Landmarks[_random.Next(Landmarks.Length)],
            Rt = _random.Next(1, 16),

            // Somewhere in a province-sized box (about 200 by 200 km).
            Point = _random.NextDouble() < 0.6 ? ((decimal)Math.Round(-7.8 + (_random.NextDouble() * 1.8), 6), (decimal)Math.Round(106.5 + (_random.NextDouble() * 1.8), 6)) : null,
        };
        var report = File(cluster, submittedAt, cluster.Point);
        _justStarted = cluster;

        // One to three neighbours report it again within ten days.
        var repeats = 1 + _random.Next(3);
        for (var i = 0; i < repeats; i++)
        {
            _pending.Add(new Repeat(cluster, submittedAt.AddHours(12 + (_random.NextDouble() * 24 * 10))));
        }

        // Most first reports are verified and routed within a day or two; the rest still wait.
        var verifiedAt = submittedAt.AddHours(4 + (_random.NextDouble() * 40));
        if (_random.NextDouble() < 0.75 && verifiedAt <= _now)
        {
            report.Verify(_coordinator, [cluster.AgencyId], ComplaintKind.Ordinary, null, null, _schedule, verifiedAt);
            var answeredAt = verifiedAt.AddHours(6 + (_random.NextDouble() * 48));
            if (_random.NextDouble() < 0.6 && answeredAt <= _now)
            {
                report.Respond(new Actor(null, ActorRole.Officer) { Agencies = [cluster.AgencyId] },
                    "Terima kasih, tim kami akan meninjau lokasi.", MessageVisibility.Public, _schedule, answeredAt);
            }
        }

        return (report, Identity(report));
    }

    private (Report, ReporterIdentity?) Again(Cluster cluster, DateTimeOffset submittedAt)
    {
        // Half of the repeats set a point too: a few dozen metres from the first, as phones place it.
        (decimal, decimal)? point = cluster.Point is { } p && _random.NextDouble() < 0.5
            ? (p.Latitude + (decimal)Math.Round((_random.NextDouble() - 0.5) * 0.002, 6), p.Longitude + (decimal)Math.Round((_random.NextDouble() - 0.5) * 0.002, 6))
            : null;
        var report = File(cluster, submittedAt, point);
        var decidedAt = submittedAt.AddHours(2 + (_random.NextDouble() * 30));
        if (decidedAt <= _now)
        {
            if (_random.NextDouble() < ArchivedShare)
            {
                report.Archive(_coordinator, ArchiveReason.Duplicate, "Laporan ini sama dengan laporan yang sudah kami terima; penanganannya mengikuti laporan tersebut.",
                    cluster.OriginalId, decidedAt);
            }
            else if (_random.NextDouble() < 0.5)
            {
                // Not recognised as a repeat: routed like any other report.
                report.Verify(_coordinator, [cluster.AgencyId], ComplaintKind.Ordinary, null, null, _schedule, decidedAt);
            }
        }

        return (report, Identity(report));
    }

    /// <summary>The report as this reporter words it: one of the problem's wordings, the place in their own way.</summary>
    private Report File(Cluster cluster, DateTimeOffset submittedAt, (decimal Latitude, decimal Longitude)? point)
    {
        var (title, body) = cluster.Wordings[cluster.Used++ % cluster.Wordings.Length];
        var place = _random.Next(4) switch
        {
            0 => $"Jl. {cluster.Street} RT {cluster.Rt:00}",
            1 => $"Jalan {cluster.Street} dekat {cluster.Landmark}",
            2 => $"depan {cluster.Landmark} Jl. {cluster.Street}",
            _ => $"Jl. {cluster.Street}, sebelah {cluster.Landmark}",
        };
        var location = _random.Next(3) switch
        {
            0 => $"Jl. {cluster.Street} RT {cluster.Rt:00}",
            1 => $"{cluster.Landmark}, Jl. {cluster.Street}",
            _ => $"Jalan {cluster.Street}",
        };
        var channel = _random.Next(4) switch { 0 => Channel.WhatsApp, 1 => Channel.Sms, _ => Channel.Web };
        var draft = new ReportDraft(
            Classification.Complaint, string.Format(CultureInfo.InvariantCulture, title, place), string.Format(CultureInfo.InvariantCulture, body, place),
            DateOnly.FromDateTime(submittedAt.AddDays(-_random.Next(0, 5)).Date), location, point?.Latitude, point?.Longitude, cluster.CategoryId,
            _random.NextDouble() < 0.5 ? cluster.AgencyId : null, _random.NextDouble() < 0.1, false);
        var report = Report.Submit(draft, channel == Channel.Web ? Actor.Guest : _coordinator, channel, Guid.NewGuid(), null, _schedule, submittedAt);
        while (!_trackingNumbers.Add(report.TrackingNumber))
        {
            report.RegenerateTrackingNumber();
        }

        return report;
    }

    /// <summary>Each repeat comes from another citizen.</summary>
    private ReporterIdentity? Identity(Report report) => report.IsAnonymous ? null
        : new ReporterIdentity(report, $"Warga {_random.Next(1, 99_999)}", $"warga{_random.Next(1, 999_999)}@contoh.id", null);
}
