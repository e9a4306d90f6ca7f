"""Small mixed dumps for the batch tests: every reader kind, bad rows, warnings, extra fields."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

BODY = ("Pemerintah daerah mengumumkan rencana pembangunan jalan baru di tengah kekhawatiran "
        "warga desa. Para petani mendukung program itu setelah rapat yang panjang.")
MOJIBAKE = "Itâ€™s a good day for the harbour, the mayor said on Monday morning."


def article(i: int) -> dict[str, object]:
    """One JSON Lines article with a title, a body, some boilerplate and an extra field."""
    text = (f"Berita nomor {i}\n\nJakarta - {BODY}\n\nBaca Juga : Berita lain {i}\n\n"
            f"{BODY} Angka hari ini {i * 7} persen.\n\nBagikan :\n")
    return {"title": f"Berita {i}", "text": text, "url": f"https://example.com/{i}",
            "kategori": ["nasional", i]}


def make_dump(root: Path) -> list[str]:
    """Write the mixed dump under `root`; the paths to pass, in order."""
    lines = [json.dumps(article(i)) for i in range(30)]
    lines[4] = '{"title": "broken", "text": '  # not JSON: one stderr line, skipped
    lines[9] = json.dumps({"title": "Repaired", "text": f"{MOJIBAKE}\n\n{BODY}"})
    lines.insert(12, "")  # a blank line: ids keep their line numbers
    (root / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    folder = root / "folder"
    folder.mkdir()
    for i in range(7):
        (folder / f"a{i:02d}.txt").write_text(f"Judul {i}\n\n{BODY}\n", encoding="utf-8")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")  # unreadable: skipped
    (folder / "more.jsonl.gz").write_bytes(gzip.compress(
        "".join(json.dumps(article(100 + i)) + "\n" for i in range(9)).encode()))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["headline", "content", "author"])
    for i in range(8):
        writer.writerow([f"CSV {i}", f"Baris satu {i}.\n\n{BODY}", f"Penulis {i}"])
    writer.writerow(["short row"])  # wrong field count: skipped
    (root / "table.csv").write_text(out.getvalue(), encoding="utf-8")
    return [str(root / "news.jsonl"), str(folder), str(root / "table.csv")]
