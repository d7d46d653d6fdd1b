"""Convert the Phoenix/PETRARCH-2 actor and agent dictionaries into parley's knowledge format.

Input (a folder holding the files as published by openeventdata/petrarch2):

- ``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt``,
  ``Phoenix.MilNonState.actors.txt`` - actor records: a primary phrase, ``+`` synonym lines and
  codes in brackets, optionally dated (``[AZEGOV 960720-030804]``, ``[AFGGOV >031104]``);
- ``Phoenix.agents.txt`` - sector words with CAMEO agent codes (``POLICE {} [~COP]``).

Output (``parley/data/actors/phoenix/``, byte-identical for the same input):

- ``actors.tsv`` - one actor a line: ``id, type, name, aliases, country`` (ISO 3166
  alpha-3), ``sector`` (parley sector), ``cameo`` (the undated CAMEO code as given), ``roles``
  (dated CAMEO codes, ``AZEGOV 19960720-20030804;AZEGOV >20031104``) and ``src`` (file:line);
- ``countries.tsv`` - the other names of each country record (cities, old spellings), dated;
- ``agents.tsv`` - agent phrases, their plurals, CAMEO agent code and parley sector;
- ``report.json`` - lines that could not be parsed (file:line and why) and the conflicts
  with parley's hand-written knowledge base;
- ``NOTICE`` - the MIT licence and the source commit.

Date rules follow PETRARCH: ``YYMMDD`` (six or seven characters) or ``YYYYMMDD``; two-digit
years 00-30 are 20YY, others 19YY; bounds are inclusive; ``<d`` holds up to d, ``>d`` from d.

Example::

    result = convert(Path("petrarch2/data/dictionaries"), Path("parley/data/actors/phoenix"))
    result["counts"]
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from parley.actors.cameo import CodeBook

SOURCE_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
SOURCE_REPO = "openeventdata/petrarch2"
ACTOR_FILES = {"Countries": "Phoenix.Countries.actors.txt",
               "International": "Phoenix.International.actors.txt",
               "MilNonState": "Phoenix.MilNonState.actors.txt"}
AGENT_FILE = "Phoenix.agents.txt"
DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"
OUT_DIR = DATA_DIR / "phoenix"

# Lower-case particles inside names: they may be written either way in text ("al-Assad").
PARTICLES = {"al", "el", "bin", "ibn", "bint", "de", "del", "da", "do", "dos", "das", "di",
             "du", "van", "von", "der", "den", "la", "le", "of", "the", "and", "for", "in", "on",
             "y", "e", "to", "at", "ul", "ud", "ad", "as", "an", "ash", "az"}
# A name holding one of these words names an organisation, not a person.
ORG_WORDS = {"party", "army", "forces", "force", "council", "ministry", "committee", "front",
             "movement", "group", "union", "association", "congress", "navy", "police", "guard",
             "guards", "brigade", "brigades", "organization", "organisation", "agency", "court",
             "assembly", "parliament", "bank", "company", "corporation", "government",
             "administration", "league", "alliance", "federation", "coalition", "institute",
             "commission", "office", "department", "service", "services", "authority", "senate",
             "chamber", "tribunal", "militia", "militias", "battalion", "regiment", "corps",
             "unit", "units", "command", "cabinet", "state", "republic", "kingdom", "people's",
             "peoples", "national", "revolutionary", "liberation", "islamic", "democratic",
             "university", "church", "foundation", "fund", "program", "programme", "mission",
             "network", "society", "center", "centre", "club", "bureau", "legislature",
             "fighters", "rebels", "soldiers", "troops", "airlines", "news", "times", "post",
             "radio", "television", "tv", "agency's", "council's", "board", "secretariat",
             "directorate", "gendarmerie", "junta", "regime", "opposition", "media"}


class ConversionError(ValueError):
    """The source folder lacks a dictionary file."""


@dataclass
class Record:
    """One actor record as read: its names, codes and where it starts."""

    file: str
    line: int
    names: list[str] = field(default_factory=list)
    codes: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    comment: str = ""


def parse_date(text: str) -> str:
    """Return the ISO date of a PETRARCH date string (``YYMMDD`` or ``YYYYMMDD``).

    :param text: the digits.
    :raises ValueError: if it is not a valid date.
    """
    if not text.isdigit():
        raise ValueError(f"not a date: {text!r}")
    if len(text) <= 7:
        if len(text) != 6:
            raise ValueError(f"not a date: {text!r}")
        yy = int(text[:2])
        year, month, day = (2000 + yy if yy <= 30 else 1900 + yy), int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    return date(year, month, day).isoformat()


_CODE = re.compile(r"^([A-Z]{3}(?:[A-Z]{3})*|---)(?:\s+(.+))?$")


def parse_code(body: str) -> tuple[str, str | None, str | None] | None:
    """Parse what is inside one ``[...]``: ``(code, start, end)``; None for the null code.

    :param body: e.g. ``AZEGOV 960720-030804``, ``AFGGOV >031104``, ``IGOUNO``.
    :raises ValueError: on a malformed code or date.
    """
    match = _CODE.match(body.strip())
    if not match:
        raise ValueError(f"bad code [{body}]")
    code, restriction = match.group(1), (match.group(2) or "").strip()
    if code == "---":
        return None
    if not restriction:
        return code, None, None
    if restriction.startswith("<"):
        return code, None, parse_date(restriction[1:].strip())
    if restriction.startswith(">"):
        return code, parse_date(restriction[1:].strip()), None
    parts = restriction.split("-")
    if len(parts) != 2:
        raise ValueError(f"bad date restriction [{body}]")
    start, end = parse_date(parts[0].strip()), parse_date(parts[1].strip())
    if end < start:
        raise ValueError(f"date range ends before it starts [{body}]")
    return code, start, end


_BRACKETS = re.compile(r"\[([^\]]*)\]")
_NAME_OK = re.compile(r"^[^\[\]{}+<>!#;=|]+$")


def clean_phrase(phrase: str) -> str:
    """Turn a dictionary phrase (``ARTUR_RASIZADE_``) into words (``ARTUR RASIZADE``).

    :raises ValueError: if the phrase holds characters no name has.
    """
    text = phrase.strip().replace("_", " ")
    text = " ".join(text.split())
    if not text or not _NAME_OK.match(text):
        raise ValueError(f"bad phrase {phrase.strip()!r}")
    return text


def split_acronym(words: str, places: set[str] = frozenset()) -> tuple[str, list[str]]:
    """``BASQUE FATHERLAND AND FREEDOM (ETA)`` -> the name without the parenthesis, and
    ``[ETA]`` when what it holds is an acronym (not a place: ``(COLOMBIA)``)."""
    extra = []
    for inner in re.findall(r"\(([^()]*)\)", words):
        if re.fullmatch(r"[A-Z][A-Z.&-]{1,9}", inner.strip()) and inner.strip() not in places:
            extra.append(inner.strip())
    name = " ".join(re.sub(r"\([^()]*\)", " ", words).split())
    if not name or "(" in name or ")" in name:
        raise ValueError(f"bad parenthesis in {words!r}")
    return name, extra


def display_case(words: str, organisation: bool) -> str:
    """Write an all-capitals dictionary name the way news writes it.

    Words get an initial capital, particles go lower case (``al-``, ``bin``, ``of``), and in
    organisation names short all-capital words stay acronyms (``PLA``, ``ETA``). parley's name
    index derives its case rules from this spelling.
    """
    def word(w: str, first: bool) -> str:
        if not w.isupper() and any(c.islower() for c in w):
            return w  # already mixed case in the source
        if "." in w and len(w.replace(".", "")) <= 4:
            return w  # U.N., K.
        parts = w.split("-")
        out = []
        for k, p in enumerate(parts):
            low = p.lower()
            if organisation and len(parts) == 1 and p.isalpha() and low not in PARTICLES \
                    and (not any(c in "aeiouy" for c in low) or (single and len(p) <= 5)):
                out.append(p)  # PKK, LTD; a one-word name of five letters or less: NATO, IAEA
            elif low in PARTICLES and not (first and k == 0 and len(parts) == 1):
                out.append(low)
            else:
                out.append(_cap(p))
        return "-".join(out)
    tokens = words.split()
    single = len(tokens) == 1
    return " ".join(word(w, i == 0) for i, w in enumerate(tokens))


def _cap(part: str) -> str:
    low = part.lower()
    # the letter after an apostrophe stays lower case: People's, Lord's; but O'Brien
    if len(low) > 2 and low[1] == "'":
        return low[0].upper() + "'" + low[2:3].upper() + low[3:]
    return low[:1].upper() + low[1:]


def read_actor_file(lines: list[str], label: str) -> tuple[list[Record], list[dict]]:
    """Read the records of one actor dictionary.

    A primary line starts a record (``NAME [CODE]``); ``+NAME`` lines add synonyms; indented
    lines carry codes. A primary line that follows a record still without codes joins it (the
    dictionaries list several names above one block of codes that way).

    :param lines: the file's lines.
    :param label: the file's short name for reports (``Countries``).
    :returns: records, and problems as ``{"where": "Countries:12", "line": ..., "why": ...}``.
    """
    records: list[Record] = []
    problems: list[dict] = []
    current: Record | None = None
    for number, raw in enumerate(lines, 1):
        text = raw.rstrip("\n")
        body, _, comment = text.partition("#")
        body = body.split(";")[0] if ";" in body and "[" not in body.split(";")[0] else body
        if not body.strip() or body.strip().startswith("<!--"):
            continue
        where = f"{label}:{number}"
        try:
            codes = [c for c in (parse_code(b) for b in _BRACKETS.findall(body)) if c]
            rest = _BRACKETS.sub(" ", body)
            if "[" in rest or "]" in rest:
                raise ValueError("unbalanced bracket")
            if text[:1] in (" ", "\t"):
                if rest.strip():
                    raise ValueError("text on a code line")
                if current is None:
                    raise ValueError("codes before any name")
                current.codes.extend(codes)
                continue
            if text.startswith("+"):
                if current is None:
                    raise ValueError("synonym before any name")
                name = clean_phrase(rest[1:])
                current.names.append(name)
                current.codes.extend(codes)
                continue
            name = clean_phrase(rest)
        except ValueError as exc:
            problems.append({"where": where, "line": text.strip()[:120], "why": str(exc)})
            continue
        if current is not None and not current.codes and not codes and current.file == label \
                and _looks_continued(lines, number):
            current.names.append(name)
            continue
        current = Record(label, number, [name], codes, comment.strip())
        records.append(current)
    return records, problems


def _looks_continued(lines: list[str], number: int) -> bool:
    """Whether the previous primary line (a name with no codes) is directly above this one."""
    above = lines[number - 2] if number >= 2 else ""
    return bool(above.strip()) and not above.startswith(("+", "\t", " "))


def _is_country_record(rec: Record, book: CodeBook) -> bool:
    """A country's own record (``ARMENIA_ ... [USRARM <900823] [ARM]``): every code is a
    country, or a country and its territory or status (``GBRVGB``, ``TMPOCC``), no sector."""
    for code, _, _ in rec.codes:
        chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
        if not book.countries.get(chunks[0]):
            return False
        if any(c not in book.countries and book.sectors.get(c, "x") not in (None, "GOV")
               for c in chunks[1:]):
            return False
        if any(c in book.sectors and book.sectors[c] == "GOV" and c != "UNR" for c in chunks[1:]):
            return False
    return True


def _is_org(name: str, label: str, record: Record) -> bool:
    """Whether a record names an organisation rather than a person: armed groups always;
    in the Countries file, names without an organisation word (people from CountryInfo);
    in the International file, names with an organisation word or without dated codes."""
    if label == "MilNonState":
        return True
    if "CountryInfo" in record.comment:
        return False
    if any(w.lower().strip("'") in ORG_WORDS for w in name.split()):
        return True
    return label == "International" and not any(start or end for _, start, end in record.codes)


def _type(label: str, org: bool, chunks: list[str], sector: str | None, country: str | None) -> str:
    if label == "International" and chunks[:1] == ["IGO"]:
        return "igo"
    if label == "MilNonState" or chunks[:1] == ["IMG"]:
        return "group"
    if not org:
        return "person"
    if sector in ("GOV", "MIL", "COP", "JUD", "LEG", "SPY") and country:
        return "organ"
    if sector in ("REB", "OPP", "PTY", "UAF", "PRM"):
        return "group"
    return "other"


def actor_id(record_type: str, name: str, country: str | None) -> str:
    """The id of a converted actor: ``p-<name key>`` for people (as parley's own people),
    ``ph-<name key>`` for organisations and groups."""
    from parley.actors.kb import name_key

    key = "-".join(k for k in name_key(name) if k != "-")
    return ("p-" if record_type == "person" else "ph-") + key


def convert_records(records: list[Record], book: CodeBook) -> tuple[list[dict], list[dict], list[dict]]:
    """Turn read records into actor records and country-name rows.

    :returns: ``(actors, country_names, problems)``.
    """
    actors: dict[str, dict] = {}
    places: list[dict] = []
    place_names: set[str] = set()
    problems: list[dict] = []
    for rec in records:
        where = f"{rec.file}:{rec.line}"
        if not rec.codes:
            problems.append({"where": where, "line": rec.names[0], "why": "no code"})
            continue
        undated = [c for c in rec.codes if c[1] is None and c[2] is None]
        dated = [c for c in rec.codes if c not in undated]
        first = (undated or dated)[0][0]
        if rec.file == "Countries" and _is_country_record(rec, book):
            place_names.update(rec.names)
            for name in rec.names:
                for code, start, end in rec.codes:
                    places.append({"name": display_case(name, False), "iso3": book.countries[code[:3]],
                                   "cameo": code, "start": start, "end": end, "src": where})
            continue
        try:
            names = []
            for raw in rec.names:
                org = _is_org(raw, rec.file, rec)
                main, acronyms = split_acronym(raw, place_names)
                if main.upper().startswith("THE ") and len(main) > 4:
                    main = main[4:]  # text writes "the" before a name in lower case
                names.append(display_case(main, org))
                names.extend(acronyms)
        except ValueError as exc:
            problems.append({"where": where, "line": rec.names[0], "why": str(exc)})
            continue
        names = list(dict.fromkeys(names))
        country, sector, known = book.split(first)
        if not known:
            problems.append({"where": where, "line": rec.names[0],
                             "why": f"unknown country code {first[:3]} (kept as CAMEO code only)"})
        org = _is_org(rec.names[0], rec.file, rec)
        kind = _type(rec.file, org, [first[i:i + 3] for i in range(0, len(first), 3)], sector, country)
        roles = []
        for code, start, end in dated:
            c, s, _ = book.split(code)
            roles.append({"cameo": code, "country": c, "sector": s, "start": start, "end": end})
        if not undated and roles:
            last = max(roles, key=lambda r: r["start"] or "")
            country, sector = last["country"], last["sector"]
        aid = actor_id(kind, names[0], country)
        if aid in ("p-", "ph-"):
            problems.append({"where": where, "line": rec.names[0], "why": "name has no letters"})
            continue
        record = {"id": aid, "type": kind, "name": names[0], "aliases": names[1:],
                  "country": country, "sector": sector, "cameo": first if undated else None,
                  "roles": roles, "src": where}
        old = actors.get(aid)
        if old is not None:
            if old["country"] == country and old["type"] == kind:
                old["aliases"] = list(dict.fromkeys(old["aliases"] + [n for n in names if n != old["name"]]))
                old["roles"] += [r for r in roles if r not in old["roles"]]
                old["cameo"] = old["cameo"] or record["cameo"]
                continue
            aid = record["id"] = f"{aid}-{(country or 'x').lower()}"
            if aid in actors:
                problems.append({"where": where, "line": rec.names[0],
                                 "why": f"duplicate of {actors[aid]['src']}"})
                continue
        actors[aid] = record
    return sorted(actors.values(), key=lambda a: a["id"]), places, problems


NOTICE = """Phoenix/PETRARCH-2 actor and agent dictionaries, converted for parley.

Source: {repo} at commit {commit}, petrarch2/data/dictionaries/
({files}). Converted by parley.convert.petrarch_actors
(`parley kb convert --source DIR`); the conversion changes the format, the case of names and
CAMEO country codes (to ISO 3166 alpha-3, the CAMEO code kept), not the knowledge.

The MIT License (MIT)

Copyright (c) 2014 Open Event Data Alliance

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in
all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
THE SOFTWARE.
"""


def convert_texts(texts: dict[str, list[str]], agent_lines: list[str] | None,
                  book: CodeBook | None = None) -> dict:
    """Convert dictionary texts already read (the files' lines by short name).

    :param texts: ``{"Countries": [...], "International": [...], "MilNonState": [...]}`` (any subset).
    :param agent_lines: the agents dictionary's lines, or None.
    :param book: the CAMEO code book; default parley's data files.
    :returns: ``{"actors", "places", "agents", "problems"}``.
    """
    from parley.convert.petrarch_agents import read_agents

    book = book or CodeBook.load()
    records, problems = [], []
    for label in ACTOR_FILES:
        if label in texts:
            recs, probs = read_actor_file(texts[label], label)
            records += recs
            problems += probs
    actors, places, probs = convert_records(records, book)
    problems += probs
    agents = []
    if agent_lines is not None:
        agents, probs = read_agents(agent_lines)
        problems += probs
        for agent in agents:
            agent["sector"] = book.split(agent["code"])[1] or ""
    places.sort(key=lambda p: (p["iso3"], p["name"], p["start"] or "", p["cameo"]))
    problems.sort(key=lambda p: (p["where"].split(":")[0], int(p["where"].split(":")[1])))
    return {"actors": actors, "places": places, "agents": agents, "problems": problems}


def find_conflicts(result: dict) -> list[dict]:
    """Names the converted records share with parley's hand-written knowledge base where the
    two disagree on the country; parley's entry wins (user > parley > Phoenix)."""
    from parley.actors.kb import load_kb, name_key

    kb = load_kb(layers=("parley",))

    def hand_country(entry: tuple) -> str | None:
        if entry[0] == "ethnic":
            return None          # a people of no one state ("Abkhaz", "Kurds")
        if entry[0] != "actor":
            return entry[1]
        actor = kb.actors[entry[1]]
        return actor.get("country")

    conflicts = []
    for actor in result["actors"]:
        for name in [actor["name"], *actor["aliases"]]:
            hits = kb.names.get(name_key(name), [])
            countries = {hand_country(e) for _, e in hits}
            if hits and actor["country"] not in countries:
                conflicts.append({"name": name, "phoenix": {"id": actor["id"], "country": actor["country"],
                                                            "src": actor["src"]},
                                  "parley": sorted({e[1] for _, e in hits}), "parley_country": sorted(
                                      c or "-" for c in countries), "kept": "parley"})
    for place in result["places"]:
        hits = kb.names.get(name_key(place["name"]), [])
        countries = {hand_country(e) for _, e in hits}
        if hits and place["iso3"] not in countries:
            conflicts.append({"name": place["name"], "phoenix": {"country": place["iso3"], "src": place["src"]},
                              "parley": sorted({e[1] for _, e in hits}),
                              "parley_country": sorted(c or "-" for c in countries), "kept": "parley"})
    unique = {}
    for c in conflicts:
        unique.setdefault((c["name"], c["phoenix"].get("country"), c["phoenix"]["src"]), c)
    return list(unique.values())


def _code_text(code: str, start: str | None, end: str | None) -> str:
    def d(iso: str) -> str:
        return iso.replace("-", "")
    if start and end:
        return f"{code} {d(start)}-{d(end)}"
    if start:
        return f"{code} >{d(start)}"
    if end:
        return f"{code} <{d(end)}"
    return code


ACTOR_COLUMNS = ("id", "type", "name", "aliases", "country", "sector", "cameo", "roles", "src")


def _actor_row(actor: dict) -> str:
    roles = ";".join(_code_text(r["cameo"], r["start"], r["end"]) for r in actor["roles"])
    cells = [actor["id"], actor["type"], actor["name"], "|".join(actor["aliases"]),
             actor["country"] or "", actor["sector"] or "", actor["cameo"] or "", roles, actor["src"]]
    return "\t".join(cells)


def write_output(result: dict, out_dir: Path, files: list[str]) -> dict:
    """Write the converted knowledge, its report and its notice into ``out_dir``.

    :returns: the report (also written as ``report.json``).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    with (out_dir / "actors.tsv").open("w", encoding="utf-8", newline="\n") as f:
        f.write("# Phoenix actors: country ISO 3166 alpha-3, parley sector and CAMEO code of the undated "
                "code; roles: CAMEO codes with the dates they held (YYYYMMDD, inclusive; <: up to, "
                ">: from), the country and sector read from each code; src: file:line; see NOTICE.\n")
        f.write("\t".join(ACTOR_COLUMNS) + "\n")
        for actor in result["actors"]:
            f.write(_actor_row(actor) + "\n")
    with (out_dir / "countries.tsv").open("w", encoding="utf-8", newline="\n") as f:
        f.write("# Other names of countries in the Phoenix dictionaries (cities, old spellings), "
                "with the dates a CAMEO code held; see NOTICE.\n")
        f.write("name\tiso3\tcameo\tstart\tend\tsrc\n")
        for p in result["places"]:
            f.write("\t".join([p["name"], p["iso3"], p["cameo"], p["start"] or "", p["end"] or "", p["src"]]) + "\n")
    with (out_dir / "agents.tsv").open("w", encoding="utf-8", newline="\n") as f:
        f.write("# Phoenix agent phrases (lower case) with their plural forms, CAMEO agent code, where the "
                "code goes (after/before the actor's) and parley sector; see NOTICE.\n")
        f.write("phrase\tplurals\tcode\tposition\tsector\tsrc\n")
        for a in result["agents"]:
            f.write("\t".join([a["phrase"], "|".join(a["plurals"]), a["code"], a["position"],
                               a["sector"], a["src"]]) + "\n")
    (out_dir / "NOTICE").write_text(NOTICE.format(repo=SOURCE_REPO, commit=SOURCE_COMMIT,
                                                  files=", ".join(files)), encoding="utf-8")
    conflicts = find_conflicts(result)
    counts = {"actors": len(result["actors"]), "country_names": len(result["places"]),
              "agents": len(result["agents"]), "unparsed": len(result["problems"]),
              "conflicts": len(conflicts)}
    for kind in ("person", "organ", "group", "igo", "other"):
        counts[f"actors_{kind}"] = sum(a["type"] == kind for a in result["actors"])
    counts["actors_with_dated_roles"] = sum(bool(a["roles"]) for a in result["actors"])
    report = {"source": {"repo": SOURCE_REPO, "commit": SOURCE_COMMIT, "files": files},
              "counts": counts, "precedence": ["user", "parley", "phoenix"],
              "unparsed": result["problems"], "conflicts": conflicts}
    (out_dir / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n",
                                         encoding="utf-8")
    return report


def convert(source: Path, out_dir: Path = OUT_DIR) -> dict:
    """Convert the dictionaries in ``source`` and write them to ``out_dir``.

    :param source: the folder with the Phoenix dictionaries.
    :param out_dir: where to write (default ``parley/data/actors/phoenix``).
    :returns: the report (counts, unparsed lines with file:line, conflicts).
    :raises ConversionError: if a dictionary file is missing.
    """
    source = Path(source)
    names = [*ACTOR_FILES.values(), AGENT_FILE]
    missing = [n for n in names if not (source / n).is_file()]
    if missing:
        raise ConversionError(f"{source}: missing {', '.join(missing)}")
    texts = {label: (source / fname).read_text(encoding="utf-8", errors="replace").splitlines()
             for label, fname in ACTOR_FILES.items()}
    agent_lines = (source / AGENT_FILE).read_text(encoding="utf-8", errors="replace").splitlines()
    return write_output(convert_texts(texts, agent_lines), Path(out_dir), names)
