"""Shared pieces for the reader's UI tests: a synthetic dump and a deterministic analyser.

The UI tests pin down the reader, not the text pipeline (which has its own tests and
keeps improving), so they analyse with `marked_analyse`: a tiny, fixed reading of
explicit markers in synthetic articles ("## " heading, "[reason] " boilerplate).
Every article here is synthetic, written for these tests.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tui.app import WartaApp
from tui.config import load_config
from tui.dumps.index import Dump
from tui.resources import bundled
from tui.text.model import Block, BlockKind, Document, Entity, Label, Meta, Reason, Record
from tui.themes import load_themes

ENTITIES = {"Budi Santoso": Label.PERSON, "Palang Merah": Label.ORG, "Sungai Deras": Label.PLACE,
            "Senin": Label.DATE, "1.200": Label.NUMBER}


def _para(n: int) -> str:
    return (f"Paragraf {n}: warga Sungai Deras membersihkan lumpur sisa banjir dari rumah "
            f"mereka sejak Senin pagi, sementara relawan Palang Merah membagikan air bersih "
            f"kepada 1.200 keluarga. "
            f"Budi Santoso, ketua rukun warga, berkata bahwa bantuan datang tepat waktu dan "
            f"bahwa semua orang bekerja bersama tanpa henti.")


def flood_article() -> str:
    """A long synthetic article with two sections and boilerplate between paragraphs."""
    lines = ["Banjir Besar Melanda Kota Sungai Deras", ""]
    for n in range(1, 4):
        lines += [_para(n), ""]
    lines += ["[related] Baca Juga : Harga Beras Naik Lagi", ""]
    lines += [_para(4), ""]
    lines += ["## Evakuasi Warga", ""]
    for n in range(5, 9):
        lines += [_para(n), ""]
    lines += ["[share] Bagikan :", ""]
    lines += ["## Bantuan Datang", ""]
    for n in range(9, 12):
        lines += [_para(n), ""]
    lines += ["[credit] Sumber : Kantor Berita Sintetis", ""]
    return "\n".join(lines)


def short_article(title: str, body: str) -> str:
    """A one-paragraph synthetic article."""
    return f"{title}\n\n{body}\n"


ARTICLES = [
    flood_article(),
    short_article("Pasar Ikan Dibuka Kembali", "Pedagang kembali berjualan di pasar ikan "
                  "setelah renovasi selama tiga bulan. Harga ikan tongkol turun sedikit."),
    short_article("Jadwal Kereta Berubah", "Jadwal kereta pagi berubah mulai pekan depan "
                  "karena perbaikan rel di dekat stasiun kota."),
    short_article("Festival Layang-layang", "Ratusan layang-layang memenuhi langit pantai "
                  "pada akhir pekan. Panitia berkata banjir tidak mengganggu acara."),
]

_WORD = re.compile(r"\w+")


def marked_analyse(record: Record, detect_language: bool) -> Document:
    """A fixed analysis of markers.

    The first unmarked line is the title, "## " starts a heading, "[reason] " boilerplate.
    """
    blocks: list[Block] = []
    counts: dict[str, int] = {}
    title = None
    for number, line in enumerate(record.text.splitlines(), start=1):
        text = line.strip()
        if not text:
            continue
        marker = re.match(r"\[(\w+)\] (.*)", text)
        if title is None and not marker:
            title = text
            blocks.append(Block(BlockKind.TITLE, text, (number, number)))
            continue
        if marker and marker.group(1) in Reason.__members__.values():
            blocks.append(Block(BlockKind.BOILERPLATE, marker.group(2), (number, number),
                                Reason(marker.group(1))))
            counts[marker.group(1)] = counts.get(marker.group(1), 0) + 1
        elif text.startswith("## "):
            blocks.append(Block(BlockKind.HEADING, text[3:], (number, number)))
        else:
            blocks.append(Block(BlockKind.PARAGRAPH, text, (number, number)))
    if detect_language:
        for block in blocks:
            for name, label in ENTITIES.items():
                for m in re.finditer(re.escape(name), block.text):
                    block.entities.append(Entity(m.start(), m.end(), label, name))
            block.entities.sort(key=lambda e: e.start)
    words = sum(len(_WORD.findall(b.text)) for b in blocks if b.is_content)
    meta = Meta(publisher=None, words=words, reading_minutes=round(words / 200, 1),
                boilerplate=counts)
    return Document(record.id, title, blocks, meta,
                    language="id" if detect_language else None,
                    language_confidence=0.99 if detect_language else None)


def titled_analyse(record: Record, detect_language: bool) -> Document:
    """`marked_analyse` with the record's fields, its title winning as in the pipeline.

    The text's first line is the title block only when it restates the field; otherwise
    the Document has the field's title and no title block (JSON Lines, CSV records).
    """
    doc = marked_analyse(record, detect_language)
    doc.fields = dict(record.fields)  # as the pipeline keeps them
    if record.title:
        doc.title = record.title
        doc.blocks = [b if b.kind is not BlockKind.TITLE or b.text == record.title
                      else Block(BlockKind.PARAGRAPH, b.text, b.lines, entities=b.entities)
                      for b in doc.blocks]
    return doc


def make_jsonl_app(tmp_path: Path, records: list[dict[str, Any]], **overrides: Any) -> WartaApp:
    """A WartaApp on a JSON Lines dump of `records`, analysed by `titled_analyse`."""
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    config_path = tmp_path / "config.yaml"
    config_path.write_text("ui: {}\n", encoding="utf-8")
    config = load_config(config_path, [f"{k.replace('__', '.')}={v}"
                                       for k, v in overrides.items()])
    dump = Dump.open([str(path)], lambda _notice: None)
    return WartaApp(dump, config, analyser=titled_analyse,
                    themes=load_themes([bundled("themes")]),
                    state_file=tmp_path / "state" / "ui.yaml")


def write_dump(folder: Path, articles: list[str] | None = None) -> Path:
    """Write the articles as a folder of .txt files (sorted by name) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for n, text in enumerate(articles or ARTICLES):
        (folder / f"{n:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def make_app(tmp_path: Path, articles: list[str] | None = None, *,
             config_text: str = "", theme_dirs: list[Path] | None = None,
             state_dir: Path | None = None, dump_name: str = "dump",
             **overrides: Any) -> WartaApp:
    """A WartaApp on a synthetic dump, with a hermetic config, themes and state file."""
    dump_dir = write_dump(tmp_path / dump_name, articles)
    config_path = tmp_path / "config.yaml"
    config_path.write_text(config_text or "ui: {}\n", encoding="utf-8")
    sets = [f"{k.replace('__', '.')}={v}" for k, v in overrides.items()]
    config = load_config(config_path, sets)
    notices: list[str] = []
    dump = Dump.open([str(dump_dir)], notices.append)
    themes = load_themes(theme_dirs if theme_dirs is not None else [bundled("themes")])
    return WartaApp(dump, config, analyser=marked_analyse, themes=themes,
                    state_file=(state_dir or tmp_path / "state") / "ui.yaml", notices=notices)


async def settle(pilot: Pilot[Any]) -> None:
    """Let analysis workers finish and the screen catch up."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
