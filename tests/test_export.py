"""`warta export` and `warta stats`: every decision once, with labels, notes and text."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from tui.cli import main
from tui.config import load_config
from tui.dumps.index import Dump
from tui.dumps.store import open_store
from tui.text.pipeline import Pipeline

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from generate import generate, write


@pytest.fixture
def dump_path(tmp_path: Path) -> Path:
    path = tmp_path / "dump.jsonl"
    write(generate(120, seed=11, chars=900), "jsonl", str(path))
    return path


def decide_some(dump_path: Path, state: Path) -> dict[str, dict]:
    """Decisions as a user would make them; returns what the export must say."""
    expected: dict[str, dict] = {}
    with Dump.open([str(dump_path)]) as dump, open_store([str(dump_path)], state=state) as s:
        for i in range(0, 120, 2):
            rid, h = dump.id_at(i), dump.content_hash(i)
            decision = ("keep", "reject", "skip", "flag")[i % 4 // 2 + (i % 8 >= 4) * 2]
            s.decide(rid, h, decision)
            expected[rid] = {"decision": decision, "labels": [], "note": ""}
            if i % 6 == 0:
                s.set_labels(rid, h, ["politics", "local"])
                expected[rid]["labels"] = ["politics", "local"]
            if i % 10 == 0:
                s.set_note(rid, h, f"note {i}: “quoted”, ü")
                expected[rid]["note"] = f"note {i}: “quoted”, ü"
        rid, h = dump.id_at(0), dump.content_hash(0)
        s.decide(rid, h, "reject")  # changed mind: still one row
        expected[rid]["decision"] = "reject"
        s.decide(dump.id_at(1), dump.content_hash(1), "keep")
        assert s.undo().article_id == dump.id_at(1)  # undone: must not be exported
    return expected


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_round_trip_every_decision_once_with_labels_notes_and_raw_text(
        capsys: pytest.CaptureFixture[str], dump_path: Path, tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite"
    expected = decide_some(dump_path, state)
    code, out, err = run(capsys, "export", str(dump_path), "--state", str(state),
                         "--with-text", "raw")
    assert (code, err) == (0, "")
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == len(expected) == len({r["id"] for r in rows})
    with Dump.open([str(dump_path)]) as dump:
        for row in rows:
            want = expected[row["id"]]
            assert (row["decision"], row["labels"], row["note"]) == (
                want["decision"], want["labels"], want["note"])
            record = dump.record(dump.index_of(row["id"]))
            assert (row["text"], row["title"]) == (record.text, record.title)
            assert row["text_changed"] is False
            assert row["time"].endswith("Z")


def test_filters_and_csv(capsys: pytest.CaptureFixture[str], dump_path: Path,
                         tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite"
    expected = decide_some(dump_path, state)
    code, out, _ = run(capsys, "export", str(dump_path), "--state", str(state),
                       "--decision", "keep", "--label", "politics", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    want = {rid for rid, e in expected.items()
            if e["decision"] == "keep" and "politics" in e["labels"]}
    assert want and {r["id"] for r in rows} == want
    assert all(r["labels"] == "politics; local" for r in rows)
    assert "text" not in rows[0]


def test_cleaned_text_is_the_content_blocks(capsys: pytest.CaptureFixture[str],
                                            dump_path: Path, tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite"
    decide_some(dump_path, state)
    out_file = tmp_path / "kept.jsonl"
    code, _, err = run(capsys, "export", str(dump_path), "--state", str(state),
                       "--with-text", "cleaned", "--decision", "flag", "-o", str(out_file))
    assert code == 0 and err.startswith("warta: exported ")
    rows = [json.loads(line) for line in out_file.read_text().splitlines()]
    pipeline = Pipeline(load_config().analysis)
    with Dump.open([str(dump_path)]) as dump:
        for row in rows:
            doc = pipeline.analyse(dump.record(dump.index_of(row["id"])))
            assert row["text"] == "\n\n".join(b.text for b in doc.content_blocks)
            assert row["title"] == doc.title


def test_changed_text_is_flagged(capsys: pytest.CaptureFixture[str], dump_path: Path,
                                 tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite"
    decide_some(dump_path, state)
    lines = dump_path.read_text().splitlines()
    first = json.loads(lines[0])
    first["text"] = "Rewritten since the decision."
    lines[0] = json.dumps(first)
    dump_path.write_text("\n".join(lines) + "\n")
    code, out, _ = run(capsys, "export", str(dump_path), "--state", str(state),
                       "--with-text", "raw")
    assert code == 0
    rows = {r["id"]: r for r in map(json.loads, out.splitlines())}
    assert rows["dump.jsonl#1"]["text_changed"] is True
    assert rows["dump.jsonl#3"]["text_changed"] is False


def test_default_state_location_and_respelled_paths(
        capsys: pytest.CaptureFixture[str], dump_path: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(tmp_path)
    with Dump.open(["dump.jsonl"]) as dump, open_store(["dump.jsonl"]) as s:
        s.decide(dump.id_at(4), dump.content_hash(4), "keep")  # id "dump.jsonl#5"
    assert list((tmp_path / "xdg" / "warta").glob("dump.jsonl-*.sqlite"))
    code, out, _ = run(capsys, "export", str(dump_path), "--with-text", "raw")
    assert code == 0
    (row,) = map(json.loads, out.splitlines())
    assert row["id"] == "dump.jsonl#5" and row["text"] and row["text_changed"] is False


def test_stats(capsys: pytest.CaptureFixture[str], dump_path: Path, tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite"
    expected = decide_some(dump_path, state)
    code, out, _ = run(capsys, "stats", str(dump_path), "--state", str(state))
    assert code == 0
    counts = {d: sum(1 for e in expected.values() if e["decision"] == d)
              for d in ("keep", "reject", "skip", "flag")}
    assert f"decided: {len(expected)} of 120 articles" in out
    for d, n in counts.items():
        assert any(line.split() == [d, str(n)] for line in out.splitlines())
    n_politics = sum(1 for e in expected.values() if "politics" in e["labels"])
    assert any(line.split() == ["politics", str(n_politics)] for line in out.splitlines())
    assert f"notes: {sum(1 for e in expected.values() if e['note'])}" in out


def test_a_dump_not_triaged_yet_exports_nothing_and_counts_zero(
        capsys: pytest.CaptureFixture[str], dump_path: Path, tmp_path: Path) -> None:
    none = tmp_path / "none.sqlite"
    code, out, err = run(capsys, "export", str(dump_path), "--state", str(none))
    assert (code, out) == (0, "")
    assert err == f"warta: {none}: no saved state for this dump yet: 0 decisions\n"
    code, out, _ = run(capsys, "export", str(dump_path), "--state", str(none), "--format", "csv")
    header = '"id","decision","labels","note","time","content_hash"'
    assert (code, out.splitlines()) == (0, [header])
    code, out, _ = run(capsys, "stats", str(dump_path), "--state", str(none))
    assert code == 0 and "decided: 0 of 120 articles" in out
    assert any(line.split() == ["keep", "0"] for line in out.splitlines())
    assert not none.exists()  # reading never creates a state file


def test_an_unknown_label_is_refused_naming_the_labels(
        capsys: pytest.CaptureFixture[str], dump_path: Path, tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite"
    decide_some(dump_path, state)
    code, out, err = run(capsys, "export", str(dump_path), "--state", str(state),
                         "--label", "nosuch")
    assert (code, out) == (2, "")
    assert err.startswith("warta: no label 'nosuch'; the labels are: ") and "politics" in err
    assert err.count("\n") == 1
    code, out, _ = run(capsys, "export", str(dump_path), "--state", str(state),
                       "--label", "local")
    assert code == 0 and out  # a label some article carries


def test_the_default_export_leaves_out_articles_only_labelled(
        capsys: pytest.CaptureFixture[str], dump_path: Path, tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite"
    with Dump.open([str(dump_path)]) as dump, open_store([str(dump_path)], state=state) as s:
        s.decide(dump.id_at(0), dump.content_hash(0), "keep")
        s.set_labels(dump.id_at(1), dump.content_hash(1), ["politics"])  # labelled, undecided
        kept, labelled = dump.id_at(0), dump.id_at(1)
    code, out, _ = run(capsys, "export", str(dump_path), "--state", str(state))
    assert code == 0 and [json.loads(x)["id"] for x in out.splitlines()] == [kept]
    code, out, _ = run(capsys, "export", str(dump_path), "--state", str(state),
                       "--label", "politics")
    rows = [json.loads(x) for x in out.splitlines()]
    assert [(r["id"], r["decision"]) for r in rows] == [(labelled, None)]


def test_raw_export_of_text_files_titles_them_by_their_first_line(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "txt"
    folder.mkdir()
    (folder / "a.txt").write_text("Harbour Reopens After Storm\n\nShips returned on Monday.\n")
    state = tmp_path / "state.sqlite"
    with Dump.open([str(folder)]) as dump, open_store([str(folder)], state=str(state)) as s:
        s.decide(dump.id_at(0), dump.content_hash(0), "keep")
    code, out, _ = run(capsys, "export", str(folder), "--state", str(state), "--with-text", "raw")
    assert code == 0
    (row,) = map(json.loads, out.splitlines())
    assert row["title"] == "Harbour Reopens After Storm"


FORMULAS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1:A2)", "\tindented",
            "\rreturned"]


def test_csv_cells_that_open_like_formulas_are_defused(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    articles = [{"title": f, "text": f"{f}\nbody {i}"} for i, f in enumerate(FORMULAS)]
    articles.append({"title": "Plain title", "text": "plain body, 2 + 2 = 4"})
    dump.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    state = tmp_path / "state.sqlite"
    with Dump.open([str(dump)]) as d, open_store([str(dump)], state=state) as s:
        for i, f in enumerate(FORMULAS):
            s.decide(d.id_at(i), d.content_hash(i), "keep")
            s.set_note(d.id_at(i), d.content_hash(i), f)
            s.set_labels(d.id_at(i), d.content_hash(i), [f])
        s.decide(d.id_at(len(FORMULAS)), d.content_hash(len(FORMULAS)), "flag")
        s.decide("=cmd|' /C calc'!A0", "h", "reject")  # an id the dump no longer has
    out = tmp_path / "out.csv"
    code, _, _ = run(capsys, "export", str(dump), "--state", str(state), "--format", "csv",
                     "--with-text", "raw", "-o", str(out))
    assert code == 0
    raw = out.read_bytes()
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    header, body = rows[0], rows[1:]
    assert len(body) == len(FORMULAS) + 2
    for row in body:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (cell, row)
    by_title = {r[header.index("title")]: dict(zip(header, r, strict=True)) for r in body}
    for i, f in enumerate(FORMULAS):
        row = by_title["'" + f]
        assert row["note"] == row["labels"] == "'" + f
        assert row["text"] == f"'{f}\nbody {i}"
    plain = by_title["Plain title"]
    assert (plain["text"], plain["note"]) == ("plain body, 2 + 2 = 4", "")
    assert [r[0] for r in body][-1] == "'=cmd|' /C calc'!A0"
    assert b'\n"dump.jsonl#1",' in raw  # every cell quoted
    assert b',"\'=HYPERLINK(""http://x"",""y"")",' in raw


def test_jsonl_export_stays_verbatim(capsys: pytest.CaptureFixture[str],
                                     tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite"
    with open_store(["dump.jsonl"], state=state) as s:
        s.decide("=id", "h", "keep")
        s.set_note("=id", "h", FORMULAS[0])
    code, out, _ = run(capsys, "export", str(tmp_path), "--state", str(state))
    assert code == 0
    (row,) = map(json.loads, out.splitlines())
    assert (row["id"], row["note"]) == ("=id", FORMULAS[0])


def test_raw_export_without_a_title_field_takes_the_analysed_title(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from tui.analyser import record_digest
    from tui.dumps.analysis_cache import AnalysisCache

    folder = tmp_path / "txt"
    folder.mkdir()
    # The first headline-shaped line is the list's guess; the analysis found the title.
    (folder / "a.txt").write_text("Live Updates From The Harbour Desk\n\n"
                                  "Harbour Reopens After Storm\n\nShips returned on Monday.\n")
    state = tmp_path / "state.sqlite"
    with Dump.open([str(folder)]) as dump, open_store([str(folder)], state=str(state)) as s:
        s.decide(dump.id_at(0), dump.content_hash(0), "keep")
        doc = Pipeline(load_config().analysis).analyse(dump.record(0))
        doc.title = "Harbour Reopens After Storm"
        shelf = AnalysisCache(state)
        shelf.put(dump.id_at(0), record_digest(dump.record(0)), "v", doc.to_dict())
        shelf.close()
    code, out, _ = run(capsys, "export", str(folder), "--state", str(state), "--with-text", "raw")
    assert code == 0
    (row,) = map(json.loads, out.splitlines())
    assert row["title"] == "Harbour Reopens After Storm"
