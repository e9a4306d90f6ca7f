"""Blog and magazine pages: sidebars before the post, reworded browser titles, questionnaire
interviews, and the furniture of Indonesian WordPress and Russian pages (written for the test)."""

from __future__ import annotations

import pytest
from clean_helpers import reasons_by_line as _reasons

from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.clean import classify
from tui.text.model import Reason

POST = [
    "Kebencian yang berlebihan kepada satu kaum sering membuat kita berlaku tidak adil "
    "kepada mereka, padahal keadilan itu lebih dekat kepada takwa.",
    "",
    "Para ulama sejak dahulu mengingatkan agar kita mencintai dan membenci sekadarnya, "
    "karena hati manusia mudah berbolak-balik dari waktu ke waktu.",
    "",
    "Maka marilah kita belajar menahan diri, memaafkan, dan tetap berbuat baik kepada "
    "siapa saja, termasuk kepada orang yang tidak kita sukai.",
]
SIDEBAR = [
    "Beranda", "Tentang Kami", "",
    "Kabar Dunia Contoh", "",
    "Nabi bersabda bahwa di antara umatnya ada yang membaca Al-Qur'an tetapi bacaannya "
    "tidak melampaui kerongkongan mereka.",
    "",
    "Buat yang ingin bergabung ke grup diskusi kami, silakan klik tautan di bawah ini.",
    "",
    "Kategori", "Akhlaq (47)", "Dakwah (60)", "Sejarah (12)", "",
]


@pytest.mark.parametrize("headline", [
    "Jangan membenci satu kaum",  # the site's name is as long as a headline's tail
    "Jangan membenci satu kaum secara berlebihan",
])
def test_the_headline_below_a_sidebar_of_sentences_is_the_title(
        headline: str, rules: BoilerplateRules) -> None:
    browser_title = f"{headline} | Kabar Dunia Contoh"
    lines = [browser_title, "", *SIDEBAR, headline, "Posted on Maret 30, 2015 by Admin", "",
             *POST]
    got = _reasons(lines, rules)
    assert got[browser_title] is Reason.DUPLICATE
    assert got[headline] is None
    assert got["Kabar Dunia Contoh"] is not None
    assert got[SIDEBAR[5]] is not None  # the sidebar's quote
    assert got["Dakwah (60)"] is not None
    assert all(got[p] is None for p in POST if p)


def test_a_headline_repeated_above_the_body_and_below_it_keeps_the_body(
        rules: BoilerplateRules) -> None:
    # The copy of the browser title's headline comes after most of the text: it is a
    # "more like this" link, not the title, and nothing above it is taken.
    headline = "Jangan membenci satu kaum secara berlebihan"
    lines = [f"{headline} | Kabar Dunia Contoh", "", *POST, "", headline]
    got = classify(lines, rules)
    assert all(got[i] is None for i, p in enumerate(lines) if p in POST and p)


def test_a_browser_title_that_rewords_the_headline_gives_way_to_it(
        rules: BoilerplateRules) -> None:
    browser_title = "Diet Atkins (14 hari) - turun berat badan hingga 10 kg. Ulasan"
    headline = "Diet Atkins - turun berat badan hingga 10 kilogram dalam 14 hari"
    lines = [browser_title, "", "Semua diet", "Menu", "", "Diet populer", "Diet sayur",
             "Diet buah", "", headline, "", *POST]
    got = _reasons(lines, rules)
    assert got[browser_title] is Reason.DUPLICATE
    assert got[headline] is None
    assert got["Diet sayur"] is not None


QUESTIONS = ["Apa yang mengilhami Anda membuat halaman masakan?",
             "Resep eksklusif untuk makan malam cepat."]
ANSWERS = [
    ["— Saya selalu suka memasak sejak kecil, dan ibu saya mengajari banyak resep keluarga.",
     "— Nasi goreng dengan telur dan sayuran yang ada di lemari es, cepat dan mengenyangkan."],
    ["— Makanan mempersatukan orang, di mana pun kita berada dan bahasa apa pun kita pakai.",
     "— Pasta dengan saus tomat segar dan tuna, siap dalam lima belas menit saja."],
    ["— Saya mulai memotret makanan ketika anak pertama saya lahir dan saya di rumah.",
     "— Sup labu dengan krim kacang mete, lembut dan sangat mudah dibuat di rumah."],
]


def _interview(between: str | None = None) -> list[str]:
    """Three guests, each asked the same two questions (and `between` after each)."""
    lines = ["Mereka adalah para juru masak rumahan yang halamannya diikuti ribuan orang "
             "setiap hari, dan kami bertanya tentang resep andalan mereka.", ""]
    for name, answers in zip(["Andi Wijaya", "Sari Dewi", "Rina Putri"], ANSWERS, strict=True):
        lines += [name, ""]
        for question, answer in zip(QUESTIONS, answers, strict=True):
            lines += [question, "", answer, ""]
        if between:
            lines += [between, ""]
    return lines


def test_questions_asked_of_every_guest_are_the_interview_not_repeats(
        rules: BoilerplateRules) -> None:
    lines = _interview()
    got = classify(lines, rules)
    for i, line in enumerate(lines):
        if line in QUESTIONS:
            assert got[i] is None, line


def test_an_unpunctuated_button_over_each_section_is_still_a_repeat(
        rules: BoilerplateRules) -> None:
    lines = _interview(between="Unduh resep ini sekarang juga")
    lines[-2:-2] = ["Kata penutup dari redaksi tentang acara masak bersama bulan depan.", ""]
    got = classify(lines, rules)
    copies = [got[i] for i, line in enumerate(lines) if line == "Unduh resep ini sekarang juga"]
    assert copies[1:] and all(r is Reason.DUPLICATE for r in copies[1:])


RU_BODY = [
    "Шеф-повар рассказал, что идея открыть ресторан появилась у него десять лет назад.",
    "",
    "По его словам, главное в кухне — свежие продукты и уважение к гостям.",
    "",
    "Ресторан откроется в центре города в начале следующего месяца.",
]


def _in_ru_body(line: str, rules: BoilerplateRules) -> Reason | None:
    """The reason of `line` standing alone between paragraphs of a short Russian article."""
    lines = [RU_BODY[0], "", RU_BODY[2], "", line, "", RU_BODY[4], "",
             "Гостей будут встречать живой музыкой и дегустацией новых блюд."]
    return classify(lines, rules)[4]


# Russian page furniture, Indonesian WordPress labels and a Brazilian footer, each between
# paragraphs.
FURNITURE = [
    ("Фото:", Reason.CAPTION),
    ("Фото: Иван Петров", Reason.CAPTION),
    ("личный архив Анны Смирновой", Reason.CAPTION),
    ("Текст: Мария Иванова · 24 сентября 2018", Reason.BYLINE),
    ("Материалы по теме", Reason.RELATED),
    ("Читайте также:", Reason.RELATED),
    ("Теги", Reason.TAGS),
    ("Подписка на рассылку", Reason.PROMO),
    ("Любое воспроизведение материалов сайта без разрешения редакции воспрещается.",
     Reason.LEGAL),
    ("Учредитель: ООО «Пример Медиа»", Reason.LEGAL),
    ("% 165 голосов", Reason.OTHER),
    ("Sukai ini:", Reason.SHARE),
    ("Suka Memuat...", Reason.SHARE),
    ("Memuatkan...", Reason.OTHER),
    ("Terkait", Reason.RELATED),
    ("Filed under: Khawarij |", Reason.TAGS),
    ("Facebook Twitter Google+ Whatsapp", Reason.SHARE),
    ("Voltar", Reason.NAVIGATION),
    # The same WordPress labels in Malay and Indonesian, written from the languages.
    ("Kongsi ini:", Reason.SHARE),
    ("Bagikan ini:", Reason.SHARE),
    ("Berkaitan", Reason.RELATED),
    ("Kiriman Terkini", Reason.RELATED),
    ("Tulisan Terkini", Reason.RELATED),
    ("Disiarkan dalam: Berita, Politik", Reason.TAGS),
    ("Arkib", Reason.NAVIGATION),
    ("Arsip", Reason.NAVIGATION),
    ("Jaraguá do Sul - SC - CNPJ: 83.102.459/0001-23 - Rua Walter Marquardt, 1111",
     Reason.LEGAL),
]


@pytest.mark.parametrize(("line", "reason"), FURNITURE)
def test_page_furniture_between_paragraphs(line: str, reason: Reason,
                                           rules: BoilerplateRules) -> None:
    assert _in_ru_body(line, rules) is reason


# Body sentences near those words, which stay content.
NOT_FURNITURE = [
    "Фото с места событий опубликовали очевидцы в социальных сетях.",
    "Автор проекта рассказал, что работа над ним заняла два года.",
    "Подписаться на рассылку новостей можно на сайте министерства, сообщили в ведомстве.",
    "Учредитель фонда заявил, что деньги пойдут на ремонт школы.",
    "Terkait hal itu, polisi masih menyelidiki kasus tersebut hingga kini.",
    "Satu tanggapan datang dari warga yang menolak rencana itu sejak awal.",
    "Kiriman terkini pihak polis menunjukkan jumlah mangsa terus meningkat.",
    "Arkib negara menyimpan dokumen itu sejak tahun 1957.",
    "Disiarkan dalam bahasa Melayu, rancangan itu mendapat sambutan hangat.",
]


@pytest.mark.parametrize("line", NOT_FURNITURE)
def test_body_sentences_near_those_words_stay(line: str, rules: BoilerplateRules) -> None:
    assert _in_ru_body(line, rules) is None


@pytest.mark.parametrize("header", ["Satu Tanggapan", "3 Tanggapan", "Комментарии"])
def test_a_comment_thread_header_closes_the_page(header: str, rules: BoilerplateRules) -> None:
    comment = "Terima kasih atas tulisannya, sangat bermanfaat bagi kami semua di sini."
    lines = [*RU_BODY, "", header, "", "Budi, on Desember 30, 2015 at 4:36 am said:", "",
             comment]
    got = _reasons(lines, rules)
    assert got[header] is not None
    assert got[comment] is not None
    assert all(got[p] is None for p in RU_BODY if p)


NEWS = [
    "Hujan lebat sejak petang semalam menyebabkan banjir kilat di tiga daerah di negeri ini.",
    "Seramai 120 mangsa dipindahkan ke pusat pemindahan sementara yang dibuka malam tadi.",
    "Jabatan Meteorologi menjangkakan hujan berterusan sehingga hujung minggu ini.",
    "Penduduk kampung menyambut baik langkah itu kerana banjir berlaku setiap tahun.",
    "Pihak berkuasa tempatan menasihatkan orang ramai supaya sentiasa berwaspada.",
]


def _spaced(*blocks: list[str]) -> list[str]:
    """Blocks of lines, a blank line between blocks (and none inside one)."""
    out: list[str] = []
    for block in blocks:
        out += [*block, ""]
    return out[:-1]


@pytest.mark.parametrize("block", [
    ["Bantuan segera untuk semua mangsa banjir", ""],  # a heading in its own paragraph
    ["Antara bantuan yang disalurkan kepada mangsa:", "Bekalan makanan kering dan air minuman",
     "Tilam, selimut dan pakaian untuk kanak-kanak"],  # a list under a colon
])
def test_a_heading_or_a_list_inside_the_body_stays(block: list[str],
                                                   rules: BoilerplateRules) -> None:
    lines = _spaced([NEWS[0]], [NEWS[1]], [*block, NEWS[2]], [NEWS[3]], [NEWS[4]])
    got = _reasons(lines, rules)
    assert all(got[x] is None for x in block if x)


def test_a_hard_wrapped_paragraph_is_not_a_glued_headline(rules: BoilerplateRules) -> None:
    wrapped = ["Dinas Kesehatan Jawa Tengah mencatat Kabupaten Brebes, Grobogan dan",
               "Pemalang masih menjadi daerah dengan angka stunting tertinggi."]
    lines = _spaced([NEWS[0]], ["Kepala dinas itu menambahkan bahwa pihaknya juga",
                                "menggandeng perguruan tinggi untuk memetakan penyebabnya."],
                    wrapped, [NEWS[3]], [NEWS[4]])
    got = _reasons(lines, rules)
    assert all(got[x] is None for x in wrapped)


@pytest.mark.parametrize(("heading", "bio"), [
    ("Über Moritz Bachmann",
     "Als Sales Manager bildet Moritz Bachmann die Schnittstelle zwischen Kunden und Technik."),
    ("Sobre Carlos Nadalim",
     "Pai de dois filhos, Carlos Nadalim é também coordenador pedagógico numa escola."),
    ("Tentang Aminah Yusof",
     "Aminah Yusof ialah wartawan yang menulis tentang alam sekitar sejak sepuluh tahun lalu."),
])
def test_an_about_box_naming_its_person_is_an_author_box(
        heading: str, bio: str, rules: BoilerplateRules) -> None:
    lines = _spaced([NEWS[0]], [NEWS[1]], [NEWS[2]], [heading], [bio], [NEWS[3]])
    got = _reasons(lines, rules)
    assert got[heading] is Reason.OTHER
    assert got[bio] in (Reason.OTHER, Reason.BYLINE)
    assert all(got[p] is None for p in NEWS[:4])


@pytest.mark.parametrize(("heading", "about"), [
    ("About Contoh Media", "Contoh Media is a publisher of regional news with offices in "
                          "Kuala Lumpur and Jakarta."),  # a company's box
    ("Tentang Aminah Yusof", "Penduduk kampung berkata banjir kali ini paling teruk dalam "
                             "sepuluh tahun."),  # the paragraph does not name her
])
def test_an_about_box_of_a_company_or_not_naming_its_person_stays(
        heading: str, about: str, rules: BoilerplateRules) -> None:
    lines = _spaced([NEWS[0]], [NEWS[1]], [NEWS[2]], [heading], [about], [NEWS[3]])
    assert _reasons(lines, rules)[about] is None


def test_two_long_parallel_lines_in_a_row_stay_the_text(rules: BoilerplateRules) -> None:
    # A saying quoted in two halves that share most words (love / hate) is not a caption
    # printed twice.
    verse = ["Cintailah orang yang kamu cintai sekadarnya kerana boleh jadi suatu hari nanti "
             "orang itu menjadi orang yang kamu benci",
             "Bencilah orang yang kamu benci sekadarnya kerana boleh jadi suatu hari nanti "
             "orang itu menjadi orang yang kamu cintai"]
    lines = _spaced([NEWS[0]], [NEWS[1]], verse, [NEWS[2]], [NEWS[3]])
    got = _reasons(lines, rules)
    assert all(got[v] is None for v in verse)


@pytest.mark.parametrize(("line", "reason"), [
    ("[Ni’matul Ukhuwah hal. 41]", None),  # a citation with its page
    ("[HR. At-Tirmidzi no. 1997]", None),
    ("[Video: Detik-detik kemacetan di Puncak]", Reason.OTHER),  # an embed's placeholder
])
def test_a_bracketed_citation_stays_and_a_placeholder_goes(
        line: str, reason: Reason | None, rules: BoilerplateRules) -> None:
    assert _in_ru_body(line, rules) is reason
