"""Structure: blocks from lines, the title, section headings, dateline/publisher/credit."""

from __future__ import annotations

from collections.abc import Sequence

from tui.text.model import Block, BlockKind, Meta, Reason


def segment(lines: Sequence[str], reasons: Sequence[Reason | None]) -> list[Block]:
    """Group runs of non-blank lines into blocks; boilerplate lines stand alone."""
    blocks: list[Block] = []
    run: list[tuple[int, str]] = []

    def flush() -> None:
        if run:
            text = " ".join(s for _, s in run)
            blocks.append(Block(BlockKind.PARAGRAPH, text, (run[0][0], run[-1][0])))
            run.clear()

    for i, (line, reason) in enumerate(zip(lines, reasons, strict=True), start=1):
        s = line.strip()
        if not s:
            flush()
        elif reason is not None:
            flush()
            blocks.append(Block(BlockKind.BOILERPLATE, s, (i, i), reason))
        else:
            run.append((i, s))
    flush()
    return blocks


def mark_title(blocks: list[Block], title: str | None) -> str | None:
    """Make the first content block the title when the record has none."""
    if title:
        return title
    for b in blocks:
        if b.is_content:
            b.kind = BlockKind.TITLE
            return b.text
    return None


def extract_meta(blocks: Sequence[Block]) -> Meta:
    """Dateline, publisher and credit guessed from the blocks."""
    return Meta()
