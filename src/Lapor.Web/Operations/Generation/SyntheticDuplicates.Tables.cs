namespace Lapor.Web.Operations.Generation;

// The places and problems the planted clusters are written from; the clustering is in SyntheticDuplicates.cs. Drawn
// by index, so changing, adding or reordering an entry changes every data set generated after it for the same seed
// (and the duplicate-suggestion figures in bench/README.md measured on one).
public sealed partial class SyntheticDuplicates
{
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
}
