"""A user's own actor knowledge, loaded above everything parley ships.

A YAML or CSV file of actors, one entry per actor and office; several entries with the same
name give one actor several dated roles. Fields:

- ``name`` (required): the name as written in news;
- ``aliases``: other names (YAML list, or ``|``-separated in CSV);
- ``country``: ISO 3166 alpha-3 code (``RUS``), or empty for actors of no state;
- ``sector``: a parley sector code (``GOV``, ``MIL``, ``REB``, ``OPP``, ... see sectors.yaml);
- ``from`` / ``to``: ISO dates the role holds between (inclusive; either may be empty);
- ``type`` (optional): ``person`` (default when ``role`` is given or the name has two words or
  more and no sector-less type fits), ``group``, ``organ``, ``igo`` or ``other``;
- ``role`` (optional): the office in words (``foreign minister``).

YAML::

    actors:
      - name: Alexander Lavrentyev
        aliases: [Lavrentiev]
        country: RUS
        sector: GOV
        role: special envoy for Syria
        from: 2017-01-01

CSV (header row required)::

    name,aliases,country,sector,from,to,type,role
    Kanat Tumysh,Tumysh,KAZ,GOV,2020-01-01,,person,deputy foreign minister

Every problem is reported with file and line; a file with any problem loads nothing.
``parley ingest --kb FILE`` and ``parley kb --kb FILE`` use it; :func:`parley.actors.kb.activate` makes it the
user layer of this process and of the worker processes it starts.
"""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import yaml

from parley.actors.keys import name_key, person_id
from parley.knowledge import KnowledgeError

ENV = "PARLEY_USER_KB"
FIELDS = ("name", "aliases", "country", "sector", "from", "to", "type", "role")
TYPES = ("person", "group", "organ", "igo", "other")


class UserKBError(KnowledgeError):
    """A user knowledge file has problems; ``problems`` lists them as ``file:line: message``.

    The one error of knowledge files (:class:`~parley.knowledge.KnowledgeError`), carrying every
    problem of the file at once rather than the first; ``path`` and ``line`` are those of the first.
    """

    def __init__(self, problems: list[str]):
        first = problems[0].split(":", 2) if problems else [""]
        line = int(first[1]) if len(first) == 3 and first[1].isdigit() else None
        ValueError.__init__(self, "\n".join(problems))
        self.path, self.reason, self.line = Path(first[0]), "\n".join(problems), line
        self.problems = problems


def _yaml_entries(path: Path, text: str) -> list[tuple[int, dict]]:
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise UserKBError([f"{path}:{line}: not valid YAML ({getattr(exc, 'problem', exc)})"]) from None
    data = yaml.load(text, Loader=yaml.BaseLoader)  # strings only: dates are checked here, by line
    if root is None or not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        raise UserKBError([f"{path}:1: expected a mapping with an 'actors' list"])
    nodes = next(v for k, v in root.value if k.value == "actors").value
    nulls = {"", "null", "~", "Null", "NULL"}

    def clean(value):
        if isinstance(value, str):
            return None if value.strip() in nulls else value
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        return value
    return [(node.start_mark.line + 1, clean(item)) for node, item in zip(nodes, data["actors"])]


def _csv_entries(path: Path, text: str) -> list[tuple[int, dict]]:
    reader = csv.DictReader(text.splitlines())
    missing = [f for f in ("name",) if f not in (reader.fieldnames or [])]
    if missing:
        raise UserKBError([f"{path}:1: the header row needs the columns name, aliases, country, "
                           f"sector, from, to (missing {', '.join(missing)})"])
    rows = []
    for row in reader:
        entry = {k: (v.strip() if isinstance(v, str) else v) for k, v in row.items() if k}
        if entry.get("aliases"):
            entry["aliases"] = [a.strip() for a in re.split(r"[|;]", entry["aliases"]) if a.strip()]
        rows.append((reader.line_num, entry))
    return rows


def _day(value, field: str, where: str, problems: list[str]) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        problems.append(f"{where}: {field} {value!r} is not an ISO date (YYYY-MM-DD)")
        return None


def read_user_kb(path: str | Path, countries: set[str], sectors: set[str]) -> list[dict]:
    """Read and check a user knowledge file.

    :param path: a ``.yaml``/``.yml`` or ``.csv`` file.
    :param countries: the ISO3 codes parley knows.
    :param sectors: the sector codes parley knows.
    :returns: actor records (``id, name, type, aliases, country, sector, roles``), one per name.
    :raises UserKBError: listing every problem as ``file:line: message``.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserKBError([f"{path}:1: cannot read ({exc})"]) from None
    entries = _csv_entries(path, text) if path.suffix.lower() == ".csv" else _yaml_entries(path, text)
    problems: list[str] = []
    actors: dict[str, dict] = {}
    for line, item in entries:
        where = f"{path}:{line}"
        if not isinstance(item, dict):
            problems.append(f"{where}: an entry must be a mapping of {', '.join(FIELDS)}")
            continue
        unknown = sorted(set(item) - set(FIELDS))
        if unknown:
            problems.append(f"{where}: unknown field(s) {', '.join(map(str, unknown))}")
        name = str(item.get("name") or "").strip()
        if not name or not name_key(name):
            problems.append(f"{where}: name is missing")
            continue
        country = str(item.get("country") or "").strip().upper() or None
        if country is not None and country not in countries:
            problems.append(f"{where}: country {country!r} is not an ISO 3166 alpha-3 code parley knows")
        sector = str(item.get("sector") or "").strip().upper() or None
        if sector is not None and sector not in sectors:
            problems.append(f"{where}: sector {sector!r} is not one of {', '.join(sorted(sectors))}")
        start, end = _day(item.get("from"), "from", where, problems), _day(item.get("to"), "to", where, problems)
        if start and end and end < start:
            problems.append(f"{where}: 'to' {end} is before 'from' {start}")
        aliases = item.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            problems.append(f"{where}: aliases must be a list of names")
            aliases = []
        kind = str(item.get("type") or "").strip().lower() or None
        if kind is not None and kind not in TYPES:
            problems.append(f"{where}: type {kind!r} is not one of {', '.join(TYPES)}")
        kind = kind or ("person" if item.get("role") or len(name_key(name)) > 1 else "group")
        aid = person_id(name) if kind == "person" else "u-" + "-".join(k for k in name_key(name) if k != "-")
        record = actors.setdefault(aid, {"id": aid, "name": name, "type": kind, "aliases": [],
                                         "country": country, "sector": sector, "roles": [],
                                         "source": "user", "src": where})
        record["aliases"] += [a.strip() for a in aliases if a.strip() not in record["aliases"]]
        if start or end or item.get("role"):
            record["roles"].append({"role": str(item.get("role") or "").strip() or None, "country": country,
                                    "sector": sector or "GOV", "start": start, "end": end, "source": "user"})
    if problems:
        raise UserKBError(problems)
    return list(actors.values())


def apply_user_kb(kb, actors: list[dict]) -> None:
    """Put a user's actors above everything in ``kb``: their names point to them alone, and
    their records replace parley's or Phoenix's of the same id.

    :param kb: a loaded :class:`parley.actors.kb.KnowledgeBase`.
    :param actors: records from :func:`read_user_kb`.
    """
    for actor in actors:
        record = dict(actor)
        current = max(record["roles"], key=lambda r: r["start"] or "") if record["roles"] else None
        record["sector"] = record["sector"] or (current or {}).get("sector")
        record["cameo"] = kb.cameo(record["country"], record["sector"])
        kb.actors[record["id"]] = record
        for name in [record["name"], *record["aliases"]]:
            kb.names.pop(name_key(name), None)   # the user's meaning replaces every other
            kb.add_name(name, ("actor", record["id"]))
