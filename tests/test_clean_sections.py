"""Section headings of the body: numbered titles, labels over rows or sources, table headings."""

from __future__ import annotations

import time

from tests.clean_helpers import reasons_by_line
from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.clean_sections import SECTION_NUMBER
from tui.text.model import Reason

INTRO = ("Menurut catatan, sejak 2012 sudah enam kali Habibie dikabarkan meninggal dunia. "
         "Berikut catatannya:")
PARAS = [
    "Di akhir Februari 2012 linimasa Twitter ramai mengabarkan soal meninggalnya Habibie.",
    "Pada 2016, di usianya ke-80 tahun, beredar berita yang menyebutkan hal yang sama.",
    "Melansir Tribunnews, pada Januari 2017 kabar kematian itu kembali berhembus lagi.",
]
SECTIONS = ["1. Februari 2012", "2. November 2016", "3. Januari 2017"]


def _listicle() -> list[str]:
    lines = ["Sudah 6 Kali Pak Habibie Diterpa Hoax Meninggal Dunia", "", INTRO, ""]
    for head, para in zip(SECTIONS, PARAS, strict=True):
        lines += [head, para, ""]
    return lines


def test_numbered_dates_over_body_paragraphs_are_section_titles(rules: BoilerplateRules) -> None:
    got = reasons_by_line(_listicle(), rules)
    assert all(got[s] is None for s in SECTIONS), got


def test_one_numbered_date_under_the_headline_is_still_a_date_line(
        rules: BoilerplateRules) -> None:
    lines = ["Kabar hoaks kembali beredar di media sosial", "", "1. Februari 2012", "",
             PARAS[0], "", PARAS[1], "", PARAS[2]]
    assert reasons_by_line(lines, rules)["1. Februari 2012"] is Reason.BYLINE


POST = [
    '"Alhamdulillah Bapak Habibie sehat walafiat dan tadi malam senang sekali.',
    "Semoga Eyang sehat selalu.",
    "#BJH80andstrong #panjangumur",
    "Mohon jangan pernah menyebarkan berita hoax dan silakan follow kami di Twitter.",
    '#stophoax #thinkbeforeforwarding"',
]


def _article(middle: list[str]) -> list[str]:
    return ["Kabar meninggalnya Habibie kembali beredar pada Maret 2017", "", PARAS[0], "",
            "Akun Facebook The Habibie Center kemudian mengkonfirmasi bahwa beliau sehat.", "",
            *middle, "", PARAS[1], "", PARAS[2]]


def test_a_hashtag_line_inside_a_quoted_post_is_content(rules: BoilerplateRules) -> None:
    assert reasons_by_line(_article(POST), rules)["#BJH80andstrong #panjangumur"] is None


def test_hashtags_outside_any_quotation_are_still_tags(rules: BoilerplateRules) -> None:
    lines = [*_article([]), "", "#BJH80andstrong #panjangumur"]
    assert reasons_by_line(lines, rules)["#BJH80andstrong #panjangumur"] is Reason.TAGS


def test_the_section_number_pattern_is_linear() -> None:
    for text in ("1" * 50_000, "1. " + " " * 50_000, "(" + "1." * 25_000):
        start = time.perf_counter()
        SECTION_NUMBER.match(text)
        assert time.perf_counter() - start < 0.05


def test_a_dated_byline_and_a_comment_a_day_later_stay_dates(rules: BoilerplateRules) -> None:
    lines = ["Sauerteig für Einsteiger: So gelingt das erste Brot", "",
             "17. Februar 2024 von Jana | 23 Kommentare", "",
             "Ich backe seit fünf Jahren mit Sauerteig, und am Anfang ging dabei viel schief.", "",
             "Heute zeige ich euch, wie ihr es besser macht und was ihr dafür braucht.", "",
             "Martina sagt:", "18. Februar 2024",
             "Super erklärt, danke! Mein erstes Brot ist richtig gut geworden, wirklich."]
    got = reasons_by_line(lines, rules)
    assert got["17. Februar 2024 von Jana | 23 Kommentare"] is Reason.BYLINE
    assert got["18. Februar 2024"] is not None


GAME = [
    "Lakers hold off Thunder 112-107 as James posts another triple-double",
    "",
    "OKLAHOMA CITY (AP) — LeBron James had 23 points, 14 assists and 12 rebounds, and the "
    "Los Angeles Lakers held off the Oklahoma City Thunder on Tuesday night.",
    "",
    "Chris Paul had four points, 10 assists and five rebounds for the Thunder, and Rajon "
    "Rondo had eight points and a season-high 10 assists for the visitors.",
    "",
    "UP NEXT",
    "",
    "Thunder: Host the Lakers on Friday.",
    "",
    "Lakers: Visit the Thunder on Friday.",
]

FACT_CHECK = [
    "Do tariffs cost American families money?",
    "",
    "Economists at the Federal Reserve and the budget office found that the tariffs raise",
    "prices for households, and that the costs are passed on to consumers over time.",
    "",
    "Our ruling is Mostly False, since the claim leaves out what the studies say about it.",
    "",
    "Sources:",
    "",
    'Congressional Budget Office, " The Effects of Tariffs and Trade Barriers in CBO’s '
    'Projections," Aug. 22, 2019',
    "",
    'Tax Foundation, " Tracking the Economic Impact of U.S. Tariffs and Retaliatory Actions," '
    "May 31, 2019",
]


def test_a_label_over_a_box_of_rows_heads_them(rules: BoilerplateRules) -> None:
    got = reasons_by_line(GAME, rules)
    assert got["UP NEXT"] is None, got
    assert got["Thunder: Host the Lakers on Friday."] is None


def test_a_source_label_over_dated_works_heads_them(rules: BoilerplateRules) -> None:
    got = reasons_by_line(FACT_CHECK, rules)
    assert got["Sources:"] is None, got


def test_a_link_label_over_headlines_keeps_its_reason(rules: BoilerplateRules) -> None:
    lines = [*GAME[:6], "Related articles", "",
             "UK weather alert: Plague of mosquitos to devastate Britain as summer ends",
             "Bible bombshell: Scientists claim discovery of the root of all evil"]
    assert reasons_by_line(lines, rules)["Related articles"] is Reason.RELATED


def test_a_source_label_over_undated_lines_stays_a_credit(rules: BoilerplateRules) -> None:
    lines = [*FACT_CHECK[:6], "Sources:", "", "Reuters and the Associated Press contributed.",
             "", "Additional reporting by the staff of the newsroom in Washington."]
    assert reasons_by_line(lines, rules)["Sources:"] is Reason.CREDIT


ROUNDUP = [
    "High School Roundup: Viera defeats Rockledge to remain undefeated",
    "",
    "Elliot Brownstein Florida Today",
    "Published 2:16 AM EST Nov 20, 2019",
    "",
    "GIRLS BASKETBALL",
    "",
    "Palm Bay d. Rockledge 70-44",
    "",
    "Rockledge 14 11 6 15 — 44",
    "",
    "Palm Bay 18 22 13 17 — 70",
    "",
    "Palm Bay (1-0): Tolivert 25 points. Davis 17 points. Burgher 10 points. Bozeman 10 "
    "points. Bean-Laing 5 points. Moore 3 points.",
    "Rockledge (0-1): Blakely 15 points. Devoe 2 points. Baker 6 points. Brown 4 points.",
    "",
    "Heritage d. Titusville 53-9",
    "",
    "Heritage (1-0): Armani Sheffield 19 points and 3 steals. Kelli Howard 6 steals.",
    "Titusville (0-1): Storm Filsaime with 4 points.",
]


def test_headings_over_a_results_table_under_the_header_are_the_body(
        rules: BoilerplateRules) -> None:
    got = reasons_by_line(ROUNDUP, rules)
    assert got["GIRLS BASKETBALL"] is None, got
    assert got["Palm Bay d. Rockledge 70-44"] is None
    assert got["Elliot Brownstein Florida Today"] is Reason.BYLINE


def test_one_row_of_figures_in_the_header_heads_nothing(rules: BoilerplateRules) -> None:
    lines = [ROUNDUP[0], "", "Tom Gillespie", "", "Fill 2 Copy 11", "", "Created with Sketch.",
             "", *ROUNDUP[13:]]
    assert reasons_by_line(lines, rules)["Tom Gillespie"] is Reason.BYLINE


GARDEN = [
    "Homemade Rhubarb Chutney for the Winter", "",
    "This autumn I wanted a jar on the shelf that tastes of the garden all year round.", "",
    "MAKING SPICY RHUBARB AND APPLE CHUTNEY", "",
    "Chop the rhubarb and the apples, then simmer them with vinegar for an hour.", "",
    "Stir often so that nothing sticks to the pan while the chutney thickens.", "",
    "Spicy rhubarb and apple chutney", "",
    "Ingredients", "",
    "6 stalks of rhubarb, chopped",
]


def test_a_capital_section_heading_and_the_recipe_name_are_both_headings(
        rules: BoilerplateRules) -> None:
    got = reasons_by_line(GARDEN, rules)
    assert got["MAKING SPICY RHUBARB AND APPLE CHUTNEY"] is None
    assert got["Spicy rhubarb and apple chutney"] is None


def test_a_capital_heading_printed_again_word_for_word_is_still_a_repeat(
        rules: BoilerplateRules) -> None:
    heading = "MAKING SPICY RHUBARB AND APPLE CHUTNEY"
    lines = [*GARDEN[:10], "Making spicy rhubarb and apple chutney", "", *GARDEN[12:]]
    got = reasons_by_line(lines, rules)
    assert Reason.DUPLICATE in (got[heading], got["Making spicy rhubarb and apple chutney"])


CABINET = [
    "The new government takes shape as the prime minister names her closest advisers.",
    "Most of the picks come from business, and few have served in public office before.",
    "What we have learned: she prefers managers she knows to party veterans she does not.",
    "Read more about:",
    "Jane Doe - the banker at the treasury",
    "Omar Reyes - health secretary nominee",
    "Lena Park - envoy for trade",
    "The old guard returns",
    "Not every pick is new, though, and three ministers of the last government stay on.",
    "Their return reassures the party's members, who feared a cabinet of outsiders.",
]


def test_a_heading_after_a_dashed_link_list_stays_content(rules: BoilerplateRules) -> None:
    reasons = reasons_by_line(CABINET, rules)
    assert reasons["The old guard returns"] is None
    assert all(reasons[line] is Reason.RELATED for line in CABINET[4:7])


def test_a_last_link_over_more_links_stays_boilerplate(rules: BoilerplateRules) -> None:
    # No paragraph under it: the line without a dash is one more link of the page's boxes.
    lines = [*CABINET[:8], "Videos", "Watch the swearing-in"]
    reasons = reasons_by_line(lines, rules)
    assert reasons["The old guard returns"] is not None


def _guide(heads: list[str]) -> list[str]:
    """A guide in three sections, each under a "Label: title" line, between paragraphs."""
    paras = ["In the first weeks you decide what goes where and order seeds for the spring.",
             "Then the beds are dug, the paths laid out and the first rows of seeds sown.",
             "Finally you learn from the first harvest and change the plan for next year."]
    lines = ["A beginner's guide to the kitchen garden", "",
             "Every garden grows in stages, and each one asks for a different kind of care.", "",
             "Knowing which stage you are in saves a lot of wasted work and money.", ""]
    for head, para in zip(heads, paras, strict=True):
        lines += [head, "", para, ""]
    return [*lines, "Whatever the stage, a notebook of what worked is worth keeping."]


def test_lead_ins_whose_labels_run_in_a_series_are_headings(rules: BoilerplateRules) -> None:
    heads = ["The Plan Stage: Think about what you want to grow",
             "The Dig Stage: Prepare the beds before the frost",
             "The Harvest Stage: Pick early and learn from it"]
    reasons = reasons_by_line(_guide(heads), rules)
    assert all(reasons[head] is None for head in heads)


def test_lead_ins_with_one_label_stay_links(rules: BoilerplateRules) -> None:
    # The same label each time is a site's link to other stories.
    heads = ["Also read: Why the council banned bonfires in allotments",
             "Also read: Seed prices rise for the third year in a row",
             "Also read: A retired teacher grows the town's biggest pumpkin"]
    reasons = reasons_by_line(_guide(heads), rules)
    assert all(reasons[head] is Reason.RELATED for head in heads)
