"""Opening a dump's sidecar for triage: read-only and damaged files, old ids, a second reader."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Protocol

from tui.dumps.store import (
    Store,
    StoreError,
    StoreReadOnly,
    migrate_ids,
    open_store,
    state_path_for,
)
from tui.session.triage import Triage, TriageDump
from tui.session.watcher import SidecarPresence


class SidecarDump(TriageDump, Protocol):
    """A dump that can also map ids saved under the older scheme (tui.dumps.index.Dump)."""

    def current_id(self, old_id: str) -> str | None: ...


def open_triage(paths: Sequence[str], dump: SidecarDump, *, labels: Sequence[str] = (),
                state: str | None = None, state_dir: str | None = None,
                synchronous: str = "full") -> tuple[Triage | None, list[str]]:
    """Open the dump's sidecar for triage; (None, why) when there is no usable one.

    A sidecar that cannot be written (read-only file or folder) opens read-only, or as an
    empty stand-in when there is none yet, with a message: the reader runs, not saving. A
    damaged sidecar is repaired by the Store (moved aside, what can be read kept) and
    the message says where the old one went. A second reader on the same dump is told
    that both save safely.
    """
    messages: list[str] = []
    try:
        store = open_store(paths, state=state, state_dir=state_dir, synchronous=synchronous)
    except StoreError as first:
        try:
            store = open_store(paths, state=state, state_dir=state_dir, readonly=True)
        except StoreError:
            if not isinstance(first, StoreReadOnly):
                return None, [f"Triage is off: {first}"]
            store = Store.blank(state or state_path_for(paths, state_dir))
        messages.append(f"Read-only: {first}. Decisions, labels and notes cannot be saved "
                        "in this session.")
    messages.extend(store.notices)
    if not store.readonly:
        try:
            if moved := migrate_ids(store, dump.current_id):
                messages.append(f"Moved {moved} saved article ids to the path-independent "
                                "scheme.")
        except (StoreError, sqlite3.Error) as exc:
            messages.append(f"{store.path}: could not update saved article ids ({exc})")
    presence = SidecarPresence(store.path)
    if not store.readonly and not presence.claim():
        messages.append("Another warta has this dump open too. Both save safely; when both "
                        "decide the same article, the later decision wins.")
    triage = Triage(store, dump, labels)
    triage.presence = presence
    return triage, messages
