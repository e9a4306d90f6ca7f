"""How much a dump may ask of the reader: record size, JSON nesting, inflated size.

Every record is checked before it is parsed, so one hostile line (a 100,000-deep array,
a 2 GB line) becomes one error row instead of a crash or a stall; compressed files stop
inflating at a cap instead of filling the disk.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from itertools import accumulate

MIB = 1024 * 1024
GIB = 1024 * MIB


@dataclass(frozen=True, slots=True)
class DumpLimits:
    """Caps on one record and on one inflated file (config section `dump`)."""

    max_record_bytes: int = 16 * MIB
    max_depth: int = 1000
    max_inflated_bytes: int = 8 * GIB

    @classmethod
    def from_config(cls, section: dict[str, object]) -> DumpLimits:
        """The limits from config.yaml's `dump` section (megabytes and gigabytes there)."""
        return cls(max_record_bytes=int(float(str(section["max_record_mb"])) * MIB),
                   max_depth=int(str(section["max_depth"])),
                   max_inflated_bytes=int(float(str(section["max_inflated_gb"])) * GIB))

    def too_large(self, size: int) -> str | None:
        """Why a record of `size` bytes is refused, or None when it is within the cap."""
        if size <= self.max_record_bytes:
            return None
        return (f"record of {_size(size)} is over the {_size(self.max_record_bytes)} limit "
                "(dump.max_record_mb)")

    def too_deep(self, data: bytes) -> str | None:
        """Why a JSON text is refused for its nesting, or None when it is shallow enough."""
        if len(data) <= self.max_depth or data.count(b"[") + data.count(b"{") <= self.max_depth:
            return None  # the common case: too few brackets to nest that deep
        if json_depth(data) <= self.max_depth:
            return None
        return f"nested deeper than {self.max_depth} levels"


DEFAULT_LIMITS = DumpLimits()


def _size(n: int) -> str:
    """Bytes as people read them: `16 MB`, `2.5 MB`, `300 bytes`."""
    return f"{n / MIB:.3g} MB" if n >= MIB // 10 else f"{n} bytes"

# A JSON string, escapes included; the unrolled form matches in linear time.
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
# Openers become +1 and closers -1 once read as signed bytes.
_STEPS = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")


def json_depth(data: bytes) -> int:
    """The deepest nesting of arrays and objects in a JSON text, brackets in strings ignored.

    Linear time, and the per-bracket work runs in C (translate, accumulate), so a line of
    100,000 brackets costs milliseconds, not a recursion.
    """
    skeleton = _STRING.sub(b"", data).translate(None, _NOT_BRACKETS).translate(_STEPS)
    if not skeleton:
        return 0
    return max(0, max(accumulate(array("b", skeleton))))
