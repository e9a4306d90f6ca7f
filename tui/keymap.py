"""The one place that knows warta's key bindings: default keys, ids, groups, and remapping.

Every binding has an id; config.yaml's `keymap: {id: "key1,key2"}` replaces the keys of
that id through Textual's own `App.set_keymap`. The help screen, the footer and the
command palette all read from here, so they always agree with what the keys do.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from textual.binding import Binding


class Scope(StrEnum):
    """Where a binding lives, which decides which widget handles it."""

    APP = "app"  # the App: works on every screen
    SCREEN = "screen"  # the main screen: works whichever pane has focus
    PANE = "pane"  # each scrolling pane (list, article, metadata) handles it its own way
    MODAL = "modal"  # dialogs (help, theme picker)
    RESERVED = "reserved"  # keys kept free for a feature that binds them itself
    NOTE = "note"  # the note editor (besides the dialog keys)
    HELP = "help"  # the help screen (besides the dialog keys; it scrolls with the pane keys)


@dataclass(frozen=True, slots=True)
class KeySpec:
    """One binding: its id, default keys, action, help text, group and scope."""

    id: str
    keys: str
    action: str
    description: str
    group: str
    scope: Scope
    footer: str = ""  # the short footer label; empty keeps it out of the footer
    short: str = ""  # the footer label when the full ones do not fit (default: `footer`)


_FOOTER_GROUPS: dict[str, Binding.Group] = {}


def _footer_group(label: str) -> Binding.Group:
    return _FOOTER_GROUPS.setdefault(label, Binding.Group(label, compact=True))


SPECS: tuple[KeySpec, ...] = (
    # Moving inside the focused pane.
    KeySpec("cursor_down", "j,down", "cursor_down", "Next row (article: scroll down)",
            "Move", Scope.PANE),
    KeySpec("cursor_up", "k,up", "cursor_up", "Previous row (article: scroll up)",
            "Move", Scope.PANE),
    KeySpec("first", "g,home", "first", "First row (article: top)", "Move", Scope.PANE),
    KeySpec("last", "G,end", "last", "Last row (article: bottom)", "Move", Scope.PANE),
    KeySpec("page_down", "pagedown", "page_down", "Page down in the focused pane", "Move",
            Scope.PANE),
    KeySpec("page_up", "pageup", "page_up", "Page up in the focused pane", "Move", Scope.PANE),
    # The article's text, from any pane (less / vim keys).
    KeySpec("read_article", "enter", "read_article", "Read: focus the article", "Move",
            Scope.SCREEN),
    KeySpec("article_page_down", "space,ctrl+f", "article_page(1.0)",
            "Page the article down, from any pane", "Move", Scope.SCREEN),
    KeySpec("article_page_up", "ctrl+b", "article_page(-1.0)",
            "Page the article up, from any pane", "Move", Scope.SCREEN),
    KeySpec("article_half_down", "ctrl+d", "article_page(0.5)",
            "Half a page down in the article", "Move", Scope.SCREEN),
    KeySpec("article_half_up", "ctrl+u", "article_page(-0.5)",
            "Half a page up in the article", "Move", Scope.SCREEN),
    # Articles and sections.
    KeySpec("next_article", "J", "next_article", "Next article", "Articles", Scope.SCREEN,
            "article"),
    KeySpec("prev_article", "K", "prev_article", "Previous article", "Articles", Scope.SCREEN,
            "article"),
    KeySpec("next_section", "right_square_bracket", "next_section", "Next section",
            "Articles", Scope.SCREEN, "section"),
    KeySpec("prev_section", "left_square_bracket", "prev_section", "Previous section",
            "Articles", Scope.SCREEN, "section"),
    KeySpec("filter", "slash", "filter", "Filter the list by text", "Articles", Scope.SCREEN,
            "filter", "find"),
    KeySpec("cancel", "escape", "cancel", "Cancel a running filter or search", "Articles",
            Scope.SCREEN),
    KeySpec("next_match", "n", "next_match", "Next match in the article", "Articles",
            Scope.SCREEN),
    KeySpec("prev_match", "N", "prev_match", "Previous match in the article", "Articles",
            Scope.SCREEN),
    # What the article view shows.
    KeySpec("toggle_boilerplate", "b", "toggle_boilerplate", "Show / hide boilerplate",
            "View", Scope.SCREEN, "boilerplate", "boiler"),
    KeySpec("toggle_entities", "e", "toggle_entities", "Entity colour on / off", "View",
            Scope.SCREEN),
    KeySpec("toggle_meta", "m", "toggle_meta", "Metadata panel on / off", "View",
            Scope.SCREEN, "meta"),
    KeySpec("focus_next", "tab", "app.focus_next", "Focus the next pane", "View",
            Scope.SCREEN),
    KeySpec("focus_previous", "shift+tab", "app.focus_previous", "Focus the previous pane",
            "View", Scope.SCREEN),
    # The app.
    KeySpec("pick_theme", "t", "pick_theme", "Pick a theme", "App", Scope.APP),
    KeySpec("help", "question_mark", "help", "Help: every binding", "App", Scope.APP, "help"),
    KeySpec("command_palette", "ctrl+p", "command_palette", "Command palette", "App",
            Scope.APP),
    KeySpec("quit", "q,ctrl+c", "quit", "Quit (everything is already saved)", "App",
            Scope.APP, "quit"),
    KeySpec("close", "escape", "close", "Close a dialog (help, theme picker)", "App",
            Scope.MODAL),
    KeySpec("close_help", "q", "close", "Close the help (also escape and ?)", "App",
            Scope.HELP),
    # Triage: the main screen's actions, thin calls into tui/session.
    KeySpec("keep", "a", "decide('keep')", "Keep, then next undecided article", "Triage",
            Scope.SCREEN, "keep"),
    KeySpec("reject", "x", "decide('reject')", "Reject, then next undecided article",
            "Triage", Scope.SCREEN, "reject", "rej"),
    KeySpec("skip", "s", "decide('skip')", "Skip, then next undecided article", "Triage",
            Scope.SCREEN, "skip"),
    KeySpec("flag", "f", "decide('flag')", "Flag, then next undecided article", "Triage",
            Scope.SCREEN, "flag"),
    KeySpec("undo", "u", "undo", "Undo the last decision (again: the one before)", "Triage",
            Scope.SCREEN, "undo"),
    KeySpec("note", "c", "note", "Add or edit a note", "Triage", Scope.SCREEN, "note"),
    *(
        KeySpec(f"label_{n}", str(n), f"label({n})", f"Toggle label {n} (triage.labels)",
                "Triage", Scope.SCREEN)
        for n in range(1, 10)
    ),
    KeySpec("triage_filter", "F", "triage_filter",
            "Show only: a decision, the undecided or a label", "Triage", Scope.SCREEN,
            "show only", "only"),
    KeySpec("note_save", "ctrl+s", "save", "Save the note (in the note editor)", "Triage",
            Scope.NOTE),
)

FOOTER_DROP_ORDER: tuple[str, ...] = ("next_section", "toggle_meta", "toggle_boilerplate",
                                       "filter", "next_article", "triage_filter", "note")
"""Footer entries left out, in this order, when even the short labels do not fit."""

BY_ID: dict[str, KeySpec] = {spec.id: spec for spec in SPECS}
GROUPS: tuple[str, ...] = tuple(dict.fromkeys(spec.group for spec in SPECS))

# Friendly names people write in config.yaml for Textual's key names.
_KEY_ALIASES = {"?": "question_mark", "/": "slash", "]": "right_square_bracket",
                "[": "left_square_bracket", " ": "space", ",": "comma"}
_KEY_NAME = re.compile(r"^(?:(?:ctrl|shift|alt|super|meta|hyper)\+)*[A-Za-z0-9_]+$")


def bindings(scope: Scope) -> list[Binding]:
    """The Textual Bindings of one scope, with ids, groups and footer labels."""
    out: list[Binding] = []
    for spec in SPECS:
        if spec.scope is not scope:
            continue
        out.append(Binding(
            spec.keys, spec.action, spec.footer or spec.description, show=bool(spec.footer),
            id=spec.id, group=_footer_group(spec.footer) if spec.footer else None,
            priority=spec.id == "command_palette",
        ))
    return out


def normalise_keys(keys: str) -> str:
    """`"?, ctrl+n"` -> `"question_mark,ctrl+n"`: Textual's key names, no spaces."""
    parts = [k.strip() for k in keys.split(",")] if keys.strip() != "," else [","]
    return ",".join(_KEY_ALIASES.get(k, k) for k in parts if k)


def display_keys(keys: str) -> str:
    """How keys are shown to people: `"question_mark,ctrl+p"` -> `"?, ctrl+p"`."""
    back = {v: k for k, v in _KEY_ALIASES.items() if k != " "}
    return ", ".join(back.get(k, k) for k in keys.split(","))


def resolve(user: Mapping[str, Any], origin: str = "config") -> tuple[dict[str, str], list[str]]:
    """Check the user's `keymap:` section: the keymap to apply and one line per problem.

    Unknown ids and malformed keys are dropped with a message; a key taken by two
    bindings is reported (the new mapping still applies, as the user asked for it).
    """
    problems: list[str] = []
    keymap: dict[str, str] = {}
    known = ", ".join(sorted(BY_ID))
    for binding_id, keys in user.items():
        if binding_id not in BY_ID:
            problems.append(f"{origin}: keymap: unknown binding id {binding_id!r} "
                            f"(known ids: {known})")
            continue
        if not isinstance(keys, str) or not normalise_keys(keys):
            problems.append(f"{origin}: keymap: {binding_id} needs keys such as \"ctrl+n,J\", "
                            f"not {keys!r}")
            continue
        norm = normalise_keys(keys)
        bad = [k for k in norm.split(",") if not _KEY_NAME.match(k)]
        if bad:
            problems.append(f"{origin}: keymap: {binding_id}: {bad[0]!r} is not a key name "
                            "(examples: J, ctrl+n, f5, pagedown, question_mark)")
            continue
        keymap[binding_id] = norm
    current = effective_keys(keymap)
    owners: dict[str, list[str]] = {}
    for binding_id, keys in current.items():
        for key in keys.split(","):
            owners.setdefault(key, []).append(binding_id)
    for key, ids in owners.items():
        if len(ids) > 1 and any(i in keymap for i in ids):
            problems.append(f"{origin}: keymap: {display_keys(key)!r} is bound to both "
                            f"{ids[0]} and {ids[1]}")
    return keymap, problems


def effective_keys(keymap: Mapping[str, str]) -> dict[str, str]:
    """Every binding id with its keys as currently mapped (defaults overlaid by `keymap`)."""
    return {spec.id: keymap.get(spec.id, spec.keys) for spec in SPECS}


def footer_label(binding_id: str | None, compact: bool) -> str | None:
    """The footer label of a binding id (its short one when `compact`); None: not known."""
    spec = BY_ID.get(binding_id or "")
    if spec is None:
        return None
    return (spec.short or spec.footer) if compact else spec.footer


def label_description(number: int, labels: Sequence[str]) -> str:
    """How help names label key `number`: the configured label's name, or that it has none."""
    if 0 < number <= len(labels):
        return f"{labels[number - 1]} (toggle the label)"
    return "no label configured (triage.labels)"


def help_rows(keymap: Mapping[str, str], labels: Sequence[str] = (),
              ) -> Iterable[tuple[str, str, str, str]]:
    """(group, keys, description, id) for every binding, grouped, as currently mapped."""
    current = effective_keys(keymap)
    for group in GROUPS:
        for spec in SPECS:
            if spec.group == group:
                description = spec.description
                if spec.id.startswith("label_"):
                    description = label_description(int(spec.id[6:]), labels)
                yield group, display_keys(current[spec.id]), description, spec.id
