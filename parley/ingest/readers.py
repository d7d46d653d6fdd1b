"""Read files, folders, globs and stdin into :class:`Record` objects, streaming.

Nothing here loads a file that is going to be rejected as too large, and JSON Lines are read
one line at a time, so a malformed line costs that line only.
"""

from __future__ import annotations

import csv
import glob
import gzip
import io
import json
import sys
import zlib
from pathlib import Path
from typing import Callable, Iterable, Iterator, TextIO

from parley.ingest.encoding import SAMPLE_BYTES, DecodeError, decode, detect_encoding
from parley.ingest.records import Record, Rejected, parse_date

DEFAULT_MAX_BYTES = 16 * 1024 * 1024
FORMATS: dict[str, str] = {
    ".txt": "txt", ".text": "txt", ".md": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}
METADATA_FIELDS = ("title", "outlet", "url")
GZIP_MAGIC = b"\x1f\x8b"
STDIN = "-"
_READ_ERRORS = (OSError, EOFError, zlib.error)


class ManifestError(ValueError):
    """A manifest that cannot be read; ``reason`` is the quarantine code."""

    def __init__(self, reason: str, message: str, line: int | None = None):
        super().__init__(message)
        self.reason = reason
        self.line = line


def format_of(path: Path) -> tuple[str | None, bool]:
    """Return ``(format, gzipped)`` from a file name, e.g. ``("jsonl", True)`` for ``a.jsonl.gz``.

    :param path: the file path; the format is None when the suffix is not one we read.
    """
    suffixes = [s.lower() for s in path.suffixes]
    gzipped = bool(suffixes) and suffixes[-1] == ".gz"
    if gzipped:
        suffixes = suffixes[:-1]
    return (FORMATS.get(suffixes[-1]) if suffixes else None), gzipped


def sniff_format(text: str) -> str:
    """Guess the format of decoded content that had no telling file suffix.

    :param text: the content.
    :returns: ``"html"``, ``"jsonl"`` or ``"txt"``.
    """
    head = text.lstrip()[:2048].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("<") and any(tag in head for tag in ("<html", "<body", "<p", "<div", "<article", "<!doctype")):
        return "html"
    return "txt"


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _walk(root: Path) -> Iterator[Path]:
    # In a folder only the file types parley reads are taken (a manifest, README or image
    # beside the articles is not an input); a file named on its own is always read.
    for path in sorted(root.rglob("*")):
        if path.is_file() and not _is_hidden(path, root) and format_of(path)[0] is not None:
            yield path


def expand_paths(paths: Iterable[str], skip: Iterable[Path] = ()) -> Iterator[Path | str | Rejected]:
    """Turn command-line paths into files to read: folders recursively, globs expanded.

    :param paths: file paths, folders, glob patterns, or ``"-"`` for stdin.
    :param skip: files never to yield (the manifest).
    :returns: an iterator of :class:`~pathlib.Path`, the string ``"-"``, or :class:`Rejected`
        (``missing_path``); each file at most once. In folders, files of other types are skipped.
    """
    seen = {p.resolve() for p in skip}
    for spec in map(str, paths):
        if spec == STDIN:
            yield STDIN
            continue
        path = Path(spec)
        if path.exists():
            found: Iterable[Path] = _walk(path) if path.is_dir() else [path]
        elif glob.has_magic(spec):
            matches = [Path(m) for m in sorted(glob.glob(spec, recursive=True))]
            if not matches:
                yield Rejected(spec, None, "missing_path", f"{spec}: no file matches this pattern")
                continue
            found = [f for m in matches for f in (_walk(m) if m.is_dir() else [m])]
        else:
            yield Rejected(spec, None, "missing_path", f"{spec}: no such file or directory")
            continue
        for item in found:
            key = item.resolve()
            if key not in seen:
                seen.add(key)
                yield item


def _file_name(value: object) -> bool:
    # a path holds no NUL character (found by fuzzing, issue 10: it raised ValueError)
    return isinstance(value, str) and bool(value) and "\x00" not in value


class Manifest:
    """Metadata for input files, keyed by file name or path relative to the manifest.

    Example::

        manifest = Manifest.load("corpus/manifest.csv")
        manifest.lookup(Path("corpus/000_talks.txt"))   # {"date": "2023-06-21", "outlet": ...}
    """

    def __init__(self, path: Path, entries: list[dict]):
        self.path = path
        self.by_path: dict[Path, dict] = {}
        by_name: dict[str, list[dict]] = {}
        for entry in entries:
            name = entry["file"]
            self.by_path[(path.parent / name).resolve()] = entry
            by_name.setdefault(Path(name).name, []).append(entry)
        self.by_name = {name: found[0] for name, found in by_name.items() if len(found) == 1}

    @classmethod
    def load(cls, path: str | Path) -> "Manifest":
        """Read a CSV (with a header) or JSON Lines manifest with a ``file`` column.

        :param path: the manifest file.
        :raises ManifestError: if the file is missing or has no ``file`` column.
        """
        path = Path(path)
        if not path.is_file():
            raise ManifestError("missing_path", f"{path}: manifest not found")
        try:
            text, _ = decode(path.read_bytes())
        except DecodeError as err:
            raise ManifestError("bad_manifest", f"{path}: manifest is not readable text ({err})") from err
        entries: list[dict] = []
        if path.suffix.lower() in (".jsonl", ".ndjson", ".json") or text.lstrip().startswith("{"):
            for number, line in enumerate(text.splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError as err:
                    raise ManifestError("bad_manifest", f"{path}:{number}: malformed JSON ({err.msg})", number) from err
                if not isinstance(entry, dict) or not _file_name(entry.get("file")):
                    raise ManifestError("bad_manifest", f"{path}:{number}: manifest entry has no 'file' name", number)
                entries.append(entry)
        else:
            reader = csv.DictReader(io.StringIO(text))
            if "file" not in (reader.fieldnames or []):
                raise ManifestError("bad_manifest", f"{path}: manifest has no 'file' column", 1)
            entries = [{k: v for k, v in row.items() if k and v not in (None, "")} for row in reader]
            entries = [e for e in entries if _file_name(e.get("file"))]
        return cls(path, entries)

    def lookup(self, path: Path) -> dict | None:
        """Return the manifest entry for ``path``: by its location, else by its file name.

        :param path: an input file.
        """
        return self.by_path.get(path.resolve()) or self.by_name.get(path.name)


def apply_metadata(record: Record, entry: dict, override: bool = True) -> Record:
    """Copy metadata (``title``, ``date``, ``outlet``, ``url``, other keys to ``meta``) onto a record.

    :param record: the record to change in place.
    :param entry: a manifest entry or JSON Lines object.
    :param override: whether a value here wins over one the record already has.
    :returns: the record.
    """
    for key, value in entry.items():
        if key in ("file", "text") or value in (None, ""):
            continue
        if key in METADATA_FIELDS:
            if override or getattr(record, key) is None:
                setattr(record, key, str(value))
        elif key == "date":
            published = parse_date(value)
            if published is None:
                record.meta["date_unparsed"] = value
            elif override or record.published is None:
                record.published = published
        elif key == "id":
            if override or record.source_id is None:
                record.source_id = str(value)
        elif override or key not in record.meta:
            record.meta[key] = value
    return record


def _lines(readline: Callable[[int], str], max_bytes: int) -> Iterator[tuple[int, str | None]]:
    """Yield ``(line number, line)``; the line is None when longer than ``max_bytes``."""
    number = 0
    while True:
        line = readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith("\n"):
            while True:  # skip the rest of the over-long line without holding it
                rest = readline(1 << 20)
                if not rest or rest.endswith("\n"):
                    break
            yield number, None
        else:
            yield number, line


def iter_jsonl(readline: Callable[[int], str], source: str, max_bytes: int) -> Iterator[Record | Rejected]:
    """Read JSON Lines records (``id``, ``title``, ``date``, ``outlet``, ``url``, ``text``) one line at a time.

    :param readline: a text stream's ``readline`` (taking a size limit).
    :param source: the file name to report.
    :param max_bytes: the longest line accepted.
    :returns: a :class:`Record` per good line, a :class:`Rejected` per bad one, with its line number.
    """
    count = 0
    try:
        for number, line in _lines(readline, max_bytes):
            where = f"{source}:{number}"
            if line is None:
                yield Rejected(source, number, "too_large", f"{where}: record longer than {max_bytes} bytes")
                continue
            if not line.strip():
                continue
            count += 1
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                yield Rejected(source, number, "bad_json", f"{where}: malformed JSON ({err.msg}, column {err.colno})")
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                yield Rejected(source, number, "bad_record", f"{where}: not an object with a 'text' string")
                continue
            if not obj["text"].strip():
                yield Rejected(source, number, "empty", f"{where}: the record's text is empty")
                continue
            yield apply_metadata(Record(source=where, raw=obj["text"], format="jsonl"), obj)
    except UnicodeDecodeError as err:
        yield Rejected(source, count + 1, "encoding",
                       f"{source}:{count + 1}: cannot decode ({err.reason}); rest of file skipped")
        return
    except _READ_ERRORS as err:
        yield Rejected(source, count + 1, "bad_gzip",
                       f"{source}:{count + 1}: cannot read ({err}); rest of file skipped")
        return
    if count == 0:
        yield Rejected(source, None, "empty", f"{source}: no JSON Lines records")


def _open(path: Path, gzipped: bool):
    return gzip.open(path, "rb") if gzipped else open(path, "rb")


def _read_start(path: Path, gzipped: bool, limit: int) -> bytes | Rejected:
    """Return the first ``limit`` (decompressed) bytes of a file, or why they cannot be had."""
    source = str(path)
    try:
        with _open(path, gzipped) as stream:
            data = stream.read(limit)
    except _READ_ERRORS as err:
        return Rejected(source, None, "bad_gzip", f"{source}: cannot decompress ({err})")
    if not data.strip():
        return Rejected(source, None, "empty", f"{source}: empty file")
    return data


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Record | Rejected]:
    """Read one file (any supported format, gzipped or not).

    :param path: the file.
    :param max_bytes: the largest document (for JSON Lines: the longest line) accepted.
    :returns: records, or :class:`Rejected` with the file name (and line).
    """
    source = str(path)
    fmt, gzipped = format_of(path)
    try:
        with open(path, "rb") as stream:
            magic = stream.read(2)
        size = path.stat().st_size
    except OSError as err:
        yield Rejected(source, None, "missing_path", f"{source}: cannot open ({err.strerror})")
        return
    if size == 0:
        yield Rejected(source, None, "empty", f"{source}: empty file")
        return
    if gzipped != (magic == GZIP_MAGIC):
        if gzipped:
            yield Rejected(source, None, "bad_gzip", f"{source}: named .gz but not gzip data")
            return
        gzipped = True
    if fmt == "jsonl":
        yield from _read_jsonl_file(path, gzipped, max_bytes)
        return
    if not gzipped and size > max_bytes:
        yield Rejected(source, None, "too_large", f"{source}: {size} bytes, more than the limit of {max_bytes}")
        return
    data = _read_start(path, gzipped, max_bytes + 1)
    if isinstance(data, Rejected):
        yield data
        return
    if len(data) > max_bytes:
        yield Rejected(source, None, "too_large", f"{source}: more than the limit of {max_bytes} bytes uncompressed")
        return
    try:
        text, encoding = decode(data)
    except DecodeError as err:
        yield Rejected(source, None, err.reason, f"{source}: {err}")
        return
    if not text.strip():
        yield Rejected(source, None, "empty", f"{source}: only whitespace")
        return
    fmt = fmt or sniff_format(text)
    if fmt == "jsonl":
        yield from iter_jsonl(io.StringIO(text).readline, source, max_bytes)
        return
    yield Record(source=source, raw=text, format=fmt, meta={"encoding": encoding} if encoding != "utf-8" else {})


def _read_jsonl_file(path: Path, gzipped: bool, max_bytes: int) -> Iterator[Record | Rejected]:
    source = str(path)
    sample = _read_start(path, gzipped, SAMPLE_BYTES)
    if isinstance(sample, Rejected):
        yield sample
        return
    try:
        encoding = detect_encoding(sample)
    except DecodeError as err:
        yield Rejected(source, None, err.reason, f"{source}: {err}")
        return
    with _open(path, gzipped) as stream:
        text = io.TextIOWrapper(stream, encoding=encoding, errors="strict")
        yield from iter_jsonl(text.readline, source, max_bytes)


def read_stdin(stream: TextIO, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Record | Rejected]:
    """Read one document, or JSON Lines records, from a text stream such as stdin.

    :param stream: the stream.
    :param max_bytes: the largest document (for JSON Lines: the longest line) accepted.
    """
    source = "<stdin>"
    first = stream.readline(max_bytes + 1)
    if first.lstrip().startswith("{"):
        pending = [first]

        def readline(limit: int) -> str:
            return pending.pop() if pending else stream.readline(limit)

        yield from iter_jsonl(readline, source, max_bytes)
        return
    text = first + stream.read(max_bytes + 1 - len(first))
    if len(text) > max_bytes:
        yield Rejected(source, None, "too_large", f"{source}: more than the limit of {max_bytes} bytes")
        return
    if not text.strip():
        yield Rejected(source, None, "empty", f"{source}: nothing on standard input")
        return
    yield Record(source=source, raw=text.lstrip("\ufeff"), format=sniff_format(text))


def iter_records(paths: list[str], manifest: str | Path | None = None, stdin: TextIO | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES,
                 unchanged: Callable[[Path], bool] | None = None) -> Iterator[Record | Rejected]:
    """Read every input named by ``paths``, streaming, and attach manifest metadata.

    Example::

        for item in iter_records(["corpus/", "extra/*.html.gz", "-"], manifest="corpus/manifest.csv"):
            ...

    :param paths: files, folders (recursive), glob patterns, ``"-"`` for stdin.
    :param manifest: a CSV or JSON Lines file with a ``file`` column and any of ``title``,
        ``date``, ``outlet``, ``url``; its values win over what the files say.
    :param stdin: the stream read for ``"-"`` (default :data:`sys.stdin`).
    :param max_bytes: the largest document, or JSON Lines line, accepted.
    :param unchanged: a file for which this returns True is not read (already ingested as it is).
    :returns: :class:`Record` for every document read, :class:`Rejected` for everything else.
    """
    index: Manifest | None = None
    skip: list[Path] = []
    if manifest is not None:
        skip.append(Path(manifest))
        try:
            index = Manifest.load(manifest)
        except ManifestError as err:
            yield Rejected(str(manifest), err.line, err.reason, str(err))
    for item in expand_paths(paths, skip):
        if isinstance(item, Rejected):
            yield item
        elif item == STDIN:
            yield from read_stdin(stdin or sys.stdin, max_bytes)
        elif unchanged is not None and unchanged(item):
            continue
        else:
            entry = index.lookup(item) if index else None
            for found in read_file(item, max_bytes):
                if entry and isinstance(found, Record):
                    apply_metadata(found, entry)
                yield found
