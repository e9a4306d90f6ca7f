"""Pairs of an upper-case kicker and a headline under a related label are links; so are a
section's kicker and the headline under it, printed card after card."""

from __future__ import annotations

from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.clean import classify
from tui.text.model import Reason

BODY = [
    "Plague case confirmed in a remote province",
    "",
    "Health officials confirmed a case of bubonic plague in the province on Sunday evening.",
    "",
    "The patient, a hunter, is being treated in hospital and is said to be stable tonight.",
    "",
]
BOX = ["Most read in world news", "", "RANDY ANDY", "",
       "Prince parties in unearthed pictures despite claims he avoids the limelight", "",
       "TIME TRAVELLER", "", "Conspiracy theorists say they spotted an activist in an old photo",
       "", "EYE POPPING", "", "Bodybuilder has a rotting muscle removed after injecting oil", ""]
AFTER = ["Authorities in the west of the country closed the border crossing for six days.", "",
         "Tourists were stranded in the town as a result of the quarantine, officials said."]


def test_kicked_headlines_under_a_label_in_the_body_are_related(
        rules: BoilerplateRules) -> None:
    lines = [*BODY, *BOX, *AFTER]
    reasons = classify(lines, rules)
    for k, text in enumerate(lines):
        if text in BOX and text:
            assert reasons[k] is Reason.RELATED, (text, reasons[k])
    assert reasons[lines.index(AFTER[0])] is None


def test_capital_headings_without_a_label_stay(rules: BoilerplateRules) -> None:
    lines = [*BODY, "WHAT HAPPENS NEXT", "",
             "Doctors will test everyone who met the hunter over the last two weeks", "",
             "THE RISK", "", "Experts say the chance of an outbreak spreading is very low", "",
             *AFTER]
    reasons = classify(lines, rules)
    for text in ("Doctors will test everyone who met the hunter over the last two weeks",
                 "Experts say the chance of an outbreak spreading is very low"):
        assert reasons[lines.index(text)] is None, text


def test_a_section_kicker_printed_over_each_card_is_related(rules: BoilerplateRules) -> None:
    cards = ["Business", "", "Airlines order fifty new planes, a boost for the grounded jet", "",
             "Business", "", "Stock indexes edge mostly down as retailers sink", "",
             "Business", "", "Regulators want the engine part redesigned on older planes", ""]
    lines = [*BODY, *cards, *AFTER]
    reasons = classify(lines, rules)
    for k, text in enumerate(lines):
        if text and text in cards:
            assert reasons[k] is Reason.RELATED, (text, reasons[k])
    assert reasons[lines.index(AFTER[0])] is None


def test_a_speakers_name_over_each_answer_stays(rules: BoilerplateRules) -> None:
    answers = ["We started with one boat and a handful of nets, and the village grew around us.",
               "The hardest year was the one of the storm, when we lost two boats in a night.",
               "My daughter runs the business now, and she has plans I would never dare."]
    interview = []
    for answer in answers:
        interview += ["Question", "", "What was it like?", "", "Hamid", "", answer, ""]
    lines = [*BODY, *interview, *AFTER]
    reasons = classify(lines, rules)
    for k, text in enumerate(lines):
        if text == "Hamid" or text in answers:
            assert reasons[k] is None, (text, reasons[k])
