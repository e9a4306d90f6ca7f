"""The triage keys of the main screen: each one call into the session, its Outcome followed.

A plain object the screen owns (not a widget, not a mixin): it reads the list's cursor,
calls the ReaderSession once per key and then moves the cursor, says the message and
redraws the header as the Outcome says.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.timer import Timer

from tui.session.filters import ListFilter, filter_choices
from tui.session.outcome import Outcome
from tui.session.session import POSITION_EVERY, TRIAGE_OFF, ReaderSession
from tui.widgets.panes import ReaderPanes

if TYPE_CHECKING:
    from tui.screens.main import MainScreen


class TriageKeys:
    """Decide, undo, label, note and the triage filter for one screen and its session."""

    def __init__(self, screen: MainScreen, session: ReaderSession) -> None:
        self.screen = screen
        self.session = session
        self._told_others = False
        self._position_timer: Timer | None = None

    def opened(self, index: int) -> None:
        """Article `index` opened: its position saved within POSITION_EVERY (not in the
        key's turn; held keys save it that often)."""
        self.tell(self.session.opened(index))
        if self.session.position_due is not None and self._position_timer is None:
            self._position_timer = self.screen.set_timer(POSITION_EVERY, self._save_position)

    def _save_position(self) -> None:
        self._position_timer = None
        self.tell(self.session.save_position())

    def tell(self, outcome: Outcome) -> None:
        """Say what an Outcome says, if anything."""
        if outcome.message:
            self.screen.notify(outcome.message, severity="warning" if outcome.warning else
                               "information", timeout=outcome.timeout, markup=False)

    def follow(self, outcome: Outcome, index: int | None) -> None:
        """Go where a triage key's Outcome says, say what it says, redraw marks and header."""
        listing = self.screen.article_list
        if index is not None:
            listing.refresh_index(index)
            self.screen.one(ReaderPanes).retell_triage(index)
        if outcome.row is not None:
            listing.move_to(outcome.row)
        if outcome.article is not None:
            if not listing.select_index(outcome.article):
                self.screen.open_from_palette(outcome.article)  # clears a hiding filter
            listing.refresh()
        self.tell(outcome)
        self.screen.show_progress()

    def decide(self, decision: str) -> None:
        """Decide the article under the cursor, then go to the next undecided one."""
        listing = self.screen.article_list
        if (index := listing.selected) is not None or self.session.triage is None:
            self.follow(self.session.decide(index if index is not None else -1, decision,
                                            listing.rows, listing.cursor), index)

    def undo(self) -> None:
        """Undo this session's last decision and go back to its article."""
        self.follow(self.session.undo(), None)

    def label(self, number: int) -> None:
        """Toggle configured label `number` (1-9) on the article under the cursor."""
        index = self.screen.article_list.selected
        if index is not None or self.session.triage is None:
            self.follow(self.session.toggle_label(index or 0, int(number)), index)

    def note(self) -> None:
        """Open the note editor for the article under the cursor; saving commits the note."""
        index = self.screen.article_list.selected
        if (refused := self.session.note_refused()) is not None or index is None:
            self.tell(refused or Outcome())
            return

        def saved(text: str | None) -> None:
            if text is not None:
                self.follow(self.session.set_note(index, text), index)

        from tui.screens.note import NoteScreen  # not on the start path

        app = self.screen.app
        described = self.session.analysis.describe(index)
        title = (described[0] if described else None) or self.session.dump.row(index).title
        app.push_screen(NoteScreen(title, self.session.note(index), app.keymap), saved)

    def pick_filter(self) -> None:
        """Pick which articles the list shows: a decision, the undecided, a label, or all."""
        if (triage := self.session.triage) is None:
            self.tell(TRIAGE_OFF)
            return
        from tui.screens.triage_filter import TriageFilterPicker  # not on the start path

        self.screen.app.push_screen(
            TriageFilterPicker(filter_choices(triage.labels), self.screen.filters.triage),
            lambda wanted: wanted and self.apply_filter(wanted))

    def apply_filter(self, wanted: ListFilter) -> None:
        """Show only the articles `wanted` keeps (replaces a text filter)."""
        if self.session.triage is None:
            self.tell(TRIAGE_OFF)
        else:
            self.screen.filters.by_triage(wanted)

    def others_changed(self) -> None:
        """Show another process's decisions; say so once."""
        self.screen.article_list.refresh()
        self.screen.show_progress()
        if not self._told_others:
            self._told_others = True
            self.screen.notify("Another warta saved triage on this dump; it shows here now. "
                               "When both decide one article, the later decision wins.",
                               timeout=6)
