"""Convert PETRARCH-2's CAMEO verb dictionary and discard list into parley's event knowledge.

Reads ``CAMEO.2.0.txt`` (verb synonym blocks, synsets and phrase patterns with CAMEO codes)
and ``Phoenix.discards.txt`` (phrases that make a sentence or story uncodable) from a
PETRARCH-2 dictionary folder and writes, under ``parley/data/events/``:

- ``cameo_verbs.jsonl``: one verb block a line: its verbs (lemma, particle, irregular forms,
  own code) and its patterns (subject words, particle, object head and modifiers,
  prepositional slots, CAMEO code, reciprocal code), each code mapped to a PLOVER type and
  mode through the crosswalk in ``parley/data/cameo_codes.tsv``;
- ``cameo_synsets.json``: the synonym sets (``&NAME``) the patterns refer to;
- ``petrarch_discards.jsonl``: the discard phrases with their scope (sentence or story);
- ``PETRARCH_LICENSE.txt`` and ``petrarch_source.json``: the MIT notice and the provenance.

Lines it cannot read are reported as ``file:line: reason`` and skipped; the output is
byte-identical for the same input. The format is described in PETRARCH-2's
``dictionaries.rst``; this module is parley's own reading of it.

Usage::

    python -m parley.convert.petrarch_verbs PATH/TO/petrarch2 [--commit SHA] [--out DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from parley.codebooks import UnknownCameoCode, cameo_code

OUT_DIR = Path(__file__).resolve().parents[1] / "data" / "events"
VERBS_FILE, DISCARDS_FILE = "CAMEO.2.0.txt", "Phoenix.discards.txt"
SOURCE_REPO = "openeventdata/petrarch2"
SOURCE_PATH = "petrarch2/data/dictionaries"
DEFAULT_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
# Words that, bare right after the verb in a pattern, are its particle ("SET OUT", "PUT UP").
PARTICLES = frozenset({"up", "out", "off", "down", "back", "away", "over", "in", "on", "aside",
                       "forward", "around", "along", "through", "together", "apart", "ahead", "by"})
DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "this", "that", "these", "those"})
# CAMEO 081x codes the draft crosswalk sends to RETREAT although 081 is "ease administrative
# sanctions", a CONCEDE in PLOVER's own definition ("easing restrictions").
EASING_CONCESSIONS = frozenset({"0813", "0814"})
# TABARI markers that PETRARCH-2 patterns still carry: source, target, compound, skip.
MARKERS = {"$": "source", "+": "target", "%": "compound", "^": "skip"}


@dataclass
class Problem:
    """A source line the converter could not use."""

    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


@dataclass
class Converted:
    """The result of reading the verb dictionary."""

    synsets: dict = field(default_factory=dict)
    blocks: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    notes: list = field(default_factory=list)


def plover_of(code: str) -> dict:
    """Map a CAMEO code to ``{"type", "mode"}`` by parley's crosswalk (``cameo_codes.tsv``).

    CAMEO 01 (public statements) has no PLOVER type (``type`` None). CAMEO 02 appeals are
    requests: PLOVER's REQUEST covers "all requests, demands and orders", so an 02x code takes
    the type and mode of its parallel 10x demand code (021 -> 101, 0253 -> 1053). Codes
    the crosswalk leaves blank take their root's type; 08 splits CONCEDE (080-083) and
    RETREAT (084-087) as the crosswalk says; easing a curfew or a state of emergency (0813,
    0814, which the draft crosswalk puts under RETREAT) is CONCEDE like the rest of 081, as
    PLOVER's CONCEDE definition names "easing restrictions".

    :param code: a CAMEO code known to :func:`parley.codebooks.cameo_code`.
    """
    if code.startswith("02"):
        code = "10" + code[2:]
    if code in EASING_CONCESSIONS:
        return {"type": "CONCEDE", "mode": None}
    row = cameo_code(code)
    event = row.get("plover_event")
    if event == "dropped":
        return {"type": None, "mode": None}
    if not event or "|" in (event or ""):
        if code.startswith("08"):
            event = "RETREAT" if code[:3] >= "084" else "CONCEDE"
        else:
            event = cameo_code(code[:2]).get("plover_event")
    return {"type": event if event and event != "dropped" else None, "mode": row.get("plover_mode") or None}


def _strip_comment(raw: str) -> tuple[str, str]:
    text, _, comment = raw.partition("#")
    return text.strip(), comment.strip()


def _phrase(text: str) -> list[str]:
    """Lower-cased words of a dictionary phrase (``_`` joins words)."""
    return [w for w in text.replace("_", " ").lower().split() if w]


class _PatternReader:
    """Reads the five-part pattern syntax: ``[pre nouns] [pre preps] * [post nouns] [post preps]``."""

    TOKEN = re.compile(r"\([^()]*\)|\{[^{}]*\}|[^\s(){}]+")

    def __init__(self, synsets: dict) -> None:
        self.synsets = synsets

    def noun(self, text: str) -> dict:
        """A noun slot: its head (last word) and modifiers, or a synset reference."""
        words = [w for w in _phrase(text.strip("{}")) if w not in DETERMINERS]
        if not words:
            raise ValueError(f"empty noun phrase {text!r}")
        for word in words:
            if word.startswith("&") and word.upper() not in self.synsets:
                raise ValueError(f"undefined synset {word.upper()}")
        return {"head": words[-1], "mods": words[:-1]}

    def read(self, body: str) -> dict:
        """Parse the part of a pattern line before its code.

        :raises ValueError: on unbalanced brackets, a missing ``*`` or an undefined synset.
        """
        if body.count("*") != 1:
            raise ValueError("pattern needs exactly one '*'")
        if body.count("(") != body.count(")") or body.count("{") != body.count("}"):
            raise ValueError("unbalanced brackets")
        pre, post = body.split("*")
        pattern: dict = {"subject": [], "particle": None, "object": None, "preps": [], "markers": []}
        for token in self.TOKEN.findall(pre):
            if token in MARKERS:
                pattern["markers"].append(MARKERS[token])
            elif token.startswith("("):
                pattern["preps"].append(self._prep(token))
            else:
                pattern["subject"].append(self.noun(token))
        for token in self.TOKEN.findall(post):
            if token.lower() in DETERMINERS:
                continue
            if token in MARKERS:
                pattern["markers"].append(MARKERS[token])
            elif token.startswith("("):
                pattern["preps"].append(self._prep(token))
            elif token.lower() in PARTICLES and pattern["object"] is None and pattern["particle"] is None \
                    and not pattern["preps"]:
                pattern["particle"] = token.lower()
            elif pattern["object"] is None and not pattern["preps"]:
                pattern["object"] = self.noun(token)
            elif pattern["preps"]:
                # "(OF ATTACKS) ON": a word after a prepositional slot refines that slot's object
                last = pattern["preps"][-1]
                if last["object"] is None:
                    last["object"] = self.noun(token)
                else:
                    raise ValueError(f"unexpected word {token!r} after a prepositional slot")
            else:
                obj = pattern["object"]
                extra = self.noun(token)
                pattern["object"] = {"head": extra["head"], "mods": obj["mods"] + [obj["head"]] + extra["mods"]}
        return pattern

    def _prep(self, token: str) -> dict:
        inner = self.TOKEN.findall(token[1:-1])
        if not inner or inner[0].startswith(("{", "&")):
            raise ValueError(f"prepositional slot without a preposition: {token}")
        rest = [t for t in inner[1:] if t not in MARKERS]
        obj = self.noun(" ".join(t.strip("{}") for t in rest)) if rest else None
        return {"prep": inner[0].lower(), "object": obj}


def _code_of(text: str, where: Problem, notes: list | None = None) -> tuple[str | None, str | None]:
    """Return ``(code, reciprocal)`` from a ``[...]`` code; ``---`` is the null code (None).

    A code that the CAMEO manual lacks but whose parent it has (PETRARCH's 1213) is read as
    the parent, and a note is added to ``notes``.
    """
    parts = [p.strip() for p in text.split(":")]
    if len(parts) > 2:
        raise ValueError(f"code {text!r} has more than two parts")
    codes = []
    for part in parts:
        if part in ("", "---"):
            codes.append(None)
            continue
        try:
            cameo_code(part)
        except UnknownCameoCode:
            parent = part[:-1]
            if len(part) == 4 and part.isdigit() and _known(parent):
                if notes is not None:
                    notes.append(Problem(where.file, where.line,
                                         f"code {part} is not in the CAMEO manual; read as {parent}"))
                part = parent
            else:
                raise ValueError(f"unknown CAMEO code {part!r}") from None
        codes.append(part)
    return codes[0], codes[1] if len(codes) > 1 else None


def _known(code: str) -> bool:
    try:
        cameo_code(code)
        return True
    except UnknownCameoCode:
        return False


def _coded(code: str | None) -> dict:
    if code is None:
        return {"cameo": None, "plover": None}
    return {"cameo": code, "plover": plover_of(code)}


def _verb(text: str, code: str | None, block_code: str | None) -> dict:
    """A verb line: lemma (the ``+``-marked word of a multi-word verb), particle, prefix, forms."""
    forms_text = ""
    if "{" in text:
        text, _, forms_text = text.partition("{")
        forms_text = forms_text.rstrip("} ")
    words = [w for w in text.strip().split("_") if w]
    if not words:
        raise ValueError("empty verb")
    marked = [i for i, w in enumerate(words) if w.startswith("+")]
    if len(words) > 1 and len(marked) != 1:
        raise ValueError(f"multi-word verb {text.strip()!r} needs exactly one '+'")
    head = marked[0] if marked else 0
    lemma = words[head].lstrip("+").lower()
    if not re.fullmatch(r"[a-z][a-z'\-]*", lemma):
        raise ValueError(f"verb {lemma!r} is not a word")
    forms = sorted({" ".join(_phrase(f.replace("+", ""))) for f in forms_text.split()})
    own = code if code is not None else block_code
    return {"lemma": lemma, "prefix": [w.lower() for w in words[:head]] or None,
            "particle": " ".join(w.lower() for w in words[head + 1:]) or None,
            "forms": forms, **_coded(own)}


def read_verbs(path: Path) -> Converted:
    """Read a PETRARCH-2 verb dictionary.

    :param path: ``CAMEO.2.0.txt``.
    :returns: synsets, verb blocks (in file order) and the problems found.
    """
    result = Converted()
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    name = path.name
    synset = None
    block = None
    reader = _PatternReader(result.synsets)
    for number, raw in enumerate(lines, start=1):
        text, comment = _strip_comment(raw)
        if not text:
            continue
        where = Problem(name, number, "")
        try:
            if text.startswith("&"):
                label = text.split()[0]
                plural = not label.endswith("_")
                synset = label.rstrip("_").upper()
                result.synsets[synset] = {"words": [], "plural": plural, "line": number}
                block = None
            elif text.startswith("+") and synset is not None and block is None:
                words = _phrase(text[1:])
                if not words:
                    raise ValueError("empty synset member")
                result.synsets[synset]["words"].append(" ".join(words))
            elif text.startswith("---"):
                synset = None
                match = re.fullmatch(r"---\s*(.*?)\s*\[([^\]]*)\]\s*-{3}(\s*-{3})?", text)
                if not match:
                    raise ValueError("verb block header not of the form '--- NAME [CODE] ---'")
                code, _ = _code_of(match.group(2), where)
                block = {"block": match.group(1).strip().lower(), "line": number, **_coded(code),
                         "verbs": [], "patterns": []}
                result.blocks.append(block)
            elif text.startswith("~"):
                raise ValueError("verb-verb transformation not imported (parley's governors do this)")
            elif block is None:
                raise ValueError("line outside a synset or verb block")
            elif text.startswith("-"):
                body, _, rest = text[1:].partition("[")
                if not rest or "]" not in rest:
                    raise ValueError("pattern without a [code]")
                code, reciprocal = _code_of(rest[:rest.index("]")], where, result.notes)
                pattern = reader.read(body.replace("_ ", " "))
                pattern.update({"line": number, **_coded(code),
                                "reciprocal": _coded(reciprocal) if reciprocal else None,
                                "noted_verb": comment.split()[0].lower() if comment else None})
                block["patterns"].append(pattern)
            else:
                body, _, rest = text.partition("[")
                code = _code_of(rest[:rest.index("]")], where)[0] if "]" in rest else None
                verb = _verb(body, code, block["cameo"])
                verb["line"] = number
                block["verbs"].append(verb)
        except ValueError as error:
            where.reason = str(error)
            result.problems.append(where)
    return result


def read_discards(path: Path) -> tuple[list[dict], list[Problem]]:
    """Read a PETRARCH discard list: ``+PHRASE`` discards the story, ``PHRASE`` the sentence.

    A phrase ending in ``_`` must end at a word boundary; otherwise it matches as a stem.

    :param path: ``Phoenix.discards.txt``.
    :returns: ``(entries, problems)``; entries are sorted and de-duplicated.
    """
    entries: dict[tuple, dict] = {}
    problems: list[Problem] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        text, _ = _strip_comment(raw)
        if not text:
            continue
        scope = "story" if text.startswith("+") else "sentence"
        phrase = text.lstrip("+").strip()
        whole_word = phrase.endswith("_")
        words = _phrase(phrase.rstrip("_"))
        if not words or not any(ch.isalnum() for ch in phrase):
            problems.append(Problem(path.name, number, "no phrase"))
            continue
        key = (" ".join(words), scope, whole_word)
        entries.setdefault(key, {"phrase": key[0], "scope": scope, "whole_word": whole_word, "line": number})
    return sorted(entries.values(), key=lambda e: (e["phrase"], e["scope"], e["whole_word"])), problems


def _dump_jsonl(rows: list[dict]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n" for row in rows)


def convert(source_dir: Path, out_dir: Path = OUT_DIR, commit: str = DEFAULT_COMMIT) -> list[Problem]:
    """Convert the verb dictionary and discard list in ``source_dir`` and write them to ``out_dir``.

    :param source_dir: a PETRARCH-2 dictionary folder (with ``LICENSE``).
    :param out_dir: where parley's event knowledge lives.
    :param commit: the source commit, recorded in ``petrarch_source.json``.
    :returns: the problems found (also written to the provenance file as counts).
    :raises FileNotFoundError: naming the missing source file.
    """
    source_dir = Path(source_dir)
    for name in (VERBS_FILE, DISCARDS_FILE, "LICENSE"):
        if not (source_dir / name).exists():
            raise FileNotFoundError(f"{source_dir / name}: not found (pass the PETRARCH-2 dictionary folder)")
    verbs = read_verbs(source_dir / VERBS_FILE)
    discards, discard_problems = read_discards(source_dir / DISCARDS_FILE)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "cameo_verbs.jsonl").write_text(_dump_jsonl(verbs.blocks), encoding="utf-8")
    (out_dir / "cameo_synsets.json").write_text(
        json.dumps(dict(sorted(verbs.synsets.items())), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    (out_dir / "petrarch_discards.jsonl").write_text(_dump_jsonl(discards), encoding="utf-8")
    (out_dir / "PETRARCH_LICENSE.txt").write_text(
        "cameo_verbs.jsonl, cameo_synsets.json and petrarch_discards.jsonl are converted from the\n"
        f"PETRARCH-2 dictionaries ({SOURCE_REPO} at commit {commit}, {SOURCE_PATH}/{VERBS_FILE}\n"
        f"and {DISCARDS_FILE}) by parley/convert/petrarch_verbs.py. Their licence:\n\n"
        + (source_dir / "LICENSE").read_text(encoding="utf-8"), encoding="utf-8")
    problems = verbs.problems + discard_problems
    provenance = {
        "source": {"repository": SOURCE_REPO, "commit": commit, "path": SOURCE_PATH, "license": "MIT",
                   "files": {name: hashlib.sha256((source_dir / name).read_bytes()).hexdigest()
                             for name in (VERBS_FILE, DISCARDS_FILE)}},
        "converter": "parley/convert/petrarch_verbs.py",
        "counts": {"blocks": len(verbs.blocks), "verbs": sum(len(b["verbs"]) for b in verbs.blocks),
                   "patterns": sum(len(b["patterns"]) for b in verbs.blocks), "synsets": len(verbs.synsets),
                   "discards": len(discards), "skipped_lines": len(problems)},
        "notes": [str(note) for note in verbs.notes],
        "code_set": "CAMEO 1.1b3 codes as in parley/data/cameo_codes.tsv; see docs/events.md",
    }
    (out_dir / "petrarch_source.json").write_text(json.dumps(provenance, indent=1, sort_keys=True) + "\n",
                                                  encoding="utf-8")
    return problems


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: convert, print the skipped lines as ``file:line: reason``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="the PETRARCH-2 dictionary folder")
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    parser.add_argument("--commit", default=DEFAULT_COMMIT)
    args = parser.parse_args(argv)
    try:
        problems = convert(args.source, args.out, args.commit)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for problem in problems:
        print(f"{problem} (skipped)", file=sys.stderr)
    print(f"wrote {args.out}; {len(problems)} source lines skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
