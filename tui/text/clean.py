"""Boilerplate classification: a reason per source line, or None for content.

Three layers, each cheap and linear in the article's length:

1. Patterns from config.yaml (`boilerplate.patterns`, compiled by boilerplate_rules.py):
   labels such as "Baca juga", "ADVERTISEMENT", "Sumber :", bylines, dates, share
   buttons, copyright lines.
2. Repetition: exact and near repeats inside the article, and echoes of the title
   (a caption printed under the headline, the headline again in a "related" box).
3. Shape and context, in the manner of jusText: each paragraph unit is "good" (a long
   sentence), "sentence-like" (short but punctuated, a quote, a list item, a table row)
   or "short"; short units are judged by where they stand: before the title (menus),
   between the title and the first paragraph (bylines, dates), after the last sentence
   (link lists, tags), between two boilerplate lines, or after a label such as
   "Related:". Content recall comes first: a punctuated line is boilerplate only through
   a pattern or a repeat, or where it stands inside boilerplate for certain: beside a
   photo credit (a caption), between two lines of one strip of boilerplate, after a
   comment thread's header or a press contact line, or among the last few paragraphs
   as a call to action.

The work is done by the ordered stages of clean_stages.py, each marking one Page
(page.py): the page object the rest of the pipeline reads its units and title from.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.clean_stages import STAGES
from tui.text.model import Reason
from tui.text.page import Context, Page


def classify_page(
    lines: Sequence[str], rules: BoilerplateRules, title: str | None = None
) -> Page:
    """The page of `lines` after every stage: its units, their reasons and its title.

    `title` is the record's own title field, when it has one: lines that echo it are
    captions or repeats (except a first line that restates it, which is the title).
    """
    page = Page.read(lines)
    if page.runs:
        ctx = Context(rules, title)
        for stage in STAGES:
            stage(page, ctx)
    return page


def classify(
    lines: Sequence[str], rules: BoilerplateRules, title: str | None = None
) -> list[Reason | None]:
    """Return one entry per line: the boilerplate reason, or None (content or blank)."""
    return classify_page(lines, rules, title).reasons()
