"""The metadata panel: what we know about the article, with unknowns shown as such."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.content import Content
from textual.strip import Strip

from tui.dumps.lru import Lru
from tui.keymap import Scope, bindings
from tui.safe_text import safe_plain
from tui.text.model import Document
from tui.widgets.line_pane import LinePane, line_strip
from tui.widgets.scroll_height import set_scroll_height
from tui.widgets.wrap import wrap

UNKNOWN = "unknown"
TOP_NAMES = 6  # entity names listed per label
FIELD_CHARS = 300  # the most of one extra record field the panel shows
PREPARED = 4  # panels filled ahead kept (the neighbours of the article on view)


def _value(value: object) -> str:
    return UNKNOWN if value is None or value == "" else safe_plain(str(value))


def describe(document: Document | None, language_pending: bool = False,
             analysing: bool = False, triage: Sequence[tuple[str, str]] = ()) -> Content:
    """The panel's text for `document`: warnings, triage, fields, language, sections,
    boilerplate, entities; without one, whether an analysis is under way."""
    if document is None:
        return Content("analysing…" if analysing else "No article.")
    meta = document.meta
    rows: list[tuple[str, str]] = [*((key, _value(value)) for key, value in triage),
        ("Title", _value(document.title)),
        ("Publisher", _value(meta.publisher)),
        ("Dateline", _value(meta.dateline)),
        ("Credit", _value(meta.credit)),
        ("Date", _value(meta.date)),
        ("URL", _value(meta.url)),
        ("Author", _value(meta.author)),
        # Every other field the record came with ("section", "tags" ...), as it came.
        *((safe_plain(str(key))[:40], _value(str(value)[:FIELD_CHARS]))
          for key, value in document.fields.items()),
    ]
    if language_pending:
        language = "detecting…"
    elif document.language is None:
        language = UNKNOWN
    else:
        conf = document.language_confidence
        language = document.language + (f" ({conf:.2f})" if conf is not None else "")
    rows.append(("Language", language))
    if meta.entities_by:
        rows.append(("Entities by", meta.entities_by))
    rows.append(("Words", f"{meta.words} · {meta.reading_minutes:g} min read"))
    parts: list[Content] = []
    if document.warnings:  # repairs and limits first: they say how far to trust the rest
        parts.append(Content.styled(f"Warnings ({len(document.warnings)})\n",
                                    "bold $warning"))
        parts.extend(Content(f"  {safe_plain(w)}\n") for w in document.warnings)
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

    # Counted raw, made terminal-safe per distinct name: a long article has tens of
    # thousands of mentions and this runs on the UI thread.
    mentions = Counter((entity.label, entity.text) for block in document.blocks
                       if block.is_content for entity in block.entities)
    by_label: dict[str, Counter[str]] = {}
    for (label, text), count in mentions.items():
        names = by_label.get(str(label))
        if names is None:
            names = by_label[str(label)] = Counter()
        names[safe_plain(text)] += count
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


def wrap_panel(text: Content, width: int) -> list[Content]:
    """The panel's text wrapped to `width`; continuation lines keep their value's indent."""
    lines: list[Content] = []
    for line in text.split("\n"):
        indent = len(line.plain) - len(line.plain.lstrip(" "))
        if indent:
            body = wrap(line[indent:], max(4, width - indent))
            wrapped = [Content(" " * indent) + part for part in body]
        else:
            wrapped = wrap(line, width)
        lines.extend(wrapped or [Content("")])
    return lines


@dataclass(frozen=True, slots=True)
class PreparedPanel:
    """The panel of an article filled ahead of time: its text, lines and first screenful."""

    document: Document
    settings: tuple[object, ...]  # MetaPanel._settings when it was made
    text: Content
    lines: list[Content]
    strips: dict[int, Strip]

    def shows(self, document: Document, settings: tuple[object, ...]) -> bool:
        """Whether this is the panel of `document` as it would be filled now."""
        return document is self.document and settings == self.settings


class MetaPanel(LinePane, can_focus=True):
    """A scrollable panel with the metadata of the article shown, drawn line by line.

    The scrollbar is always there: the text never re-wraps when the entities arrive and
    make it longer than the pane, and a new article never needs a layout pass.
    """

    BINDINGS: ClassVar = bindings(Scope.PANE)
    DEFAULT_CSS = """
    MetaPanel { overflow-x: hidden; overflow-y: scroll; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text: Content = describe(None)
        self._lines: list[Content] = []
        self._wrapped_for = 0
        self._strips: dict[int, Strip] = {}
        self._shown: tuple[Document | None, bool] = (None, False)
        self._prepared: Lru[str, PreparedPanel] = Lru(PREPARED)  # by Document id

    def restyle(self) -> None:
        """The theme changed: the lines drawn in the old one are drawn again."""
        self._strips.clear()
        self.refresh()

    def retell(self, triage: Sequence[tuple[str, str]]) -> None:
        """The same article again with new triage rows (a label or a note changed)."""
        document, pending = self._shown
        if document is not None:
            self.show(document, pending, triage=triage)

    def show(self, document: Document | None, language_pending: bool = False,
             analysing: bool = False, triage: Sequence[tuple[str, str]] = ()) -> None:
        """Fill the panel for `document` (the same article keeps its scroll position);
        None with `analysing`: the article's analysis is under way."""
        shown = self._shown[0]
        same = document is not None and shown is not None and document.id == shown.id
        self._shown = (document, language_pending)
        prepared = self._prepared.pop(document.id, None) if document is not None else None
        if prepared is not None and prepared.shows(document, self._settings(
                language_pending, analysing, triage)):
            self.text = prepared.text
            self._lines = prepared.lines
            self._wrapped_for = prepared.settings[0]
            self._strips = dict(prepared.strips)
            set_scroll_height(self, len(self._lines))
            self.refresh()
        else:
            self.text = describe(document, language_pending, analysing, triage)
            self._wrap()
        if not same:
            self.scroll_to(y=0, animate=False, immediate=True)

    def _settings(self, language_pending: bool, analysing: bool,
                  triage: Sequence[tuple[str, str]]) -> tuple[object, ...]:
        """Everything the panel's lines depend on besides the Document (its style too)."""
        return (max(4, self.scrollable_content_region.width), language_pending, analysing,
                tuple(triage), self.frame()[1])

    def prepare(self, document: Document, language_pending: bool,
                triage: Sequence[tuple[str, str]]) -> None:
        """Fill and draw the panel of `document` now, for when it is shown next."""
        if not (self.is_mounted and self.display and self.size.width):
            return
        settings = self._settings(language_pending, False, triage)
        known = self._prepared.get(document.id)
        if known is not None and known.shows(document, settings):
            return
        text = describe(document, language_pending, False, triage)
        lines = wrap_panel(text, settings[0])  # type: ignore[arg-type]
        strips = self.first_screen(lines)
        self._prepared.put(document.id, PreparedPanel(document, settings, text, lines, strips))

    def _wrap(self) -> None:
        if not self.size.width:
            # Not laid out yet (shown as the screen mounts): the first frame wraps it
            # when it draws the panel (render_line), so it already shows it.
            self._wrapped_for = 0
            self.refresh()
            return
        self._wrap_lines()
        set_scroll_height(self, len(self._lines))
        self.refresh()

    def _wrap_lines(self) -> None:
        width = max(4, self.scrollable_content_region.width)
        self._wrapped_for = width
        self._lines = wrap_panel(self.text, width)
        self._strips.clear()

    def on_resize(self) -> None:
        """Re-wrap for the new width."""
        if self.scrollable_content_region.width != self._wrapped_for:
            self._wrap()

    def render_line(self, y: int) -> Strip:
        """One line of the panel."""
        if not self._wrapped_for:
            self._wrap_lines()
            self.call_later(lambda: set_scroll_height(self, len(self._lines)))
        width, style = self.frame()
        number = round(self.scroll_y) + y
        if number >= len(self._lines):
            return Strip.blank(width, style.rich_style)
        strip = self._strips.get(number)
        if strip is None or strip.cell_length != width:
            strip = self._strips[number] = line_strip(self._lines[number], width, style)
        return strip

    def _move(self, y: float) -> None:
        top = max(0, len(self._lines) - self.scrollable_content_region.height)
        self.scroll_to(y=max(0, min(round(y), top)), animate=False, immediate=True)

    def action_cursor_down(self) -> None:
        """Scroll down a line."""
        self._move(self.scroll_y + 1)

    def action_cursor_up(self) -> None:
        """Scroll up a line."""
        self._move(self.scroll_y - 1)

    def action_first(self) -> None:
        """Scroll to the top."""
        self._move(0)

    def action_last(self) -> None:
        """Scroll to the end."""
        self._move(len(self._lines))

    def action_page_down(self) -> None:
        """A page down."""
        self._move(self.scroll_y + self.scrollable_content_region.height - 1)

    def action_page_up(self) -> None:
        """A page up."""
        self._move(self.scroll_y - self.scrollable_content_region.height + 1)
