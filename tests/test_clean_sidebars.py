"""A page's side furniture: an A-Z index, a sidebar of videos under their running times,
other stories' headlines set between the paragraphs; the article's own lists stay."""

from __future__ import annotations

import string

import pytest
from clean_helpers import reasons_by_line as _reasons

from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.model import Reason

HEADLINE = "Jedi Fallen Order Review: A Flawed But Daring Adventure"
BODY = [
    "Respawn's first Star Wars game borrows from the best action games of the decade, and "
    "it mostly earns the comparison over its twenty-hour campaign.",
    "",
    "The combat asks for patience, the puzzles for a notebook, and the story for a little "
    "goodwill towards a hero who rarely says what he thinks.",
    "",
    "It is worth playing for fans hungry for an original story, and for anyone looking for "
    "a decent, if flawed, action game this winter.",
]


def test_an_a_to_z_index_is_navigation(rules: BoilerplateRules) -> None:
    keys = [*string.ascii_lowercase, "#"]
    lines = [HEADLINE, "", *BODY, "", "Tags", *keys, "", "This site © 2018 Gamer Network."]
    got = _reasons(lines, rules)
    assert all(got[k] is Reason.NAVIGATION for k in keys if k != "x"), got
    assert all(got[b] is None for b in BODY if b)


def test_an_articles_lettered_list_stays(rules: BoilerplateRules) -> None:
    items = [f"{letter}) the {word} option, which the committee will vote on next week"
             for letter, word in zip("abcdefghij", ("first", "second", "third", "fourth",
                                                    "fifth", "sixth", "seventh", "eighth",
                                                    "ninth", "tenth"), strict=True)]
    lines = [HEADLINE, "", BODY[0], "", "The motion lists ten options:", *items, "", BODY[2]]
    got = _reasons(lines, rules)
    assert all(got[i] is None for i in items)


@pytest.mark.parametrize("line", [
    "Sometimes we include links to online retail stores. If you click on one and make a "
    "purchase we may receive a small commission. For more information, go here.",
    "Wenn du über diese Links einkaufst, erhalten wir ggf. eine kleine Provision.",
    "Si vous achetez via ces liens, nous pouvons percevoir une commission.",
    "Si compras a través de estos enlaces, podemos recibir una pequeña comisión.",
    "Se você comprar por meio destes links, podemos receber uma comissão.",
    "Jika Anda membeli lewat tautan ini, kami mungkin mendapat komisi.",
    "Jika anda membeli melalui pautan ini, kami mungkin menerima komisen.",
])
def test_an_affiliate_notice_is_boilerplate(rules: BoilerplateRules, line: str) -> None:
    lines = [HEADLINE, "", BODY[0], "", line, "", BODY[2]]
    got = _reasons(lines, rules)
    assert got[line] is Reason.LEGAL
    assert got[BODY[0]] is None and got[BODY[2]] is None


def test_a_broker_paid_on_commission_in_the_news_stays(rules: BoilerplateRules) -> None:
    line = ("The brokers said they receive a commission of about two per cent on every sale, "
            "which the regulator now wants to cap.")
    lines = [HEADLINE, "", BODY[0], "", line, "", BODY[2]]
    assert _reasons(lines, rules)[line] is None


VIDEOS = [("01:45", "Finally, A New Half Life Game Is Coming Out?!"),
          ("09:09", "Need for Speed: Heat Gameplay on the PS4"),
          ("01:52", "AMD To Introduce RDNA2 Based Navi GPU at CES"),
          ("11:57", "Terminator: Resistance Gameplay on the PS4")]


def test_a_sidebar_of_videos_under_their_running_times_is_related(
        rules: BoilerplateRules) -> None:
    sidebar = [line for pair in VIDEOS for line in (*pair, "")]
    lines = [HEADLINE, "", *BODY, "", "Wccftech TV", "", *sidebar]
    got = _reasons(lines, rules)
    assert all(got[line] is Reason.RELATED for pair in VIDEOS for line in pair), got
    assert all(got[b] is None for b in BODY if b)


def test_a_live_blogs_stamps_in_order_over_short_entries_stay(
        rules: BoilerplateRules) -> None:
    entries = [("09:05", "Minister lands in Kyiv for the talks"),
               ("10:40", "Talks open behind closed doors today"),
               ("11:15", "Both sides agree on a prisoner swap"),
               ("12:30", "Minister leaves without a joint statement")]
    blog = [line for pair in entries for line in (*pair, "")]
    lines = [HEADLINE, "", BODY[0], "", *blog, BODY[2]]
    got = _reasons(lines, rules)
    assert all(got[title] is None for _, title in entries), got


STORY = [
    "Police in Fort Worth rescued a kidnapped eight-year-old girl from a hotel room on "
    "Monday after a family friend spotted the suspect's car in the parking lot.",
    "The officers raced up a staircase, banged on the door of the room and forced it open "
    "with a ram when the suspect refused to come out.",
    "The girl was carried to an ambulance in the parking lot and taken to a hospital, where "
    "doctors said she was shaken but had no serious injuries.",
    "The suspect confessed to the kidnapping at the police station and a federal jury took "
    "fifteen minutes to find him guilty at his trial last week.",
]


def _story_with(between: list[str]) -> list[str]:
    """The story's paragraphs with one line set after each of the first three."""
    lines = ["Video Shows Dramatic Rescue of Kidnapped Fort Worth Girl", ""]
    for k, para in enumerate(STORY):
        lines += [para, ""]
        if k < len(between):
            lines += [between[k], ""]
    return lines


def test_other_stories_headlines_between_the_paragraphs_are_related(
        rules: BoilerplateRules) -> None:
    teasers = ["Man Shot at Dallas Gas Station Dies at Hospital",
               "New Safety Recommendations Issued After Deadly SWA Flight",
               "Fort Worth May Dry Human Waste and Sell It as Fertilizer"]
    got = _reasons(_story_with(teasers), rules)
    assert all(got[t] is Reason.RELATED for t in teasers), got
    assert all(got[p] is None for p in STORY)


def test_section_headings_that_name_what_follows_stay(rules: BoilerplateRules) -> None:
    headings = ["How the Officers Found the Hotel Room",
                "What the Hospital Doctors Said About the Girl",
                "The Suspect Confessed to the Kidnapping"]
    got = _reasons(_story_with(headings), rules)
    assert all(got[h] is None for h in headings), got


def test_an_interviews_answers_between_paragraphs_stay(rules: BoilerplateRules) -> None:
    answers = ["A: Bleacher Report, Uber Eats, and ParkMobile",
               "A: Bob Marley, Bruno Mars, Drake, The Eagles, Jay Z",
               "A: Tie between Istanbul and Cape Town"]
    got = _reasons(_story_with(answers), rules)
    assert all(got[a] is None for a in answers), got


@pytest.mark.parametrize("line", [
    "Email (required)",
    "E-Mail-Adresse (Pflichtfeld)",
    "By signing up, you agree to our Privacy Policy and European users agree to the data "
    "transfer policy.",
    "Mit der Anmeldung akzeptieren Sie unsere Datenschutzbestimmungen.",
    "En vous inscrivant, vous acceptez notre politique de confidentialité.",
    "Al suscribirte, aceptas nuestra política de privacidad.",
    "Ao se cadastrar, você concorda com a nossa política de privacidade.",
    "Dengan mendaftar, Anda menyetujui kebijakan privasi kami.",
    "Dengan melanggan, anda bersetuju dengan dasar privasi kami.",
])
def test_a_newsletter_forms_field_and_consent_are_promo(
        rules: BoilerplateRules, line: str) -> None:
    lines = [HEADLINE, "", BODY[0], "", BODY[2], "", "Sign up for the newsletter", line]
    got = _reasons(lines, rules)
    assert got[line] is Reason.PROMO, got
    assert got[BODY[0]] is None and got[BODY[2]] is None


def test_a_story_about_signing_up_stays(rules: BoilerplateRules) -> None:
    line = ("By signing up for the programme, farmers agree to leave a fifth of their land "
            "fallow for three years, the ministry said.")
    lines = [HEADLINE, "", BODY[0], "", line, "", BODY[2]]
    assert _reasons(lines, rules)[line] is None


@pytest.mark.parametrize("label", ["Next Up In Tech", "More in Good Deals"])
def test_a_box_of_the_next_stories_is_related(rules: BoilerplateRules, label: str) -> None:
    lines = [HEADLINE, "", BODY[0], "", BODY[2], "", label, "",
             "Here are the best Black Friday smart speaker deals"]
    assert _reasons(lines, rules)[label] is Reason.RELATED


def test_a_sentence_opening_with_more_in_stays(rules: BoilerplateRules) -> None:
    line = "More in the series will follow next spring, the studio said on Monday."
    lines = [HEADLINE, "", BODY[0], "", line, "", BODY[2]]
    assert _reasons(lines, rules)[line] is None
