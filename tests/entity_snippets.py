"""Synthetic annotated news snippets for the entity tests, written for warta (not real articles).

Inline annotation: [text]{LABEL}; only PERSON, ORG and PLACE are annotated (dates and
numbers are checked separately). One list item is one block; the items of one tuple
are the blocks of one article.
"""

from __future__ import annotations

import re

ID_ARTICLES: list[tuple[str, ...]] = [
    (
        "[Jokowi]{PERSON} Resmikan Bendungan Baru di [Sulawesi Selatan]{PLACE}",
        "[Makassar]{PLACE} – Presiden [Joko Widodo]{PERSON} meresmikan bendungan senilai "
        "Rp1,2 triliun di [Kabupaten Gowa]{PLACE} pada Senin (4 Maret 2024).",
        "Dalam sambutannya, [Jokowi]{PERSON} mengatakan bendungan itu akan mengairi sawah "
        "seluas 8.000 hektare. Menteri Pekerjaan Umum dan Perumahan Rakyat "
        "[Basuki Hadimuljono]{PERSON} "
        "menambahkan bahwa proyek tersebut dikerjakan oleh [PT Waskita Karya]{ORG}.",
        "Setelah peresmian, rombongan presiden bertolak ke [Jakarta]{PLACE}.",
    ),
    (
        "Harga beras di pasar tradisional naik 15 persen sepanjang Februari, menurut data "
        "[Badan Pusat Statistik]{ORG} ([BPS]{ORG}).",
        "Kepala [BPS]{ORG} [Amalia Adininggar Widyasanti]{PERSON} mengatakan kenaikan paling "
        "tinggi "
        "terjadi di [Papua]{PLACE} dan [Nusa Tenggara Timur]{PLACE}.",
        "Ketika ditanya soal impor, ia menyebut [Bulog]{ORG} telah mendatangkan beras dari "
        "[Thailand]{PLACE} dan [Vietnam]{PLACE}.",
        "Dia juga meminta pemerintah daerah memantau distribusi.",
    ),
    (
        "[Komisi Pemberantasan Korupsi]{ORG} menahan seorang bupati di [Kalimantan Timur]{PLACE} "
        "pada Kamis malam.",
        "Juru bicara [KPK]{ORG} [Ali Fikri]{PERSON} mengatakan tersangka diduga menerima suap "
        "senilai Rp3 miliar dari kontraktor.",
        "\u201cKami akan terus mendalami aliran dana tersebut,\u201d kata [Ali]{PERSON} di "
        "[Gedung Merah Putih]{PLACE}, [Jakarta Selatan]{PLACE}.",
    ),
    (
        "Tim nasional [Indonesia]{PLACE} mengalahkan [Vietnam]{PLACE} 3-0 di "
        "[Stadion Utama Gelora Bung Karno]{PLACE}.",
        "Pelatih [Shin Tae-yong]{PERSON} memuji penampilan [Marselino Ferdinan]{PERSON} yang "
        "mencetak dua gol.",
        "Meskipun menang, [Shin]{PERSON} mengingatkan para pemain untuk tetap fokus menghadapi "
        "[Irak]{PLACE} bulan depan.",
    ),
    (
        "[Bank Indonesia]{ORG} mempertahankan suku bunga acuan di level 6 persen.",
        "Gubernur [BI]{ORG} [Perry Warjiyo]{PERSON} menyatakan keputusan itu diambil untuk "
        "menjaga stabilitas rupiah di tengah ketidakpastian global akibat kebijakan "
        "[Federal Reserve]{ORG} [Amerika Serikat]{PLACE}.",
        "Pada perdagangan Rabu, rupiah ditutup melemah ke Rp15.700 per dolar [AS]{PLACE}.",
    ),
    (
        "Gempa berkekuatan 5,6 magnitudo mengguncang [Cianjur]{PLACE}, [Jawa Barat]{PLACE}.",
        "[Badan Meteorologi, Klimatologi, dan Geofisika]{ORG} mencatat pusat gempa berada "
        "10 kilometer di barat daya kota.",
        "Kepala [BNPB]{ORG} [Suharyanto]{PERSON} mengatakan 1.200 rumah rusak dan ratusan warga "
        "mengungsi ke [Sukabumi]{PLACE}.",
    ),
    (
        "Perdana Menteri [Malaysia]{PLACE} [Anwar Ibrahim]{PERSON} bertemu Presiden "
        "[Prabowo Subianto]{PERSON} di [Istana Merdeka]{ORG}.",
        "Keduanya membahas perbatasan di [Kalimantan]{PLACE} dan kerja sama [ASEAN]{ORG}.",
        "Menteri Luar Negeri [Sugiono]{PERSON} menyebut pertemuan itu berlangsung hangat.",
        "Sementara itu, [Anwar]{PERSON} dijadwalkan terbang ke [Beijing]{PLACE} pekan depan.",
    ),
    (
        "Perusahaan teknologi [GoTo]{ORG} mencatat kerugian bersih Rp4 triliun pada kuartal "
        "ketiga.",
        "Direktur Utama [GoTo]{ORG} [Patrick Walujo]{PERSON} mengatakan perusahaan akan "
        "memangkas biaya operasional.",
        "Saham perusahaan di [Bursa Efek Indonesia]{ORG} turun 3 persen.",
    ),
    (
        "Serangan udara [Israel]{PLACE} di [Rafah]{PLACE} menewaskan sedikitnya 30 orang, "
        "kata pejabat kesehatan [Gaza]{PLACE}.",
        "Sekretaris Jenderal [PBB]{ORG} [Antonio Guterres]{PERSON} mendesak gencatan senjata.",
        "[Kementerian Luar Negeri Indonesia]{ORG} mengecam serangan tersebut.",
    ),
    (
        "Polisi menangkap dua pria yang diduga mencuri sepeda motor di [Bekasi]{PLACE}.",
        "Kapolres [Bekasi]{PLACE} Kombes [Twedi Aditya Bennyahdi]{PERSON} mengatakan para pelaku "
        "sudah beraksi sejak Januari.",
        "Kedua tersangka kini ditahan di [Polres Metro Bekasi]{ORG}.",
    ),
]

EN_ARTICLES: list[tuple[str, ...]] = [
    (
        "[Biden]{PERSON} Hosts [Japanese]{NONE} Leader as Trade Tensions Rise",
        "[WASHINGTON]{PLACE} — President [Joe Biden]{PERSON} welcomed Prime Minister "
        "[Fumio Kishida]{PERSON} to the [White House]{ORG} on Wednesday, as both leaders "
        "sought to ease concerns over [China]{PLACE}.",
        "\u201cOur alliance has never been stronger,\u201d [Biden]{PERSON} said.",
        "[Kishida]{PERSON} later addressed a joint session of [Congress]{ORG}.",
    ),
    (
        "Shares of [Tesla]{ORG} fell 8% on Tuesday after the company reported weaker deliveries.",
        "Chief executive [Elon Musk]{PERSON} told analysts that demand in [Europe]{PLACE} had "
        "slowed, while sales in [Shanghai]{PLACE} held up.",
        "The company, based in [Austin]{PLACE}, [Texas]{PLACE}, delivered 386,810 vehicles in "
        "the quarter.",
    ),
    (
        "The [European Central Bank]{ORG} kept interest rates unchanged on Thursday.",
        "[ECB]{ORG} President [Christine Lagarde]{PERSON} said inflation in the euro zone was "
        "falling faster than expected.",
        "Economists at [Deutsche Bank]{ORG} expect a first cut in June.",
    ),
    (
        "Floods in southern [Brazil]{PLACE} have killed at least 100 people, officials said.",
        "Governor [Eduardo Leite]{PERSON} said the state of [Rio Grande do Sul]{PLACE} faced "
        "its worst disaster.",
        "President [Luiz Inacio Lula da Silva]{PERSON} flew to [Porto Alegre]{PLACE} on Sunday.",
        "The [United Nations]{ORG} offered help.",
    ),
    (
        "A [Boeing]{ORG} 737 operated by [Alaska Airlines]{ORG} made an emergency landing in "
        "[Portland]{PLACE}, [Oregon]{PLACE}.",
        "The [Federal Aviation Administration]{ORG} grounded 171 aircraft.",
        "[FAA]{ORG} administrator [Mike Whitaker]{PERSON} said safety came first.",
    ),
    (
        "[Ukraine]{PLACE} said its forces had shot down 20 drones over [Kyiv]{PLACE} overnight.",
        "President [Volodymyr Zelensky]{PERSON} urged allies to send more air defence systems.",
        "The [Kremlin]{ORG} did not comment. [Russia]{PLACE} has launched repeated strikes on "
        "energy sites since October.",
        "[Zelensky]{PERSON} is due to meet [NATO]{ORG} Secretary General "
        "[Jens Stoltenberg]{PERSON} "
        "in [Brussels]{PLACE}.",
    ),
    (
        "[Apple]{ORG} unveiled a new iPhone at its headquarters in [Cupertino]{PLACE}, "
        "[California]{PLACE}.",
        "[Tim Cook]{PERSON}, the company's chief executive, said the device would go on sale in "
        "September for $799.",
        "Analysts at [Morgan Stanley]{ORG} raised their price target.",
    ),
    (
        "When the storm reached [Florida]{PLACE}, more than 2 million homes lost power.",
        "[Ron DeSantis]{PERSON}, the state's governor, said crews from [Georgia]{PLACE} and "
        "[Alabama]{PLACE} were helping.",
        "The [National Hurricane Center]{ORG} in [Miami]{PLACE} warned of flooding.",
    ),
    (
        "[Britain]{PLACE}'s opposition leader [Keir Starmer]{PERSON} promised to cut waiting "
        "times in the [National Health Service]{ORG}.",
        "Speaking in [Manchester]{PLACE}, [Starmer]{PERSON} said the [Labour Party]{ORG} would "
        "fund 40,000 extra appointments a week.",
        "Prime Minister [Rishi Sunak]{PERSON} called the plan unaffordable.",
    ),
    (
        "Researchers at [Stanford University]{ORG} have developed a battery that charges in "
        "ten minutes.",
        "The study, led by professor [Yi Cui]{PERSON}, was published in the journal "
        "[Nature]{ORG}.",
        "Funding came from the [Department of Energy]{ORG}.",
    ),
]


# Written later and scored once untouched (the first numbers in the report), then kept
# for regression.
ID_ARTICLES += [
    (
        "Banjir Rendam Ribuan Rumah di Kabupaten Bandung",
        "Banjir setinggi satu meter merendam [3.400]{NUMBER} rumah di [Kecamatan "
        "Dayeuhkolot]{PLACE}, [Kabupaten Bandung]{PLACE}, [Jawa Barat]{PLACE}, sejak "
        "[Selasa (12/11/2024)]{DATE}.",
        "Kepala Pelaksana [BPBD Kabupaten Bandung]{ORG} [Uka Suska Puji Utama]{PERSON} "
        "mengatakan hujan deras mengguyur kawasan hulu [Sungai Citarum]{PLACE} selama "
        "dua hari.",
        "\"Air mulai surut, tetapi warga masih bertahan di pengungsian,\" kata "
        "[Uka]{PERSON} kepada wartawan.",
        "Bupati [Dadang Supriatna]{PERSON} meminta [Kementerian Pekerjaan Umum]{ORG} "
        "mempercepat normalisasi sungai.",
    ),
    (
        "Ekspor Nikel Melonjak, Pemerintah Kaji Bea Keluar",
        "Nilai ekspor produk turunan nikel [Indonesia]{PLACE} mencapai [US$34 "
        "miliar]{NUMBER} sepanjang [2023]{DATE}, naik [21 persen]{NUMBER} dibanding "
        "tahun sebelumnya.",
        "Menteri Koordinator Bidang Perekonomian [Airlangga Hartarto]{PERSON} menyebut "
        "sebagian besar produk dikirim ke [China]{PLACE} dan [Korea Selatan]{PLACE}.",
        "Ekonom [Institute for Development of Economics and Finance]{ORG} "
        "([Indef]{ORG}) [Tauhid Ahmad]{PERSON} menilai pemerintah perlu berhati-hati.",
        "Sementara itu, [PT Vale Indonesia Tbk]{ORG} berencana membangun smelter baru "
        "di [Sulawesi Tenggara]{PLACE}.",
    ),
    (
        "Timnas U-23 Lolos ke Semifinal",
        "Tim nasional U-23 [Indonesia]{PLACE} melaju ke semifinal setelah menaklukkan "
        "[Korea Selatan]{PLACE} lewat adu penalti di [Doha]{PLACE}, [Qatar]{PLACE}.",
        "Kiper [Ernando Ari]{PERSON} menjadi pahlawan dengan menggagalkan dua "
        "tendangan.",
        "Pelatih [Shin Tae-yong]{PERSON} mengaku bangga. \"Ini sejarah bagi sepak bola "
        "[Indonesia]{PLACE},\" ujar [Shin]{PERSON}.",
        "Ketua Umum [PSSI]{ORG} [Erick Thohir]{PERSON} langsung terbang ke "
        "[Doha]{PLACE} untuk memberi dukungan.",
    ),
    (
        "Sidang Sengketa Lahan Ditunda",
        "[Pengadilan Negeri Medan]{ORG} menunda sidang sengketa lahan seluas "
        "[120]{NUMBER} hektare antara warga [Desa Sei Mencirim]{PLACE} dan [PTPN "
        "II]{ORG}.",
        "Kuasa hukum warga, [Rahmat Sinaga]{PERSON}, menyebut pihaknya sudah "
        "menyerahkan bukti sertifikat sejak [Januari]{DATE}.",
        "Majelis hakim yang dipimpin [Lusiana Siregar]{PERSON} menjadwalkan ulang "
        "sidang pada [Kamis (21/11/2024)]{DATE}.",
    ),
    (
        "Gunung Lewotobi Kembali Erupsi",
        "[Gunung Lewotobi Laki-laki]{PLACE} di [Kabupaten Flores Timur]{PLACE}, [Nusa "
        "Tenggara Timur]{PLACE}, kembali erupsi pada [Minggu]{DATE} pagi.",
        "[Pusat Vulkanologi dan Mitigasi Bencana Geologi]{ORG} ([PVMBG]{ORG}) menaikkan "
        "status menjadi Awas.",
        "Kepala [Badan Geologi]{ORG} [Muhammad Wafid]{PERSON} meminta warga dalam "
        "radius [7]{NUMBER} kilometer mengungsi.",
        "[Bandara Frans Seda]{PLACE} di [Maumere]{PLACE} ditutup sementara akibat abu "
        "vulkanik.",
    ),
    (
        "Startup Logistik Raih Pendanaan Baru",
        "Perusahaan rintisan logistik asal [Surabaya]{PLACE}, [Kargo Nusantara]{ORG}, "
        "meraih pendanaan [Rp250 miliar]{NUMBER} yang dipimpin [East Ventures]{ORG}.",
        "Pendiri sekaligus CEO [Kargo Nusantara]{ORG} [Yosua Pratama]{PERSON} "
        "mengatakan dana itu akan dipakai untuk ekspansi ke [Kalimantan]{PLACE}.",
        "Menurut [Yosua]{PERSON}, jumlah mitra pengemudi kini mencapai [18.000]{NUMBER} "
        "orang.",
    ),
    (
        "Polisi Tangkap Pengedar Sabu di [Pekanbaru]{PLACE}",
        "[Polda Riau]{ORG} menangkap dua pria yang diduga mengedarkan [5]{NUMBER} "
        "kilogram sabu di [Kota Pekanbaru]{PLACE} pada [Sabtu (9/11/2024)]{DATE} dini "
        "hari.",
        "Direktur Reserse Narkoba [Polda Riau]{ORG} Kombes [Manang Soebeti]{PERSON} "
        "mengatakan barang haram itu dikirim dari [Malaysia]{PLACE} melalui jalur laut "
        "di [Dumai]{PLACE}.",
        "Kedua tersangka, berinisial AR dan MS, kini ditahan di [Mapolda Riau]{ORG}.",
        "[Manang]{PERSON} menambahkan, polisi masih memburu seorang bandar yang diduga "
        "berada di [Batam]{PLACE}.",
    ),
    (
        "Harga Cabai Melonjak Jelang Natal",
        "Harga cabai rawit di [Pasar Induk Kramat Jati]{PLACE}, [Jakarta Timur]{PLACE}, "
        "menembus [Rp90.000]{NUMBER} per kilogram.",
        "Seorang pedagang, [Siti Aminah]{PERSON}, mengatakan pasokan dari [Jawa "
        "Tengah]{PLACE} berkurang karena hujan.",
        "[Badan Pangan Nasional]{ORG} menyatakan akan menggelar operasi pasar di "
        "[34]{NUMBER} titik.",
        "Kepala [Badan Pangan Nasional]{ORG} [Arief Prasetyo Adi]{PERSON} memastikan "
        "stok beras aman hingga [Februari 2025]{DATE}.",
    ),
    (
        "Ribuan Jemaah Ikuti Haul di [Solo]{PLACE}",
        "Ribuan jemaah dari berbagai daerah menghadiri haul ulama Habib [Ali bin "
        "Muhammad Al-Habsyi]{PERSON} di [Masjid Riyadh]{PLACE}, [Solo]{PLACE}.",
        "Wali Kota [Solo]{PLACE} [Teguh Prakosa]{PERSON} mengatakan pemerintah kota "
        "menyiapkan [1.500]{NUMBER} petugas untuk mengatur lalu lintas.",
        "Acara ini juga dihadiri Gubernur [Jawa Tengah]{PLACE} dan sejumlah tokoh "
        "[Nahdlatul Ulama]{ORG}.",
    ),
    (
        "Universitas Negeri Buka Program Beasiswa",
        "[Universitas Airlangga]{ORG} ([Unair]{ORG}) membuka program beasiswa penuh "
        "bagi [200]{NUMBER} mahasiswa dari keluarga kurang mampu.",
        "Rektor [Unair]{ORG} [Mohammad Nasih]{PERSON} menyebut program itu didanai "
        "bersama [Bank Mandiri]{ORG}.",
        "Pendaftaran dibuka hingga [31 Januari 2025]{DATE} melalui laman resmi kampus "
        "di [Surabaya]{PLACE}.",
    ),
    (
        "[DPRD]{ORG} Sahkan APBD [2025]{DATE}",
        "[DPRD Jawa Timur]{ORG} mengesahkan [APBD]{NONE} [2025]{DATE} senilai [Rp29,4 "
        "triliun]{NUMBER} dalam rapat paripurna, [Senin]{DATE}.",
        "Ketua [DPRD Jawa Timur]{ORG} [Musyafak Rouf]{PERSON} mengatakan anggaran "
        "pendidikan naik [12 persen]{NUMBER}.",
        "Penjabat Gubernur [Adhy Karyono]{PERSON} berterima kasih kepada seluruh "
        "fraksi.",
        "Setelah pengesahan, dokumen akan dievaluasi [Kementerian Dalam Negeri]{ORG}.",
    ),
    (
        "Pesawat Tergelincir di [Bandara Sentani]{PLACE}",
        "Sebuah pesawat milik maskapai [Trigana Air]{ORG} tergelincir saat mendarat di "
        "[Bandara Sentani]{PLACE}, [Jayapura]{PLACE}, [Papua]{PLACE}.",
        "Tidak ada korban jiwa dalam insiden tersebut, kata Kepala [Otoritas Bandar "
        "Udara Wilayah X Merauke]{ORG} [Asep Suhendar]{PERSON}.",
        "[Komite Nasional Keselamatan Transportasi]{ORG} ([KNKT]{ORG}) telah mengirim "
        "tim investigasi.",
    ),
]

EN_ARTICLES += [
    (
        "Wildfire Forces Thousands to Flee in [Northern California]{PLACE}",
        "More than [12,000]{NUMBER} residents were ordered to evacuate on "
        "[Friday]{DATE} as a fast-moving wildfire spread through [Butte County]{PLACE}, "
        "[California]{PLACE}.",
        "The [California Department of Forestry and Fire Protection]{ORG} said the "
        "blaze had burned [34,000]{NUMBER} acres near the town of [Oroville]{PLACE}.",
        "Governor [Gavin Newsom]{PERSON} declared a state of emergency and requested "
        "federal aid from the [Federal Emergency Management Agency]{ORG}.",
        "\"We are throwing everything we have at this fire,\" said [Joe Tyler]{PERSON}, "
        "the agency's director.",
    ),
    (
        "Central Bank Holds Rates Steady",
        "The [Bank of England]{ORG} left interest rates at [5.25%]{NUMBER} on "
        "[Thursday]{DATE}, its sixth hold in a row.",
        "Governor [Andrew Bailey]{PERSON} said inflation in [Britain]{PLACE} was "
        "falling but warned it was too early to cut.",
        "Economists at [Barclays]{ORG} and [HSBC]{ORG} now expect the first cut in "
        "[August]{DATE}.",
        "The pound rose [0.3%]{NUMBER} against the dollar in [London]{PLACE} trading.",
    ),
    (
        "Tech Giant Fined Over Data Breach",
        "[Ireland]{PLACE}'s [Data Protection Commission]{ORG} fined [Meta "
        "Platforms]{ORG} [€251 million]{NUMBER} over a [2018]{DATE} breach that exposed "
        "the data of [29 million]{NUMBER} users.",
        "Deputy commissioner [Graham Doyle]{PERSON} said the company had failed to "
        "build privacy into its systems.",
        "[Meta]{ORG} said it would appeal. The company, based in [Menlo Park]{PLACE}, "
        "[California]{PLACE}, has faced several such fines in [Europe]{PLACE}.",
    ),
    (
        "Ceasefire Talks Resume in [Cairo]{PLACE}",
        "Negotiators from [Israel]{PLACE} and [Hamas]{ORG} returned to [Cairo]{PLACE} "
        "on [Sunday]{DATE} for a new round of talks mediated by [Egypt]{PLACE} and "
        "[Qatar]{PLACE}.",
        "[CIA]{ORG} Director [William Burns]{PERSON} joined the talks, according to two "
        "officials.",
        "Israeli Prime Minister [Benjamin Netanyahu]{PERSON} said any deal must "
        "guarantee the return of all hostages, while [Hamas]{ORG} demanded a full "
        "withdrawal from [Gaza]{PLACE}.",
    ),
    (
        "Marathon Record Falls in [Berlin]{PLACE}",
        "Kenyan runner [Eliud Kipchoge]{PERSON} broke his own world record at the "
        "[Berlin]{PLACE} Marathon on [Sunday]{DATE}, finishing in [2:01:09]{NONE}.",
        "[Kipchoge]{PERSON}, [37]{NUMBER}, said the cool weather helped. His training "
        "partner [Mark Korir]{PERSON} finished second.",
        "Organisers said more than [45,000]{NUMBER} runners took part.",
    ),
    (
        "Mining Company Opens Lithium Plant in [Nevada]{PLACE}",
        "[Lithium Americas]{ORG} opened a processing plant near [Reno]{PLACE}, "
        "[Nevada]{PLACE}, on [Tuesday]{DATE}, backed by a [$2.3 billion]{NUMBER} loan "
        "from the [U.S.]{PLACE} [Department of Energy]{ORG}.",
        "Chief executive [Jonathan Evans]{PERSON} said the site would supply [General "
        "Motors]{ORG}, which owns a [38%]{NUMBER} stake.",
        "Environmental groups, including the [Sierra Club]{ORG}, have challenged the "
        "project in federal court.",
    ),
    (
        "Judge Blocks [Texas]{PLACE} Immigration Law",
        "A federal judge in [Austin]{PLACE} on [Thursday]{DATE} blocked a "
        "[Texas]{PLACE} law that would let state police arrest migrants who cross the "
        "border from [Mexico]{PLACE}.",
        "U.S. District Judge [David Ezra]{PERSON} said the law likely conflicted with "
        "federal authority. The [Justice Department]{ORG} had sued to stop it.",
        "Governor [Greg Abbott]{PERSON} said [Texas]{PLACE} would appeal to the [Fifth "
        "Circuit]{ORG} in [New Orleans]{PLACE}.",
    ),
    (
        "Scientists Map Deepest Part of the Ocean",
        "Researchers from the [University of Sydney]{ORG} and [Woods Hole Oceanographic "
        "Institution]{ORG} have produced the most detailed map yet of the [Mariana "
        "Trench]{PLACE}.",
        "The survey, led by geologist [Maria Fernandez]{PERSON}, used a robotic vessel "
        "that spent [40]{NUMBER} days at sea near [Guam]{PLACE}.",
        "[Fernandez]{PERSON} said the data would help predict earthquakes in the "
        "western [Pacific]{PLACE}.",
    ),
    (
        "Star Striker Signs With [Manchester United]{ORG}",
        "[Manchester United]{ORG} have signed Portuguese striker [Joao Neves]{PERSON} "
        "from [Benfica]{ORG} for a fee of about [£60 million]{NUMBER}.",
        "Manager [Erik ten Hag]{PERSON} called [Neves]{PERSON} \"a player with a rare "
        "combination of pace and vision\".",
        "The [21]{NUMBER}-year-old will wear the number eight shirt at [Old "
        "Trafford]{PLACE}.",
    ),
    (
        "Album Tops Charts in Debut Week",
        "[Taylor Swift]{PERSON}'s new album sold [1.4 million]{NUMBER} copies in its "
        "first week in the [United States]{PLACE}, according to [Luminate]{ORG}.",
        "The singer thanked fans during a concert in [Toronto]{PLACE} on "
        "[Saturday]{DATE}.",
        "Her label, [Republic Records]{ORG}, said vinyl sales alone reached "
        "[700,000]{NUMBER}.",
    ),
    (
        "Town Council Approves New Bridge",
        "The [Burlington City Council]{ORG} voted 7-2 on [Monday]{DATE} to fund a new "
        "pedestrian bridge over the [Winooski River]{PLACE}.",
        "Councillor [Ben Traverse]{PERSON} said the project would cost [$12 "
        "million]{NUMBER}, half of it from the state of [Vermont]{PLACE}.",
        "Mayor [Emma Mulvaney-Stanak]{PERSON} called it \"a long overdue investment\".",
    ),
    (
        "Airline Cancels Flights as Strike Begins",
        "[Lufthansa]{ORG} cancelled more than [800]{NUMBER} flights on "
        "[Wednesday]{DATE} as ground staff at [Frankfurt]{PLACE} and [Munich]{PLACE} "
        "airports walked out.",
        "The [Verdi]{ORG} union is demanding a [12.5%]{NUMBER} pay rise. Union "
        "negotiator [Marvin Reschinsky]{PERSON} said talks had stalled.",
        "Passengers were advised to check the status of their flights before travelling "
        "to [Germany]{PLACE}.",
    ),
]


ID_ARTICLES += [
    (
        "Kebakaran Hutan Meluas di [Kalimantan Tengah]{PLACE}",
        "Kebakaran hutan dan lahan di [Kalimantan Tengah]{PLACE} meluas hingga "
        "[2.300]{NUMBER} hektare dalam sepekan terakhir.",
        "Data [Kementerian Lingkungan Hidup dan Kehutanan]{ORG} menunjukkan titik panas "
        "terbanyak berada di [Kabupaten Pulang Pisau]{PLACE} dan [Kotawaringin "
        "Timur]{PLACE}.",
        "[Sugianto Sabran]{PERSON}, Gubernur [Kalimantan Tengah]{PLACE}, menetapkan "
        "status tanggap darurat sejak [Rabu (4/9/2024)]{DATE}.",
        "Asap juga mulai dirasakan warga [Palangka Raya]{PLACE}. \"Sekolah kami liburkan "
        "tiga hari,\" ujar [Sugianto]{PERSON}.",
    ),
    (
        "Menlu Bahas Perlindungan WNI dengan [Arab Saudi]{PLACE}",
        "Menteri Luar Negeri [Retno Marsudi]{PERSON} bertemu Menteri Luar Negeri [Arab "
        "Saudi]{PLACE} [Faisal bin Farhan]{PERSON} di [Riyadh]{PLACE}.",
        "Keduanya membahas perlindungan pekerja migran [Indonesia]{PLACE} serta kuota "
        "haji tahun depan.",
        "[Retno]{PERSON} mengatakan pemerintah [Arab Saudi]{PLACE} menyetujui tambahan "
        "kuota [20.000]{NUMBER} jemaah.",
    ),
    (
        "Bank Syariah Catat Laba Naik",
        "[PT Bank Syariah Indonesia Tbk]{ORG} ([BSI]{ORG}) membukukan laba bersih "
        "[Rp5,1 triliun]{NUMBER} pada semester pertama [2024]{DATE}.",
        "Direktur Utama [BSI]{ORG} [Hery Gunardi]{PERSON} menyebut pembiayaan emas "
        "tumbuh paling cepat.",
        "Saham [BSI]{ORG} di [Bursa Efek Indonesia]{ORG} ditutup menguat [2,4 "
        "persen]{NUMBER} pada perdagangan [Jumat]{DATE}.",
    ),
    (
        "Warga Keluhkan Jalan Rusak",
        "Warga [Desa Sukamaju]{PLACE}, [Kecamatan Cibeber]{PLACE}, mengeluhkan jalan "
        "rusak sepanjang [3]{NUMBER} kilometer yang tak kunjung diperbaiki.",
        "Menurut [Asep Saepudin]{PERSON}, tokoh masyarakat setempat, jalan itu terakhir "
        "diaspal pada [2015]{DATE}.",
        "[Dinas Pekerjaan Umum]{ORG} setempat berjanji memperbaikinya tahun depan.",
        "Anggota [DPRD]{ORG} dari [Partai Keadilan Sejahtera]{ORG}, [Ujang "
        "Rahmat]{PERSON}, meminta perbaikan dipercepat.",
    ),
    (
        "Pebulu Tangkis Muda Juara di [Denmark]{PLACE}",
        "Tunggal putra [Indonesia]{PLACE} [Alwi Farhan]{PERSON} menjuarai turnamen bulu "
        "tangkis di [Odense]{PLACE}, [Denmark]{PLACE}, setelah mengalahkan wakil "
        "[India]{PLACE}.",
        "[Alwi]{PERSON} menang dua gim langsung. \"Saya tidak menyangka bisa juara,\" "
        "katanya.",
        "Kabid Binpres [PBSI]{ORG} [Rionny Mainaky]{PERSON} memuji ketenangan "
        "[Alwi]{PERSON}.",
    ),
    (
        "Kejaksaan Periksa Mantan Kepala Dinas",
        "[Kejaksaan Tinggi Sumatera Selatan]{ORG} memeriksa mantan Kepala [Dinas "
        "Pendidikan Palembang]{ORG} berinisial RH terkait dugaan korupsi pengadaan "
        "laptop.",
        "Kasi Penerangan Hukum [Kejati Sumsel]{ORG} [Vanny Yulia Eka Sari]{PERSON} "
        "mengatakan kerugian negara ditaksir [Rp7,8 miliar]{NUMBER}.",
        "Pemeriksaan berlangsung selama [8]{NUMBER} jam di kantor kejaksaan.",
    ),
]

EN_ARTICLES += [
    (
        "Flooding Shuts Schools Across [Pakistan]{PLACE}'s [Punjab]{PLACE}",
        "Authorities in [Pakistan]{PLACE} closed schools in [Lahore]{PLACE} and "
        "[Multan]{PLACE} on [Tuesday]{DATE} after monsoon rains flooded hundreds of "
        "villages.",
        "[Maryam Nawaz]{PERSON}, the chief minister of [Punjab]{PLACE}, said [1.2 "
        "million]{NUMBER} people had been affected.",
        "The [National Disaster Management Authority]{ORG} warned that the "
        "[Indus]{PLACE} could burst its banks near [Sukkur]{PLACE}.",
    ),
    (
        "Chipmaker Posts Record Revenue",
        "[Nvidia]{ORG} reported revenue of [$30 billion]{NUMBER} for the quarter, "
        "beating forecasts as demand for its data-center chips kept growing.",
        "Chief executive [Jensen Huang]{PERSON} said customers such as [Microsoft]{ORG} "
        "and [Oracle]{ORG} were still building new facilities.",
        "Shares fell [2%]{NUMBER} in after-hours trading in [New York]{PLACE}.",
    ),
    (
        "Rescue Teams Reach Quake Survivors",
        "Rescue teams reached villages in [Morocco]{PLACE}'s [High Atlas]{PLACE} "
        "mountains on [Sunday]{DATE}, two days after an earthquake killed more than "
        "[2,000]{NUMBER} people.",
        "King [Mohammed VI]{PERSON} ordered the army to set up field hospitals near "
        "[Marrakech]{PLACE}.",
        "Aid groups including the [International Federation of Red Cross and Red "
        "Crescent Societies]{ORG} said access remained difficult.",
    ),
    (
        "Court Hears Challenge to Election Result",
        "[Kenya]{PLACE}'s [Supreme Court]{ORG} began hearing a petition by opposition "
        "leader [Raila Odinga]{PERSON} challenging the presidential election result.",
        "Lawyers for the [Independent Electoral and Boundaries Commission]{ORG} said "
        "the count had been transparent.",
        "Chief Justice [Martha Koome]{PERSON} said the court would rule within "
        "[14]{NUMBER} days.",
    ),
    (
        "Museum Returns Bronze Statues",
        "The [British Museum]{ORG} will return [72]{NUMBER} bronze statues to "
        "[Nigeria]{PLACE} under an agreement signed in [London]{PLACE} on "
        "[Friday]{DATE}.",
        "[Abba Isa Tijani]{PERSON}, head of [Nigeria]{PLACE}'s [National Commission for "
        "Museums and Monuments]{ORG}, called it a historic day.",
        "The statues were taken from [Benin City]{PLACE} by British troops in "
        "[1897]{DATE}.",
    ),
    (
        "Startup Raises Funds for Electric Trucks",
        "[Einride]{ORG}, a Swedish maker of electric trucks, raised [$500 "
        "million]{NUMBER} from investors led by [EQT Ventures]{ORG}.",
        "The company, founded by [Robert Falck]{PERSON} in [Stockholm]{PLACE}, plans to "
        "expand to [Texas]{PLACE} and [Ohio]{PLACE} next year.",
        "[Falck]{PERSON} said the money would fund [200]{NUMBER} new vehicles.",
    ),
]


ID_ARTICLES += [
    (
        "[Pemkot Bogor]{ORG} Larang Truk Melintas Siang Hari",
        "[Pemerintah Kota Bogor]{ORG} melarang truk bermuatan berat melintas di pusat "
        "kota pada siang hari mulai [1 Desember 2024]{DATE}.",
        "Kepala [Dinas Perhubungan Kota Bogor]{ORG} [Marse Hendra Saputra]{PERSON} "
        "mengatakan aturan itu untuk mengurangi kemacetan di [Jalan Pajajaran]{PLACE}.",
        "Sopir truk, [Dedi Kurniawan]{PERSON}, mengaku keberatan karena harus menunggu "
        "hingga malam.",
        "Wali Kota [Bima Arya]{PERSON} sebelumnya menerapkan aturan serupa pada "
        "[2019]{DATE}.",
    ),
    (
        "Timnas Voli Putri Kalahkan [Thailand]{PLACE}",
        "Tim nasional voli putri [Indonesia]{PLACE} mengalahkan [Thailand]{PLACE} "
        "[3-1]{NONE} dalam laga persahabatan di [GOR Amongrogo]{PLACE}, "
        "[Yogyakarta]{PLACE}.",
        "[Megawati Hangestri Pertiwi]{PERSON} menjadi pencetak poin terbanyak dengan "
        "[24]{NUMBER} poin.",
        "Pelatih [Alim Suseno]{PERSON} mengatakan timnya masih perlu memperbaiki "
        "penerimaan bola.",
        "\"[Megawati]{PERSON} tampil luar biasa malam ini,\" ujar [Alim]{PERSON}.",
    ),
    (
        "Harga Emas [Antam]{ORG} Turun",
        "Harga emas batangan produksi [PT Aneka Tambang Tbk]{ORG} ([Antam]{ORG}) turun "
        "[Rp8.000]{NUMBER} menjadi [Rp1.512.000]{NUMBER} per gram pada [Selasa "
        "(19/11/2024)]{DATE}.",
        "Analis [Doo Financial Futures]{ORG} [Lukman Leong]{PERSON} memperkirakan harga "
        "masih akan tertekan oleh penguatan dolar [AS]{PLACE}.",
        "Di pasar global, harga emas ditutup melemah [0,5 persen]{NUMBER} di [New "
        "York]{PLACE}.",
    ),
    (
        "Kapal Nelayan Hilang di Perairan [Maluku]{PLACE}",
        "[Basarnas]{ORG} mencari kapal nelayan yang hilang kontak di perairan [Pulau "
        "Buru]{PLACE}, [Maluku]{PLACE}, sejak [Kamis]{DATE}.",
        "Kapal itu membawa [6]{NUMBER} awak asal [Ambon]{PLACE}.",
        "Kepala [Kantor SAR Ambon]{ORG} [Mustari]{PERSON} mengatakan pencarian "
        "terkendala gelombang setinggi [4]{NUMBER} meter.",
    ),
    (
        "Menkes Resmikan Rumah Sakit Baru",
        "Menteri Kesehatan [Budi Gunadi Sadikin]{PERSON} meresmikan [Rumah Sakit Umum "
        "Daerah Sidoarjo Barat]{ORG} di [Sidoarjo]{PLACE}, [Jawa Timur]{PLACE}.",
        "Rumah sakit berkapasitas [300]{NUMBER} tempat tidur itu dibangun dengan "
        "anggaran [Rp450 miliar]{NUMBER}.",
        "Bupati [Sidoarjo]{PLACE} [Ahmad Muhdlor Ali]{PERSON} berharap layanan "
        "kesehatan warga di wilayah barat membaik.",
    ),
    (
        "Dua Pendaki Tersesat di [Gunung Lawu]{PLACE}",
        "Dua pendaki asal [Surakarta]{PLACE} dilaporkan tersesat di [Gunung "
        "Lawu]{PLACE} sejak [Sabtu]{DATE} malam.",
        "Koordinator relawan [Anton Sujarwo]{PERSON} mengatakan tim gabungan dari "
        "[Basarnas]{ORG}, [TNI]{ORG} dan [Polri]{ORG} dikerahkan.",
        "Keduanya ditemukan selamat pada [Senin]{DATE} pagi di jalur [Cemoro "
        "Sewu]{PLACE}.",
    ),
]

EN_ARTICLES += [
    (
        "[Malaysia]{PLACE} to Raise Minimum Wage",
        "[Malaysia]{PLACE} will raise the minimum wage to [RM1,700]{NUMBER} a month "
        "from [February]{DATE}, Prime Minister [Anwar Ibrahim]{PERSON} said in [Kuala "
        "Lumpur]{PLACE} on [Friday]{DATE}.",
        "The [Malaysian Employers Federation]{ORG} said smaller firms would struggle. "
        "Its president, [Syed Hussain Syed Husman]{PERSON}, called for a phased "
        "rollout.",
        "[Anwar]{PERSON} said the change would benefit about [4.4 million]{NUMBER} "
        "workers.",
    ),
    (
        "Volcano Erupts in [Iceland]{PLACE} Again",
        "A volcano on [Iceland]{PLACE}'s [Reykjanes]{PLACE} peninsula erupted late on "
        "[Wednesday]{DATE}, the seventh eruption in the area since [December]{DATE}.",
        "The [Icelandic Meteorological Office]{ORG} said lava was flowing away from the "
        "town of [Grindavik]{PLACE}.",
        "The nearby [Blue Lagoon]{PLACE} spa was evacuated as a precaution, a "
        "spokeswoman said.",
    ),
    (
        "Chess Prodigy Wins Title",
        "[Gukesh Dommaraju]{PERSON} of [India]{PLACE} became the youngest world chess "
        "champion on [Thursday]{DATE}, beating [Ding Liren]{PERSON} of [China]{PLACE} "
        "in [Singapore]{PLACE}.",
        "The [18]{NUMBER}-year-old won the final game after [Ding]{PERSON} made a "
        "mistake late in the match.",
        "[FIDE]{ORG} president [Arkady Dvorkovich]{PERSON} presented the trophy.",
    ),
    (
        "Rail Strike Disrupts Commuters",
        "Commuters in [London]{PLACE} faced delays on [Monday]{DATE} as members of the "
        "[RMT]{ORG} union walked out over pay.",
        "[Transport for London]{ORG} said most lines of the [Underground]{NONE} were "
        "running a reduced service.",
        "[RMT]{ORG} general secretary [Mick Lynch]{PERSON} said further strikes were "
        "planned.",
    ),
    (
        "Drugmaker Agrees to Buy Rival",
        "[Novartis]{ORG} agreed to buy [MorphoSys]{ORG} for [2.7 billion "
        "euros]{NUMBER}, the [Swiss]{NONE} drugmaker said on [Monday]{DATE}.",
        "[Vas Narasimhan]{PERSON}, chief executive of [Novartis]{ORG}, said the deal "
        "would strengthen its cancer portfolio.",
        "Shares in [MorphoSys]{ORG} rose [57%]{NUMBER} in [Frankfurt]{PLACE}.",
    ),
    (
        "Typhoon Hits [Northern Philippines]{PLACE}",
        "Typhoon Krathon brought heavy rain to the northern [Philippines]{PLACE} on "
        "[Monday]{DATE}, forcing [8,000]{NUMBER} people from their homes in "
        "[Cagayan]{PLACE} and [Ilocos Norte]{PLACE}.",
        "The [Philippine Atmospheric, Geophysical and Astronomical Services "
        "Administration]{ORG} said the storm would move toward [Taiwan]{PLACE}.",
        "President [Ferdinand Marcos Jr]{PERSON} ordered agencies to preposition food "
        "packs.",
    ),
]

_ANN = re.compile(r"\[([^\]]+)\]\{([A-Z]+)\}")


def parse(block: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Plain text and its gold spans (start, end, label); NONE marks are dropped."""
    out: list[str] = []
    spans: list[tuple[int, int, str]] = []
    pos = 0
    length = 0
    for m in _ANN.finditer(block):
        out.append(block[pos : m.start()])
        length += m.start() - pos
        if m.group(2) != "NONE":
            spans.append((length, length + len(m.group(1)), m.group(2)))
        out.append(m.group(1))
        length += len(m.group(1))
        pos = m.end()
    out.append(block[pos:])
    return "".join(out), spans
