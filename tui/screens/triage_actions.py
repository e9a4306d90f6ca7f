"""Triage on the main screen: the decision, undo, label, note and filter actions.

A mixin of MainScreen, so the bindings (tui/keymap.py, scope SCREEN) work from any pane.
Each decision is committed to the sidecar (Triage -> Store) before the cursor moves on;
the list's mark column and label tags, the header's progress and the saved position
all follow from the Triage the App was given (None: triage is off, keys say why).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import work
from textual.worker import get_current_worker

from tui.safe_text import safe_plain
from tui.triage import SCAN_LIMIT, ListFilter, Triage, TriageRefused, filter_choices
from tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from tui.widgets.article_list import ArticleList

POLL_SECONDS = 2.0  # how often the sidecar is checked for another process's decisions


class TriageActions:
    """Decide / undo / label / note / filter for MainScreen (which provides the panes)."""

    _triage_base_title = ""
    _triage_filter = ListFilter()
    _triage_told_others = False

    if TYPE_CHECKING:  # provided by MainScreen / Screen
        app: Any
        heading: str
        position: str
        article_list: ArticleList

        def notify(self, message: str, **kwargs: Any) -> None: ...
        def set_interval(self, interval: float, callback: Any) -> Any: ...
        def open_from_palette(self, index: int) -> None: ...
        def apply_filter(self, text: str) -> None: ...
        def query_one(self, selector: type[TitleBar]) -> TitleBar: ...

    @property
    def triage(self) -> Triage | None:
        """The App's Triage, or None when no state file could be opened."""
        return getattr(self.app, "triage", None)

    def _triage_or_say(self) -> Triage | None:
        triage = self.triage
        if triage is None:
            self.notify("Triage is off: no state file could be opened for this dump "
                        "(see the message at start).", severity="warning", timeout=4)
        return triage

    # -- lifecycle ----------------------------------------------------------------------------

    def start_position(self) -> int:
        """The list row the reader opens on: where it was last, else the first."""
        triage = self.triage
        saved = None if triage is None else triage.saved_position()
        if saved is not None and 0 <= saved < len(self.article_list.rows):
            return saved
        return 0

    def on_mount(self) -> None:
        """Show the marks and the progress (the screen opens on `start_position()`)."""
        triage = self.triage
        if triage is None:
            return
        listing = self.article_list
        listing.mark = triage.mark
        listing.tags = triage.tags
        self._triage_base_title = self.heading
        self.show_progress()
        self.set_interval(POLL_SECONDS, self._poll_sidecar)

    def on_article_list_selected(self, message: ArticleList.Selected) -> None:
        """Save the position (committed) and point out a text changed since its decision."""
        triage = self.triage
        if triage is None:
            return
        self._save_position(triage, message.index)
        decision = triage.decision_at(message.index)
        if decision is not None and decision.text_changed and decision.decision:
            self.notify(f"This article's text changed since it was marked "
                        f"{decision.decision} (shown as ! in the list).", timeout=4)

    def _save_position(self, triage: Triage, index: int) -> None:
        try:
            triage.save_position(index)
        except Exception as exc:  # a locked or vanished sidecar must not stop reading
            self.notify(f"Position not saved: {exc}", severity="warning", timeout=3, markup=False)

    def show_progress(self) -> None:
        """The header: dump name, then decided/total, keep/reject and the rate."""
        triage = self.triage
        if triage is None:
            return
        # The reader's own header text (not Screen.title, which repaints the whole screen).
        self.heading = f"{self._triage_base_title} · {triage.progress().line()}"
        if triage.readonly:  # the state folder or file cannot be written
            self.heading += " · not saving"
        self.query_one(TitleBar).show(self.heading, self.position)

    def _poll_sidecar(self) -> None:
        triage = self.triage
        if triage is None:
            return
        if triage.others_changed():
            self.article_list.refresh()
            if not self._triage_told_others:
                self._triage_told_others = True
                self.notify("Another warta saved triage on this dump; it shows here now. "
                            "When both decide one article, the later decision wins.",
                            timeout=6)
        self.show_progress()

    # -- decisions ----------------------------------------------------------------------------

    def _decide(self, decision: str) -> None:
        triage = self._triage_or_say()
        listing = self.article_list
        index = listing.selected
        if triage is None or index is None:
            return
        try:
            triage.decide(index, decision)  # committed before anything moves
        except TriageRefused as exc:
            self.notify(str(exc), severity="warning", timeout=4, markup=False)
            return
        listing.refresh_index(index)
        position = triage.next_undecided(listing.rows, listing.cursor)
        if position is None:
            if len(listing.rows) > SCAN_LIMIT:
                self.notify(f"No undecided article in the next {SCAN_LIMIT} rows; F shows "
                            "only the undecided ones.", timeout=4)
            else:
                self.notify("Every article in the list is decided.", timeout=3)
        else:
            # Saved with the decision, not when the move is handled: killed in between,
            # the reader still reopens on the next article.
            self._save_position(triage, listing.rows[position])
            listing.move_to(position)
        self.show_progress()

    def action_keep(self) -> None:
        """Keep the article, then go to the next undecided one."""
        self._decide("keep")

    def action_reject(self) -> None:
        """Reject the article, then go to the next undecided one."""
        self._decide("reject")

    def action_skip(self) -> None:
        """Skip the article, then go to the next undecided one."""
        self._decide("skip")

    def action_flag(self) -> None:
        """Flag the article, then go to the next undecided one."""
        self._decide("flag")

    def action_undo(self) -> None:
        """Undo this session's last decision and go back to its article."""
        triage = self._triage_or_say()
        if triage is None:
            return
        try:
            index = triage.undo()
        except TriageRefused as exc:
            self.notify(str(exc), severity="warning", timeout=4, markup=False)
            return
        if index is None:
            self.notify("Nothing to undo in this session.", timeout=2)
        elif index < 0:
            self.notify("Undid a decision on an article no longer in the dump.", timeout=3)
        else:
            self._save_position(triage, index)
            listing = self.article_list
            if not listing.select_index(index):
                self._triage_filter = ListFilter()
                self.open_from_palette(index)  # clears a filter that hides it
            listing.refresh()
        self.show_progress()

    def action_label(self, number: int) -> None:
        """Toggle configured label `number` (1-9) on the article."""
        triage = self._triage_or_say()
        index = self.article_list.selected
        if triage is None or index is None:
            return
        try:
            label, on = triage.toggle_label(index, int(number))
        except TriageRefused as exc:
            self.notify(str(exc), severity="warning", timeout=4, markup=False)
            return
        self.article_list.refresh_index(index)
        self.notify(f"{'+' if on else '−'} {label}", timeout=1.5)

    def action_note(self) -> None:
        """Open the note editor for the article; saving commits the note."""
        triage = self._triage_or_say()
        index = self.article_list.selected
        if triage is None or index is None:
            return
        if triage.readonly:
            self.notify(f"Read-only: {triage.store.path} cannot be written, so notes are "
                        "not saved.", severity="warning", timeout=4)
            return

        def saved(text: str | None) -> None:
            if text is None:
                return
            try:
                triage.set_note(index, text)
            except TriageRefused as exc:
                self.notify(str(exc), severity="warning", timeout=4, markup=False)
                return
            self.article_list.refresh_index(index)
            self.notify("Note saved." if text else "Note removed.", timeout=1.5)

        from tui.screens.note import NoteScreen  # not on the start path

        title = triage.dump.row(index).title
        self.app.push_screen(NoteScreen(title, triage.note(index),
                                        getattr(self.app, "keymap", None)), saved)

    # -- filters -------------------------------------------------------------------------------

    def action_triage_filter(self) -> None:
        """Pick which articles the list shows: a decision, the undecided, a label, or all."""
        triage = self._triage_or_say()
        if triage is None:
            return

        from tui.screens.triage_filter import TriageFilterPicker  # not on the start path

        def chosen(wanted: ListFilter | None) -> None:
            if wanted is not None:
                self.apply_triage_filter(wanted)

        self.app.push_screen(TriageFilterPicker(filter_choices(triage.labels),
                                                self._triage_filter), chosen)

    def apply_triage_filter(self, wanted: ListFilter) -> None:
        """Show only the articles `wanted` keeps (replaces a text filter)."""
        if self._triage_or_say() is None:
            return
        self._filter_by_triage(wanted)

    @work(thread=True, group="triage-filter", exclusive=True, exit_on_error=False)
    def _filter_by_triage(self, wanted: ListFilter) -> None:
        worker = get_current_worker()
        triage = self.triage
        if triage is None:
            return
        rows = triage.filter_rows(wanted, lambda: worker.is_cancelled)
        if rows is not None and not worker.is_cancelled:
            self.app.call_from_thread(self._triage_filtered, wanted, rows)

    def _triage_filtered(self, wanted: ListFilter, rows: list[int]) -> None:
        if not rows:
            self.notify(f"No article is {safe_plain(wanted.name)}; the list is unchanged.",
                        severity="warning", timeout=3, markup=False)
            return
        self._triage_filter = wanted
        listing = self.article_list
        keep = listing.selected
        if getattr(self, "filter_text", ""):
            self.apply_filter("")
        listing.set_rows(rows, keep=keep)
        self.notify(f"Showing {wanted.name}: {len(rows)} article"
                    f"{'s' if len(rows) != 1 else ''}.", timeout=2)
