"""Media set into an article's text: video embeds, captions with credits, pull quotes."""

from __future__ import annotations

import pytest

from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.clean import classify
from tui.text.duplicates import pull_quotes
from tui.text.line import make_line
from tui.text.model import Reason

PARAGRAPHS = [
    "The committee met on Monday to discuss the budget for the coming year, and its members "
    "agreed on most of the spending plans after a long debate.",
    "Several members said the final vote would come next week, once the figures had been "
    "checked by the finance office and published in full.",
    "The chairwoman said she expected a large majority, although two members had asked for "
    "more time to read the detailed proposals.",
]


def _article(*inserts: str) -> list[str]:
    """The three paragraphs with the inserted lines between the first and the second."""
    return [PARAGRAPHS[0], *inserts, PARAGRAPHS[1], PARAGRAPHS[2]]


@pytest.mark.parametrize("line", [
    "Play'Budget Talks Stall as Members Ask for More Time' Facebook Twitter Google Plus Embed",
    "Play Committee Members Argue Over Spending Plans Facebook Twitter Embed",
    " Committee Members Argue Over Spending Plans 3:33",
    "Budget chief's warning 'troubling' 7:47",
])
def test_a_video_embed_in_the_body_is_a_caption(rules: BoilerplateRules, line: str) -> None:
    lines = _article(line)
    reasons = classify(lines, rules)
    assert reasons[1] is Reason.CAPTION
    assert reasons[0] is None and reasons[2] is None and reasons[3] is None


@pytest.mark.parametrize("line", [
    "The meeting starts at 10:30",
    "Pertandingan dimulai pukul 19:30",
    "Arsenal vs Chelsea 20:45",
    "1. Eliud Kipchoge (KEN) 2:01:39",
    "He finished the race in 2:05",
    "Is the budget fair? 3:33",
    "Actualizado: 08/05/2024 - 12:31",
    "Published Monday 12:31",
])
def test_a_time_at_the_end_of_other_lines_makes_no_video(rules: BoilerplateRules,
                                                         line: str) -> None:
    hit = rules.match(line)
    assert hit is None or hit[0] is not Reason.CAPTION


def test_a_caption_with_its_photographer_and_agency_glued_on(rules: BoilerplateRules) -> None:
    caption = ("The Obama family arrives on Air Force One on Dec. 16, 2016, at Joint Base "
               "Pearl Harbor-Hickam, for their annual family vacation.  Carolyn Kaster, AP")
    hit = rules.match(caption)
    assert hit is not None and hit[0] is Reason.CAPTION
    # A sentence that ends on an agency's name without a credit's shape is no caption.
    assert rules.match("The talks ended on Monday without a deal, a spokesman told AP.") is None


PULL_QUOTE = ("A little thing leads to an unstoppable destruction that could have been "
              "prevented if you had listened and thought a bit.")
SOURCE = ("Ignoring the experts is no different to ignoring a doctor who tells you to stop "
          "smoking. " + PULL_QUOTE + " But people smoke, and people die from it.")


def test_a_pull_quote_is_a_duplicate_before_or_after_its_paragraph(
        rules: BoilerplateRules) -> None:
    for lines in ([PARAGRAPHS[0], PULL_QUOTE, PARAGRAPHS[1], SOURCE, PARAGRAPHS[2]],
                  [PARAGRAPHS[0], SOURCE, PARAGRAPHS[1], PULL_QUOTE, PARAGRAPHS[2]]):
        reasons = classify(lines, rules)
        assert reasons[lines.index(PULL_QUOTE)] is Reason.DUPLICATE
        assert [r for i, r in enumerate(reasons) if lines[i] != PULL_QUOTE] == [None] * 4


def test_a_pull_quote_with_an_editors_insertion() -> None:
    units = [[make_line(0, "[Trump is] a charismatic narcissist who feeds on the crowd to "
                           "become ever stronger, creating a cult around himself.")],
             [make_line(1, "He is using passion, anger and rhetoric in the same way all his "
                           "predecessors did, a charismatic narcissist who feeds on the crowd "
                           "to become ever stronger, creating a cult around himself.")]]
    assert pull_quotes(units) == {0: 1}


def test_a_short_run_of_shared_words_is_no_pull_quote() -> None:
    phrase = "商標権侵害と判断される場合があります。"  # nine words: a stock phrase
    units = [[make_line(0, phrase)],
             [make_line(1, "しかし、権利者の意思に基づくことなく、"
                           "もとの商品に改造を加えて販売した場合は、" + phrase)]]
    assert pull_quotes(units) == {}


def test_paragraphs_printed_again_in_one_piece_are_no_pull_quotes() -> None:
    # A page that stores its whole text again on one line: the paragraphs stay content.
    units = [[make_line(i, text)] for i, text in enumerate(PARAGRAPHS)]
    units.append([make_line(3, " ".join(PARAGRAPHS))])
    assert pull_quotes(units) == {}
    assert pull_quotes(units[:1] + units[3:]) == {0: 1}


def test_a_pull_quote_in_capitals_is_the_repeat_not_the_body_sentence_after_it(
        rules: BoilerplateRules) -> None:
    quote = ('"Since we signed the law, our businesses have added more than fifteen million '
             'new jobs," he said.')
    caps = "SINCE WE SIGNED THE LAW, OUR BUSINESSES HAVE ADDED MORE THAN FIFTEEN MILLION NEW JOBS."
    lines = [PARAGRAPHS[0], "", caps, PARAGRAPHS[1], "", quote, "", PARAGRAPHS[2]]
    reasons = classify(lines, rules)
    assert reasons[lines.index(caps)] is Reason.DUPLICATE
    assert reasons[lines.index(quote)] is None


GALLERY_CAPTION = ("Democratic presidential candidate Pete Buttigieg speaks during a fundraiser "
                   "for the Nevada Democratic Party, Sunday, Nov. 17, 2019, in Las Vegas.")


def test_a_gallery_caption_printed_twice_on_its_credit_is_a_caption_both_times(
        rules: BoilerplateRules) -> None:
    lines = [PARAGRAPHS[0], "", GALLERY_CAPTION, GALLERY_CAPTION, "Photo: John Locher, AP", "",
             "Photo: John Locher, AP", "Image 1 of / 13", "", "Caption", "", "Close", "",
             PARAGRAPHS[1], "", PARAGRAPHS[2]]
    reasons = classify(lines, rules)
    assert reasons[2] is Reason.CAPTION and reasons[3] is Reason.CAPTION
    assert reasons[9] is Reason.CAPTION
    assert reasons[0] is None and reasons[13] is None and reasons[15] is None


def test_a_paragraph_scraped_twice_without_a_credit_keeps_its_first_copy(
        rules: BoilerplateRules) -> None:
    lines = [PARAGRAPHS[0], "", PARAGRAPHS[1], PARAGRAPHS[1], "", PARAGRAPHS[2], PARAGRAPHS[0]]
    assert classify(lines, rules)[2] is None


CAPTION_WHOLE = ("The committee's chairwoman, left, greets a member before the vote in the town "
                 "hall on Monday, Nov. 18, 2019. The vote was delayed. (AP Photo/Jo Hart) less")
CAPTION_CUT = ("The committee's chairwoman, left, greets a member before the vote in the town hall "
               "on Monday, Nov. 18, 2019. The vote... more")


def test_a_captions_whole_copy_over_its_cut_copy_on_a_credit_is_a_caption(
        rules: BoilerplateRules) -> None:
    lines = [*PARAGRAPHS, "", CAPTION_WHOLE, CAPTION_CUT, "Photo: Jo Hart, AP", "",
             "Image 1 of / 1", "", PARAGRAPHS[0]]
    reasons = classify(lines, rules)
    assert reasons[lines.index(CAPTION_WHOLE)] is Reason.CAPTION
    assert reasons[lines.index(CAPTION_CUT)] is Reason.CAPTION


def test_a_paragraph_ending_in_less_over_another_caption_stays(
        rules: BoilerplateRules) -> None:
    para = ("Members said they would spend far more on roads next year and on the town's parks "
            "rather less")
    lines = [*PARAGRAPHS, "", para, CAPTION_CUT, "Photo: Jo Hart, AP", "", PARAGRAPHS[0]]
    reasons = classify(lines, rules)
    assert reasons[lines.index(para)] is None


TOLD = ("The press kept guessing at the size of his flat. Curious, I once asked him how many "
        "rooms the flat actually had, and he smiled and said: as many as they will print, "
        "which was all the answer I ever got.")


def test_a_pull_quote_whose_insertion_stands_for_a_word_of_the_paragraph() -> None:
    quote = ("I once asked him how many rooms [his] flat actually had, and he smiled and "
             "said: as many as they will print")
    units = [[make_line(0, TOLD)], [make_line(1, quote)]]
    assert pull_quotes(units) == {1: 0}


def test_a_pull_quote_shortened_with_an_elision() -> None:
    for dots in ("...", "…"):
        quote = (f"I once asked him how many rooms {dots} and he smiled and said: as many "
                 "as they will print")
        units = [[make_line(0, TOLD)], [make_line(1, quote)]]
        assert pull_quotes(units) == {1: 0}


def test_runs_of_the_paragraph_out_of_its_order_are_no_pull_quote() -> None:
    quote = ("he smiled and said: as many as they will print ... I once asked him how many "
             "rooms the flat actually had")
    units = [[make_line(0, TOLD)], [make_line(1, quote)]]
    assert pull_quotes(units) == {}
