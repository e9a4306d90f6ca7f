"""The gates in front of the boilerplate patterns: the same answers as trying every pattern.

The comparisons run on the engine the patterns run on (`regex`, VERSION0: bounded_regex.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import regex

from tui.config import load_config
from tui.text.boilerplate_rules import BoilerplateRules, _caseless
from tui.text.prefilter import (
    DIGIT,
    AnchoredPatterns,
    GatedPatterns,
    fold,
    last_chars,
    line_openings,
    needed_chars,
    word_starts,
)

ROOT = Path(__file__).resolve().parent.parent
GOLD = [ROOT / "tests" / "data" / d for d in
        ("boilerplate_dev", "boilerplate_holdout", "boilerplate_own", "boilerplate_real_dev")]


def _lines() -> list[str]:
    """Every line of the gold files, as given and in upper and lower case."""
    lines = [row.split("\t", 1)[1] for folder in GOLD for path in sorted(folder.glob("*.tsv"))
             for row in path.read_text(encoding="utf-8").split("\n") if "\t" in row]
    return lines + [x.upper() for x in lines] + [x.lower() for x in lines]


def _patterns(anchored: bool) -> list[tuple[int, str]]:
    section = load_config().analysis.boilerplate["patterns"]
    return [(n, rx) for n, by_lang in enumerate(section.values())
            for rxs in by_lang.values() for rx in rxs if rx.startswith("^") == anchored]


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return _lines()


def test_word_gate_reads_pattern_openings() -> None:
    assert word_starts(r"\b(subscribe|e-?mail|comments?)\b") == {"sub", "e", "com"}
    assert word_starts(r"\bcreative commons\b") == {"cre"}
    # A look-behind after the \b consumes nothing: the words after it are the gate.
    assert word_starts(r"\b(?<!\w\s(?<!\bmari\s))(ikuti|follow)\b") == {"iku", "fol"}
    assert word_starts(r"(\(|[-–—]\s)(photo|foto)") is None  # opens with punctuation
    assert word_starts(r"\b(\w+ ){0,2}terkait") is None
    assert word_starts(r"\b(a|an)? x") is None  # the group may be absent
    # Several top-level alternatives: a line may match any one of them.
    assert word_starts(r"\b(sent|delivered) to your inbox\b|\bin ihr postfach\b") == {
        "sen", "del", "in"}
    assert word_starts(r"\bupdate your browser\b|navegador") is None


def test_every_top_level_alternative_of_a_shipped_pattern_is_reached(
        rules: BoilerplateRules) -> None:
    # A gate read from the first alternative alone let only lines through that shared
    # its opening: the German and French branches here never matched.
    assert rules.match("Die wichtigsten Nachrichten direkt in Ihr Postfach.") is not None
    assert rules.match("Bitte aktualisieren Sie Ihren Browser, um diese Seite zu sehen.")


def test_word_gate_finds_what_a_plain_search_finds(lines: list[str]) -> None:
    free = [(n, rx) for n, rx in _patterns(anchored=False) if "(?-i:" not in rx]
    gate = GatedPatterns.build(free)
    plain = [(n, regex.compile(rx, regex.V0)) for n, rx in free]
    for text in {x.lower() for x in lines}:
        want = next(((n, m.span()) for n, rx in sorted(plain, key=lambda p: p[0])
                     if (m := rx.search(text))), None)
        hit = gate.search(text)
        assert (None if hit is None else (hit[0], hit[1].span())) == want, text


def test_line_gate_reads_anchored_openings() -> None:
    assert line_openings(r"^(baca|lihat) juga\b") == {"bac", "lih"}
    assert line_openings(r"^(?:read|see) (more|also)") == {"rea", "see"}
    assert line_openings(r"^sumber\s*:") == {"sum"}
    assert line_openings(r"^to top$") == {"to "}
    assert line_openings(r"^(?=[^.!?]{0,60}$)(à|a) lire") == {"à", "a"}  # lookahead skipped
    assert line_openings(r"^\(?(afp|ap)\)") == {"(", "afp", "ap"}  # "(" may be absent
    assert line_openings(r"^¿?(ya eres|sudah)") == {"¿", "ya ", "sud"}
    assert line_openings(r"^(jetzt )?(abonnieren|newsletter)") == {"jet", "abo", "new"}
    assert line_openings(r"^\#{3,}$") is None  # the count may start at any number
    assert line_openings(r"^colou?r") == {"col"}  # the run stops before an optional letter
    assert line_openings(r"^c?olor") == {"c", "olo"}  # the first letter may be absent
    for unreadable in (r"^\d+ shares", r"^[-–—]\s*\w+", r"^(?-i:[A-Z])\w+", r"^(\w+ ){0,2}x",
                       r"^a|b", r"^(a|)x", r"^\s*baca", "^.", "^$"):
        assert line_openings(unreadable) is None, unreadable


def test_line_gate_matches_what_one_alternation_matches(lines: list[str]) -> None:
    anchored = _patterns(anchored=True)
    gate = AnchoredPatterns.build(anchored)
    one = regex.compile("|".join(f"(?P<p{i}>{rx})" for i, (_, rx) in enumerate(anchored)),
                        regex.IGNORECASE | regex.V0)
    ranks = [n for n, _ in anchored]
    tricky = ["İndeks", "ındeks", "ſumber: AFP", "SUMBER : AFP", "  Baca juga", "¿Ya eres"]
    matched = 0
    for text in [*lines, *tricky]:
        m = one.match(text)
        want = None if m is None or m.lastgroup is None else (
            ranks[int(m.lastgroup[1:])], m.span())
        hit = gate.match(text)
        assert (None if hit is None else (hit[0], hit[1].span())) == want, text
        matched += want is not None
    assert matched > 300  # the gold lines do exercise the patterns


def test_gated_patterns_compile_only_when_a_line_reaches_them() -> None:
    gate = AnchoredPatterns.build([(0, r"^baca juga\b"), (1, r"^sumber\s*:")])
    assert gate.match("Sumber : Kantor Berita") is not None
    assert gate.patterns[1]._compiled is not None
    assert gate.patterns[0]._compiled is None  # no line opened with "bac"
    words = GatedPatterns.build([(0, r"\b(subscribe)\b"), (1, r"\bnewsletter\b")])
    assert words.search("our newsletter") is not None
    assert words.entries[0][1]._compiled is None


def test_fold_keeps_together_what_ignorecase_matches() -> None:
    """For every character a gate reads from the shipped patterns, any character that
    IGNORECASE matches to it folds to the same key (else the gate would skip a match)."""
    keys = set()
    for _, rx in _patterns(anchored=True):
        for opening in line_openings(rx) or ():
            keys.update(opening)
    for _, rx in _patterns(anchored=True) + _patterns(anchored=False):
        keys.update(needed_chars(rx) or ())
        keys.update((last_chars(rx) or set()) - {DIGIT})
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1)
                         if not 0xD800 <= c <= 0xDFFF)
    for key in keys:
        for same in regex.findall(regex.escape(key), everything, regex.IGNORECASE | regex.V0):
            assert fold(same) == key, (key, same)


# Lines for the patterns only a character gate reads: Han, kana and Hangul labels, a video
# headline ending in its running time, a caption with its photographer and agency glued on.
CHAR_GATED = [
    "관련기사", "많이 본 뉴스 :", "홍길동 기자", "사진=연합뉴스",
    "ⓒ 연합뉴스 무단 전재 및 재배포 금지",
    "写真：共同通信", "2016年8月3日（水）", "2019년 11월 20일 (수) 10:30", "2019-11-20 10:30",
    "本网站版权所有", "京ICP备12345678号", "京icp证 123456", "LINEで友だち追加してね",
    "扫码关注我们的微信公众号", "電話：03-1234-5678", "〒100-0001", "無断転載を禁じます",
    "Trump Dismisses Claims That Russia Interfered in 2016 Election 3:33",
    "Real Madrid v Barcelona Highlights 3:33", "The race ended at 2:03",
    "Waves crash on the island of Oahu.  Carolyn Kaster, AP",
    "A crowd gathers in Jakarta.  Antara Foto", "Copyright Ⓒ 2020 Yonhap", "İ 3:33", "ſ 3:33",
]


def test_char_gate_reads_needed_and_last_characters() -> None:
    assert needed_chars(r"^[(（]?(写真|画像)\s*[:：]") == {"写", "画"}
    assert needed_chars(r"(icp[备備]|公网安备)\s*\d") == {"备", "備", "公"}  # past a Latin run
    assert needed_chars(r"^(\d{4}\s?年\s?)?\d{1,2}\s?月") == {"月"}  # the optional group skipped
    assert needed_chars(r"^(저작권자\s*)?[ⓒⒸ]") == {"ⓒ"}  # folded
    assert needed_chars(r"^a|b") is None  # the second alternative is not read
    assert needed_chars(r"^[a-z]+x?") is None  # a range, an optional letter
    assert last_chars(r"^\w+ \d{1,2}:[0-5]\d$") == {DIGIT}
    assert last_chars(r"[,/]\s?(ap|afp|usa today)$") == {"p", "y"}
    assert last_chars(r"(antara( foto)?)$") is None  # an alternative ending in a group
    assert last_chars(r"x\$") is None and last_chars(r"ab") is None


def test_char_gates_match_what_one_alternation_matches(lines: list[str]) -> None:
    texts = [*lines, *CHAR_GATED, *(x.upper() for x in CHAR_GATED)]
    anchored = _patterns(anchored=True)
    gate = AnchoredPatterns.build(anchored)
    assert gate.checked is not None and gate.checked.keys  # the gates are in use
    one = regex.compile("|".join(f"(?P<p{i}>{rx})" for i, (_, rx) in enumerate(anchored)),
                        regex.IGNORECASE | regex.V0)
    matched = 0
    for text in texts:
        m = one.match(text)
        want = None if m is None or m.lastgroup is None else (
            anchored[int(m.lastgroup[1:])][0], m.span())
        hit = gate.match(text)
        assert (None if hit is None else (hit[0], hit[1].span())) == want, text
        matched += want is not None and text in CHAR_GATED
    assert matched >= 12


def test_cased_patterns_find_what_one_alternation_finds(lines: list[str]) -> None:
    """Gated or not, the cased free-standing patterns give the first match by start, then
    by order, as one alternation of them all does."""
    section = load_config().analysis.boilerplate
    rules = BoilerplateRules.from_config(section)
    assert rules.cased_gated  # some run alone past their gate
    cased = [(n, rx) for n, by_lang in enumerate(section["patterns"].values())
             for rxs in by_lang.values() for rx in rxs
             if not rx.startswith("^") and not _caseless(rx)]
    one = regex.compile("|".join(f"(?P<c{i}>{rx})" for i, (_, rx) in enumerate(cased)),
                        regex.IGNORECASE | regex.V0)
    found = 0
    for text in [*lines, *CHAR_GATED]:
        m = one.search(text)
        want = None if m is None or m.lastgroup is None else (
            cased[int(m.lastgroup[1:])][0], m.span())
        hit = rules._cased(text)
        assert (None if hit is None else (hit[0], hit[1].span())) == want, text
        found += want is not None and text in CHAR_GATED
    assert found >= 2
