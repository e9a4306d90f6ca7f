"""A list of the article's own under a lead-in ending with a colon stays content, even when
the lead-in repeats a menu item and the entries are long lines (written for the test)."""

from __future__ import annotations

from clean_helpers import reasons_by_line as _reasons

from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.clean import classify
from tui.text.model import Reason

TITLE = "Garden Planner 4 / Spring update"
MENU = ["Home", "Garden Planner 4", "Seed Finder", "About us", "", "Home » Garden Planner »", ""]
BODY = [
    "Garden Planner 4 now lets you sketch the whole plot before a single seed goes in, "
    "and the spring update adds a watering calendar.",
    "",
    "We rebuilt the plant library from scratch so every entry has a sowing window, a "
    "spacing guide and notes on companion plants.",
    "",
]
LEAD_IN = "Garden Planner 4:"
ENTRIES = [
    "Hundreds of vegetables and herbs with sowing dates worked out for your own climate zone",
    "Dozens of layouts that will help you fit more beds into a small back garden",
    "A large library of companion plants and pests for fine-tuning every single bed",
    "Reminders that arrive a week before each task even when the app is closed for days",
    "Extra guides, seasonal tips and bonuses so that each season of the plot feels different",
]
SCREENSHOTS = ["gp4_1_en", "gp4_2_en", "gp4_3_en"]
SHARE = ["Facebook", "Twitter", "Email"]


def _page() -> list[str]:
    """A small site's post: menu, title, body, a lead-in over its feature list, footer."""
    return [*MENU, TITLE, "", *BODY, LEAD_IN, "", *ENTRIES, "", *SCREENSHOTS, "", *SHARE]


def test_a_lead_in_repeating_a_menu_item_keeps_its_long_entries(
        rules: BoilerplateRules) -> None:
    got = _reasons(_page(), rules)
    assert got[LEAD_IN] is None
    assert all(got[e] is None for e in ENTRIES)
    assert all(got[b] is None for b in BODY if b)


def test_the_list_ends_at_its_block(rules: BoilerplateRules) -> None:
    # The screenshots' file names under the list, after a blank line, are not its entries.
    lines = _page()
    got = classify(lines, rules)
    assert all(got[lines.index(s)] is not None for s in SCREENSHOTS)
    assert all(got[lines.index(s)] is not None for s in SHARE)



def test_a_lettered_item_alone_is_not_a_copyright_sign(rules: BoilerplateRules) -> None:
    """"(c)" alone is the third marker of a list whose names were links; "(c) Agencia EFE"
    is a rights line."""
    lines = ["Festival film mengumumkan daftar nominasi tahun ini pada Senin malam.", "",
             "Hadir dengan lima nominasi aktor (a)", "dalam film", "(b)", "dalam film", "(c)",
             "dalam film", "(d)", "dalam film", ".", "",
             "Pemenang akan diumumkan pada malam puncak bulan depan di Jakarta.", "",
             "(c) Agencia EFE"]
    reasons = classify(lines, rules)
    assert reasons[lines.index("(c)")] is None
    assert reasons[lines.index("(c) Agencia EFE")] is not None


def test_a_field_printed_under_each_entry_stays(rules: BoilerplateRules) -> None:
    """"See it now: Amazon" under each of three products, among their descriptions, is the
    entries' own field."""
    products = [("Garden Planner Pro for $35", "The planner now sketches the whole plot before "
                 "a single seed goes in, and adds a watering calendar."),
                ("Seed Finder Lite for $12", "The finder lists every seed the shop stocks with "
                 "its sowing window and its spacing guide."),
                ("Pot Tracker for $20", "The tracker reminds you a week before each task, even "
                 "when the app has been closed for days.")]
    lines = ["The best garden apps to give this winter", "",
             "Gardeners spend the cold months planning, and these apps make that easier.", ""]
    for name, text in products:
        lines += [name, "", "See it now: Amazon", "", text, ""]
    lines += ["Prices were checked on Monday and may have changed since then."]
    reasons = classify(lines, rules)
    assert [reasons[k] for k, t in enumerate(lines) if t == "See it now: Amazon"] == [None] * 3


def test_a_share_strip_under_each_quote_is_not_a_field(rules: BoilerplateRules) -> None:
    quotes = ["Living a true love is one of the greatest pleasures of life, and we know it well.",
              "Life asks us for courage to hope for the best and to make the best happen.",
              "What unites a family is love, care and wanting the best for each other always."]
    lines = ["Messages about love", "", "Here are our favourite messages to share today.", ""]
    for quote in quotes:
        lines += [quote, "", "Whatsapp Facebook Pint Baixar", ""]
    reasons = classify(lines, rules)
    strips = [reasons[k] for k, t in enumerate(lines) if t == "Whatsapp Facebook Pint Baixar"]
    assert all(r is not None for r in strips[1:]), strips


# A fact-check typed as lines: each claim, where it was made (in capitals), the correction.
CLAIMS_OPENING = [
    "Every campaign stretches the truth, but a week of the mayor's speeches went further.",
    "",
    "We followed each public remark he made over seven days and checked it against records.",
    "",
]
CLAIMS = [
    "1He said the new bridge was finished ahead of schedule and under its budget.",
    "RADIO INTERVIEW, MAY 3.",
    "The bridge opened four months late and cost a third more than planned.",
    "2He said crime in the old town had fallen by half since he took office.",
    "SPEECH IN RIVERSIDE, MAY 5.",
    "Police figures show a fall of about one tenth over the same years.",
    "",
    "Claims About the Budget",
    "",
    "3He said the council had never raised the parking fees during his term.",
    "RADIO INTERVIEW, MAY 3.",
    "The fees rose twice, in 2021 and again in 2023, by the council's own minutes.",
]


def test_an_occasion_repeated_inside_a_list_of_claims_is_content(
        rules: BoilerplateRules) -> None:
    lines = [*CLAIMS_OPENING, *CLAIMS, "",
             "The mayor's office did not answer our questions about these remarks."]
    reasons = classify(lines, rules)
    hits = [r for ln, r in zip(lines, reasons, strict=True) if ln == "RADIO INTERVIEW, MAY 3."]
    assert hits == [None, None]


def test_a_caption_printed_twice_between_paragraphs_stays_a_duplicate(
        rules: BoilerplateRules) -> None:
    # The same line as a paragraph of its own, twice, between the list's paragraphs:
    # a block printed twice.
    caption = "The new bridge seen from the east bank on the day it opened."
    lines = [*CLAIMS_OPENING, *CLAIMS[:6], "", caption, "", *CLAIMS[9:], "", caption, "",
             "The council will publish the final cost of the works later this year."]
    reasons = classify(lines, rules)
    hits = [r for ln, r in zip(lines, reasons, strict=True) if ln == caption]
    assert hits[1] is Reason.DUPLICATE


ESSAY = [
    "Most small shops try every new marketing trick they hear about in the same month.",
    "",
    "Here is the catch …",
    "",
    "Every trick takes weeks to learn, and the shop has no time left for its customers.",
    "",
    "So the owners end up tired, with a dozen half-built channels and no new sales at all.",
    "",
    "Picking one channel and sticking with it for a year works far better for most of them.",
    "",
    "Here is the catch:",
    "",
    "Sticking with one channel feels slow, and slow feels like failure in the first months.",
    "",
    "The shops that wait it out are the ones still growing when the year is over.",
]


def test_a_phrase_the_writer_uses_twice_to_lead_in_is_content(
        rules: BoilerplateRules) -> None:
    reasons = classify(ESSAY, rules)
    assert [r for ln, r in zip(ESSAY, reasons, strict=True)
            if ln.startswith("Here is the catch")] == [None, None]


def test_a_lead_in_printed_twice_over_one_paragraph_stays_a_duplicate(
        rules: BoilerplateRules) -> None:
    # The lead-in and its paragraph printed again: a block printed twice.
    lines = [*ESSAY[:10], *ESSAY[2:6], *ESSAY[14:]]
    reasons = classify(lines, rules)
    hits = [r for ln, r in zip(lines, reasons, strict=True) if ln == "Here is the catch …"]
    assert hits[1] is Reason.DUPLICATE


def _workbook_post(lead: str) -> list[str]:
    """A post that offers its workbook twice, the second time after a line of its own."""
    button = "GET THE WORKBOOK: FREE DOWNLOAD!"
    return ["Planning a vegetable plot takes less time than most people think it does.", "",
            button, "", "Use the workbook to sketch your beds and list what you will sow.", "",
            "It walks you through the season one week at a time, from seed to harvest.", "",
            "Most readers finish the first page in about ten minutes on a quiet evening.", "",
            lead, "", button, "",
            "Next week we look at the tools worth buying and the ones you can skip."]


def test_a_line_a_sentence_of_the_body_introduces_is_content(
        rules: BoilerplateRules) -> None:
    lines = _workbook_post("Download it here so you can plan your own plot this weekend:")
    reasons = classify(lines, rules)
    hits = [r for ln, r in zip(lines, reasons, strict=True) if ln.startswith("GET THE")]
    assert hits == [None, None]


def test_a_line_printed_again_under_a_plain_sentence_stays_a_duplicate(
        rules: BoilerplateRules) -> None:
    lines = _workbook_post("Many readers plan their whole plot in a single weekend.")
    reasons = classify(lines, rules)
    hits = [r for ln, r in zip(lines, reasons, strict=True) if ln.startswith("GET THE")]
    assert hits == [None, Reason.DUPLICATE]
