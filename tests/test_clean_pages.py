"""Whole pages in their many shapes: browser titles, menus, footers (pages written for the test)."""

from __future__ import annotations

import pytest

from tui.config import load_config
from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.clean import classify
from tui.text.model import Reason


@pytest.fixture(scope="module")
def rules() -> BoilerplateRules:
    return BoilerplateRules.from_config(load_config().analysis.boilerplate)


def _reasons(lines: list[str], rules: BoilerplateRules) -> dict[str, Reason | None]:
    """Stripped non-blank line -> its reason (the last occurrence wins for repeats)."""
    return {ln.strip(): r for ln, r in zip(lines, classify(lines, rules), strict=True)
            if ln.strip()}


HEADLINE = "Banjir kilat landa tiga daerah di pantai timur"
BODY = [
    "Hujan lebat sejak petang semalam menyebabkan banjir kilat di tiga daerah di negeri ini.",
    "",
    "Seramai 120 mangsa dipindahkan ke pusat pemindahan sementara yang dibuka malam tadi.",
    "",
    "Jabatan Meteorologi menjangkakan hujan berterusan sehingga hujung minggu ini.",
]
MENU = ["Utama", "Nasional", "Dunia", "Sukan", "Hiburan", ""]


def _page(browser_title: str, headline: str = HEADLINE) -> list[str]:
    return [browser_title, "", *MENU, headline, "Oleh Aminah Yusof", "", *BODY]


@pytest.mark.parametrize("browser_title", [
    f"Berita Contoh: {HEADLINE}",           # the site's name before the headline
    f"{HEADLINE} | Berita | Sukan | Dunia | Hiburan",  # a pipe-row a pattern takes for a menu
])
def test_a_browser_title_in_another_shape_gives_way_to_the_headline_under_the_menus(
        browser_title: str, rules: BoilerplateRules) -> None:
    got = _reasons(_page(browser_title), rules)
    assert got[browser_title] is Reason.DUPLICATE
    assert got[HEADLINE] is None
    assert got["Hiburan"] is Reason.NAVIGATION


def test_a_browser_title_with_a_full_stop_gives_way_to_the_headline_without_it(
        rules: BoilerplateRules) -> None:
    browser_title = "Banjir kilat landa tiga daerah di pantai timur, ribuan terjejas."
    headline = "Banjir kilat landa tiga daerah di pantai timur, ribuan terjejas"
    got = _reasons(_page(browser_title, headline), rules)
    assert got[browser_title] is Reason.DUPLICATE
    assert got[headline] is None


def test_an_opening_paragraph_printed_again_is_not_taken_for_a_browser_title(
        rules: BoilerplateRules) -> None:
    first = BODY[0]
    lines = [first, "", *BODY[2:], "", first]
    got = classify(lines, rules)
    assert got[0] is None
