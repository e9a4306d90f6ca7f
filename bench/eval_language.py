"""Malay vs Indonesian: how many articles get the right code (`ms` / `id`).

    python bench/eval_language.py [--verbose]

Sets, each article's non-blank lines given to tui.text.language.detect (the pipeline
gives it the content blocks; the boilerplate classifier is left out here, as it hangs on
one CLICK-ID article's hashtag line, see ../shared/data/real/README.md):
- real Indonesian: the CLICK-ID articles in ../shared/data/real/clickid_id.jsonl (or
  $WARTA_SHARED_DATA/real), when that folder is there;
- synthetic Malay: tests/data/lang_ms (written for this check) and every `ms_*` article
  of the boilerplate and entity sets in tests/data (written for those sets);
- synthetic Indonesian: every `id_*` article of those sets.
Prints right/total per set and each wrong answer with its confidence.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.text import language  # noqa: E402

SHARED = Path(os.environ.get("WARTA_SHARED_DATA") or ROOT.parent / "shared" / "data")
_MARKUP = re.compile(r"\[([^\[\]{}]*)\]\{[A-Z]+\}")


def _text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".tsv":  # boilerplate sets: label<TAB>line
        return "\n".join(line.partition("\t")[2] for line in raw.splitlines())
    return _MARKUP.sub(r"\1", raw)


def synthetic(lang: str) -> list[tuple[str, str]]:
    """(name, text) of the synthetic articles of one language in tests/data."""
    data = ROOT / "tests" / "data"
    paths = sorted(data.glob(f"*/{lang}_*.t*"))
    return [(str(p.relative_to(data)), _text(p)) for p in paths]


def real_indonesian() -> list[tuple[str, str]]:
    """(id, text) of the CLICK-ID articles, when ../shared/data is there."""
    path = SHARED / "real" / "clickid_id.jsonl"
    if not path.exists():
        return []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [(r["id"], (r.get("title") or "") + "\n\n" + r["text"]) for r in rows]


def main(argv: list[str] | None = None) -> int:
    """Print right/total per set."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="every article's answer")
    args = ap.parse_args(argv)
    sets = [("real Indonesian (CLICK-ID)", "id", real_indonesian()),
            ("synthetic Malay", "ms", synthetic("ms")),
            ("synthetic Indonesian", "id", synthetic("id"))]
    for name, want, articles in sets:
        wrong = []
        for ident, text in articles:
            guess = language.detect([x for x in text.splitlines() if x.strip()])
            code = guess.code if guess else None
            if args.verbose or code != want:
                line = f"  {ident}: {code} ({guess.confidence if guess else None})"
                (wrong if code != want else []).append(line)
                if args.verbose:
                    print(line)
        print(f"{name}: {len(articles) - len(wrong)}/{len(articles)} labelled {want}")
        for line in wrong:
            print("  wrong:" + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
