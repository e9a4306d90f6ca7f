"""The cleaner's stages one at a time: a small page in the state a stage expects, one stage run."""

from __future__ import annotations

import pytest

from tui.config import load_config
from tui.text import clean_stages as st
from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.clean import classify, classify_page
from tui.text.model import Reason
from tui.text.page import Context, Page, Shape, Unit

S, G, Q = Shape.SHORT, Shape.GOOD, Shape.SENTENCE
Row = tuple[str, Shape, Reason | None] | tuple[str, Shape] | str


@pytest.fixture(scope="module")
def ctx() -> Context:
    return Context(BoilerplateRules.from_config(load_config().analysis.boilerplate))


def page_of(*rows: Row, runs_matter: bool = True) -> Page:
    """A page of one unit per non-blank row, each with the given shape and reason.

    A row is "" (a blank line), (text, shape) or (text, shape, reason).
    """
    specs = [r for r in rows if not isinstance(r, str)]
    page = Page.read(["" if isinstance(r, str) else r[0] for r in rows])
    run_of = {i: n for n, run in enumerate(page.runs) for i in run}
    for i, spec in zip(sorted(page.nonblank), specs, strict=True):
        unit = Unit([page.nonblank[i]], run_of[i], spec[1])
        unit.reason = spec[2] if len(spec) == 3 else None  # type: ignore[misc]
        page.units.append(unit)
    page.runs_matter = runs_matter
    return page


def reasons(page: Page) -> dict[str, Reason | None]:
    """Each unit's text -> its reason."""
    return {u.text: u.reason for u in page.units}


BODY = ("BANDUNG, Wartakita.com - Banjir kembali merendam tiga kecamatan di Kabupaten Bandung "
        "bagian selatan pada Kamis dini hari setelah Sungai Citarum meluap.")
BODY_2 = ("Hingga Kamis siang, tercatat 612 warga mengungsi ke masjid, sekolah, dan balai desa. "
          "Sebagian besar adalah lansia dan anak-anak.")
HEADLINE = "Banjir Rendam Tiga Kecamatan di Bandung Selatan, Ratusan Warga Mengungsi"


def test_match_patterns_marks_labels_by_wording_alone(ctx: Context) -> None:
    page = Page.read(["Baca juga: Cuaca Ekstrem, BMKG Minta Warga Waspada", "", BODY, "",
                      "ADVERTISEMENT", "Foto: Wartakita/Rizal Hakim"])
    st.match_patterns(page, ctx)
    assert {i: r for i, (r, _) in page.matched.items()} == {
        0: Reason.RELATED, 4: Reason.ADVERT, 5: Reason.CAPTION}
    assert page.units == []  # nothing but the pattern hits is decided


def test_build_units_joins_wrapped_lines_and_keeps_matched_lines_alone(ctx: Context) -> None:
    lines = ["BANDUNG, Wartakita.com - Banjir kembali merendam tiga kecamatan di Kabupaten",
             "Bandung bagian selatan pada Kamis (7/3/2024) dini hari setelah Sungai Citarum",
             "meluap akibat hujan deras yang turun sejak Rabu sore.",
             "Tags:"]
    page = Page.read(lines)
    page.matched = {3: (Reason.TAGS, True)}
    st.build_units(page, ctx)
    assert [[ln.index for ln in u.lines] for u in page.units] == [[0, 1, 2], [3]]
    assert page.units[0].reason is None and not page.units[0].matched
    tags = page.units[1]
    assert (tags.reason, tags.matched, tags.label) == (Reason.TAGS, True, True)
    assert page.alone == [False, False, False, True]


def test_shape_units_tells_sentences_from_fragments(ctx: Context) -> None:
    page = page_of((BODY, S), "", ('"Capek, tapi mau bagaimana lagi?"', S), "",
                   ("Pengungsi Bertambah", S))
    st.shape_units(page, ctx)
    assert [u.shape for u in page.units] == [G, Q, S]
    assert page.trusted  # Indonesian stopwords cover the text


@pytest.mark.parametrize(("runs", "matter"), [
    ([2, 1, 3], True),  # paragraphs of several lines: blank lines separate paragraphs
    ([1, 1, 1, 1], False),  # a blank after every line says nothing
    ([3, 2], False),  # too few paragraphs to tell
])
def test_weigh_blank_lines(ctx: Context, runs: list[int], matter: bool) -> None:
    rows: list[Row] = []
    for n in runs:
        rows.extend([(f"Baris nomor {len(rows)}", S)] * n + [""])
    page = page_of(*rows, runs_matter=not matter)
    st.weigh_blank_lines(page, ctx)
    assert page.runs_matter is matter


def test_mark_rows_turns_label_value_pairs_into_sentences(ctx: Context) -> None:
    page = page_of((BODY, G), "", ("Stadion: Gelora Bandung Lautan Api", S),
                   ("Wasit: Thoriq Alkatiri", S), "", ("Penonton: 21.000 orang", S))
    st.mark_rows(page, ctx)
    assert [(u.row, u.shape) for u in page.units] == [
        (False, G), (True, Q), (True, Q), (False, S)]  # the last one stands alone


def test_mark_credit_captions_marks_the_line_over_the_credit(ctx: Context) -> None:
    page = page_of(("Warga menyeberangi genangan di Jalan Raya Dayeuhkolot, Kamis pagi", S),
                   ("Foto: Wartakita/Rizal Hakim", S, Reason.CAPTION), "", (BODY, G))
    st.mark_credit_captions(page, ctx)
    assert page.credits == frozenset({1})
    assert [u.reason for u in page.units] == [Reason.CAPTION, Reason.CAPTION, None]


def test_find_title_takes_the_headline_under_the_menu(ctx: Context) -> None:
    page = page_of(("Beranda", S), ("Regional", S), ("Jawa Barat", S), "", (HEADLINE, S), "",
                   ("Kamis, 7 Maret 2024 | 10:15 WIB", S), "", (BODY, G), "", (BODY_2, G))
    st.find_title(page, Context(ctx.rules))
    assert (page.title_at, page.first_good) == (3, 5)
    assert "ratusan" in page.title_tokens
    assert not page.opens_with_paragraph


def test_find_title_with_the_record_title_takes_the_line_restating_it(ctx: Context) -> None:
    page = page_of(("Jawa Barat", S), (HEADLINE, S), (BODY, G))
    st.find_title(page, Context(ctx.rules, HEADLINE.upper()))
    assert page.title_at == 1
    assert page.first_good == 2


def test_find_title_on_a_text_opening_with_its_paragraph(ctx: Context) -> None:
    page = page_of((BODY, G), "", (BODY_2, G))
    st.find_title(page, Context(ctx.rules))
    assert page.title_at == 0 and page.opens_with_paragraph and page.first_good == 1


def test_mark_title_echoes_caption_above_the_body_duplicate_in_it(ctx: Context) -> None:
    page = page_of((HEADLINE, S), ("Banjir rendam tiga kecamatan di Bandung Selatan", S),
                   (BODY, G), ("Banjir Rendam Tiga Kecamatan di Bandung Selatan", S))
    page.title_at, page.first_good = 0, 2
    page.title_tokens = frozenset(page.units[0].first.tokens)
    st.mark_title_echoes(page, ctx)
    assert [u.reason for u in page.units] == [None, Reason.CAPTION, None, Reason.DUPLICATE]


def test_mark_repeats_twice_printed_caption_and_repeated_line(ctx: Context) -> None:
    caption = "Warga menyeberangi genangan di Jalan Raya Dayeuhkolot, Kamis pagi"
    more = "Baca berita lainnya di sini"
    page = page_of((caption, S), (caption, S), "", (BODY, G), "", (more, S), "", (BODY_2, G), "",
                   (more, S))
    st.mark_repeats(page, ctx)
    assert [u.reason for u in page.units] == [
        Reason.CAPTION, Reason.CAPTION, None, None, None, Reason.DUPLICATE]


def test_mark_repeats_keeps_a_body_sentence_restating_the_standfirst(ctx: Context) -> None:
    standfirst = "The suspect confessed and the jury took just 15 minutes to find him guilty"
    restated = "Webb confessed to the crime and the jury took just 15 minutes to find him guilty."
    page = page_of((HEADLINE, S), (standfirst, Q), "", (BODY, G), "", (BODY_2, G), "",
                   (restated, Q))
    page.title_at, page.first_good = 0, 2
    st.mark_repeats(page, ctx)
    assert [u.reason for u in page.units] == [None, None, None, None, None]


def test_mark_repeats_a_standfirst_printed_again_word_for_word_is_a_repeat(
        ctx: Context) -> None:
    standfirst = "The suspect confessed and the jury took just 15 minutes to find him guilty."
    page = page_of((HEADLINE, S), (standfirst, Q), "", (BODY, G), "", (BODY_2, G), "",
                   (standfirst, Q))
    page.title_at, page.first_good = 0, 2
    st.mark_repeats(page, ctx)
    assert [u.reason for u in page.units] == [None, None, None, None, Reason.DUPLICATE]


def test_mark_repeats_keeps_a_standfirst_told_again_between_paragraphs(ctx: Context) -> None:
    # Word for word, but in its place among the body's paragraphs: both content.
    standfirst = "The suspect confessed and the jury took just 15 minutes to find him guilty."
    closing = "His lawyer said after the verdict that they would not appeal against it."
    page = page_of((HEADLINE, S), (standfirst, G), "", (BODY, G), "", (BODY_2, G), "",
                   (standfirst, G), "", (closing, G))
    page.title_at, page.first_good = 0, 1
    st.mark_repeats(page, ctx)
    assert [u.reason for u in page.units] == [None] * 6


def test_claim_after_labels_gives_tags_to_the_lines_under_the_label(ctx: Context) -> None:
    page = page_of((BODY, G), "", ("Tags:", S, Reason.TAGS), ("banjir bandung", S),
                   ("sungai citarum", S), "", (BODY_2, G))
    page.units[1].label = True
    st.claim_after_labels(page, ctx)
    assert [u.reason for u in page.units] == [None, Reason.TAGS, Reason.TAGS, Reason.TAGS, None]


def test_mark_above_title_calls_the_menu_navigation(ctx: Context) -> None:
    page = page_of(("Beranda", S), ("Regional", S), "", (HEADLINE, S), (BODY, G))
    page.title_at = 2
    st.mark_above_title(page, ctx)
    assert [u.reason for u in page.units] == [Reason.NAVIGATION, Reason.NAVIGATION, None, None]


def test_mark_header_marks_the_date_line_under_the_title(ctx: Context) -> None:
    page = page_of((HEADLINE, S), "", ("Kamis, 7 Maret 2024 | 10:15 WIB", S), "", (BODY, G),
                   "", (BODY_2, G))
    page.title_at, page.first_good = 0, 2
    st.mark_header(page, ctx)
    assert [u.reason for u in page.units] == [None, Reason.BYLINE, None, None]


def test_mark_header_leaves_a_text_that_opens_with_its_paragraph(ctx: Context) -> None:
    page = page_of((BODY, G), "", ("Kamis, 7 Maret 2024 | 10:15 WIB", S), "", (BODY_2, G))
    page.title_at, page.first_good, page.opens_with_paragraph = 0, 2, True
    st.mark_header(page, ctx)
    assert [u.reason for u in page.units] == [None, None, None]


def test_mark_header_keeps_a_standfirst_without_its_stop_over_the_byline(ctx: Context) -> None:
    headline = "Late goal lifts the home side"
    standfirst = "Home side completes frantic comeback to extend unbeaten run to 15"
    body = ("A goal two minutes into overtime capped a frantic comeback on Tuesday night, "
            "the home side's fifteenth game without a defeat.")
    page = page_of((headline, S), "", (standfirst, S), "", ("Associated Press", S), "",
                   ("Published 11:26 pm, Tuesday, November 19, 2019", S, Reason.BYLINE), "",
                   (body, G))
    page.title_at, page.first_good = 0, 4
    page.stopwords, page.trusted = frozenset({"to", "the", "a", "on", "of"}), True
    st.mark_header(page, ctx)
    got = reasons(page)
    assert got[standfirst] is None
    assert got["Associated Press"] is Reason.BYLINE


def test_mark_header_still_marks_a_capitalised_kicker_under_the_title(ctx: Context) -> None:
    headline = "Late goal lifts the home side"
    kicker = "Valley Times Sports Desk Special Hockey Report Tonight"
    page = page_of((headline, S), "", (kicker, S), "",
                   ("Published 11:26 pm, Tuesday, November 19, 2019", S, Reason.BYLINE), "",
                   (BODY, G))
    page.title_at, page.first_good = 0, 3
    st.mark_header(page, ctx)
    assert reasons(page)[kicker] is not None


def test_mark_page_lists_calls_a_menu_below_the_body_navigation(ctx: Context) -> None:
    menu = ["Beranda", "Nasional", "Regional", "Ekonomi", "Olahraga", "Teknologi"]
    page = page_of((HEADLINE, S), (BODY, G), "", *[(m, S) for m in menu])
    page.title_at, page.first_good = 0, 1
    st.mark_page_lists(page, ctx)
    assert [u.reason for u in page.units[2:]] == [Reason.NAVIGATION] * len(menu)
    assert page.units[1].reason is None


def test_close_the_page_after_the_comment_header(ctx: Context) -> None:
    page = page_of((BODY, G), "", (BODY_2, G), "", ("12 Komentar", S),
                   ("Sangat bermanfaat, terima kasih.", Q), ("Budi, 8 Maret 2024", S))
    page.first_good = 0
    st.close_the_page(page, ctx)
    assert [u.reason for u in page.units] == [None, None] + [Reason.OTHER] * 3
    assert [u.closed for u in page.units] == [False, False, True, True, True]


def test_mark_closing_lines_finds_a_call_to_action_at_the_end(ctx: Context) -> None:
    page = page_of((BODY, G), "", (BODY_2, G), "",
                   ("Ikuti saluran WhatsApp kami dan unduh aplikasinya untuk berita terbaru.", Q))
    page.first_good = 0
    st.mark_closing_lines(page, ctx)
    assert [u.reason for u in page.units] == [None, None, Reason.PROMO]


def test_find_tail_starts_after_the_last_sentence(ctx: Context) -> None:
    page = page_of((HEADLINE, S), (BODY, G), "", (BODY_2, G), "", ("Berita Terkait", S),
                   ("Tanggul Jebol, Puluhan Rumah di Baleendah Terendam", S),
                   ("Pemkab Bandung Tetapkan Status Tanggap Darurat Banjir", S))
    page.title_at, page.first_good = 0, 1
    st.find_tail(page, ctx)
    assert (page.tail, page.last) == (3, 2)


def test_find_tail_keeps_a_list_introduced_by_a_colon(ctx: Context) -> None:
    page = page_of((HEADLINE, S), (BODY, G), "",
                   ("BPBD mencatat kebutuhan mendesak para pengungsi antara lain:", Q),
                   ("- selimut dan pakaian kering", S), ("- air bersih", S))
    page.title_at, page.first_good = 0, 1
    st.find_tail(page, ctx)
    assert (page.tail, page.last) == (5, 4)  # without the colon the tail would start at 3


def test_mark_tail_guesses_what_the_trailing_lines_are(ctx: Context) -> None:
    page = page_of((HEADLINE, S), (BODY, G), "", ("Berita Terkait", S),
                   ("Tanggul Jebol, Puluhan Rumah di Baleendah Terendam", S), "",
                   ("banjir bandung", S), ("sungai citarum", S))
    page.title_at, page.first_good, page.tail, page.last = 0, 1, 2, 1
    st.mark_tail(page, ctx)
    assert [u.reason for u in page.units] == [
        None, None, Reason.RELATED, Reason.RELATED, Reason.TAGS, Reason.TAGS]
    assert [u.guessed for u in page.units] == [False, False, True, True, True, True]


def test_mark_tail_without_a_body_leaves_the_page(ctx: Context) -> None:
    page = page_of(("Berita Terkait", S), ("banjir bandung", S))
    page.tail, page.last = 0, None
    st.mark_tail(page, ctx)
    assert [u.reason for u in page.units] == [None, None]


def test_mark_lead_ins_calls_a_label_and_headline_in_the_body_a_link(ctx: Context) -> None:
    page = page_of((HEADLINE, S), (BODY, G), "",
                   ("Jangan lewatkan: Warga Dayeuhkolot Bertahan di Atap Rumah", S), "",
                   (BODY_2, G))
    page.title_at, page.first_good = 0, 1
    st.mark_lead_ins(page, ctx)
    assert [u.reason for u in page.units] == [None, None, Reason.RELATED, None]


def test_revise_body_squeezed_fragment_and_page_number(ctx: Context) -> None:
    page = page_of((BODY, G), "", ("Bagikan :", S, Reason.SHARE), ("Facebook", S),
                   ("WhatsApp", S, Reason.SHARE), "", ("2", S), "", (BODY_2, G))
    st.revise_body(page, ctx)
    assert [u.reason for u in page.units] == [
        None, Reason.SHARE, Reason.SHARE, Reason.SHARE, Reason.NAVIGATION, None]


def test_revise_strips_takes_a_sentence_into_its_strip(ctx: Context) -> None:
    page = page_of((BODY, G), "", ("Newsletter", S, Reason.PROMO),
                   ("Berita pilihan setiap pagi di kotak masuk Anda.", Q),
                   ("Daftar sekarang", S, Reason.PROMO))
    st.revise_strips(page, ctx)
    assert [u.reason for u in page.units] == [None] + [Reason.PROMO] * 3


def test_revise_strips_needs_one_paragraph(ctx: Context) -> None:
    page = page_of(("Newsletter", S, Reason.PROMO), "",
                   ("Berita pilihan setiap pagi di kotak masuk Anda.", Q), "",
                   ("Daftar sekarang", S, Reason.PROMO))
    st.revise_strips(page, ctx)
    assert page.units[1].reason is None


def test_classify_runs_every_stage_in_order(ctx: Context) -> None:
    lines = ["Beranda", "Regional", "", HEADLINE, "", BODY, "", "ADVERTISEMENT", "", BODY_2]
    page = classify_page(lines, ctx.rules)
    manual = Page.read(lines)
    for stage in st.STAGES:
        stage(manual, ctx)
    assert page.reasons() == manual.reasons() == classify(lines, ctx.rules)
    assert page.reasons()[7] is Reason.ADVERT and page.title_at == 2


def test_classify_of_blank_text(ctx: Context) -> None:
    assert classify(["", "  "], ctx.rules) == [None, None]
    assert classify_page([], ctx.rules).units == []


def test_every_stage_says_what_it_decides() -> None:
    assert len(st.STAGES) == len(set(st.STAGES))
    for stage in st.STAGES:
        assert stage.__doc__ and stage.__doc__.strip().splitlines()[0].endswith(".")


def test_a_lone_full_stop_closing_the_page_under_a_credit_is_the_credit(ctx: Context) -> None:
    page = page_of(("Beruntung, korban tidak mengalami luka berat.", G),
                   ("Artikel ini telah tayang di", S, Reason.CREDIT),
                   ("dengan judul Anton Lolos dari Maut", S, Reason.CREDIT), "", (".", Q))
    st.mark_last_stop(page, ctx)
    assert reasons(page)["."] is Reason.CREDIT


def test_a_lone_full_stop_closing_the_body_stays(ctx: Context) -> None:
    page = page_of(("Kata dia, kasus itu masih ditangani polisi setempat", G), "", (".", Q))
    st.mark_last_stop(page, ctx)
    assert reasons(page)["."] is None


def test_the_rest_of_a_cut_credit_line_is_the_credit(ctx: Context) -> None:
    lines = ["Beruntung, pria itu tidak mengalami luka berat namun mobilnya rusak berat.",
             "Artikel ini telah tayang di", "dengan judul Anton Terduduk Lemas Lolos dari Maut",
             "", "."]
    assert classify(lines, ctx.rules)[1:] == [Reason.CREDIT, Reason.CREDIT, None, Reason.CREDIT]
