"""Writing triage decisions out (`warta export`) and counting them (`warta stats`).

Streams: decisions come from the sidecar a thousand rows at a time and each article's
text, when asked for, is read on demand from the lazy Dump, so memory stays flat however
many decisions there are.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TextIO

from tui.dumps.formats import RecordError
from tui.dumps.index import Dump, content_hash
from tui.dumps.store import DECISIONS, Store

if TYPE_CHECKING:  # only the caller of a cleaned export builds (and imports) a Pipeline
    from tui.text.pipeline import Pipeline

TEXT_MODES = ("none", "raw", "cleaned")
FORMATS = ("jsonl", "csv")
CSV_COLUMNS = ("id", "decision", "labels", "note", "time", "content_hash", "text_changed",
               "title", "text")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection")."""


def _iso(when: float) -> str:
    return datetime.fromtimestamp(when, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def export_rows(store: Store, dump: Dump | None = None, *, decision: str | None = None,
                label: str | None = None, with_text: str = "none",
                pipeline: Pipeline | None = None,
                problem: Callable[[str], None] = lambda _: None,
                kept_title: Callable[[str], str | None] = lambda _id: None,
                ) -> Iterator[dict[str, Any]]:
    """One dict per decided article (per labelled one with `label`), in the order first
    annotated; with neither filter, an article only labelled or noted is left out.

    With text, the article is looked up in `dump` by id; `text_changed` says whether its
    text still hashes to what was decided on (null when it is no longer in the dump).
    Raw text without a title field takes the title analysed earlier (`kept_title`: the
    sidecar's analysis cache), else the list's guess.
    """
    if with_text not in TEXT_MODES:
        raise ValueError(f"with_text must be one of {', '.join(TEXT_MODES)}")
    for d in store.iter_decisions(decision, label):
        if d.decision is None and label is None:
            continue
        row: dict[str, Any] = {"id": d.article_id, "decision": d.decision,
                               "labels": list(d.labels), "note": d.note, "time": _iso(d.time),
                               "content_hash": d.content_hash}
        if with_text != "none" and dump is not None:
            index = dump.index_of(d.article_id)
            if index is None:
                problem(f"{d.article_id}: no longer in the dump; exported without text")
                row.update(text_changed=None, title=None, text=None)
            else:
                try:
                    record = dump.record(index)
                except RecordError as exc:
                    problem(f"{exc}; exported without text")
                    row.update(text_changed=None, title=None, text=None)
                    yield row
                    continue
                row["text_changed"] = content_hash(record.text) != d.content_hash
                if with_text == "raw" or pipeline is None:
                    title = record.title or kept_title(d.article_id) or dump.row(index).title
                    row.update(title=title, text=record.text)
                else:
                    doc = pipeline.analyse(record)
                    row.update(title=doc.title,
                               text="\n\n".join(b.text for b in doc.content_blocks))
        yield row


def write_jsonl(rows: Iterator[dict[str, Any]], out: TextIO) -> int:
    """One JSON object per line; the number written."""
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False))
        out.write("\n")
        n += 1
    return n


def csv_cell(value: Any) -> str:
    """One CSV cell that a spreadsheet shows as text and never runs as a formula.

    Every cell is text (ids, titles, notes, labels, times, hashes: the export has no
    numeric column), so every cell that opens like a formula gets a leading `'`, as OWASP
    recommends; a spreadsheet hides the quote and shows the rest verbatim.
    """
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_csv(rows: Iterator[dict[str, Any]], out: TextIO, with_text: bool) -> int:
    """A header row, then one row per article; labels joined with "; "; formulas defused."""
    columns = CSV_COLUMNS if with_text else CSV_COLUMNS[:6]
    # Every cell quoted (as OWASP also advises): with a "\n" line end csv quotes only cells
    # holding "\n", so a lone "\r" in a note or text would otherwise split the row.
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(columns)
    n = 0
    for row in rows:
        cells = {**row, "labels": "; ".join(row["labels"])}
        writer.writerow([csv_cell(cells.get(column)) for column in columns])
        n += 1
    return n


def stats_lines(store: Store | None, total: int | None) -> list[str]:
    """Counts per decision and per label, as lines for the terminal (zeros without a store)."""
    counts = store.counts() if store else dict.fromkeys(DECISIONS, 0)
    decided = sum(counts.values())
    head = f"decided: {decided}" + (f" of {total} articles" if total is not None else "")
    lines = [head]
    width = max(len(x) for x in DECISIONS)
    lines += [f"  {name:<{width}}  {counts[name]:>7}" for name in DECISIONS]
    labels = store.label_counts() if store else {}
    lines.append("labels:" if labels else "labels: none")
    if labels:
        lw = max(len(x) for x in labels)
        lines += [f"  {name:<{lw}}  {n:>7}" for name, n in labels.items()]
    lines.append(f"notes: {store.note_count() if store else 0}")
    return lines
