"""Site templates for the open dump: learnt in a background thread, kept in the sidecar.

The first `max_records` records are read (straight from the files, not through the
reader's caches) into a TemplateLearner; the result goes to the analyser, which strips
it from every article analysed afterwards, and into the sidecar's analysis cache under
the dump's size and modification time, so the next open has it at once. Articles shown
before learning ends keep the Document they had; they are analysed again, with the
template, the next time they are not in memory.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # the cleaner's modules load in the thread, never on the start path
    from tui.analyser import DocumentShelf
    from tui.text.template import SiteTemplate, TemplateLearner

SIDECAR_ID = "#site-templates"  # the analysis cache row that holds them (no article id
# starts with "#": ids are paths and path#row)
YIELD_EVERY = 64  # records between pauses that let the UI thread have the interpreter


class TemplateUser(Protocol):
    """What takes the learnt templates (tui.analyser.PipelineAnalyser)."""

    @property
    def version(self) -> str: ...
    def use_templates(self, templates: Mapping[str, SiteTemplate]) -> None: ...


def dump_fingerprint(paths: Sequence[str]) -> str:
    """The dump's files as they are now: path, size and modification time of each."""
    parts = []
    for path in paths:
        with contextlib.suppress(OSError):
            st = os.stat(path)
            parts.append(f"{os.path.realpath(path)}\0{st.st_size}\0{st.st_mtime_ns}")
    return hashlib.sha1("\n".join(parts).encode("utf-8"), usedforsecurity=False).hexdigest()


class TemplateLearning:
    """Learns the dump's site templates once, off the UI thread, and hands them over."""

    def __init__(self, records: Callable[[], Any], fingerprint: str, user: TemplateUser,
                 shelf: DocumentShelf | None, learner: Callable[[], TemplateLearner],
                 max_records: int, delay: float = 0.0,
                 learnt: Callable[[], None] | None = None) -> None:
        self._records = records  # a fresh iterator over the dump's records
        self._fingerprint = fingerprint
        self._user = user
        self._shelf = shelf
        self._learner = learner  # made in the thread: it imports the cleaner
        self._max = max_records
        self._delay = delay  # seconds to wait first: the reader's first frame comes first
        self._learnt = learnt  # told once templates are in use (Documents made before are stale)
        self.done = threading.Event()
        self.sites = 0  # sites with a template, once done

    def start(self) -> TemplateLearning:
        """Run in a daemon thread (it never holds anything the reader needs)."""
        threading.Thread(target=self.run, name="learn-templates", daemon=True).start()
        return self

    def run(self) -> None:
        """Saved templates when the dump is unchanged, else learn them; then hand over."""
        time.sleep(self._delay)
        try:
            templates = self._saved()
            if templates is None:
                templates = self._learn()
                self._save(templates)
            self.sites = len(templates)
            if templates:
                self._user.use_templates(templates)
                if self._learnt is not None:
                    self._learnt()
        except Exception:  # learning is an improvement only: the reader goes on without
            pass
        finally:
            self.done.set()

    def _saved(self) -> dict[str, SiteTemplate] | None:
        if self._shelf is None:
            return None
        from tui.text.template import templates_from_json

        with contextlib.suppress(Exception):
            found = self._shelf.get(SIDECAR_ID, self._fingerprint, self._user.version)
            if isinstance(found, dict) and isinstance(found.get("templates"), str):
                return templates_from_json(found["templates"])
        return None

    def _learn(self) -> dict[str, SiteTemplate]:
        learner = self._learner()
        for n, record in enumerate(self._records()):
            if n >= self._max:
                break
            learner.add(record)
            if n % YIELD_EVERY == 0:
                time.sleep(0)
        return learner.templates()

    def _save(self, templates: dict[str, SiteTemplate]) -> None:
        if self._shelf is None:
            return
        from tui.text.template import templates_to_json

        with contextlib.suppress(Exception):  # only the next open learns again
            self._shelf.put(SIDECAR_ID, self._fingerprint, self._user.version,
                            {"templates": templates_to_json(templates)})
