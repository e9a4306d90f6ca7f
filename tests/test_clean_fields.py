"""A list of parallel entries repeats its fields: content, not duplicates (pages for the test)."""

from __future__ import annotations

from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.clean import classify
from tui.text.model import Reason

OPENING = [
    "The best early holiday deals on headphones",
    "",
    "Holiday sales start early this year, and the best prices on headphones are already here.",
    "",
    "We picked the deals worth a look, each with its features and its price today.",
    "",
]


def _box(name: str, features: list[str], price: str) -> list[str]:
    """One product box: its name alone, its features, the listing under them."""
    return [name, "", *features, "", f"{name} (Latest Model)", price,
            "Available from Amazon", "Shop may receive a commission", "Buy Now", ""]


def _deals_page() -> list[str]:
    return [*OPENING,
            *_box("Acme Buds", ["Easy setup for all your devices", "Charges quickly in the case"],
                  "$139.00"),
            *_box("Acme Buds Pro", ["Active noise cancellation for immersive sound",
                                    "Easy setup for all your devices"], "$234.98"),
            *_box("Acme Buds Sport", ["Sweat and water resistant earhooks",
                                      "Charges quickly in the case"], "$99.00"),
            *_box("Acme Studio", ["Up to 40 hours of battery life in one charge",
                                  "Easy setup for all your devices"], "$164.99"),
            "Prices change quickly during the sales, so check each listing before you buy.",
            "", "We will update this list as new deals appear over the coming week."]


def test_features_repeated_from_box_to_box_are_content(rules: BoilerplateRules) -> None:
    lines = _deals_page()
    reasons = classify(lines, rules)
    for text in ("Easy setup for all your devices", "Charges quickly in the case",
                 "Available from Amazon"):
        hits = [r for ln, r in zip(lines, reasons, strict=True) if ln == text]
        assert len(hits) >= 2 and all(r is None for r in hits), (text, hits)


def test_the_boxes_notice_and_button_stay_boilerplate(rules: BoilerplateRules) -> None:
    lines = _deals_page()
    reasons = classify(lines, rules)
    for text in ("Shop may receive a commission", "Buy Now"):
        assert all(r is not None for ln, r in zip(lines, reasons, strict=True) if ln == text)


def test_a_paragraph_printed_twice_outside_entries_is_still_a_duplicate(
        rules: BoilerplateRules) -> None:
    para = "Officials said the bridge would reopen to traffic next week after repairs"
    lines = [*OPENING, para, "", "Crews worked through the night on the damaged span.", "",
             para, "", "The mayor thanked residents for their patience during the works."]
    reasons = classify(lines, rules)
    assert reasons[len(OPENING)] is None
    assert reasons[len(OPENING) + 4] is Reason.DUPLICATE


def test_a_line_in_two_entries_of_one_box_is_not_a_field(rules: BoilerplateRules) -> None:
    lines = _deals_page()
    # The same feature twice inside one box is a block printed twice.
    at = lines.index("Charges quickly in the case")
    lines[at + 1:at + 1] = ["Easy setup for all your devices"]
    reasons = classify(lines, rules)
    assert reasons[at + 1] is Reason.DUPLICATE


FEATURES = ["Automatically on and automatically connected", "Easy setup for all your devices",
            "Quick access to the assistant by voice", "Double tap to play or skip forward",
            "Charges quickly in the case"]


def test_a_box_of_shared_features_under_a_button_is_not_a_headline_list(
        rules: BoilerplateRules) -> None:
    lines = [*OPENING, *_box("Acme Buds", FEATURES, "$139.00"),
             *_box("Acme Buds with Wireless Charging Case", FEATURES, "$164.99"),
             *_box("Acme Buds Max", FEATURES[1:], "$199.00"),
             "Prices change quickly during the sales, so check each listing before you buy."]
    reasons = classify(lines, rules)
    second = lines.index("Acme Buds with Wireless Charging Case")
    for k in range(second, second + 2 + len(FEATURES)):
        assert reasons[k] is None, (lines[k], reasons[k])


def test_a_listing_name_near_another_box_names_its_own_box(rules: BoilerplateRules) -> None:
    # "Acme Buds with Wireless Case (Latest Model)" is one word from the first box's
    # "Acme Buds with Case (Latest Model)", but restates its own box's heading.
    lines = [*OPENING, *_box("Acme Buds with Case", FEATURES[:2], "$139.00"),
             *_box("Acme Buds with Wireless Case", FEATURES[1:3], "$164.99"),
             *_box("Acme Studio Headphones", FEATURES[2:4], "$199.00"),
             "Prices change quickly during the sales, so check each listing before you buy."]
    reasons = classify(lines, rules)
    assert reasons[lines.index("Acme Buds with Wireless Case (Latest Model)")] is None


SHOW_POST = [
    "The riverside stage opens its winter season with a folk tale",
    "",
    "November 15, 2019 / 0 Comments / in News / by admin",
    "",
    "2019 Riverside Theatre Winter Series Performance",
    "",
    "The crisp winter air! The dancers arrived in bright coats and the square filled early.",
    "",
    "Children sat at the front while the drummers set the pace for the first dance.",
    "",
    "We will keep bringing these old stories to new audiences every season, the director said.",
    "",
]


# A training plan printed week by week: the same items under each week's heading.
PLAN_OPENING = [
    "How to train for your first 10K in three weeks",
    "",
    "Running your first 10K is easier than it sounds when every day of the week has a job.",
    "",
    "The plan below keeps the same shape each week and adds a little distance as you go.",
    "",
]


SHOW_END = [
    "Tickets are sold at the box office and online, and groups of ten pay a lower price.",
    "",
    "The theatre asks the audience to arrive twenty minutes before the curtain rises.",
]


def test_a_reworded_name_heading_a_fact_box_stays(rules: BoilerplateRules) -> None:
    name = "Riverside Theatre Winter Series Performance"
    lines = [*SHOW_POST, name, "<The Ferryman's Daughter>", "",
             "2019.12.01 ~ OPEN RUN", "Wed - Sun 7PM (Closed on Mon & Tue)", "", *SHOW_END]
    reasons = classify(lines, rules)
    assert reasons[lines.index(name)] is None


def test_a_reworded_line_printed_alone_is_still_a_repeat(rules: BoilerplateRules) -> None:
    name = "Riverside Theatre Winter Series Performance"
    lines = [*SHOW_POST, name, "", "<The Ferryman's Daughter>", "",
             "2019.12.01 ~ OPEN RUN", "Wed - Sun 7PM (Closed on Mon & Tue)", "", *SHOW_END]
    reasons = classify(lines, rules)
    assert reasons[lines.index(name)] is Reason.DUPLICATE


def _week(name: str, long_run: str) -> list[str]:
    """One week of the plan: its heading over the same days, one of them changing."""
    return [name, "", "Monday Session", "", "Rest or walk for thirty minutes", "",
            "Easy stretching before bed.", "", "Wednesday Session", "",
            "Run at an easy pace", "", "Intervals of four minutes fast, two slow.", "",
            "Weekend Session", "", "Long run at a chatty pace", "", long_run, ""]


def _plan_page(weeks: int = 3) -> list[str]:
    runs = ["Cover five kilometres without stopping.", "Cover seven kilometres this time.",
            "Cover eight kilometres and rest the day after.", "Cover ten kilometres."]
    return [*PLAN_OPENING, *[line for w in range(weeks)
                             for line in _week(f"Training Plan for Week {w + 1}", runs[w])]]


def test_items_repeated_under_each_section_of_a_plan_are_content(
        rules: BoilerplateRules) -> None:
    lines = _plan_page()
    reasons = classify(lines, rules)
    for text in ("Rest or walk for thirty minutes", "Easy stretching before bed.",
                 "Run at an easy pace", "Intervals of four minutes fast, two slow.",
                 "Long run at a chatty pace"):
        hits = [r for ln, r in zip(lines, reasons, strict=True) if ln == text]
        assert len(hits) == 3 and all(r is None for r in hits), (text, hits)


def test_a_block_printed_twice_under_two_headings_stays_a_duplicate(
        rules: BoilerplateRules) -> None:
    # Two sections alike are not a structure: the second copy is a repeat.
    lines = _plan_page(weeks=2)
    reasons = classify(lines, rules)
    hits = [r for ln, r in zip(lines, reasons, strict=True)
            if ln == "Intervals of four minutes fast, two slow."]
    assert hits == [None, Reason.DUPLICATE]


def test_a_menu_printed_again_under_each_box_stays_boilerplate(
        rules: BoilerplateRules) -> None:
    # Three boxes that print the same links under their labels, nothing of their own:
    # a block printed three times, not sections of the article.
    box = ["", "Read the full schedule of the club", "", "Subscribe to the weekly letter", "",
           "Shop the new season kit online", ""]
    lines = [*PLAN_OPENING, "Latest from the club", *box, "Most read this week", *box,
             "Trending now on the site", *box]
    reasons = classify(lines, rules)
    hits = [r for ln, r in zip(lines, reasons, strict=True)
            if ln == "Subscribe to the weekly letter"]
    assert len(hits) == 3 and all(r is not None for r in hits[1:]), hits
