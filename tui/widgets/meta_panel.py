"""The metadata panel: what we know about the article, with unknowns shown as such."""

from __future__ import annotations

from collections import Counter
from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.keymap import Scope, bindings
from tui.safe_text import safe_plain
from tui.text.model import Document

UNKNOWN = "unknown"
TOP_NAMES = 6  # entity names listed per label


def _value(value: object) -> str:
    return UNKNOWN if value is None or value == "" else safe_plain(str(value))


def describe(document: Document | None, language_pending: bool = False) -> Content:
    """The panel's text for `document`: fields, language, sections, boilerplate, entities."""
    if document is None:
        return Content("No article.")
    meta = document.meta
    rows: list[tuple[str, str]] = [
        ("Title", _value(document.title)),
        ("Publisher", _value(meta.publisher)),
        ("Dateline", _value(meta.dateline)),
        ("Credit", _value(meta.credit)),
        ("Date", _value(meta.date)),
        ("URL", _value(meta.url)),
        ("Author", _value(meta.author)),
    ]
    if language_pending:
        language = "detecting…"
    elif document.language is None:
        language = UNKNOWN
    else:
        conf = document.language_confidence
        language = document.language + (f" ({conf:.2f})" if conf is not None else "")
    rows.append(("Language", language))
    rows.append(("Words", f"{meta.words} · {meta.reading_minutes:g} min read"))
    parts: list[Content] = []
    for key, value in rows:
        parts.append(Content.assemble((f"{key}\n", "bold $text-muted"), f"  {value}\n"))

    headings = document.headings
    parts.append(Content.styled(f"Sections ({len(headings)})\n", "bold $text-muted"))
    parts.extend(Content(f"  {safe_plain(h.text)}\n") for h in headings)
    if not headings:
        parts.append(Content("  none found\n"))

    removed = sum(meta.boilerplate.values())
    parts.append(Content.styled(f"Boilerplate removed ({removed} lines)\n", "bold $text-muted"))
    for reason, count in sorted(meta.boilerplate.items(), key=lambda kv: (-kv[1], kv[0])):
        parts.append(Content(f"  {reason} {count}\n"))

    by_label: dict[str, Counter[str]] = {}
    for block in document.blocks:
        if not block.is_content:
            continue
        for entity in block.entities:
            by_label.setdefault(str(entity.label), Counter())[safe_plain(entity.text)] += 1
    total = sum(sum(c.values()) for c in by_label.values())
    if language_pending and not total:
        parts.append(Content.styled("Entities\n", "bold $text-muted"))
        parts.append(Content("  finding…\n"))
    else:
        parts.append(Content.styled(f"Entities ({total})\n", "bold $text-muted"))
        if not total:
            parts.append(Content("  none found\n"))
    order = sorted(by_label.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    for label, names in order:
        parts.append(Content.styled(f"  {label} {sum(names.values())}\n", "bold"))
        ranked = sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))
        for name, count in ranked[:TOP_NAMES]:
            parts.append(Content(f"    {name} ×{count}\n"))
        if len(ranked) > TOP_NAMES:
            parts.append(Content(f"    … {len(ranked) - TOP_NAMES} more\n"))
    return Content("").join(parts).rstrip()


class MetaPanel(VerticalScroll, can_focus=True):
    """A scrollable panel with the metadata of the article shown."""

    BINDINGS: ClassVar = bindings(Scope.PANE)

    def compose(self) -> ComposeResult:
        """One Static holds the text."""
        yield Static(describe(None), id="meta-text")

    def show(self, document: Document | None, language_pending: bool = False) -> None:
        """Fill the panel for `document`."""
        self.query_one("#meta-text", Static).update(describe(document, language_pending))

    def action_cursor_down(self) -> None:
        """Scroll down a line."""
        self.scroll_down(animate=False)

    def action_cursor_up(self) -> None:
        """Scroll up a line."""
        self.scroll_up(animate=False)

    def action_first(self) -> None:
        """Scroll to the top."""
        self.scroll_home(animate=False)

    def action_last(self) -> None:
        """Scroll to the end."""
        self.scroll_end(animate=False)

    def action_page_down(self) -> None:
        """A page down."""
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        """A page up."""
        self.scroll_page_up(animate=False)
