"""Malay written out: site furniture goes, Malay body prose stays (lines written for the test)."""

from __future__ import annotations

import pytest

from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.clean import classify
from tui.text.model import Reason

BODY = [
    "Hujan lebat sejak petang semalam menyebabkan banjir kilat di tiga daerah di negeri ini.",
    "Seramai 120 mangsa dipindahkan ke pusat pemindahan sementara yang dibuka malam tadi.",
    "Jabatan Meteorologi menjangkakan hujan berterusan sehingga hujung minggu ini.",
    "Penduduk kampung menyambut baik langkah itu kerana banjir berlaku setiap tahun.",
]


def _in_body(line: str, rules: BoilerplateRules) -> Reason | None:
    """The reason of `line` standing alone between paragraphs of a short Malay article."""
    lines = [BODY[0], "", BODY[1], "", line, "", BODY[2], "", BODY[3]]
    return classify(lines, rules)[4]


# Each family's Malaysian wording, as Malaysian news sites print it.
FURNITURE = [
    ("Berita berkaitan", Reason.RELATED),
    ("Pautan berkaitan", Reason.RELATED),
    ("Artikel ini disiarkan pertama kali di Berita Contoh", Reason.CREDIT),
    ("Foto/Bernama", Reason.CREDIT),
    ("Baca lagi: Banjir di Kelantan semakin pulih", Reason.RELATED),
    ("Tonton juga", Reason.RELATED),
    ("Lagi berita", Reason.RELATED),
    ("Lagi daripada Berita Contoh", Reason.RELATED),
    ("Paling popular", Reason.RELATED),
    ("Terkini", Reason.RELATED),
    ("Baca seterusnya", Reason.NAVIGATION),
    ("Teruskan membaca »", Reason.NAVIGATION),
    ("Baca selanjutnya", Reason.NAVIGATION),
    ("Klik di sini", Reason.PROMO),
    ("Sertai saluran Telegram kami", Reason.PROMO),
    ("Dapatkan berita terkini", Reason.PROMO),
    ("Muat turun aplikasi", Reason.PROMO),
    ("Saluran WhatsApp Berita Contoh", Reason.PROMO),
    ("Dikemas kini", Reason.BYLINE),
    ("Diterbitkan pada 3 Mac 2024", Reason.BYLINE),
    ("Dimuat naik pada 12 Julai 2024", Reason.BYLINE),
    ("Kemas kini terakhir: 12 Julai 2024", Reason.BYLINE),
    ("Selasa, 2 Julai 2024", Reason.BYLINE),
    ("12 Julai 2024", Reason.BYLINE),
    ("Julai 12, 2024", Reason.BYLINE),
    ("Khamis, 5 Disember 2024 | 11:20 pagi", Reason.BYLINE),
    ("Sabtu, 30 November 2024 @ 9:15 malam", Reason.BYLINE),
    ("Rabu 16 Oktober 2024 12:01 tengah hari", Reason.BYLINE),
    ("Jumaat, 13 Dis 2024", Reason.BYLINE),
    ("Ahad, 7 Ogos 2024", Reason.BYLINE),
    ("Disunting oleh: Ahmad Zaki", Reason.BYLINE),
    ("Disunting oleh Ahmad Zaki", Reason.BYLINE),
    ("Pemberita: Ahmad Zaki", Reason.BYLINE),
    ("Jurugambar: Siti Aminah", Reason.BYLINE),
    ("Gambar hiasan", Reason.CAPTION),
    ("Gambar sekadar hiasan", Reason.CAPTION),
    ("Gambar: Bernama", Reason.CAPTION),
    ("- Bernama", Reason.CREDIT),
    ("Sumber: Bernama", Reason.CREDIT),
    ("Komen anda", Reason.OTHER),
    ("Komen Anda:", Reason.OTHER),
]


@pytest.mark.parametrize(("line", "reason"), FURNITURE)
def test_malay_furniture_between_paragraphs(line: str, reason: Reason,
                                           rules: BoilerplateRules) -> None:
    assert _in_body(line, rules) is reason


# Ordinary Malay (and a few English) body sentences using the same words: they stay.
BODY_SENTENCES = [
    "Polis menasihati orang ramai supaya tidak klik pautan yang dikongsi melalui WhatsApp.",
    "Mangsa terima mesej WhatsApp daripada individu yang tidak dikenali sebelum wangnya lesap.",
    "Kenyataan itu dimuat naik di saluran Telegram rasmi kementerian pada malam tadi.",
    "The group announced the attack on its Telegram channel late on Friday.",
    "Tonton video penuh rakaman itu menunjukkan lelaki tersebut melarikan diri.",
    "Saksikan siaran langsung perlawanan itu bermula jam 8 malam ini di saluran rasmi.",
    "Baca lagi laporan penuh itu, kata beliau kepada pemberita di Putrajaya semalam.",
    "Gambar hiasan yang dipamerkan di galeri itu menarik ramai pengunjung semalam.",
    "Ilustrasi itu menunjukkan bagaimana air naik ke paras bumbung dalam masa sejam.",
    "Lagi berita baik untuk peneroka apabila harga sawit naik semula.",
    "Disunting oleh pasukan kecil, filem itu siap dalam masa tiga bulan.",
    "Pemberita diberi taklimat oleh pegawai polis di lokasi kejadian.",
    "Baca seterusnya dalam laporan khas kami minggu depan, kata editor.",
    "Teruskan membaca al-Quran setiap hari, pesan mufti itu kepada jemaah.",
    "Komen anda amat dihargai oleh pihak pengurusan, kata kenyataan itu.",
    "Dikemas kini setiap hari, data itu boleh diakses oleh orang awam secara percuma.",
    "Pada 12 Julai 2024, mahkamah menetapkan tarikh perbicaraan kes itu.",
    "Terkini, seramai 12 mangsa masih dirawat di hospital.",
    "Sumber berkata rundingan itu dijangka selesai sebelum hujung bulan ini.",
    "Artikel ini disiarkan semula kerana ramai pembaca bertanya tentang kes itu semalam.",
    "Foto lama keluarga itu ditemui di bawah lantai rumah yang dibaiki minggu lalu.",
    # Sentences opening with words that also open furniture (written from the language).
    "Oleh itu, kerajaan akan menaikkan gaji penjawat awam mulai tahun depan.",
    "Kongsi pengalaman anda bersama kami, kata beliau kepada peserta program itu.",
    "Langgan perkhidmatan itu kini lebih murah selepas harga diturunkan sebanyak RM10.",
    "Tonton video itu menyebabkan ramai netizen marah dan menuntut tindakan diambil.",
    "Iklan itu disiarkan di televisyen sejak minggu lalu dan mendapat kritikan ramai.",
    "Muat turun aplikasi itu meningkat tiga kali ganda selepas kempen diadakan.",
    "Hak cipta lagu itu dimiliki oleh syarikat rakaman tempatan, kata mahkamah.",
    "Kredit kepada pasukan penyelamat yang bekerja sepanjang malam, kata ketua kampung.",
]


@pytest.mark.parametrize("line", BODY_SENTENCES)
def test_malay_body_sentences_near_those_words_stay(line: str,
                                                    rules: BoilerplateRules) -> None:
    assert _in_body(line, rules) is None


# A Malaysian news article as a scraper gives it: every paragraph is the body's.
ARTICLE = """\
KUALA LUMPUR: Kerajaan akan memperuntukkan RM2 bilion tambahan bagi projek tebatan banjir \
di seluruh negara tahun depan, kata Menteri Sumber Asli dan Kelestarian Alam.

Beliau berkata peruntukan itu akan digunakan untuk menaik taraf sistem saliran di kawasan \
yang kerap dilanda banjir kilat, terutamanya di Lembah Klang dan pantai timur.

"Kita tidak mahu rakyat terus menanggung kerugian setiap kali musim tengkujuh tiba," \
katanya kepada pemberita selepas melawat tapak projek di Shah Alam, semalam.

Menurutnya, kementerian juga akan memperkenalkan sistem amaran awal yang boleh diakses \
melalui aplikasi telefon pintar menjelang Julai 2025.

Orang ramai dinasihatkan supaya tidak klik pautan palsu yang tular di WhatsApp dan \
Telegram kononnya menawarkan bantuan banjir, tambahnya.

Isnin lalu, seramai 3,000 mangsa dipindahkan ke 45 pusat pemindahan sementara di Kelantan \
dan Terengganu selepas hujan lebat berterusan selama tiga hari.

Jabatan Meteorologi Malaysia (MetMalaysia) menjangkakan hujan lebat akan berterusan \
sehingga hujung minggu ini di beberapa negeri.

Terdahulu, Perdana Menteri mengumumkan bantuan awal sebanyak RM1,000 kepada setiap \
keluarga yang terjejas, yang akan disalurkan melalui pejabat daerah.
"""


def test_malay_news_paragraphs_all_stay_content(rules: BoilerplateRules) -> None:
    lines = ARTICLE.splitlines()
    reasons = classify(lines, rules)
    assert [ln for ln, r in zip(lines, reasons, strict=True) if ln.strip() and r] == []
