"""Structure: segmentation, title, headings, dateline/publisher, credit and author."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.config import load_config
from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.clean import classify_page
from tui.text.model import Block, BlockKind, Reason
from tui.text.structure import (
    extract_meta,
    mark_headings,
    mark_title,
    segment,
    without_site_suffix,
)


def _blocks(text: str, reasons: dict[int, Reason] | None = None) -> list[Block]:
    lines = text.splitlines()
    given = reasons or {}
    return segment(lines, [given.get(i + 1) for i in range(len(lines))])


def test_hard_wrapped_lines_join_into_one_block() -> None:
    text = (
        "Semarang (ANTARA) - Pemerintah Provinsi Jawa Tengah menargetkan\n"
        "sebanyak 1.200 desa terbebas dari kasus stunting pada akhir 2025\n"
        "melalui program pendampingan keluarga berisiko yang melibatkan\n"
        "kader posyandu di seluruh kabupaten dan kota.\n"
        "\n"
        "Program ini didanai dari APBD provinsi sebesar Rp86 miliar.\n"
    )
    blocks = _blocks(text)
    assert [b.lines for b in blocks] == [(1, 4), (6, 6)]
    assert blocks[0].text.startswith("Semarang (ANTARA) - Pemerintah Provinsi Jawa Tengah "
                                     "menargetkan sebanyak 1.200 desa")


def test_lines_of_a_list_or_table_are_not_joined() -> None:
    text = (
        "Berikut langkah yang disiapkan pemerintah provinsi untuk tahun depan:\n"
        "\n"
        "1. pemberian makanan tambahan bagi ibu hamil kurang energi kronis;\n"
        "2. pemeriksaan kehamilan minimal enam kali di fasilitas kesehatan;\n"
        "3. penyediaan air bersih dan jamban sehat di desa prioritas;\n"
        "\n"
        "India          310,450 tan\n"
        "China          205,300 tan\n"
    )
    assert [b.lines for b in _blocks(text)] == [(1, 1), (3, 3), (4, 4), (5, 5), (7, 7), (8, 8)]


def test_one_paragraph_per_line_is_not_joined() -> None:
    text = (
        "Headline Without A Blank Line After It\n"
        "The first paragraph is a full sentence that runs well past a hundred characters, as "
        "scraped paragraphs do.\n"
        "A second paragraph follows on the next line without any blank line in between them.\n"
    )
    assert [b.lines for b in _blocks(text)] == [(1, 1), (2, 2), (3, 3)]


def test_boilerplate_line_is_never_grouped_with_content() -> None:
    text = (
        "the river rose by two metres overnight and the roads into the valley were\n"
        "closed before dawn, officials said, while crews worked to clear the debris\n"
        "Baca juga: Banjir Bandang Terjang Garut\n"
        "and most schools stayed shut for the day.\n"
    )
    blocks = _blocks(text, {3: Reason.RELATED})
    assert [(b.lines, b.kind) for b in blocks] == [
        ((1, 2), BlockKind.PARAGRAPH),
        ((3, 3), BlockKind.BOILERPLATE),
        ((4, 4), BlockKind.PARAGRAPH),
    ]
    assert blocks[1].reason is Reason.RELATED


def test_every_non_blank_line_lands_in_exactly_one_block() -> None:
    text = "A\n\nb c d\ne f g\n\n\nh\n  \ni\n"
    covered = [n for b in _blocks(text, {7: Reason.OTHER}) for n in range(b.lines[0],
                                                                           b.lines[1] + 1)]
    assert covered == [1, 3, 4, 7, 9]


def test_title_is_first_content_block_without_a_title_field() -> None:
    blocks = _blocks("Menu\n\nThe Real Headline\n\nBody text here.", {1: Reason.NAVIGATION})
    assert mark_title(blocks, None) == "The Real Headline"
    assert blocks[1].kind is BlockKind.TITLE


def test_title_field_wins_and_a_repeated_first_line_is_the_title_block() -> None:
    blocks = _blocks("Wind farm cleared after review\n\nRegulators approved it on Tuesday.")
    assert mark_title(blocks, "Wind Farm Cleared After Review") == (
        "Wind Farm Cleared After Review")
    assert blocks[0].kind is BlockKind.TITLE
    blocks = _blocks("Regulators approved the wind farm on Tuesday.\n\nMore text follows.")
    assert mark_title(blocks, "Wind Farm Cleared After Review") == (
        "Wind Farm Cleared After Review")
    assert all(b.kind is BlockKind.PARAGRAPH for b in blocks)


ARTICLE = """Kim Jong Un Kunjungi Pabrik Penerbangan Militer

Paragraf pertama yang panjang tentang kunjungan itu dan apa artinya bagi kedua negara.

Pertukaran Senjata

Paragraf kedua yang panjang tentang pembicaraan kedua pemimpin di kosmodrom pada Rabu.

“Kami siap,” kata Putin.

Ya, saya setuju.

- butir pertama daftar

AS Konsultasikan Tokyo, Seoul

Paragraf ketiga yang panjang tentang konsultasi Amerika Serikat dengan sekutunya di Asia.

Apa yang terjadi selanjutnya?

Paragraf keempat menutup berita ini dengan kalimat yang lengkap.

Catatan Akhir
"""


def test_headings_are_short_title_like_lines_between_paragraphs() -> None:
    blocks = _blocks(ARTICLE)
    mark_title(blocks, None)
    mark_headings(blocks)
    headings = [b.text for b in blocks if b.kind is BlockKind.HEADING]
    # Not the quote, not the dialogue line, not the list item, and not the last line
    # (nothing follows it); a lone short question between paragraphs is a heading.
    assert headings == ["Pertukaran Senjata", "AS Konsultasikan Tokyo, Seoul",
                        "Apa yang terjadi selanjutnya?"]


def test_questions_in_an_interview_are_not_headings() -> None:
    answer = "Jawaban yang cukup panjang untuk menjadi sebuah paragraf yang utuh dan jelas."
    parts = ["Wawancara Dengan Pendiri Perusahaan", answer]
    for q in ("Kenapa harus ada PHK?", "Apakah PHK masih berlanjut?", "Lalu kenapa ekspansi?"):
        parts += [q, answer]
    blocks = _blocks("\n\n".join(parts))
    mark_title(blocks, None)
    mark_headings(blocks)
    assert not [b for b in blocks if b.kind is BlockKind.HEADING]


def test_questions_in_capitals_are_headings_however_many() -> None:
    para = ("Turbulent polling across the early voting states has created a murky picture "
            "of the top tier of the class.")
    parts = ["Seven Questions Before The Debate", para]
    questions = ["WHO IS THE FRONT-RUNNER?", "HOW WILL OBAMA PLAY?", "CAN THEY SAVE THEMSELVES?"]
    for q in questions:
        parts += [q, para]
    blocks = _blocks("\n\n".join(parts))
    mark_title(blocks, None)
    mark_headings(blocks)
    assert [b.text for b in blocks if b.kind is BlockKind.HEADING] == questions


def test_figures_and_quoted_phrases() -> None:
    para = "Paragraf yang cukup panjang untuk menjadi sebuah paragraf yang utuh dan jelas."
    parts = ["Judul", para, "Attendance: 17,102", para, "1º Palmeiras - 13 pontos", para,
             "'Like a freight train'", para, "“Kami siap,” kata Putin.", para]
    blocks = _blocks("\n\n".join(parts))
    mark_title(blocks, None)
    mark_headings(blocks)
    assert [b.text for b in blocks if b.kind is BlockKind.HEADING] == ["'Like a freight train'"]


def test_numbered_question_heading_in_a_text_without_blank_lines() -> None:
    text = ("Tujuh Perkara Tentang Tarif Air\n"
            "Pengguna air domestik akan menerima bil dengan kadar baharu mulai bulan ini.\n"
            "1. Berapa kenaikan?\n"
            "Kenaikan adalah sebanyak 22 sen bagi setiap meter padu untuk pengguna domestik.\n")
    blocks = _blocks(text)
    mark_title(blocks, None)
    mark_headings(blocks, blank_separated=False)
    assert [b.kind for b in blocks] == [BlockKind.TITLE, BlockKind.PARAGRAPH,
                                        BlockKind.HEADING, BlockKind.PARAGRAPH]


@pytest.mark.parametrize(("first", "dateline", "publisher"), [
    ("Moskow | EGINDO.co – Pemimpin Korea Utara tiba di Rusia.", "Moskow", "EGINDO.co"),
    ("JAKARTA, KOMPAS.com - Banjir merendam 34 RT di Jakarta Timur.", "Jakarta", "KOMPAS.com"),
    ("LONDON (Reuters) - British inflation fell more than expected.", "London", "Reuters"),
    ("WASHINGTON (AP) — The Senate passed the bill late on Friday.", "Washington", "AP"),
    ("Berlin (dpa) - Die Bahn streikt erneut.", "Berlin", "dpa"),
    ("PARIS (AFP) - Le gouvernement a présenté son budget.", "Paris", "AFP"),
    ("KUALA LUMPUR, 11 Mac (Bernama) -- Eksport minyak sawit meningkat.", "Kuala Lumpur",
     "Bernama"),
    ("Semarang (ANTARA) - Pemerintah provinsi menargetkan 1.200 desa.", "Semarang", "ANTARA"),
    ("TRIBUNNEWS.COM, SURABAYA - Persebaya menaklukkan Arema.", "Surabaya", "TRIBUNNEWS.COM"),
    ("Liputan6.com, Jakarta - Perusahaan rintisan memangkas karyawan.", "Jakarta",
     "Liputan6.com"),
    ("KOTA BHARU: Kerajaan akan menyalurkan bantuan.", "Kota Bharu", None),
    ("RIVERDALE, Ill. — A fire destroyed the store.", "Riverdale", None),
    ("Jakarta - Komisi XI DPR meminta penjelasan.", "Jakarta", None),
])
def test_dateline_and_publisher_from_first_paragraph(first: str, dateline: str,
                                                     publisher: str | None) -> None:
    blocks = _blocks(f"A Headline For The Story\n\n{first}\n\nMore text.")
    mark_title(blocks, None)
    meta = extract_meta(blocks)
    assert (meta.dateline, meta.publisher) == (dateline, publisher)


def test_dateline_after_a_standfirst_or_kept_caption() -> None:
    text = ("Banjir Rendam Tiga Kecamatan\n\nWarga menyeberangi genangan, Kamis pagi\n\n"
            "BANDUNG, Wartakita.com - Banjir kembali merendam tiga kecamatan.\n\n"
            "SURABAYA, Kabarkita.com - A later paragraph quoting another dateline.\n")
    blocks = _blocks(text)
    mark_title(blocks, None)
    meta = extract_meta(blocks)
    assert (meta.dateline, meta.publisher) == ("Bandung", "Wartakita.com")


def test_a_dateline_deep_in_the_article_is_not_the_articles() -> None:
    paragraphs = [f"Paragraph {n} says something ordinary about the plan." for n in range(4)]
    text = "\n\n".join(["A Headline For The Story", *paragraphs,
                         "PARIS (AFP) - A quoted wire item far down the page."])
    blocks = _blocks(text)
    mark_title(blocks, None)
    assert extract_meta(blocks).dateline is None


@pytest.mark.parametrize("first", [
    "The minister said on Monday that the plan would go ahead.",
    "“Kami siap,” kata Putin di Vladivostok.",
    "Kim: the visit was a success, officials said.",
    "Prof. Carlos - Nossa turma apresentou as brincadeiras musicais da semana.",
    "A Critical Cinephile - The band played its old songs to a full house.",
    "Dr. Lim: the clinic will open on Saturday for the whole district.",
])
def test_no_dateline_in_an_ordinary_first_sentence(first: str) -> None:
    blocks = _blocks(f"A Headline For The Story\n\n{first}")
    mark_title(blocks, None)
    assert extract_meta(blocks).dateline is None


@pytest.mark.parametrize(("line", "credit"), [
    ("Sumber : CNA/SL", "CNA/SL"),
    ("Source: Reuters", "Reuters"),
    ("Fuente: EFE", "EFE"),
    ("Quelle: dpa", "dpa"),
    ("-- BERNAMA", "BERNAMA"),
    ("(EFE)", "EFE"),
])
def test_credit_from_credit_lines(line: str, credit: str) -> None:
    blocks = _blocks(f"Title Here\n\nBody text.\n\n{line}", {5: Reason.CREDIT})
    assert extract_meta(blocks).credit == credit


@pytest.mark.parametrize(("line", "author"), [
    ("Penulis: Sari Wulandari | Editor: Agus Pratomo", "Sari Wulandari"),
    ("By Marcus Delaney | mdelaney@example.com", "Marcus Delaney"),
    ("Oleh SITI AISYAH MOHAMAD", "Siti Aisyah Mohamad"),
    ("Von Anna Berger", "Anna Berger"),
    ("Por María Llorente", "María Llorente"),
    ("Reporter: Dimas Pratama", "Dimas Pratama"),
])
def test_author_from_byline(line: str, author: str) -> None:
    blocks = _blocks(f"Title Here\n\n{line}\n\nBody text.", {3: Reason.BYLINE})
    assert extract_meta(blocks).author == author


def test_a_menu_of_credit_like_lines_gives_no_credit_and_admin_is_no_author() -> None:
    lines = ["- Campaign", "- Education", "- Finance", "- Healthcare", "By admin - 2018-09-16",
             "Body text.", "-- BERNAMA"]
    blocks = _blocks("Title Here\n\n" + "\n\n".join(lines),  # line n of `lines` is 2n+1
                     {3: Reason.CREDIT, 5: Reason.CREDIT, 7: Reason.CREDIT, 9: Reason.CREDIT,
                      11: Reason.BYLINE, 15: Reason.CREDIT})
    meta = extract_meta(blocks)
    assert (meta.credit, meta.author) == ("BERNAMA", None)


def test_editor_line_is_not_the_author() -> None:
    blocks = _blocks("Title Here\n\nEditor: Budi Suyanto\n\nBody text.", {3: Reason.BYLINE})
    assert extract_meta(blocks).author is None


def test_entries_of_a_list_are_not_headings() -> None:
    para = "Paragraf yang cukup panjang untuk menjadi sebuah paragraf yang utuh dan jelas."
    text = "\n".join(["Banjir Kilat Di Tiga Kawasan", para, "Antara kawasan terjejas:",
                      "Seksyen 13", "Padang Jawa", para, "Key dates:",
                      "1 April: rules take effect", para, "Here is what helps:", "Sleep",
                      para])
    blocks = _blocks(text)
    mark_title(blocks, None)
    mark_headings(blocks, blank_separated=False)
    # Two short lines in a row are a list; a "Label: value" line under an opening colon is
    # an entry; a lone short line under an opening colon can still be a heading.
    assert [b.text for b in blocks if b.kind is BlockKind.HEADING] == ["Sleep"]


@pytest.mark.parametrize(("fields", "url", "publisher"), [
    ({"source": "Harian Pagi"}, "https://www.example.my/berita/1", "Harian Pagi"),
    ({"Publisher": "Suara Kota"}, None, "Suara Kota"),
    ({"site": "  Warta Timur "}, None, "Warta Timur"),
    ({"category": "sukan"}, "https://www.beritapagi.example/sukan/2", "beritapagi.example"),
    ({}, "https://news.example.com.my/a", "news.example.com.my"),
    ({"source": 42}, None, None),
    ({}, "not a url", None),
    ({}, None, None),
])
def test_publisher_from_a_record_field_else_the_url_host(
        fields: dict[str, object], url: str | None, publisher: str | None) -> None:
    from tui.text.structure import record_publisher

    assert record_publisher(fields, url) == publisher


def test_pipeline_names_the_publisher_of_a_record() -> None:
    from tui.text.model import Record
    from tui.text.pipeline import Pipeline

    pipeline = Pipeline(load_config().analysis)
    text = "Banjir di Kelantan\n\nHujan lebat sejak pagi menyebabkan banjir di beberapa kampung."
    by_field = pipeline.analyse(Record("a", text, fields={"source": "Berita Pantai Timur"}),
                                detect_language=False)
    by_url = pipeline.analyse(Record("b", text, url="https://www.pantaitimur.example/b/1"),
                              detect_language=False)
    assert (by_field.meta.publisher, by_url.meta.publisher) == (
        "Berita Pantai Timur", "pantaitimur.example")


# -- blocks and title from the cleaner's page ------------------------------------------

ROOT = Path(__file__).resolve().parent.parent


def _texts() -> list[tuple[str, str | None]]:
    """Seed articles and the real dev set's articles (with their title fields)."""
    out: list[tuple[str, str | None]] = [
        (p.read_text(encoding="utf-8"), None) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for path in sorted((ROOT / "tests" / "data" / "boilerplate_real_dev").glob("*.tsv")):
        rows = path.read_text(encoding="utf-8").split("\n")
        meta = {k: v for _, k, v in (r.split("\t", 2) for r in rows if r.startswith("#meta"))}
        lines = [r.partition("\t")[2] for r in rows if not r.startswith("#meta")]
        out.append(("\n".join(lines), meta.get("title")))
    return out


def _shape(blocks: list[Block]) -> list[tuple[str, str, tuple[int, int], Reason | None]]:
    return [(b.kind.value, b.text, b.lines, b.reason) for b in blocks]


def test_blocks_from_the_page_are_the_blocks_from_the_reasons(rules: BoilerplateRules) -> None:
    texts = _texts()
    assert len(texts) > 40
    for text, title in texts:
        lines = text.splitlines()
        page = classify_page(lines, rules, title)
        reasons = page.reasons()
        fresh, reused = segment(lines, reasons), segment(lines, reasons, page)
        assert _shape(fresh) == _shape(reused)
        assert mark_title(fresh, title) == mark_title(reused, title, page)
        assert _shape(fresh) == _shape(reused)


def test_a_run_the_reasons_regroup_is_wrapped_again(rules: BoilerplateRules) -> None:
    lines = ["Semarang (ANTARA) - Pemerintah Provinsi Jawa Tengah menargetkan",
             "sebanyak 1.200 desa terbebas dari kasus stunting pada akhir 2025",
             "melalui program pendampingan keluarga berisiko yang melibatkan",
             "kader posyandu di seluruh kabupaten dan kota."]
    page = classify_page(lines, rules)
    assert [len(u.lines) for u in page.units] == [4]
    reasons: list[Reason | None] = [None, None, None, Reason.OTHER]
    blocks = segment(lines, reasons, page)
    assert [b.lines for b in blocks] == [(1, 3), (4, 4)]
    assert _shape(blocks) == _shape(segment(lines, reasons))


def test_the_title_the_cleaner_found_is_the_title_block(rules: BoilerplateRules) -> None:
    title = "Dock workers walk out at Port Kellan as pay talks collapse"
    lines = [title, "", "PORT KELLAN (Coastline News) - Around 1,400 dock workers at Port "
             "Kellan walked out on Tuesday after eight weeks of pay talks ended."]
    page = classify_page(lines, rules, title)
    assert page.title_unit() is page.units[0]
    blocks = segment(lines, page.reasons(), page)
    assert mark_title(blocks, title, page) == title
    assert [b.kind for b in blocks] == [BlockKind.TITLE, BlockKind.PARAGRAPH]
    # A page read with another title tells nothing about this one: the words decide.
    other = segment(lines, page.reasons(), page)
    mark_title(other, "Council approves new ferry timetable", page)
    assert [b.kind for b in other] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]


def test_a_date_in_a_stripped_line_above_the_text_is_the_articles_date() -> None:
    blocks = [
        Block(BlockKind.BOILERPLATE, "Beranda", (1, 1), Reason.NAVIGATION),
        Block(BlockKind.BOILERPLATE, "Penulis: Sari Wulandari | Editor: Agus Pratomo",
              (3, 3), Reason.BYLINE),
        Block(BlockKind.BOILERPLATE, "Kamis, 7 Maret 2024 | 10:15 WIB", (4, 4),
              Reason.BYLINE),
        Block(BlockKind.PARAGRAPH, "Banjir merendam tiga kecamatan pada 1 Maret 2024.", (6, 6)),
        Block(BlockKind.BOILERPLATE, "Baca juga: 2 Januari 2023", (8, 8), Reason.RELATED),
    ]
    assert extract_meta(blocks).date == "Kamis, 7 Maret 2024 | 10:15 WIB"
    # Dates in the text or in related links further down are not the article's.
    assert extract_meta(blocks[3:]).date is None


def test_seed_001_date_reaches_the_document() -> None:
    from pathlib import Path

    from tui.text.model import Record
    from tui.text.pipeline import Pipeline

    path = Path(__file__).parent.parent / "seeds" / "001_id_banjir_bandung.txt"
    pipeline = Pipeline(load_config().analysis)
    doc = pipeline.analyse(Record("001", path.read_text(encoding="utf-8")))
    assert doc.meta.date is not None and "7 Maret 2024" in doc.meta.date


@pytest.mark.parametrize(("title", "url", "publisher", "clean"), [
    ("Flood waters recede - News Nation", "https://www.newsnation.in/a/1.html", None,
     "Flood waters recede"),
    ("Jam recipe | The Anti-June Cleaver", "https://theantijunecleaver.com/jam", None,
     "Jam recipe"),
    ("Harga cabai naik — Kompas.com", None, "Kompas.com", "Harga cabai naik"),
    ("Deportees return home | World", "https://www.indiapost.example/x", None,
     "Deportees return home | World"),  # a section, not the site
    ("Only option | World | News", "https://www.express.co.uk/x", None,
     "Only option | World | News"),  # sections, not the site
    ("The vote - and what comes next", "https://example.org/vote", None,
     "The vote - and what comes next"),
    ("Flood waters recede - News Nation", "http://[bad", None,
     "Flood waters recede - News Nation"),  # a URL that cannot be read names no site
])
def test_a_browser_titles_site_name_is_dropped(title: str, url: str | None,
                                               publisher: str | None, clean: str) -> None:
    assert without_site_suffix(title, url, publisher) == clean


STEP_PARA = ("Saving early matters more than saving a lot, because every year of growth "
             "adds to the balance you keep.")


def _how_to(steps: list[str]) -> list[Block]:
    parts = ["How To Leave Work at Fifty", STEP_PARA, "How to get there", *[
        x for step in steps for x in (step, STEP_PARA)]]
    blocks = _blocks("\n\n".join(parts))
    mark_title(blocks, None)
    mark_headings(blocks)
    return blocks


def test_long_numbered_steps_among_numbered_headings_are_headings_too() -> None:
    steps = ["1. Decide what leaving means", "2. Count what you spend",
             "3. If you rent a flat, consider moving somewhere cheaper", "4. Save the rest",
             "5. Put the plan into action — but enjoy the present, too"]
    blocks = _how_to(steps)
    assert [b.text for b in blocks if b.kind is BlockKind.HEADING] == ["How to get there",
                                                                       *steps]


def test_long_numbered_lines_without_numbered_headings_around_stay_paragraphs() -> None:
    steps = ["1. If you rent a flat, consider moving somewhere much cheaper",
             "2. When your savings pass a year of spending, think about investing them"]
    blocks = _how_to(steps)
    headings = [b.text for b in blocks if b.kind is BlockKind.HEADING]
    assert not set(steps) & set(headings)


def test_numbered_reasons_written_as_sentences_are_section_headings() -> None:
    reasons = ["1. The plan costs more than it saves.",
               "2. Nobody asked the people who live on the street.",
               "3. The last scheme of this kind was dropped after a year, and the same "
               "firm is building this one.",
               "4. Why would it work this time?"]
    blocks = _how_to(reasons)
    headings = [b.text for b in blocks if b.kind is BlockKind.HEADING]
    assert set(reasons) <= set(headings)


def test_a_numbered_list_typed_one_item_a_line_stays_paragraphs() -> None:
    items = ["1. The plan costs more than it saves.",
             "2. Nobody asked the people who live on the street.",
             "3. The last scheme of this kind was dropped after a year."]
    parts = ["Why the Council Is Wrong", STEP_PARA, *items, STEP_PARA]
    blocks = _blocks("\n\n".join(parts))
    mark_title(blocks, None)
    mark_headings(blocks)
    assert not {b.text for b in blocks if b.kind is BlockKind.HEADING} & set(items)


def test_two_numbered_sentences_are_not_a_run_of_sections() -> None:
    reasons = ["1. The plan costs more than it saves.",
               "2. Nobody asked the people who live on the street."]
    blocks = _how_to(reasons)
    assert not {b.text for b in blocks if b.kind is BlockKind.HEADING} & set(reasons)
