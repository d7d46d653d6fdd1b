"""One loader for parley's knowledge files (``parley/data``): paths, reading, schemas, hashes.

Every stage keeps its behaviour in data files and loads them through this module, so that a
knowledge file is found, read and checked the same way everywhere, and a bad file is reported
the same way: one :class:`KnowledgeError` whose message starts with ``file:line``.

Example::

    from parley.knowledge import check, data_path, optional, read_yaml

    doc = read_yaml(data_path("lang_en.yaml"))
    check(doc, {"min_ratio": float, "min_words": int, "min_latin": float,
                "function_words": str, str: object})
    doc.data["min_words"]        # the parsed YAML
    doc.line("min_words")        # 7: where that key sits in the file

Schemas are small Python values (see :func:`check`): a type, ``[item]`` for a list,
``{"key": spec, ...}`` for a mapping with those keys (``optional(spec)`` for a key that may be
missing; a *type* as key, e.g. ``str: spec``, for every other key), :func:`one_of` for a fixed
set of values. How to add a knowledge file: ``docs/architecture.md``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"

# libyaml parses several times faster; both give the same Python values (a test checks every
# packaged file), and only the pure-Python loader exists on some platforms.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class KnowledgeError(ValueError):
    """A knowledge file is missing, unreadable, or breaks its schema.

    The message reads ``path:line: reason`` (``path: reason`` when no line applies); the
    parts are also attributes, for tools that point an editor at the line.
    """

    def __init__(self, path: str | Path, reason: str, line: int | None = None):
        self.path, self.reason, self.line = Path(path), reason, line
        super().__init__(f"{path}:{line}: {reason}" if line else f"{path}: {reason}")


def data_path(*parts: str) -> Path:
    """Return the path of a packaged knowledge file, e.g. ``data_path("actors", "groups.yaml")``.

    :param parts: the path under ``parley/data``, one part per folder.
    """
    return DATA_DIR.joinpath(*parts)


def read_text(path: str | Path) -> str:
    """Return the UTF-8 text of a knowledge file.

    :raises KnowledgeError: when the file is missing or is not UTF-8.
    """
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KnowledgeError(path, "no such knowledge file") from None
    except UnicodeDecodeError as err:
        line = Path(path).read_bytes()[:err.start].count(b"\n") + 1
        raise KnowledgeError(path, f"not UTF-8 ({err.reason})", line) from None


def content_hash(paths: Iterable[str | Path], *extra: str) -> str:
    """Return a SHA-256 hex digest of the files' bytes (and ``extra`` strings), for cache keys.

    A cache keyed by this hash is rebuilt whenever one of the files changes.

    :param paths: the knowledge files, in a fixed order.
    :param extra: other things the cached value depends on (code version, library versions).
    """
    digest = hashlib.sha256()
    for path in paths:
        data = Path(path).read_bytes()
        digest.update(f"{Path(path).name}\0{len(data)}\0".encode())
        digest.update(data)
    for item in extra:
        digest.update(f"\0{item}".encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class YamlFile:
    """A parsed YAML knowledge file: its data, and the node tree that knows each value's line."""

    path: Path
    data: Any
    node: yaml.Node | None

    def line(self, *keys: Any) -> int | None:
        """Return the 1-based line of the value at ``keys`` (mapping keys, list indices), if any.

        For a mapping key the line of the key is given; for ``line()`` the line of the document.
        """
        node, line = self.node, (self.node.start_mark.line + 1 if self.node is not None else None)
        for key in keys:
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if key_node.value == str(key) or key_node.value == key:
                        node, line = value_node, key_node.start_mark.line + 1
                        break
                else:
                    return line
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
                node = node.value[key]
                line = node.start_mark.line + 1
            else:
                return line
        return line

    def error(self, reason: str, *keys: Any) -> KnowledgeError:
        """Return a :class:`KnowledgeError` for the value at ``keys``, with its line.

        :param reason: what is wrong, in words a data editor understands.
        """
        where = ".".join(map(str, keys))
        return KnowledgeError(self.path, f"{where}: {reason}" if where else reason, self.line(*keys))


def read_yaml(path: str | Path) -> YamlFile:
    """Read a YAML knowledge file, keeping where each value sits for error messages.

    :param path: the file (use :func:`data_path` for a packaged one).
    :raises KnowledgeError: when the file is missing, not UTF-8, or not valid YAML.
    """
    text = read_text(path)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        raise KnowledgeError(path, f"not valid YAML: {err.problem or err.context}",
                             mark.line + 1 if mark else None) from None
    except yaml.YAMLError as err:
        raise KnowledgeError(path, f"not valid YAML: {err}") from None
    finally:
        loader.dispose()
    return YamlFile(Path(path), data, node)


class Row(dict):
    """One row of a TSV knowledge file: ``{column: text}`` that also knows its ``line``."""

    __slots__ = ("line",)

    def __init__(self, values: dict[str, str], line: int):
        super().__init__(values)
        self.line = line


def read_tsv(path: str | Path, columns: Iterable[str] = (), header: bool = True) -> list[Row]:
    """Read a tab-separated knowledge file; lines starting with ``#`` and blank lines are skipped.

    :param path: the file.
    :param columns: the columns that must be present (with ``header=False``: the names of the
      columns, in order; a row may leave trailing columns out, they read as ``""``).
    :param header: whether the first non-comment line names the columns.
    :returns: the rows, each a :class:`Row` (``row["code"]``, ``row.line``).
    :raises KnowledgeError: on a missing column or a row with more cells than columns.
    """
    columns = list(columns)
    names: list[str] | None = None if header else columns
    rows: list[Row] = []
    for number, raw in enumerate(read_text(path).splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if names is None:
            names = cells
            missing = [c for c in columns if c not in names]
            if missing:
                raise KnowledgeError(path, f"missing columns {missing}", number)
            continue
        if len(cells) > len(names):
            raise KnowledgeError(path, f"{len(cells)} cells for {len(names)} columns", number)
        rows.append(Row(dict(zip(names, cells + [""] * (len(names) - len(cells)))), number))
    return rows


def read_capitals(path: str | Path | None = None) -> list[Row]:
    """Read the capitals and seats of government (``parley/data/actors/capitals.tsv``), the one
    reader of the file for every stage that needs it (the actors stage, the process stage).

    :param path: the file; default the packaged one.
    :returns: the rows: ``country`` (ISO3), ``name``, ``start`` and ``end`` (ISO dates of validity
      of the name, ``""`` where open), ``kind`` (``capital`` or ``seat``), ``source``.
    :raises KnowledgeError: as :func:`read_tsv` does.
    """
    return read_tsv(path or data_path("actors", "capitals.tsv"), ("country", "name", "start", "end", "kind"))


def read_jsonl(path: str | Path) -> Iterator[tuple[int, Any]]:
    """Yield ``(line number, value)`` for each non-blank line of a JSON Lines knowledge file.

    :raises KnowledgeError: on a line that is not valid JSON.
    """
    for number, raw in enumerate(read_text(path).splitlines(), 1):
        if raw.strip():
            try:
                yield number, json.loads(raw)
            except json.JSONDecodeError as err:
                raise KnowledgeError(path, f"not valid JSON: {err.msg}", number) from None


# -- schemas ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class optional:  # noqa: N801 - reads as a schema word: {"holidays": optional({str: list})}
    """A mapping key that may be missing (or null)."""

    spec: Any


@dataclass(frozen=True)
class one_of:  # noqa: N801 - reads as a schema word: {"kind": one_of("start", "after")}
    """A value that must be one of a fixed set."""

    values: tuple

    def __init__(self, *values: Any):
        object.__setattr__(self, "values", values)


_TYPE_NAMES = {str: "text", int: "an integer", float: "a number", bool: "true or false",
               list: "a list", dict: "a mapping"}


def _describe(spec: Any) -> str:
    if isinstance(spec, tuple):
        return " or ".join(_describe(s) for s in spec)
    if isinstance(spec, list):
        return "a list"
    if isinstance(spec, dict):
        return "a mapping"
    return _TYPE_NAMES.get(spec, getattr(spec, "__name__", str(spec)))


def _is_type_key(key: Any) -> bool:
    return isinstance(key, type) or (isinstance(key, tuple) and all(isinstance(k, type) for k in key))


def _is(value: Any, kind: type | tuple[type, ...]) -> bool:
    if isinstance(kind, tuple):
        return any(_is(value, k) for k in kind)
    if kind is object:
        return True
    if kind is float:            # YAML writes 1.0 as 1
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, kind)


def _check(doc: YamlFile, value: Any, spec: Any, keys: tuple) -> None:
    if isinstance(spec, optional):
        if value is not None:
            _check(doc, value, spec.spec, keys)
    elif isinstance(spec, one_of):
        if value not in spec.values:
            raise doc.error(f"{value!r} is not one of {list(spec.values)}", *keys)
    elif isinstance(spec, list):
        if not isinstance(value, list):
            raise doc.error(f"expected a list, found {type(value).__name__}", *keys)
        for index, item in enumerate(value):
            _check(doc, item, spec[0], keys + (index,))
    elif isinstance(spec, dict):
        if not isinstance(value, dict):
            raise doc.error(f"expected a mapping, found {type(value).__name__}", *keys)
        fixed = {k: s for k, s in spec.items() if not _is_type_key(k)}
        other = [(k, s) for k, s in spec.items() if _is_type_key(k)]
        missing = [k for k, s in fixed.items() if k not in value and not isinstance(s, optional)]
        if missing:
            raise doc.error(f"missing keys {missing}", *keys)
        for key, item in value.items():
            if key in fixed:
                _check(doc, item, fixed[key], keys + (key,))
                continue
            for kind, item_spec in other:
                if _is(key, kind):
                    _check(doc, item, item_spec, keys + (key,))
                    break
            else:
                raise doc.error(f"unknown key {key!r}", *keys + (key,))
    elif isinstance(spec, tuple):
        if not any(_matches(value, s) for s in spec):
            raise doc.error(f"expected {_describe(spec)}, found {value!r}", *keys)
    elif not _is(value, spec):
        raise doc.error(f"expected {_describe(spec)}, found {value!r}", *keys)


def _matches(value: Any, spec: Any) -> bool:
    try:
        _check(YamlFile(Path("-"), None, None), value, spec, ())
    except KnowledgeError:
        return False
    return True


def check(doc: YamlFile, schema: Any, *keys: Any) -> Any:
    """Check a YAML knowledge file (or the part at ``keys``) against ``schema``; return its data.

    ``schema`` is one of: a type (``str``, ``int``, ``float`` -- which takes integers too --,
    ``bool``, ``list``, ``dict``, ``object`` for anything); a tuple of schemas (any may match);
    ``[item_schema]`` for a list; ``{"key": schema, ...}`` for a mapping with those keys, where
    :class:`optional` marks a key that may be missing and a type key (``str: schema``, or a tuple
    of types) covers every other key of that type (without one, an unknown key is an error, which catches typos);
    :class:`one_of` for a fixed set of values.

    :raises KnowledgeError: at the first value that does not fit, naming its file, line and keys.
    """
    value = doc.data
    for key in keys:
        value = value[key]
    _check(doc, value, schema, tuple(keys))
    return value


def load_yaml(path: str | Path, schema: Any) -> YamlFile:
    """Read a YAML knowledge file and check it against ``schema`` (see :func:`check`)."""
    doc = read_yaml(path)
    check(doc, schema)
    return doc
