"""The reader's typed messages, from the session's callbacks to the screen.

The analysis service and the triage watcher know nothing of Textual; what they report
arrives here and is posted as a message (thread-safe: workers post from their threads),
handled by the main screen like any key or event.
"""

from __future__ import annotations

import threading

from textual.message import Message
from textual.message_pump import MessagePump

from tui.text.model import Document


class DocumentReady(Message):
    """(Part of) the analysis of article `index` is in: quick (structure) or full.

    `painted` is set once the screen has drawn it, so the worker can hold its next,
    slower step until then instead of competing with the repaint.
    """

    def __init__(self, index: int, document: Document, full: bool,
                 painted: threading.Event | None = None) -> None:
        super().__init__()
        self.index = index
        self.document = document
        self.full = full
        self.painted = painted


class AnalysisFailed(Message):
    """Article `index` could not be read or analysed; `error` says why in one line."""

    def __init__(self, index: int, error: str) -> None:
        super().__init__()
        self.index = index
        self.error = error


class AnalysisNotice(Message):
    """Something the analysis wants the user to know (e.g. a recogniser fell back)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class TriageChanged(Message):
    """Another process changed triage in the sidecar; the decisions were reloaded."""


class MessagePoster:
    """An AnalysisListener (tui.session.analysis) that posts messages to `target`."""

    def __init__(self, target: MessagePump) -> None:
        self.target = target

    def ready(self, index: int, document: Document, full: bool,
              painted: threading.Event | None) -> None:
        """Post DocumentReady."""
        self.target.post_message(DocumentReady(index, document, full, painted))

    def failed(self, index: int, error: str) -> None:
        """Post AnalysisFailed."""
        self.target.post_message(AnalysisFailed(index, error))

    def notice(self, text: str) -> None:
        """Post AnalysisNotice."""
        self.target.post_message(AnalysisNotice(text))
