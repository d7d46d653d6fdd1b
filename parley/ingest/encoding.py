"""Tell text from binary and find the encoding of bytes read from a file."""

from __future__ import annotations

import codecs

# Encodings charset-normalizer may choose from when bytes are not UTF-8. Central European
# code pages are left out on purpose: on short Western text cp1250 wins ties with cp1252
# and turns "très" into "trčs".
DEFAULT_ENCODINGS: tuple[str, ...] = ("cp1252", "latin_1", "cp1251", "koi8_r", "iso8859_15")

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)

MAGIC: tuple[bytes, ...] = (
    b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x7fELF", b"MZ", b"BZh",
    b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"OggS", b"ID3", b"RIFF", b"\x00\x00\x01\x00",
)

SAMPLE_BYTES = 64 * 1024
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13, 27}


class DecodeError(ValueError):
    """Bytes that are binary or in no encoding we can identify; ``reason`` is the quarantine code."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


def bom_encoding(data: bytes) -> str | None:
    """Return the encoding announced by a byte-order mark at the start of ``data``, or None.

    :param data: the first bytes of a file.
    """
    for bom, name in BOMS:
        if data.startswith(bom):
            return name
    return None


def looks_binary(sample: bytes) -> bool:
    """Return True if ``sample`` (the first bytes of a file) is not text.

    A file is binary when it starts with a known magic number, or, having no UTF-16/32
    byte-order mark, contains NUL bytes or many control characters.

    :param sample: the first bytes of a file.
    """
    if bom_encoding(sample):
        return False
    if sample.startswith(MAGIC):
        return True
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample[:4096] if byte in _CONTROL)
    return controls > 0.05 * min(len(sample), 4096)


def detect_encoding(sample: bytes, encodings: tuple[str, ...] = DEFAULT_ENCODINGS) -> str:
    """Return the encoding of ``sample``: a BOM, else UTF-8, else charset-normalizer's best guess.

    :param sample: the first bytes of a file (a cut multi-byte character at the end is allowed).
    :param encodings: the single-byte encodings to consider when the text is not UTF-8.
    :raises DecodeError: with reason ``binary`` or ``encoding``.
    """
    if looks_binary(sample):
        raise DecodeError("binary", "binary content, not text")
    bom = bom_encoding(sample)
    if bom:
        return bom
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as err:
        # A sample cut in the middle of a character is still UTF-8.
        if err.start >= len(sample) - 3 and err.reason == "unexpected end of data":
            return "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(sample, cp_isolation=list(encodings)).best()
    if best is None:
        raise DecodeError("encoding", "unknown text encoding")
    return best.encoding


def decode(data: bytes, encodings: tuple[str, ...] = DEFAULT_ENCODINGS) -> tuple[str, str]:
    """Decode a whole file's bytes.

    :param data: the bytes.
    :param encodings: single-byte encodings to consider when the text is not UTF-8.
    :returns: ``(text, encoding)``; the text has no BOM and ``\\r\\n`` turned into ``\\n``.
    :raises DecodeError: with reason ``binary`` or ``encoding``.
    """
    encoding = detect_encoding(data[:SAMPLE_BYTES], encodings)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        if encoding != "utf-8":
            raise DecodeError("encoding", f"cannot decode as {encoding}: {err.reason}") from err
        # Valid UTF-8 at the start, broken later: let charset-normalizer look at all of it.
        encoding = detect_encoding(data, encodings)
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as err2:
            raise DecodeError("encoding", f"cannot decode as {encoding}: {err2.reason}") from err2
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding
