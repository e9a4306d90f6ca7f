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
