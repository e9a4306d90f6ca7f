"""Bytes to text: UTF-8 first; anything else guessed by charset-normalizer and said so.

A guess is never silent: it comes back with one line for `Record.warnings`
("not UTF-8: decoded as cp1252 (charset-normalizer)"). Bytes no encoding explains
(images, archives, random data) are refused as binary. Mojibake in text that *is*
valid UTF-8 is the text pipeline's business, not this module's.
"""

from __future__ import annotations

import codecs
from typing import IO

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# Encodings a news dump plausibly comes in; narrowing the candidates keeps charset-normalizer
# from exotic answers (cp1006, mac_*) on short Latin text.
CANDIDATES = ["utf_16", "utf_16_le", "utf_16_be", "utf_32", "cp1252", "cp1250", "cp1251",
              "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "iso8859_15", "koi8_r",
              "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr"]
# Among equally good guesses, the one most Western text is in.
PREFERRED = "cp1252"
SAMPLE = 64 * 1024  # bytes charset-normalizer looks at for one guess
_WIDE = ("utf_16", "utf_32")
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\x0b\x1b\b")


class NotText(ValueError):
    """Bytes that are not text in any encoding tried."""


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start announces, or None."""
    for bom, name in BOMS:
        if data.startswith(bom):
            return name
    return None


def looks_binary(text: str) -> bool:
    """Decoded text with NULs or many control characters: data, not prose."""
    if not text:
        return False
    if "\x00" in text:
        return True
    controls = sum(1 for c in text if c < " " and c not in _ALLOWED_CONTROLS)
    return controls > len(text) // 10


def guess_encoding(data: bytes) -> str | None:
    """charset-normalizer's best encoding for bytes that are not UTF-8, or None."""
    from charset_normalizer import from_bytes  # not at the top: UTF-8 dumps never need it

    sample = data[:SAMPLE]
    if len(data) > SAMPLE and (cut := sample.rfind(b"\n")) > SAMPLE // 2:
        sample = sample[:cut + 1]  # a whole line: no character split at the end
    matches = list(from_bytes(sample, cp_isolation=CANDIDATES))
    if b"\x00" not in sample:  # UTF-16/32 of any script has NULs or is rare enough to skip
        matches = [m for m in matches if not m.encoding.startswith(_WIDE)]
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        if match.chaos <= best.chaos and PREFERRED in match.could_be_from_charset:
            return PREFERRED
    return str(best.encoding)


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """The text of `data` and a warning line when it had to be guessed; NotText if binary."""
    if (bom := bom_encoding(data)) is not None:
        text = data.decode(bom, errors="replace")
        warning = None if bom == "utf-8-sig" else f"not UTF-8: decoded as {bom} (byte-order mark)"
    else:
        try:
            text, warning = data.decode("utf-8"), None
        except UnicodeDecodeError:
            text, warning = "", "?"
        if warning is not None or looks_binary(text[:8192]):
            encoding = guess_encoding(data)
            if encoding is None:
                raise NotText("not a text file (binary data, or an unknown encoding)")
            text = data.decode(encoding, errors="replace")
            warning = f"not UTF-8: decoded as {encoding} (charset-normalizer)"
    if looks_binary(text[:8192]):
        raise NotText("not a text file (binary data)")
    return text, warning


def transcode_to_utf8(src: IO[bytes], encoding: str, out: IO[bytes], chunk: int) -> None:
    """Copy `src` (in `encoding`) into `out` as UTF-8, in chunks, bad bytes replaced."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    while data := src.read(chunk):
        out.write(decoder.decode(data).encode("utf-8"))
    out.write(decoder.decode(b"", final=True).encode("utf-8"))
