"""SVG snapshots of the main screen: 80x24 and 160x48, dark and light, boilerplate hidden/shown.

Deterministic by construction: a synthetic dump, the fixed `marked_analyse`, every worker
finished before the picture, no clock in the header, no visible text cursor.
Regenerate after an intended change with `pytest tests/test_snapshots.py --snapshot-update`
and look at the pictures in tests/__snapshots__/ before committing them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from app_fixtures import make_app, make_jsonl_app, settle
from textual.pilot import Pilot


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
@pytest.mark.parametrize("theme", ["warta-dark", "warta-light"])
@pytest.mark.parametrize("boilerplate", [False, True], ids=["hidden", "shown"])
def test_main_screen(snap_compare: Any, tmp_path: Path, size: tuple[int, int], theme: str,
                     boilerplate: bool) -> None:
    app = make_app(tmp_path, ui__theme=theme)

    async def before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        if boilerplate:
            await pilot.press("b")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_jsonl_record_title_on_top(snap_compare: Any, tmp_path: Path,
                                   size: tuple[int, int]) -> None:
    records = [{"title": f"Pasar Ikan Dibuka Kembali {n}", "section": "kota",
                "text": "Pedagang kembali berjualan di pasar ikan setelah renovasi.\n\n"
                        "Harga ikan tongkol turun sedikit pada pekan pertama."}
               for n in range(1, 4)]
    app = make_jsonl_app(tmp_path, records)

    async def before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=before)
