"""The reader's analyser: Record -> Document through the one Pipeline, in two passes.

No Textual here: the command line can look up the first article in the sidecar, or start
its analysis in a child process (tui.startup.EarlyAnalysis), before the UI modules are
even imported.

Full Documents are kept in the dump's sidecar (the `analysis` table, see
tui/dumps/store.py) under a version key naming the pipeline's code and data and the
analysis settings, so a dump opened before shows its articles without analysing them
again, and a changed config or pipeline never shows a stale analysis.
"""

from __future__ import annotations

import contextlib
import copy
import json
import threading
from collections.abc import Mapping
from hashlib import sha1
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from tui import regex_cache
from tui.config import Config
from tui.dumps import scan_cache
from tui.resources import user_dir
from tui.text.entities import RecogniserError
from tui.text.model import Block, BlockKind, Document, Meta, Record
from tui.text.settings import AnalysisSettings

if TYPE_CHECKING:
    from tui.text.template import SiteTemplate

_PIPELINE_DIR = Path(__file__).resolve().parent / "text"


class DocumentShelf(Protocol):
    """Where analysed Documents are kept between runs (tui.dumps.analysis_cache provides it)."""

    def get(self, article_id: str, key: str, version: str) -> Any | None: ...
    def put(self, article_id: str, key: str, version: str,
            document: dict[str, Any]) -> None: ...
    def described(self) -> dict[str, tuple[str | None, str | None, int]]: ...


def pipeline_digest(folder: Path = _PIPELINE_DIR) -> str:
    """A digest of the pipeline's code and shipped data (every file under tui/text).

    Reads the files themselves (about 0.6 MB), not their times, so a checkout or an
    install that changes nothing keeps the cache, and any change to a rule drops it.
    The digest is kept in the cache folder under the files' names, sizes and modification
    times (Python's own check of a .pyc): while none of those changed, the files are not
    read again (6-9 ms of the start, before the first article's sidecar lookup).
    """
    files = [path for path in sorted(folder.rglob("*"))
             if "__pycache__" not in path.parts and path.suffix not in (".pyc", ".md")
             and path.is_file()]
    signature = sha1(usedforsecurity=False)
    for path in files:
        st = path.stat()
        signature.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "replace"))
    where = sha1(str(folder).encode("utf-8", "replace"), usedforsecurity=False).hexdigest()
    kept = user_dir("cache") / f"pipeline-digest-{where[:12]}.json"
    with contextlib.suppress(OSError, ValueError, TypeError, KeyError):
        saved = json.loads(kept.read_text(encoding="utf-8"))
        if saved["signature"] == signature.hexdigest():
            return str(saved["digest"])
    digest = sha1(usedforsecurity=False)
    for path in files:
        digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
    # Atomically, as the scan cache writes its files; a failure only costs the next start.
    scan_cache.write(kept, json.dumps({"signature": signature.hexdigest(),
                                       "digest": digest.hexdigest()}).encode("utf-8"))
    return digest.hexdigest()


def analysis_version(settings: AnalysisSettings, code: str | None = None) -> str:
    """The cache version of full Documents: the pipeline's code and data plus the settings."""
    knobs = {"detect_language": True, "boilerplate": settings.boilerplate,
             "entities": settings.entities, "words_per_minute": settings.words_per_minute}
    digest = sha1(usedforsecurity=False)
    digest.update((code or pipeline_digest()).encode("ascii"))
    digest.update(json.dumps(knobs, sort_keys=True, default=str,
                             ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()[:24]


def record_digest(record: Record) -> str:
    """A digest of everything in a Record the analysis reads (text, title, url, ... fields)."""
    data = [record.text, record.title, record.url, record.date, record.author, record.fields]
    return sha1(json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
                .encode("utf-8"), usedforsecurity=False).hexdigest()


def plain_document(record: Record, warning: str, words_per_minute: int = 200) -> Document:
    """`record` as plain paragraphs (no analysis), with `warning` saying why.

    What the reader shows when an analysis raised: the text is still there to read.
    """
    blocks: list[Block] = []
    start = 0
    paragraph: list[str] = []
    for number, line in enumerate(record.text.splitlines(), start=1):
        if line.strip():
            if not paragraph:
                start = number
            paragraph.append(line.strip())
        elif paragraph:
            blocks.append(Block(BlockKind.PARAGRAPH, " ".join(paragraph), (start, number - 1)))
            paragraph = []
    if paragraph:
        blocks.append(Block(BlockKind.PARAGRAPH, " ".join(paragraph),
                            (start, start + len(paragraph) - 1)))
    from tui.text.words import count_words  # an analysis failed: not on the start-up path

    words = sum(count_words(b.text, compounds=True) for b in blocks)
    meta = Meta(url=record.url, date=record.date, author=record.author, words=words,
                reading_minutes=round(words / max(1, words_per_minute), 1))
    return Document(record.id, record.title, blocks, meta,
                    warnings=[*record.warnings, warning])


class PipelineAnalyser:
    """analyse(record, detect_language) through the one Pipeline for this config.

    The Pipeline is imported and built on first use (in an analysis worker, or in a
    thread the command line starts), so its set-up (compiling rules) never runs on the
    UI thread. The quick pass (detect_language False) also leaves entities to the full
    pass: it only has to give the view the article's structure.

    With a `shelf` (the sidecar's analysis cache), `cached(record)` reads a full Document
    kept there and `store(record, document)` keeps one.
    """

    def __init__(self, config: Config, shelf: DocumentShelf | None = None) -> None:
        self.settings = config.analysis
        self.shelf = shelf
        self._lock = threading.Lock()
        self._full: Any = None
        self._quick: Any = None
        self._notice: str | None = None
        self._version: str | None = None
        self._loaded = False
        self._templates: Mapping[str, SiteTemplate] = {}

    def use_templates(self, templates: Mapping[str, SiteTemplate]) -> None:
        """Strip these site templates from the articles analysed from now on."""
        self._templates = templates

    def _template(self, record: Record) -> SiteTemplate | None:
        """The learnt template of `record`'s site, if any."""
        if not self._templates:
            return None
        from tui.text.template import site_of

        return self._templates.get(site_of(record))

    def _key(self, record: Record) -> str:
        """The cache key: the record's digest, and its site template's when there is one."""
        template = self._template(record)
        digest = record_digest(record)
        return f"{digest}+{template.digest}" if template else digest

    @property
    def version(self) -> str:
        """The cache version of this analyser's full Documents (computed once)."""
        if self._version is None:
            self._version = analysis_version(self.settings)
        return self._version

    def warm(self) -> None:
        """Build the pipelines now (e.g. in a thread started before the UI is imported)."""
        self._pipelines()

    @property
    def warmed(self) -> bool:
        """True once the pipelines are built."""
        return self._full is not None

    @property
    def loaded(self) -> bool:
        """True once a full analysis has run: its data (gazetteer, language profiles) is in."""
        return self._loaded

    def _pipelines(self) -> tuple[Any, Any]:
        with self._lock:
            if self._full is None:
                from tui.text.entities import NullRecogniser
                from tui.text.pipeline import Pipeline

                regex_cache.load()
                self._full = Pipeline(self.settings)
                quick = copy.copy(self._full)
                quick.recogniser = NullRecogniser()
                self._quick = quick
            return self._full, self._quick

    def cached(self, record: Record) -> Document | None:
        """The full Document of `record` kept in the sidecar, or None (never analyses)."""
        if self.shelf is None:
            return None
        try:
            found = self.shelf.get(record.id, self._key(record), self.version)
            return None if found is None else Document.from_dict(found)
        except Exception:  # a damaged or foreign cache entry is only a cache miss
            return None

    def described(self) -> dict[str, tuple[str | None, str | None, int]]:
        """Title, language and words of the Documents kept in the sidecar, by article id."""
        if self.shelf is None:
            return {}
        try:
            return self.shelf.described()
        except Exception:  # a damaged cache keeps nothing
            return {}

    def store(self, record: Record, document: Document) -> None:
        """Write a full Document to the sidecar (a failure only costs the cache)."""
        if self.shelf is None:
            return
        with contextlib.suppress(Exception):
            self.shelf.put(record.id, self._key(record), self.version, document.to_dict())

    def __call__(self, record: Record, detect_language: bool) -> Document:
        """The Document of `record`; without language and entities when not `detect_language`.

        Always analyses: looking in the sidecar first (`cached`) and keeping the result
        (`store`) are the caller's (tui.session.analysis).
        """
        full, quick = self._pipelines()
        template = self._template(record)
        if detect_language:
            try:
                document = full.analyse(record, detect_language=True, template=template)
            except RecogniserError as exc:
                self._fall_back_to_rules(full, exc)
                document = full.analyse(record, detect_language=True, template=template)
            self._loaded = True
            regex_cache.save()  # patterns first compiled for this article, if any
            return document
        return quick.analyse(record, detect_language=False, template=template)

    def _fall_back_to_rules(self, full: Any, exc: RecogniserError) -> None:
        """The configured recogniser cannot be built: use the built-in one and say so once."""
        from tui.text.entities import make_recogniser

        with self._lock:
            full.recogniser = make_recogniser({"backend": "rules"})
            self._notice = f"{exc}; using the built-in recogniser instead"

    def take_notice(self) -> str | None:
        """A message for the user that arose while analysing (given out once), or None."""
        with self._lock:
            notice, self._notice = self._notice, None
        return notice

    def plain(self, record: Record, warning: str) -> Document:
        """`record` as plain paragraphs (an analysis that raised), read at the configured pace."""
        return plain_document(record, warning, self.settings.words_per_minute)
