"""Opening a JSON document: its array's elements indexed like JSON Lines, else parsed whole.

The document is scanned for its array (tui.dumps.array_scan) through the same sources,
background scan and scan cache as JSON Lines, so a big array opens after its first chunk
and a compressed one is read in place. A document with no array (one article as an
object, or not JSON at all) is parsed whole as before, up to the record size cap, and
gives the same record or the same one-line error.
"""

from __future__ import annotations

from dataclasses import replace

from tui.dumps.array_scan import ArrayScanner, kept
from tui.dumps.background import BackgroundScan
from tui.dumps.formats import (
    JsonArray,
    Opened,
    Reader,
    _indexed,
    _json_items,
    open_indexed,
)
from tui.dumps.json_array import JsonElements
from tui.dumps.offsets import Offsets
from tui.dumps.sniff import DumpError, Kind
from tui.dumps.sources import ByteSource, read_all


def open_json(o: Opened) -> Reader:
    """The reader of a JSON document; DumpError if it holds no article."""
    made: list[ArrayScanner] = []
    said: list[str] = []  # what opening said (damage): passed on once the reader is known

    def array_scanner() -> ArrayScanner:
        made.append(ArrayScanner(o.label))
        return made[-1]

    source, offsets, scan = _indexed(o.path, o.found, o.label, said.append, o.limits,
                                     o.background, array_scanner)
    try:
        while made and not made[-1].settled and scan is not None and scan.advance():
            pass
        if (made and made[-1].level) or (not made and len(offsets)):
            return _elements(o, source, offsets, scan, made[-1] if made else None, said)
        return _whole(o, source, _end(offsets, scan, made), scan, said)
    except BaseException:
        if scan is not None:
            scan.close()
        source.close()
        raise


def _elements(o: Opened, source: ByteSource, offsets: Offsets, scan: BackgroundScan | None,
              scanner: ArrayScanner | None, said: list[str]) -> Reader:
    """The array's reader, its break (if the scan is over) said once; when no element came
    before the break, the document parsed whole says what is wrong (DumpError)."""
    reader = JsonElements(source, offsets, o.label, o.name, o.limits, o.warnings, o.names)
    reader.scan = scan
    if scan is not None:
        if scan.scanning or len(reader):
            for line in said:
                o.problem(line)
            return reader
        said += scan.take_problems()  # all of it scanned at once: nothing before the break
    elif not said:
        said += scanner.notes if scanner is not None else _cached_break(reader)
    if not len(reader) and said:
        return _whole(o, source, _end(offsets, scan, [scanner] if scanner else []), None, said)
    for line in said:
        o.problem(line)
    return reader


def _cached_break(reader: JsonElements) -> list[str]:
    """The break of an array whose index came from the cache (its scan said it first)."""
    if reader.whole:
        return []
    return [f"{reader.label}: not valid JSON: the array breaks off at byte "
            f"{reader.offsets.size:,}{kept(len(reader))}"]


def _end(offsets: Offsets, scan: BackgroundScan | None, made: list[ArrayScanner]) -> int:
    """Where the data read so far ends (an array cut short: past its last element)."""
    if scan is not None:
        return scan.read_bytes
    return made[-1].base if made else offsets.size


def _whole(o: Opened, source: ByteSource, end: int, scan: BackgroundScan | None,
           said: list[str]) -> Reader:
    """A document with no array, parsed whole (it is one record: the size cap applies);
    JSON Lines after all when its first line is a whole object."""
    cap = o.limits.max_record_bytes
    while scan is not None and scan.scanning and scan.read_bytes <= cap:
        scan.advance()
    if scan is not None:
        end = scan.read_bytes
    if (scan is not None and scan.scanning) or o.limits.too_large(end) is not None:
        raise DumpError(said[0] if said else
                        f"{o.label}: no array of articles found, and too big to read as one "
                        f"article ({o.limits.too_large(cap + 1)})")
    data = read_all(source, end)
    try:
        items, single = _json_items(data, o.label, o.limits, o.names)
    except DumpError:
        first = data.lstrip().split(b"\n", 1)
        if len(first) == 2 and first[0].rstrip().endswith(b"}"):
            del data
            if scan is not None:
                scan.close()
            source.close()
            return open_indexed(replace(o, found=replace(o.found, kind=Kind.JSONL)))
        raise
    if scan is not None:
        scan.close()
    source.close()
    for line in said:
        o.problem(line)
    return JsonArray(items, o.label, single, o.name, o.warnings, o.names)
