"""The reader's analyser: Record -> Document through the one Pipeline, in two passes.

No Textual here: the command line can start building the Pipeline in a thread before the
UI modules are even imported.
"""

from __future__ import annotations

import copy
import threading
from typing import Any

from tui.config import Config
from tui.text.model import Document, Record


class PipelineAnalyser:
    """analyse(record, detect_language) through the one Pipeline for this config.

    The Pipeline is imported and built on first use, which is in an analysis worker, so
    its set-up (compiling rules) never delays the first frame. The quick pass
    (detect_language False) also leaves entities to the full pass: it only has to give
    the view the article's structure.
    """

    def __init__(self, config: Config) -> None:
        self.settings = config.analysis
        self._lock = threading.Lock()
        self._full: Any = None
        self._quick: Any = None

    def warm(self) -> None:
        """Build the pipelines now (e.g. in a thread started before the UI is imported)."""
        self._pipelines()

    def _pipelines(self) -> tuple[Any, Any]:
        with self._lock:
            if self._full is None:
                from tui.text.entities import NullRecogniser
                from tui.text.pipeline import Pipeline

                self._full = Pipeline(self.settings)
                quick = copy.copy(self._full)
                quick.recogniser = NullRecogniser()
                self._quick = quick
            return self._full, self._quick

    def __call__(self, record: Record, detect_language: bool) -> Document:
        """The Document of `record`; without language and entities when not `detect_language`."""
        full, quick = self._pipelines()
        if detect_language:
            return full.analyse(record, detect_language=True)
        return quick.analyse(record, detect_language=False)
