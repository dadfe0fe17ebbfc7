using Lapor.Web.Domain.Reports;

namespace Lapor.Web.Operations.Generation;

// The tables the generated reporters write from; the picking is in SyntheticStories.cs. The generator draws from them
// by index, so changing, adding or reordering an entry changes every data set generated after it for the same seed
// (and the figures in bench/README.md measured on one).
public sealed partial class SyntheticStories
{
    /// <summary>
    /// One kind of problem an office hears about: titles and bodies drawn independently (<c>{0}</c> the village or street,
    /// <c>{1}</c> the region, <c>{2}</c> the health facility, <c>{3}</c> the school); <paramref name="Aspiration"/> the share
    /// written as a suggestion from the aspiration texts instead.
    /// </summary>
    private sealed record Topic(string[] Titles, string[] Bodies, Classification Classification, double Aspiration = 0, string[]? AspirationTitles = null, string[]? AspirationBodies = null);

    private static readonly string[] Villages =
    [
        "Desa Sukamaju", "Kelurahan Tanjung", "Jl. Merdeka", "Jl. Diponegoro", "Pasar Induk", "Desa Sungai Jernih", "Perumahan Griya Asri",
        "Jl. Sudirman", "Kampung Nelayan", "Terminal Kota", "Desa Mekar Sari", "Jl. Ahmad Yani", "Kelurahan Bukit Indah", "Dusun Krajan",
        "Desa Karang Anyar", "RT 04 RW 02 Kelurahan Sido Rejo", "Jl. Gatot Subroto", "Komplek Pemda", "Desa Suka Damai", "Jl. Pahlawan",
    ];

    private static readonly string[] Districts = ["Kota", "Utara", "Selatan", "Barat", "Timur", "Tengah", "Pesisir", "Hulu"];

    private static readonly string[] Openings =
    [
        "", "", "", "Selamat siang, ", "Mohon izin melapor. ", "Assalamualaikum, ", "Yth. Bapak/Ibu, ", "Saya warga setempat ingin menyampaikan, ",
    ];

    private static readonly string[] Closings =
    [
        "Mohon segera ditindaklanjuti.", "Terima kasih.", "Sudah pernah disampaikan ke RT dan kelurahan tetapi belum ada tindakan.",
        "Mohon perhatian dari pemerintah daerah.", "Warga sangat berharap ada solusi secepatnya.", "Foto terlampir.", "",
        "Kami menunggu tanggapan dan kepastian waktunya.", "Tolong jangan hanya dijanjikan.",
    ];

    /// <summary>By category name for the offices that have one; by office code for those that do not.</summary>
    private static readonly Dictionary<string, Topic> Topics = new()
    {
        ["Jalan Rusak"] = new(
            ["Jalan berlubang di {0}", "Jalan rusak parah di {0}", "Aspal jalan {0} mengelupas", "Jalan {0} rusak dan tergenang saat hujan", "Perbaikan jalan di {0} tidak selesai"],
            [
                "Jalan di {0} berlubang besar sejak beberapa bulan dan membahayakan pengendara, terutama saat hujan karena lubang tertutup genangan air.",
                "Aspal di ruas jalan {0} mengelupas dan berlubang, sudah beberapa pengendara motor jatuh. Jalan ini dipakai anak sekolah setiap hari.",
                "Perbaikan jalan di {0} dikerjakan setengah jalan lalu ditinggal, material menumpuk di bahu jalan dan jalan jadi sempit.",
                "Jalan menuju {0} rusak berat, berlubang dan berbatu, kendaraan harus berjalan pelan. Saat musim hujan jalan menjadi lumpur dan banjir.",
                "Tambalan jalan di {0} sudah rusak lagi setelah dua bulan. Lubangnya semakin dalam dan lebar.",
            ],
            Classification.Complaint),
        ["Drainase dan Banjir"] = new(
            ["Saluran air tersumbat di {0}", "Banjir setiap hujan di {0}", "Got mampet di {0}", "Jalan {0} tergenang banjir", "Gorong-gorong rusak di {0}"],
            [
                "Setiap hujan deras air meluap ke jalan di {0} dan masuk ke rumah warga karena saluran tersumbat sampah dan lumpur.",
                "Drainase di {0} tidak berfungsi, air menggenang di jalan sampai selutut dan jalan menjadi rusak.",
                "Gorong-gorong di {0} ambrol sehingga air tidak mengalir dan banjir merendam jalan serta halaman rumah warga.",
                "Got di sepanjang jalan {0} dangkal dan mampet, bau tidak sedap dan menjadi sarang nyamuk. Saat hujan jalan banjir.",
                "Genangan banjir di {0} tidak surut berhari-hari setelah hujan. Mohon normalisasi saluran dan pengerukan sedimen.",
            ],
            Classification.Complaint),
        ["Lampu Jalan"] = new(
            ["Lampu jalan mati di {0}", "PJU padam di {0}", "Jalan {0} gelap gulita pada malam hari", "Lampu penerangan jalan rusak di {0}"],
            [
                "Lampu penerangan jalan di {0} mati sejak dua minggu sehingga rawan kecelakaan dan kejahatan pada malam hari.",
                "Beberapa tiang PJU di jalan {0} padam dan satu tiang miring hampir roboh. Jalan sangat gelap.",
                "Jalan di {0} gelap karena lampu jalan tidak menyala, banyak pengendara terperosok ke lubang di jalan yang tidak terlihat.",
                "Lampu jalan di {0} menyala siang hari tetapi mati pada malam hari. Mohon diperbaiki timer atau panelnya.",
            ],
            Classification.Complaint),
        ["Air Bersih"] = new(
            ["Air PDAM tidak mengalir di {0}", "Air PDAM keruh di {0}", "Pipa PDAM bocor di {0}", "Tagihan air PDAM melonjak", "Krisis air bersih di {0}"],
            [
                "Sudah lima hari air PDAM di {0} tidak mengalir, padahal tagihan tetap dibayar tepat waktu.",
                "Air dari PDAM di {0} keruh kecokelatan dan berbau, tidak bisa dipakai untuk masak dan mandi.",
                "Pipa PDAM di {0} bocor dan airnya membanjiri jalan, sudah seminggu belum diperbaiki sehingga jalan ikut rusak.",
                "Tagihan air PDAM rumah saya di {0} naik tiga kali lipat padahal pemakaian biasa saja. Meteran air diduga rusak.",
                "Warga {0} kesulitan air bersih, sumur kering dan air PDAM hanya mengalir tengah malam dengan debit kecil.",
            ],
            Classification.Complaint),
        ["Layanan Puskesmas"] = new(
            ["Antrean panjang di {2}", "Pelayanan {2} lambat", "Obat kosong di {2}", "Petugas {2} tidak ramah", "Dokter tidak ada di {2}"],
            [
                "Pasien di {2} harus menunggu lebih dari tiga jam untuk pemeriksaan umum. Mohon ditambah loket pendaftaran.",
                "Saat berobat ke {2} di {0}, obat yang diresepkan kosong dan pasien disuruh membeli di apotek luar.",
                "Petugas pendaftaran di {2} membentak pasien lansia dan antrean tidak tertib. Pelayanan kesehatan seharusnya ramah.",
                "Pukul sepuluh pagi dokter umum di {2} belum datang, pasien BPJS menunggu lama tanpa kepastian.",
                "Posyandu dan imunisasi dari {2} untuk warga {0} tidak berjalan tiga bulan terakhir.",
            ],
            Classification.Complaint),
        ["Layanan Rumah Sakit"] = new(
            ["Pelayanan IGD {2} lambat", "Pasien BPJS ditolak di {2}", "Antrean rawat jalan {2} panjang", "Biaya tambahan di {2}"],
            [
                "Keluarga kami dari {0} menunggu dua jam di IGD {2} tanpa penanganan dokter jaga.",
                "Pasien BPJS di {2} disuruh pulang dengan alasan kamar penuh, padahal kondisinya belum stabil.",
                "Antrean rawat jalan di {2} dimulai subuh dan baru dilayani siang. Pelayanan kesehatan sangat lambat.",
                "Kami dimintai biaya tambahan untuk obat di {2} padahal peserta BPJS. Petugas tidak memberi penjelasan.",
            ],
            Classification.Complaint),
        ["Sekolah"] = new(
            ["Pungutan seragam di {3}", "Pungutan liar di {3}", "Gedung {3} rusak", "Guru sering tidak masuk di {3}", "Penerimaan murid baru {3} tidak transparan"],
            [
                "Orang tua murid {3} di {0} diminta membayar uang seragam dan buku yang tidak sesuai ketentuan.",
                "Atap ruang kelas {3} di {0} bocor dan plafon hampir runtuh, murid belajar di teras.",
                "Beberapa guru di {3} sering tidak masuk, murid dibiarkan tanpa pelajaran.",
                "Penerimaan murid baru di {3} tidak transparan, anak kami yang dekat sekolah tidak diterima lewat jalur zonasi.",
                "Komite {3} memungut sumbangan wajib dengan nominal ditentukan. Orang tua yang tidak mampu merasa terbebani.",
            ],
            Classification.Complaint, 0.2,
            ["Usulan perpustakaan desa", "Usulan ruang kelas baru di {3}"],
            ["Kami mengusulkan perpustakaan kecil untuk anak-anak di {0}.", "Jumlah murid {3} bertambah, mohon dibangun ruang kelas baru."]),
        ["KTP-el dan KK"] = new(
            ["KTP-el belum jadi", "Blangko KTP-el kosong", "Jadwal perekaman KTP-el keliling", "Pengurusan KK dipersulit", "Data kependudukan salah"],
            [
                "Sudah tiga bulan KTP-el saya belum jadi, setiap ke kantor disdukcapil jawabannya blangko kosong.",
                "Mohon informasi jadwal perekaman KTP-el keliling untuk warga {0} bulan ini.",
                "Mengurus perubahan KK di {0} diminta surat pengantar berkali-kali dan ada yang menawarkan jasa calo.",
                "Nama dan tanggal lahir di KTP-el saya salah cetak sehingga tidak bisa mendaftar BPJS dan bansos.",
                "Akta kelahiran anak kami belum terbit padahal berkas sudah lengkap sejak dua bulan.",
            ],
            Classification.Complaint, 0.3,
            ["Cara mengurus KTP-el hilang", "Syarat pindah domisili"],
            ["Apa saja syarat mengurus KTP-el yang hilang untuk warga {0}?", "Mohon informasi syarat dan alur surat pindah domisili dari {0}."]),
        ["Sampah"] = new(
            ["Sampah menumpuk di {0}", "Sampah tidak diangkut di {0}", "TPS liar di {0}", "Sampah dibakar di {0}"],
            [
                "Sampah di TPS {0} tidak diangkut selama seminggu dan menimbulkan bau menyengat.",
                "Warga membuang sampah di pinggir jalan {0} sehingga menjadi TPS liar, sampah meluber ke saluran air.",
                "Truk sampah tidak datang ke {0} sejak dua minggu, sampah rumah tangga menumpuk di depan rumah.",
                "Sampah dibakar setiap sore di {0}, asapnya masuk rumah dan mengganggu pernapasan anak-anak.",
            ],
            Classification.Complaint, 0.15,
            ["Usulan bank sampah"],
            ["Warga {0} mengusulkan pembentukan bank sampah di tingkat RW dan pendampingan dari dinas."]),
        ["Pencemaran"] = new(
            ["Limbah pabrik mencemari sungai", "Bau limbah di {0}", "Sungai di {0} tercemar", "Asap pabrik mengganggu warga {0}"],
            [
                "Air sungai di {0} berubah warna dan berbau sejak pabrik di hulu beroperasi. Ikan banyak yang mati.",
                "Limbah peternakan dibuang ke saluran di {0}, baunya menyengat sampai ke permukiman.",
                "Asap dan debu dari pabrik dekat {0} mengganggu pernapasan warga dan mengotori rumah.",
                "Sumur warga di {0} tercemar limbah, airnya berminyak dan berbau.",
            ],
            Classification.Complaint),
        ["Pedagang Kaki Lima"] = new(
            ["PKL menutup trotoar di {0}", "Pedagang berjualan di badan jalan {0}", "Lapak liar di {0}", "Parkir dan PKL semrawut di {0}"],
            [
                "Pedagang kaki lima menutup trotoar di {0} sehingga pejalan kaki harus berjalan di badan jalan.",
                "Lapak pedagang di {0} memakan separuh jalan dan menimbulkan macet setiap sore, sampahnya juga ditinggal.",
                "Bangunan liar dan lapak permanen berdiri di atas saluran air di {0}.",
                "Penertiban PKL di {0} hanya sehari, besoknya pedagang kembali menutup jalan.",
            ],
            Classification.Complaint),
        ["Izin Usaha"] = new(
            ["Persyaratan NIB usaha mikro", "Izin usaha lama diproses", "Pungutan izin usaha", "Izin bangunan tidak jelas"],
            [
                "Apa saja persyaratan untuk mengurus NIB bagi usaha mikro rumahan di {0}?",
                "Pengajuan izin usaha saya di mal pelayanan publik sudah sebulan tanpa kabar, sistem OSS selalu gagal.",
                "Saat mengurus izin usaha diminta biaya tambahan tanpa kuitansi oleh oknum petugas.",
                "Mohon kejelasan izin PBG untuk bangunan toko di {0}, berkas sudah lengkap tetapi belum diproses.",
            ],
            Classification.InformationRequest, 0.0),
        ["Penyaluran Bansos"] = new(
            ["Bansos tidak tepat sasaran di {0}", "Bantuan sosial dipotong", "Warga miskin tidak terdata DTKS", "PKH tidak cair"],
            [
                "Beberapa keluarga mampu di {0} menerima bantuan, sementara warga miskin tidak terdata.",
                "Bantuan sosial yang diterima warga {0} dipotong oleh oknum dengan alasan biaya administrasi.",
                "Keluarga kami miskin dan lansia tetapi tidak terdaftar di DTKS, pengajuan lewat desa tidak ada kabar.",
                "Bantuan PKH untuk keluarga kami tidak cair dua tahap padahal masih terdaftar.",
            ],
            Classification.Complaint),
        ["Angkutan Umum"] = new(
            ["Usulan trayek angkot baru", "Angkot ngetem sembarangan di {0}", "Tarif angkutan umum naik sepihak", "Halte rusak di {0}"],
            [
                "Warga {0} mengusulkan trayek angkutan umum ke pasar dan puskesmas.",
                "Angkot ngetem di persimpangan {0} dan menyebabkan macet setiap pagi, tidak ada petugas dishub.",
                "Sopir angkutan umum menaikkan tarif sepihak dan menurunkan penumpang sebelum tujuan.",
                "Halte di {0} rusak dan tidak ada atapnya, penumpang kehujanan menunggu bus.",
            ],
            Classification.Complaint, 0.3,
            ["Usulan halte dan rambu di {0}"],
            ["Kami mengusulkan halte dan rambu penyeberangan di jalan {0} yang ramai anak sekolah."]),

        // Offices with no category of their own: their reporters file under whatever seemed closest.
        ["BPBD"] = new(
            ["Tanah longsor di {0}", "Banjir bandang di {0}", "Rumah warga rusak diterjang angin", "Tanggul jebol di {0}"],
            [
                "Tanah longsor menutup jalan di {0} dan mengancam rumah warga di bawah tebing. Mohon bantuan evakuasi.",
                "Banjir bandang merendam rumah warga {0}, warga mengungsi dan butuh bantuan logistik.",
                "Angin kencang merobohkan pohon dan merusak atap rumah warga di {0}.",
                "Tanggul sungai di {0} jebol, air masuk ke sawah dan permukiman. Mohon penanganan darurat.",
            ],
            Classification.Complaint),
        ["KOMINFO"] = new(
            ["Situs pemerintah daerah tidak bisa diakses", "Sinyal internet di {0} buruk", "Wifi publik di {0} mati"],
            [
                "Situs resmi pemerintah daerah tidak bisa dibuka sejak seminggu, informasi layanan tidak bisa diakses.",
                "Di {0} tidak ada sinyal internet sehingga anak-anak kesulitan belajar daring.",
                "Wifi gratis di balai {0} sudah lama mati dan menaranya tidak terawat.",
            ],
            Classification.Complaint),
        ["DISNAKER"] = new(
            ["Upah di bawah UMK", "PHK sepihak oleh perusahaan", "Lowongan kerja untuk warga {0}"],
            [
                "Perusahaan tempat saya bekerja di {0} membayar upah di bawah UMK dan tidak mendaftarkan BPJS Ketenagakerjaan.",
                "Saya diberhentikan sepihak tanpa pesangon setelah lima tahun bekerja.",
                "Mohon informasi pelatihan kerja dan lowongan untuk pemuda {0}.",
            ],
            Classification.Complaint),
        ["DISPERKIM"] = new(
            ["Rumah tidak layak huni di {0}", "Bantuan bedah rumah tidak merata", "Perumahan tanpa fasum di {0}"],
            [
                "Rumah seorang lansia di {0} hampir roboh dan tidak layak huni, mohon bantuan bedah rumah.",
                "Bantuan bedah rumah di {0} hanya diberikan pada kerabat perangkat desa.",
                "Pengembang perumahan di {0} belum menyerahkan fasilitas umum, jalan lingkungan dan saluran tidak terurus.",
            ],
            Classification.Complaint),
        ["DISPERINDAG"] = new(
            ["Harga minyak goreng naik di pasar {0}", "Timbangan pedagang tidak tera", "Kios pasar {0} rusak"],
            [
                "Harga minyak goreng dan beras di pasar {0} naik tinggi dan stoknya langka.",
                "Banyak timbangan pedagang di pasar {0} tidak ditera ulang sehingga pembeli dirugikan.",
                "Atap kios di pasar {0} bocor dan lantainya becek, pedagang mengeluh pembeli sepi.",
            ],
            Classification.Complaint),
        ["DISTAN"] = new(
            ["Pupuk bersubsidi langka di {0}", "Serangan hama di sawah {0}", "Irigasi sawah {0} kering"],
            [
                "Petani di {0} kesulitan mendapat pupuk bersubsidi, kios hanya menjual pupuk nonsubsidi.",
                "Hama wereng menyerang sawah warga {0}, mohon bantuan penyuluh pertanian.",
                "Saluran irigasi ke sawah {0} kering karena pintu air rusak.",
            ],
            Classification.Complaint),
        ["DKP"] = new(
            ["Nelayan {0} sulit mendapat solar", "Dermaga perahu nelayan rusak", "Kapal pukat harimau di perairan {0}"],
            [
                "Nelayan di {0} sulit mendapat solar bersubsidi sehingga tidak bisa melaut.",
                "Dermaga perahu nelayan di {0} rusak dan berbahaya saat bongkar muat ikan.",
                "Kapal dengan pukat harimau beroperasi dekat pantai {0} dan merusak jaring nelayan kecil.",
            ],
            Classification.Complaint),
        ["DISPORA"] = new(
            ["Lapangan olahraga {0} tidak terawat", "Usulan gelanggang pemuda"],
            ["Lapangan sepak bola di {0} penuh rumput liar dan tribunnya rusak.", "Pemuda {0} mengusulkan gelanggang olahraga dan kegiatan kepemudaan."],
            Classification.Aspiration),
        ["DISPAR"] = new(
            ["Objek wisata {0} kotor", "Pungutan liar di tempat wisata"],
            ["Objek wisata dekat {0} kotor, toilet rusak dan sampah berserakan.", "Pengunjung tempat wisata dipungut biaya parkir berlipat tanpa karcis resmi."],
            Classification.Complaint),
        ["BAPENDA"] = new(
            ["Tagihan PBB tidak sesuai", "SPPT PBB belum diterima", "Cara membayar pajak daerah"],
            [
                "Tagihan PBB rumah kami di {0} naik dua kali lipat tanpa pemberitahuan.",
                "SPPT PBB tahun ini belum dibagikan ke warga {0}, kami khawatir kena denda.",
                "Mohon informasi cara membayar pajak kendaraan dan PBB secara daring.",
            ],
            Classification.InformationRequest),
        ["BKPSDM"] = new(
            ["Pengumuman seleksi PPPK tidak jelas", "Tunjangan pegawai terlambat"],
            ["Pengumuman hasil seleksi PPPK tidak jelas dan berubah-ubah.", "Tunjangan guru honorer dan pegawai terlambat dibayar tiga bulan."],
            Classification.Complaint),
        ["INSPEKTORAT"] = new(
            ["Dugaan pungli oleh oknum pegawai", "Penyalahgunaan dana kegiatan"],
            ["Oknum pegawai kantor kecamatan di {0} meminta uang untuk mempercepat surat.", "Ada dugaan penyalahgunaan dana kegiatan di dinas, laporan pertanggungjawaban fiktif."],
            Classification.Complaint),
        ["DPMD"] = new(
            ["Dana desa {0} tidak transparan", "Kepala desa jarang di kantor", "Musyawarah desa tidak melibatkan warga"],
            [
                "Penggunaan dana desa di {0} tidak pernah diumumkan, papan informasi APBDes kosong.",
                "Kepala desa {0} jarang berada di kantor sehingga surat keterangan lama diurus.",
                "Musyawarah desa di {0} tidak melibatkan warga dan usulan warga tidak dimasukkan.",
            ],
            Classification.Complaint),
    };

    /// <summary>Categories reporters confuse: a wrong pick comes from the neighbours of the right one.</summary>
    private static readonly Dictionary<string, string[]> Confusions = new()
    {
        ["Jalan Rusak"] = ["Drainase dan Banjir", "Lampu Jalan"],
        ["Drainase dan Banjir"] = ["Jalan Rusak", "Sampah"],
        ["Lampu Jalan"] = ["Jalan Rusak"],
        ["Air Bersih"] = ["Drainase dan Banjir", "Pencemaran"],
        ["Layanan Puskesmas"] = ["Layanan Rumah Sakit"],
        ["Layanan Rumah Sakit"] = ["Layanan Puskesmas"],
        ["Sekolah"] = ["Penyaluran Bansos"],
        ["KTP-el dan KK"] = ["Penyaluran Bansos", "Izin Usaha"],
        ["Sampah"] = ["Pencemaran", "Drainase dan Banjir"],
        ["Pencemaran"] = ["Sampah", "Air Bersih"],
        ["Pedagang Kaki Lima"] = ["Sampah", "Angkutan Umum"],
        ["Izin Usaha"] = ["KTP-el dan KK"],
        ["Penyaluran Bansos"] = ["KTP-el dan KK"],
        ["Angkutan Umum"] = ["Jalan Rusak", "Lampu Jalan"],
    };

    /// <summary>How the problem reads when a provincial office handles it: the one or two words that give it away.</summary>
    private static readonly Dictionary<string, string[]> ProvincialHints = new()
    {
        ["PUPR"] = ["Ini ruas jalan provinsi.", "Jalan ini jalan provinsi penghubung antarkabupaten.", "Jembatan di jalan provinsi itu juga retak."],
        ["DISDIK"] = ["Sekolahnya SMA negeri.", "Ini di SMK negeri.", "Anak kami bersekolah di SMA negeri."],
        ["DINKES"] = ["Kami sudah melapor ke dinas kesehatan provinsi.", "Ini program provinsi."],
        ["DISHUB"] = ["Ini jalur bus antarkota dalam provinsi.", "Terminal tipe B milik provinsi."],
    };
}
