"""The Textual App: wires config, themes, keymap and screens together."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.dom import DOMNode
from textual.filter import Monochrome, NoColor
from textual.widgets import Tooltip
from textual.widgets._toast import ToastRack  # the screen's own: not exported by Textual

from tui import keymap
from tui.analyser import PipelineAnalyser
from tui.article_source import ArticleSource
from tui.config import Config
from tui.screens.main import MainScreen
from tui.screens.options import ReaderOptions
from tui.session.analysis import Analyser, AnalysisService, EarlyPass, as_analyser
from tui.session.session import ReaderSession
from tui.themes import ThemeSet, load_themes, variable_defaults
from tui.ui_state import UiState, load_ui_state, save_ui_state
from tui.widgets.analysis_runner import AnalysisRunner
from tui.widgets.article_list import ArticleList
from tui.widgets.article_view import ArticleView
from tui.widgets.key_bar import KeyBar
from tui.widgets.meta_panel import MetaPanel
from tui.widgets.panes import ReaderPanes
from tui.widgets.row_filters import RowFilters
from tui.widgets.scan_watch import ScanWatch
from tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from textual.command import Provider

    from tui.session.triage import Triage
    from tui.text.model import Document, Record


SWITCH_INTERVAL = 0.001
"""Seconds an analysis thread may hold the interpreter while the UI thread waits for it
(Python's default is 0.005; a key's handling and repaint wait for it many times over:
bench/bench_big_article.py, j pressed while a long article is analysed)."""


FIRST_SCREEN: tuple[type[DOMNode], ...] = (
    MainScreen, ToastRack, Tooltip, TitleBar, ReaderPanes, KeyBar, RowFilters, AnalysisRunner,
    ScanWatch, ArticleList, ArticleView, MetaPanel)
"""What the first screen mounts, in the order Textual registers it (the screen adds its
toast rack and tooltip in a terminal): their default CSS is read with the app's, so the
stylesheet is parsed once at start."""


def _reader_commands() -> type[Provider]:
    from tui.commands import ReaderCommands

    return ReaderCommands


class WartaApp(App[None]):
    """The reader: one main screen, a help screen, a theme picker and the command palette."""

    CSS_PATH = "warta.tcss"
    TITLE = "warta"
    BINDINGS: ClassVar = keymap.bindings(keymap.Scope.APP)
    COMMANDS: ClassVar = {_reader_commands}  # warta's commands only, not Textual's own

    def __init__(self, dump: ArticleSource, config: Config, *,
                 analyser: Analyser | Callable[[Record, bool], Document] | None = None,
                 themes: ThemeSet | None = None, state_file: Path | None = None,
                 notices: Iterable[str] = (), triage: Triage | None = None,
                 documents: Mapping[int, Document] | None = None,
                 early: EarlyPass | None = None, session: ReaderSession | None = None) -> None:
        """`session` as the command line made it; else one is made from the parts given
        (`analyser`, `triage`, `documents` kept from an earlier run, `early` quick pass)."""
        super().__init__()
        if self.no_color:
            # Textual's NO_COLOR turns colours to greys (Monochrome); NO_COLOR asks for none:
            # default colours, text attributes (bold, reverse, underline) only.
            self._filters = [NoColor() if isinstance(f, Monochrome) else f for f in self._filters]
        self.session = session
        self.documents = documents  # full Documents known at start (the sidecar's)
        self.early = early  # the first article's quick pass, under way since before start
        self.config = config
        self.source = dump
        self.analyser = analyser or PipelineAnalyser(config)
        self.state_file = state_file
        self.triage = triage  # decisions, labels, notes, position; None: triage is off
        self.theme_set = themes or load_themes()
        self.notices: list[str] = [*notices, *config.problems, *self.theme_set.problems]
        user_keymap, problems = keymap.resolve(config.get("keymap") or {},
                                               str(config.sources[-1]) if config.sources
                                               else "config")
        self.keymap = user_keymap
        self.notices.extend(problems)
        for theme in self.theme_set.themes.values():
            self.register_theme(theme)
        self.config_theme = str(config.get("ui.theme"))
        remembered = load_ui_state(state_file).theme_for(self.config_theme)
        name, problem = self.theme_set.choose(remembered)
        if problem:
            self.notices.append(f"ui.theme: {problem}")
        self.theme = name

    def _get_default_css(self) -> list[tuple[tuple[str, str], str, int, str]]:
        """The app's default CSS, then that of every widget class on the first screen.

        Textual adds a widget class's default CSS when its first widget is registered, and
        each addition re-parses every source (its parse cache is emptied by the theme's
        reparse): four parses at start, about 15 ms. Read here, the sources are all in the
        first parse and the later additions find them already there.
        """
        sources = super()._get_default_css()
        seen = {location for location, *_ in sources}
        for kind in FIRST_SCREEN:
            for source in DOMNode._get_default_css(object.__new__(kind)):
                if source[0] not in seen:
                    seen.add(source[0])
                    sources.append(source)
        return sources

    @property
    def theme_names(self) -> list[str]:
        """The warta themes that loaded (bundled and the user's), by name."""
        return list(self.theme_set.themes)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """Fallbacks for the reader's own theme variables."""
        return variable_defaults()

    def get_default_screen(self) -> MainScreen:
        """The three-pane reader."""
        ui = self.config.get
        options = ReaderOptions(
            measure=int(ui("ui.measure")), show_boilerplate=bool(ui("ui.show_boilerplate")),
            show_entities=bool(ui("ui.show_entities")), show_meta=bool(ui("ui.show_meta")),
            narrow_width=int(ui("ui.narrow_width")),
            detect_language=bool(ui("analysis.detect_language")),
        )
        if self.session is None:
            analysis = AnalysisService(self.source, as_analyser(self.analyser),
                                       detect_language=options.detect_language,
                                       documents=self.documents, early=self.early)
            self.session = ReaderSession(self.source, analysis, self.triage)
        return MainScreen(self.session, options)

    def on_mount(self) -> None:
        """Apply the keymap and tell the user what was wrong in their files."""
        sys.setswitchinterval(SWITCH_INTERVAL)
        if self.keymap:
            self.set_keymap(self.keymap)
        for notice in self.notices:
            self.notify(notice, severity="warning", timeout=8, markup=False)

    def action_help(self) -> None:
        """Show every binding as currently mapped."""
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            triage = self.session.triage if self.session is not None else None
            labels = triage.labels if triage is not None else [
                str(x) for x in self.config.get("triage.labels") or []]
            self.push_screen(HelpScreen(self.keymap, labels))

    def action_pick_theme(self) -> None:
        """Open the theme picker; the theme kept there is remembered."""
        from tui.screens.theme_picker import ThemePicker

        if isinstance(self.screen, ThemePicker):
            return

        def chosen(name: str | None) -> None:
            if name:
                self.choose_theme(name)

        self.push_screen(ThemePicker(self.theme_names, self.theme), chosen)

    def choose_theme(self, name: str) -> None:
        """Switch to theme `name` and remember it for the next start."""
        self.theme = name
        state = UiState(theme=name, config_theme=self.config_theme)
        if problem := save_ui_state(state, self.state_file):
            self.notify(problem, severity="warning", markup=False)
