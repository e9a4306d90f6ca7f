"""Site templates: lines that recur in many articles of one site are its menus and footers.

A per-article classifier sees a site's menu once; a dump sees it on every page. The
learner counts, per site (publisher field, URL host, else the record's folder), in how many
articles each line occurs, compared after light normalisation (case, digits, spacing), so
"© 2024 Kompas" and "© 2025 Kompas" are one line. A line is template when it occurs in at
least `min_articles` articles of its site and in at least `min_share` of them: a sentence
quoted by three articles is not a menu. Memory is bounded: lines are kept as 8-byte
digests, and when the table grows past `max_lines`, lines seen once are forgotten.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from tui.text.model import Record
from tui.text.structure import record_publisher

_DIGITS = re.compile(r"\d+")
_EDGES = " \t.,;:!?|·•-–—»«>\"'()[]"
MAX_LINE = 1000  # longer lines are prose, never a template (and not worth hashing)


def line_key(line: str) -> bytes | None:
    """The digest two near-identical lines share; None for a line too short or too long."""
    # str.split() splits on what `\s` matches: the spaces collapse as re.sub(r"\s+") would.
    text = " ".join(_DIGITS.sub("0", line.casefold()).split()).strip(_EDGES)
    if len(text) < 2 or len(text) > MAX_LINE:
        return None
    # surrogatepass: a lone surrogate (from a JSON escape in the dump) is still a line.
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()


def site_of(record: Record) -> str:
    """Which site a record comes from: its publisher or URL host, else its folder."""
    publisher = record_publisher(record.fields, record.url)
    if publisher:
        return publisher.casefold()
    folder, _, _ = record.id.rpartition("/")
    return folder


@dataclass
class _Site:
    articles: int = 0
    counts: dict[bytes, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SiteTemplate:
    """The learnt template lines of one site, as digests."""

    keys: frozenset[bytes] = frozenset()

    def __contains__(self, line: object) -> bool:
        return isinstance(line, str) and (key := line_key(line)) is not None \
            and key in self.keys

    def __len__(self) -> int:
        return len(self.keys)

    @property
    def digest(self) -> str:
        """A short name for exactly these lines (part of an analysis cache key)."""
        return hashlib.blake2b(b"".join(sorted(self.keys)), digest_size=6).hexdigest()


EMPTY = SiteTemplate()


class TemplateLearner:
    """Counts lines per site over the articles it is shown; answers each site's template."""

    def __init__(self, min_articles: int = 5, min_share: float = 0.3,
                 max_lines: int = 500_000) -> None:
        self.min_articles = min_articles
        self.min_share = min_share
        self.max_lines = max_lines
        self._sites: dict[str, _Site] = {}
        self._size = 0
        self._cache: dict[str, SiteTemplate] = {}

    def add(self, record: Record) -> None:
        """Count each distinct line of `record` once for its site."""
        self.add_lines(site_of(record), record.text.splitlines())

    def add_lines(self, site: str, lines: Iterable[str]) -> None:
        """Count each distinct line once for `site` (one article's lines)."""
        entry = self._sites.setdefault(site, _Site())
        entry.articles += 1
        keys = {k for line in lines if (k := line_key(line)) is not None}
        counts = entry.counts
        for key in keys:
            seen = counts.get(key)
            if seen is None:
                self._size += 1
            counts[key] = (seen or 0) + 1
        self._cache.pop(site, None)
        if self._size > self.max_lines:
            self._forget_singletons()

    def _forget_singletons(self) -> None:
        """Drop lines seen in one article only (they are far from any threshold)."""
        for entry in self._sites.values():
            entry.counts = {k: n for k, n in entry.counts.items() if n > 1}
        self._size = sum(len(e.counts) for e in self._sites.values())
        self._cache.clear()

    def template(self, site: str) -> SiteTemplate:
        """The lines of `site` that occur in enough of its articles to be its template."""
        cached = self._cache.get(site)
        if cached is not None:
            return cached
        entry = self._sites.get(site)
        if entry is None or entry.articles < self.min_articles:
            return EMPTY
        floor = max(self.min_articles, self.min_share * entry.articles)
        found = SiteTemplate(frozenset(k for k, n in entry.counts.items() if n >= floor))
        self._cache[site] = found
        return found

    def template_for(self, record: Record) -> SiteTemplate:
        """The template of the site `record` comes from."""
        return self.template(site_of(record))

    def templates(self) -> dict[str, SiteTemplate]:
        """Every site's template that holds at least one line."""
        return {site: t for site in self._sites if (t := self.template(site))}

    def to_json(self) -> str:
        """The learnt templates only (not the counts), for the sidecar."""
        return templates_to_json(self.templates())


def templates_to_json(templates: dict[str, SiteTemplate]) -> str:
    """Site templates as JSON (sites to hex digests)."""
    return json.dumps({site: sorted(k.hex() for k in t.keys) for site, t in templates.items()})


def templates_from_json(text: str) -> dict[str, SiteTemplate]:
    """Site templates saved by `templates_to_json`; an unreadable text gives none."""
    try:
        data = json.loads(text)
        return {str(site): SiteTemplate(frozenset(bytes.fromhex(k) for k in keys))
                for site, keys in data.items()}
    except (ValueError, TypeError, AttributeError):
        return {}
