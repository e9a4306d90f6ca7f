"""Wire source lines and the notices of a page's boxes are boilerplate; body lines alike stay."""

from __future__ import annotations

import pytest

from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.model import Reason


@pytest.mark.parametrize("line", ["Reuters, Washington,", "PTI, Washington,",
                                  "PTI, New Delhi,", "IANS, Mumbai"])
def test_a_wire_source_line_is_a_byline(rules: BoilerplateRules, line: str) -> None:
    assert rules.match(line) == (Reason.BYLINE, True)


@pytest.mark.parametrize("line", ["Reuters reported from Washington on Monday.",
                                  "PTI, the agency, said the talks had ended."])
def test_a_sentence_about_an_agency_is_no_byline(rules: BoilerplateRules, line: str) -> None:
    hit = rules.match(line)
    assert hit is None or hit[0] is not Reason.BYLINE


@pytest.mark.parametrize("line", [
    'I agree that CBS Sports can send me the "Pick Six Newsletter" newsletter.',
    "Please check the opt-in box to acknowledge that you would like to subscribe.",
    "Thanks for signing up!",
    "Keep an eye on your inbox for the latest sports news.",
    "There was an error processing your subscription.",
    "Pick Six Newsletter",
])
def test_a_sign_up_forms_lines_are_promotion(rules: BoilerplateRules, line: str) -> None:
    hit = rules.match(line)
    assert hit is not None and hit[0] is Reason.PROMO


@pytest.mark.parametrize("line", [
    "I agree that the mayor should send me a letter.",
    "Thanks for signing up to help, said the mayor, who praised the volunteers.",
    "She said the newsletter had gone out to 40,000 readers.",
])
def test_body_lines_about_letters_are_no_promotion(rules: BoilerplateRules, line: str) -> None:
    hit = rules.match(line)
    assert hit is None or hit[0] is not Reason.PROMO


@pytest.mark.parametrize("line", [
    "How to contact us",
    "Got a confidential news tip? We want to hear from you.",
    "Have a Tip?",
    "News Tips",
    "Get In Touch",
    "Email comments and suggestions for fact-checks to truthometer@politifact.com.",
])
def test_a_newsrooms_contact_box_is_boilerplate(rules: BoilerplateRules, line: str) -> None:
    hit = rules.match(line)
    assert hit is not None and hit[0] is Reason.OTHER


@pytest.mark.parametrize("line", [
    "Police said anyone who got a tip about the robbery should call them.",
    "How to contact us was the question nobody at the agency could answer.",
])
def test_sentences_about_tips_and_contacts_stay(rules: BoilerplateRules, line: str) -> None:
    hit = rules.match(line)
    assert hit is None or hit[0] is not Reason.OTHER


@pytest.mark.parametrize(("line", "reason"), [
    ("About this article", Reason.OTHER),
    ("About this statement:", Reason.OTHER),
    ("Researchers: Louis Jacobson", Reason.BYLINE),
    ("Researched by: Matthew Digby, Minh Do", Reason.BYLINE),
    ("Published: Monday, November 18th, 2019 at 11:08 a.m.", Reason.BYLINE),
    ("Names in this article: Donald Trump", Reason.TAGS),
    ("Subjects: Crime, Drugs, Immigration", Reason.TAGS),
])
def test_a_fact_checks_about_box_is_boilerplate(rules: BoilerplateRules, line: str,
                                                reason: Reason) -> None:
    hit = rules.match(line)
    assert hit is not None and hit[0] is reason


@pytest.mark.parametrize("line", ["Subjects: 40 patients",
                                  "Researchers: the team found that mice slept more."])
def test_a_studys_lines_are_no_fact_check_box(rules: BoilerplateRules, line: str) -> None:
    assert rules.match(line) is None


@pytest.mark.parametrize("line", [
    "[button link=”http://www.example.co.uk/submit-kit-review/” type=”big” newwindow=”yes”] "
    "Send us YOUR kit review[/button]",
    '[caption id="attachment_512" align="alignnone" width="640"] The new bike on show',
    "This slideshow requires JavaScript.",
])
def test_a_blog_widget_left_as_text_is_boilerplate(rules: BoilerplateRules, line: str) -> None:
    hit = rules.match(line)
    assert hit is not None and hit[0] is Reason.OTHER


def test_a_bracketed_tag_opening_a_sentence_is_no_widget(rules: BoilerplateRules) -> None:
    assert rules.match("[Video] The president spoke to reporters on Monday.") is None


@pytest.mark.parametrize("line", ["\u200b", "\u200b\u200b", "\ufeff", "\u200c\u2060"])
def test_a_line_of_invisible_characters_alone_is_other(rules: BoilerplateRules,
                                                       line: str) -> None:
    assert rules.match(line) == (Reason.OTHER, True)


@pytest.mark.parametrize("line", ["\u200bThe dancers bowed.", "Act\u200bone", "\u00a0"])
def test_a_line_with_text_beside_invisible_characters_is_not(rules: BoilerplateRules,
                                                             line: str) -> None:
    assert rules.match(line) is None


@pytest.mark.parametrize("line", ["View author archive", "email the author",
                                  "Get author RSS feed", "View the author's profile"])
def test_the_author_links_under_a_byline_are_share(rules: BoilerplateRules, line: str) -> None:
    assert rules.match(line) == (Reason.SHARE, True)


@pytest.mark.parametrize("line", ["View the author's archive of letters, which runs to 400 pages.",
                                  "Readers can email the author at the address below."])
def test_sentences_about_an_author_are_not_author_links(rules: BoilerplateRules,
                                                        line: str) -> None:
    hit = rules.match(line)
    assert hit is None or hit[0] is not Reason.SHARE


@pytest.mark.parametrize("line", ["Name (required)", "Comment (required)", "Website (optional)"])
def test_a_comment_forms_fields_are_other(rules: BoilerplateRules, line: str) -> None:
    assert rules.match(line) == (Reason.OTHER, True)


def test_a_name_with_a_bracket_is_no_form_field(rules: BoilerplateRules) -> None:
    assert rules.match("Name (left) and his brother at the harbour") is None


@pytest.mark.parametrize("line", ["Filed under china, illnesses, plague",
                                  "Filed under afghanistan, hostages, middle east"])
def test_a_filed_under_topic_list_is_tags(rules: BoilerplateRules, line: str) -> None:
    assert rules.match(line) == (Reason.TAGS, True)


def test_a_sentence_opening_with_filed_under_is_no_topic_list(rules: BoilerplateRules) -> None:
    assert rules.match("Filed under seal, the papers show the deal was done in May.") is None


@pytest.mark.parametrize("line", ["With Post wires", "With wires", "With AP wires."])
def test_a_wires_credit_closing_the_body_is_credit(rules: BoilerplateRules, line: str) -> None:
    assert rules.match(line) == (Reason.CREDIT, True)


def test_a_sentence_about_wires_is_no_credit(rules: BoilerplateRules) -> None:
    assert rules.match("With the wires cut, the crew waited for the engineers.") is None


@pytest.mark.parametrize("line", ["More On:", "more on :"])
def test_a_more_on_label_alone_is_related(rules: BoilerplateRules, line: str) -> None:
    hit = rules.match(line)
    assert hit is not None and hit[0] is Reason.RELATED


def test_a_sentence_opening_with_more_on_is_not_a_label(rules: BoilerplateRules) -> None:
    assert rules.match("More on that later, the mayor said: the vote is in May.") is None


@pytest.mark.parametrize("line", [
    "Breaking News Emails",
    "Get breaking news alerts and special reports, delivered to you on weekday mornings.",
    "Get breaking science news on comets, floods and fossils, and more!",
])
def test_a_newsletter_boxs_heading_and_pitch_are_promo(rules: BoilerplateRules,
                                                      line: str) -> None:
    hit = rules.match(line)
    assert hit is not None and hit[0] is Reason.PROMO


@pytest.mark.parametrize("line", [
    "Getting breaking news right is harder than it looks, the editor said.",
    "Breaking news travels fast in a small town.",
])
def test_sentences_about_breaking_news_are_no_pitch(rules: BoilerplateRules,
                                                    line: str) -> None:
    hit = rules.match(line)
    assert hit is None or hit[0] is not Reason.PROMO


@pytest.mark.parametrize("line", ["Jane Holloway, BBC diplomatic correspondent",
                                  "Tom Reyes, North America editor",
                                  "Ana Lima, senior analyst"])
def test_a_name_with_its_outlet_and_role_is_a_byline(rules: BoilerplateRules,
                                                      line: str) -> None:
    assert rules.match(line) == (Reason.BYLINE, True)


@pytest.mark.parametrize("line", ["The editor, a careful reporter",
                                  "Paris, the city where she worked as a correspondent"])
def test_a_phrase_ending_with_a_role_is_no_byline(rules: BoilerplateRules, line: str) -> None:
    hit = rules.match(line)
    assert hit is None or hit[0] is not Reason.BYLINE


@pytest.mark.parametrize("line", ["Previous Auto News -", "Next Sports Story", "- Older post"])
def test_a_link_to_the_next_or_previous_story_is_navigation(rules: BoilerplateRules,
                                                            line: str) -> None:
    hit = rules.match(line)
    assert hit is not None and hit[0] is Reason.NAVIGATION


def test_a_heading_about_the_next_story_is_no_link(rules: BoilerplateRules) -> None:
    assert rules.match("Next big story in town") is None
