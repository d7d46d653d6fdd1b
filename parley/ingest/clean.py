"""Turn a raw record into clean text: HTML extraction, the boilerplate filter, titles.

The filter is a mechanism over data: its rules live in ``parley/data/boilerplate.yaml``.
Every line it removes is recorded on the document (``meta["boilerplate"]``) with the rule
that removed it, so a wrong removal can be traced to one rule.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from parley.document import Document
from parley.ingest.lang import is_english
from parley.ingest.records import Record, Rejected, parse_date
from parley.knowledge import check, data_path, optional, read_yaml

DEFAULT_BOILERPLATE = data_path("boilerplate.yaml")
BOILERPLATE_SCHEMA = {
    "version": int,
    "rules": [{"id": str, "category": str, "pattern": str, "max_words": int,
               "block": optional({"max_lines": int, "short_words": int, "max_words": int, "continue": [str]})}],
}
HEADLINE_MAX_WORDS = 20
HEADLINE_MAX_CHARS = 200
HEADLINE_MIN_CAPITALIZED = 0.6   # share of words longer than three letters that are capitalized
REPEAT_MAX_CHARS = 600           # longer lines are never checked for being a repeated title

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_NOT_WORD = re.compile(r"\W+")
_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,40}\s[–—-]\s")
_ENDS_SENTENCE = tuple('.!?:;"”’\')]»…')


@dataclass(frozen=True)
class Block:
    """Lines after a matching line that belong to the same promo (see ``boilerplate.yaml``)."""

    max_lines: int
    short_words: int
    max_words: int
    continues: tuple[re.Pattern, ...]

    def takes(self, line: str) -> bool:
        """Return True if ``line`` continues the block.

        :param line: a stripped, non-empty line.
        """
        words = len(line.split())
        if words <= self.short_words:
            return True
        return words <= self.max_words and any(p.search(line) for p in self.continues)


@dataclass(frozen=True)
class Rule:
    """One boilerplate rule: a pattern searched in a line no longer than ``max_words``."""

    id: str
    category: str
    pattern: re.Pattern
    max_words: int
    block: Block | None = None

    def matches(self, line: str, words: int | None = None) -> bool:
        """Return True if this rule removes ``line``.

        :param line: a stripped line.
        :param words: its number of words, if already counted.
        """
        words = len(line.split()) if words is None else words
        return words <= self.max_words and self.pattern.search(line) is not None


class BoilerplateFilter:
    """Remove boilerplate lines from plain text, by rules loaded from data.

    Example::

        boilerplate = BoilerplateFilter.from_data()
        kept, removed = boilerplate.filter(["The envoys met.", "Add new comment"])
        # kept == ["The envoys met.", None]; removed[0]["rule"] == "comment_add"
    """

    def __init__(self, rules: Iterable[Rule]):
        self.rules = tuple(rules)
        self._max_words = max((r.max_words for r in self.rules), default=0)

    @classmethod
    def from_data(cls, path: str | Path = DEFAULT_BOILERPLATE) -> "BoilerplateFilter":
        """Load the rules from a YAML file (see ``parley/data/boilerplate.yaml`` for the format).

        :param path: the rules file.
        :raises parley.knowledge.KnowledgeError: (a ValueError) naming the file and line of a rule that lacks a field
          or whose pattern does not compile.
        """
        doc = read_yaml(path)
        data = check(doc, BOILERPLATE_SCHEMA)
        rules = []
        for index, raw in enumerate(data["rules"]):
            try:
                block = raw.get("block")
                rules.append(Rule(
                    id=raw["id"], category=raw["category"],
                    pattern=re.compile(raw["pattern"], re.IGNORECASE),
                    max_words=int(raw["max_words"]),
                    block=Block(int(block["max_lines"]), int(block["short_words"]), int(block["max_words"]),
                                tuple(re.compile(p, re.IGNORECASE) for p in block["continue"])) if block else None,
                ))
            except re.error as err:
                raise doc.error(f"bad boilerplate rule {raw['id']!r}: {err}", "rules", index) from err
        return cls(rules)

    def match(self, line: str) -> Rule | None:
        """Return the first rule that removes ``line``, or None.

        :param line: a stripped line.
        """
        words = line.count(" ") + 1  # lines are normalized: single spaces between words
        if words > self._max_words:
            return None
        for rule in self.rules:
            if rule.matches(line, words):
                return rule
        return None

    def filter(self, lines: list[str]) -> tuple[list[str | None], list[dict]]:
        """Remove boilerplate lines.

        :param lines: stripped lines ("" for blank lines).
        :returns: the lines with removed ones set to None, and a record per removed line
            (``rule``, ``category``, ``line`` index, ``text``).
        """
        kept: list[str | None] = list(lines)
        removed: list[dict] = []
        i = 0
        while i < len(kept):
            line = kept[i]
            rule = self.match(line) if line else None
            if rule is None:
                i += 1
                continue
            removed.append({"rule": rule.id, "category": rule.category, "line": i, "text": line})
            kept[i] = None
            i += 1
            if rule.block is None:
                continue
            taken = 0
            while i < len(kept) and taken < rule.block.max_lines:
                following = kept[i]
                if following and not rule.block.takes(following):
                    break
                if following:
                    removed.append({"rule": rule.id, "category": rule.category, "line": i, "text": following})
                    kept[i] = None
                    taken += 1
                i += 1
        return kept, removed


@lru_cache(maxsize=4)
def load_boilerplate(path: str | Path = DEFAULT_BOILERPLATE) -> BoilerplateFilter:
    """Return the boilerplate filter for ``path``, loaded once.

    :param path: the rules file.
    """
    return BoilerplateFilter.from_data(path)


def normalize_line(line: str) -> str:
    """Return ``line`` with odd spaces made plain, invisible characters dropped, runs collapsed.

    :param line: one line of text.
    """
    return " ".join(_INVISIBLE.sub("", line).split())  # split() also breaks on no-break and thin spaces


def _letters(text: str) -> str:
    return _NOT_WORD.sub("", text).lower()


def repeats_of(line: str, unit: str) -> int:
    """Return how many times ``unit`` is repeated to make ``line`` (ignoring spaces and punctuation), or 0.

    ``repeats_of("TitleTitle", "Title") == 2``.

    :param line: the line.
    :param unit: the text that may be repeated, e.g. the title.
    """
    if _letters(line[:20])[:6] != _letters(unit[:20])[:6]:
        return 0
    whole, part = _letters(line), _letters(unit)
    if not part or len(whole) % len(part):
        return 0
    count = len(whole) // len(part)
    return count if whole == part * count else 0


def self_repeat(line: str) -> str | None:
    """Return the unit if ``line`` is one phrase of three or more words glued to itself, else None.

    :param line: the line.
    """
    if len(line) > REPEAT_MAX_CHARS or line.count(" ") < 3 or line.find(line[:8], 1) < 0:
        return None
    letters = _letters(line)
    for count in (2, 3, 4):
        size, rest = divmod(len(letters), count)
        if not rest and size >= 10 and letters == letters[:size] * count:
            return _cut_after_letters(line, size)
    return None


def _cut_after_letters(line: str, size: int) -> str:
    """Return the start of ``line`` up to its ``size``-th word character and the punctuation after it."""
    seen = 0
    for position, char in enumerate(line):
        if _NOT_WORD.match(char) is None:
            seen += 1
            if seen == size:
                end = position + 1
                while end < len(line) and not line[end].isspace() and _NOT_WORD.match(line[end]):
                    end += 1
                return line[:end].strip()
    return line


def looks_like_headline(line: str, next_blank: bool) -> bool:
    """Return True if the first line of a plain-text file reads as a headline.

    A headline is short, does not end like a sentence, is not a dateline, and is either
    in title case or set off by a blank line.

    :param line: the first non-blank line, stripped.
    :param next_blank: whether a blank line follows it.
    """
    words = line.split()
    if not 2 <= len(words) <= HEADLINE_MAX_WORDS or len(line) > HEADLINE_MAX_CHARS:
        return False
    if line.endswith((".", ",", ";", ":")) or _DATELINE.match(line):
        return False
    if not (line[0].isupper() or line[0].isdigit() or line[0] in "\"“‘'"):
        return False
    long_words = [w for w in words if len(w) > 3 and w[0].isalpha()]
    capitalized = sum(w[0].isupper() for w in long_words) / len(long_words) if long_words else 0.0
    return capitalized >= HEADLINE_MIN_CAPITALIZED or next_blank


@dataclass
class Cleaned:
    """The result of :func:`clean_text`."""

    text: str
    title: str | None
    removed: list[dict] = field(default_factory=list)


def _paragraphs(lines: list[str | None]) -> list[str]:
    """Join kept lines into paragraphs, unwrapping hard-wrapped lines."""
    paragraphs: list[str] = []
    joinable = False
    for line in lines:
        if not line:
            joinable = False
            continue
        if joinable and not paragraphs[-1].endswith(_ENDS_SENTENCE) and line[0].islower():
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
        joinable = True
    return paragraphs


def clean_text(text: str, title: str | None = None, detect_title: bool = True,
               boilerplate: BoilerplateFilter | None = None) -> Cleaned:
    """Clean plain text: take a headline as title, drop repeated titles and boilerplate lines.

    :param text: the text, lines separated by newlines.
    :param title: the known title, if any; lines repeating it are removed.
    :param detect_title: whether a first line that reads as a headline becomes the title
        (only when ``title`` is None).
    :param boilerplate: the filter (default: the rules in ``parley/data/boilerplate.yaml``).
    :returns: a :class:`Cleaned` with paragraphs joined by blank lines.
    """
    boilerplate = boilerplate or load_boilerplate()
    if not unicodedata.is_normalized("NFC", text):
        # decomposed accents (as some Mac tools write them) would give the same article another hash
        text = unicodedata.normalize("NFC", text)
    lines = [normalize_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    removed: list[dict] = []
    filled = [i for i, line in enumerate(lines) if line]
    if title is None and detect_title and len(filled) > 1:
        first = filled[0]
        candidate = lines[first]
        if boilerplate.match(candidate) is None and looks_like_headline(candidate, not lines[first + 1]):
            title = self_repeat(candidate) or candidate
            removed.append({"rule": "title", "category": "title", "line": first, "text": candidate})
            lines[first] = ""
    title = normalize_line(title) if title else None
    at_head = True  # no reporting line kept yet: a line equal to the title here is the headline
    for i, line in enumerate(lines):
        if not line:
            continue
        count = repeats_of(line, title) if title else 0
        if count >= 2 or (count == 1 and at_head):
            removed.append({"rule": "title_repeat", "category": "title", "line": i, "text": line})
            lines[i] = ""
            continue
        unit = self_repeat(line)
        if unit:
            # a paragraph pasted twice by the scraper: keep one copy
            removed.append({"rule": "self_repeat", "category": "title", "line": i, "text": line[len(unit):].strip()})
            lines[i] = line = unit
        if title and line.startswith(title) and len(line) > len(title) and line[len(title)].isupper():
            # a title glued to the first paragraph: keep the paragraph
            removed.append({"rule": "title_glued", "category": "title", "line": i, "text": title})
            lines[i] = line[len(title):]
        if at_head and boilerplate.match(line) is None:
            at_head = False
    kept, dropped = boilerplate.filter(lines)
    removed.extend(dropped)
    removed.sort(key=lambda r: r["line"])
    return Cleaned("\n\n".join(_paragraphs(kept)), title, removed)


def extract_html(html: str) -> tuple[str, dict]:
    """Extract the main text and head metadata of an HTML page with trafilatura.

    :param html: the page.
    :returns: ``(text, metadata)``; metadata keys ``title``, ``date``, ``sitename``, ``url``,
        ``author`` when the page has them; text is "" when nothing was found.
    """
    import trafilatura

    found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                        include_tables=False)
    if found is None:
        return "", {}
    data = found.as_dict() if hasattr(found, "as_dict") else dict(found)
    meta = {k: data[k] for k in ("title", "date", "sitename", "url", "author") if data.get(k)}
    return data.get("text") or "", meta


def _line_of(source: str) -> int | None:
    tail = source.rsplit(":", 1)[-1]
    return int(tail) if ":" in source and tail.isdigit() else None


def prepare(record: Record, boilerplate: BoilerplateFilter | None = None) -> Document | Rejected:
    """Clean one record into a :class:`~parley.document.Document`, or reject it.

    HTML goes through trafilatura (body, and title, date, site name and URL from the head,
    where the record has none); all text then goes through :func:`clean_text`.

    :param record: a record from :func:`~parley.ingest.readers.iter_records`.
    :param boilerplate: the filter (default: the rules in ``parley/data/boilerplate.yaml``).
    :returns: the document (``lang="en"``, removed lines in ``meta["boilerplate"]``), or a
        :class:`Rejected` with reason ``no_text`` or ``non_english``.
    """
    meta = dict(record.meta)
    meta["format"] = record.format
    title, outlet, url, published = record.title, record.outlet, record.url, record.published
    text = record.raw
    if record.format == "html":
        text, head = extract_html(record.raw)
        title = title or head.get("title")
        outlet = outlet or head.get("sitename")
        url = url or head.get("url")
        published = published or parse_date(head.get("date"))
        if head.get("author"):
            meta.setdefault("author", head["author"])
    cleaned = clean_text(text, title=title, detect_title=record.format == "txt", boilerplate=boilerplate)
    file, line = record.source, _line_of(record.source)
    if line is not None:
        file = record.source.rsplit(":", 1)[0]
    if not cleaned.text:
        return Rejected(file, line, "no_text", f"{record.source}: no text left after cleaning")
    if not is_english(cleaned.text):
        return Rejected(file, line, "non_english", f"{record.source}: not English (parley reads English text)")
    if cleaned.removed:
        meta["boilerplate"] = [{k: r[k] for k in ("rule", "category", "text")} for r in cleaned.removed]
    return Document.from_text(cleaned.text, raw=record.raw, title=cleaned.title, outlet=outlet, url=url,
                              published=published, source=record.source, source_id=record.source_id,
                              meta=meta, lang="en")
