"""List long prose lines the cleaner calls boilerplate on unlabelled real records.

    python tools/content_probe.py [--data DIR] [--counts] [--titles] [--show N]

Every record of DIR/*.jsonl (default ../shared/data/real, or $WARTA_SHARED_DATA/real)
whose id no tests/data/boilerplate_real_* file names is cleaned stage by stage; a line of
at least 12 words with sentence punctuation and nothing link-like that ends up
boilerplate is listed under the stage that first marked it, its reason and, for a
pattern, the pattern. With no gold label to tune on, each group is judged by reading it.
`--titles` lists the title chosen for each record without a title field (whole pages).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.config import load_config  # noqa: E402
from tui.text import clean_stages  # noqa: E402
from tui.text.boilerplate_rules import BoilerplateRules  # noqa: E402
from tui.text.model import Record  # noqa: E402
from tui.text.page import Context, Page  # noqa: E402
from tui.text.pipeline import Pipeline  # noqa: E402

PROSE_WORDS = 12
_SENTENCE = re.compile(r"[.!?…][\"'”’)]*(\s|$)")
_LINKLIKE = re.compile(r"https?://|www\.|\S+\.(com|net|org)/|\s[|›»]\s")


@dataclass(frozen=True)
class Finding:
    """One prose line called boilerplate: where, why and by which stage."""

    record: str
    line: int
    text: str
    reason: str
    stage: str
    rule: str


def labelled_ids() -> set[str]:
    """Record ids named by any real gold file (only their `#meta id` lines are read)."""
    ids: set[str] = set()
    for path in (ROOT / "tests" / "data").glob("boilerplate_real_*/*.tsv"):
        with path.open(encoding="utf-8") as fh:
            for raw in fh:
                if not raw.startswith("#meta"):
                    break
                parts = raw.rstrip("\n").split("\t")
                if len(parts) >= 3 and parts[1] == "id":
                    ids.add(parts[2])
    return ids


def records(data: Path) -> Iterator[tuple[str, Record]]:
    """(file stem, Record) for every unlabelled record of the real dev data."""
    skip = labelled_ids()
    for path in sorted(data.glob("*.jsonl")):
        if path.stem.endswith("_raw"):
            continue  # the same rows as clickid_id, content on one line
        for raw in path.open(encoding="utf-8"):
            row = json.loads(raw)
            if row.get("id") in skip:
                continue
            text = row.get("text") or row.get("content") or ""
            yield path.stem, Record(id=str(row.get("id")), text=text,
                                    title=row.get("title"), url=row.get("url"))


def is_long_prose(text: str) -> bool:
    """At least 12 words, sentence punctuation inside or at the end, nothing link-like."""
    return (len(text.split()) >= PROSE_WORDS and bool(_SENTENCE.search(text))
            and not _LINKLIKE.search(text))


def rule_for(rules: Sequence[tuple[str, re.Pattern[str]]], text: str) -> str:
    """The first config pattern that finds `text` (or its wrapped label), else '?'."""
    for name, rx in rules:
        if rx.search(text) or rx.search(text.lower()):
            return name
    return "?"


def pattern_list(section: dict) -> list[tuple[str, re.Pattern[str]]]:
    """Every boilerplate pattern, compiled alone and named reason/lang/position."""
    import regex

    out = []
    for reason, by_lang in (section.get("patterns") or {}).items():
        for lang, rxs in (by_lang or {}).items():
            for n, rx in enumerate(rxs or []):
                out.append((f"{reason}/{lang}/{n}: {rx[:70]}", regex.compile(rx, regex.I)))
    return out


def staged(lines: Sequence[str], rules: BoilerplateRules, title: str | None) -> dict[int, str]:
    """Line index -> the stage that first gave it a reason."""
    page = Page.read(lines)
    first: dict[int, str] = {}
    if not page.runs:
        return first
    ctx = Context(rules, title)
    for stage in clean_stages.STAGES:
        stage(page, ctx)
        for i, r in enumerate(page.reasons() if page.units else [None] * len(lines)):
            if r is not None and i not in first:
                first[i] = "patterns" if stage.__name__ == "build_units" else stage.__name__
    return first


def probe(data: Path, titles: bool) -> tuple[list[Finding], list[tuple[str, str, str]]]:
    """The prose lines called boilerplate, and (record, chosen title, first line) rows."""
    settings = load_config(ROOT / "config.yaml").analysis
    pipe = Pipeline(settings)
    named = pattern_list(settings.boilerplate)
    found: list[Finding] = []
    chosen: list[tuple[str, str, str]] = []
    for stem, rec in records(data):
        lines = rec.text.splitlines()
        doc = pipe.analyse(rec, detect_language=False)
        first = staged(lines, pipe.rules, rec.title)
        for block in doc.blocks:
            if block.is_content or block.reason is None:
                continue
            for n in range(block.lines[0], block.lines[1] + 1):
                text = lines[n - 1].strip()
                if not is_long_prose(text):
                    continue
                stage = first.get(n - 1, "structure")
                rule = rule_for(named, text) if stage == "patterns" else ""
                found.append(Finding(f"{stem}:{rec.id[:24]}", n, text, str(block.reason),
                                     stage, rule))
        if titles and not rec.title:
            head = next((ln.strip() for ln in lines if ln.strip()), "")
            chosen.append((f"{stem}:{rec.id[:24]}", doc.title or "", head))
    return found, chosen


def main(argv: Sequence[str] | None = None) -> int:
    """Print the findings grouped by stage, reason and rule (counts only with --counts)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = os.environ.get("WARTA_SHARED_DATA")
    default = Path(shared) / "real" if shared else ROOT.parent / "shared" / "data" / "real"
    ap.add_argument("--data", type=Path, default=default)
    ap.add_argument("--counts", action="store_true")
    ap.add_argument("--titles", action="store_true")
    ap.add_argument("--show", type=int, default=1000)
    args = ap.parse_args(argv)
    found, chosen = probe(args.data, args.titles)
    groups: dict[tuple[str, str, str], list[Finding]] = defaultdict(list)
    for f in found:
        groups[(f.stage, f.reason, f.rule)].append(f)
    for (stage, reason, rule), items in sorted(groups.items(), key=lambda g: -len(g[1])):
        print(f"{len(items):4d}  {stage}  {reason}  {rule}")
        if not args.counts:
            for f in items[: args.show]:
                print(f"        {f.record}:{f.line}  {f.text[:160]}")
    print(f"total {len(found)}")
    for rec, title, head in chosen:
        print(f"TITLE {rec}\n      chosen: {title[:120]}\n      first:  {head[:120]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
