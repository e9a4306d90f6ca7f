"""Below the site's copyright footer everything is boilerplate (pages for the test)."""

from __future__ import annotations

from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.clean import classify

BODY = [
    "Man cured of dizzy spells after doctors find a rare condition",
    "",
    "A man who suffered dizzy spells for years has recovered after doctors found the cause.",
    "",
    "The steroids prescribed after the diagnosis had a transformative effect within two days.",
    "",
    "He says his life is now pretty much back to normal and he has returned to work.",
    "",
]
WIDGETS = ["Found the story interesting?", "", "Send MSN Feedback", "", "We appreciate your input!",
           "", "How can we improve?", "", "Make MSN my homepage", "",
           "On the toolbar, click Safari. Then, click Preferences.",
           "In the Preferences window, select General."]


def test_widgets_under_the_copyright_footer_are_boilerplate(rules: BoilerplateRules) -> None:
    lines = [*BODY, "© 2019 Microsoft", "", "Privacy & Cookies", "Terms of use", "", *WIDGETS]
    reasons = classify(lines, rules)
    for k, text in enumerate(lines):
        if text in WIDGETS and text:
            assert reasons[k] is not None, text
    assert reasons[2] is None and reasons[6] is None


def test_a_dated_credit_above_more_of_the_article_closes_nothing(
        rules: BoilerplateRules) -> None:
    more = ("Doctors say the condition is rarely found because its symptoms look like so many "
            "others, and they urged anyone with long dizzy spells that do not pass within a few "
            "weeks to ask their doctor for the same tests.")
    lines = [*BODY, "© 2019 Martin Taylor", "", more, "", "Found the story interesting?"]
    reasons = classify(lines, rules)
    assert reasons[lines.index(more)] is None


def test_a_site_index_in_lower_case_after_the_body_is_navigation(
        rules: BoilerplateRules) -> None:
    index = ["Site Index", "", "Go to Home Page »", "news", "", "home page", "World", "U.S.",
             "New York", "politics", "business", "tech", "science", "sports", "", "opinion", "",
             "letters", "editorials", "arts", "books", "dance", "movies"]
    after = ["", "Our doctors say the condition is rarer than once thought and easily missed."]
    lines = [*BODY, *index, *after]
    reasons = classify(lines, rules)
    for k, text in enumerate(lines[:len(BODY) + len(index)]):
        if text and text in index[8:]:  # a run opens at a capitalised entry ("New York")
            assert reasons[k] is not None, text
    assert reasons[2] is None and reasons[4] is None


def test_a_lower_case_list_introduced_in_the_body_stays(rules: BoilerplateRules) -> None:
    items = ["eggs", "flour", "sugar", "butter", "milk", "salt"]
    lines = [*BODY, "You will need:", *items, "",
             "Mix everything in a bowl and bake it for forty minutes in a hot oven."]
    reasons = classify(lines, rules)
    for text in items:
        assert reasons[lines.index(text)] is None, text
