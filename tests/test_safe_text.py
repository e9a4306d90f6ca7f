"""Untrusted text never reaches the terminal raw: controls become visible escapes."""

from __future__ import annotations

from tui.safe_text import is_safe, make_safe, safe_plain

OSC_TITLE = "\x1b]0;TITLE\x07"
CLEAR = "\x1b[2J"


def test_osc_and_csi_are_shown_as_visible_escapes() -> None:
    shown = safe_plain(f"a{OSC_TITLE}b{CLEAR}c")
    assert shown == "a\\x1b]0;TITLE\\x07b\\x1b[2Jc"
    assert "\x1b" not in shown and "\x07" not in shown


def test_c1_controls_del_and_bidi_overrides_are_escaped() -> None:
    shown = safe_plain("x\x9b31m\x7fy\u202ez\u2066")
    assert shown == "x\\x9b31m\\x7fy\\u202ez\\u2066"


def test_newlines_and_nul_are_escaped_but_tab_becomes_a_space() -> None:
    assert safe_plain("a\nb\rc\x00d\te") == "a\\x0ab\\x0dc\\x00d e"


def test_ordinary_text_is_untouched_and_cheap() -> None:
    text = "Kim “akan mengunjungi” pabrik — 15 September, Ελληνικά, 日本語"
    assert is_safe(text)
    safe = make_safe(text)
    assert safe.text is text and safe.escapes == () and safe.offsets is None


def test_offsets_follow_the_escapes_so_spans_stay_on_their_words() -> None:
    text = f"{CLEAR}Putin said"
    safe = make_safe(text)
    start, end = text.index("Putin"), text.index("Putin") + len("Putin")
    assert safe.text[safe.map(start):safe.map(end)] == "Putin"
    assert [safe.text[a:b] for a, b in safe.escapes] == ["\\x1b"]
