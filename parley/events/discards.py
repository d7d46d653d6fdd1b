"""Sentences and stories that carry no codable event: PETRARCH's discard list.

``petrarch_discards.jsonl`` (converted from Phoenix.discards.txt, see
:mod:`parley.convert.petrarch_verbs`) lists phrases of sport, entertainment, disasters and
historical retrospectives; the bare time references among them are not used
(:data:`TIME_REFERENCE`). A sentence holding one codes no event; a *story* phrase
("+WORLD CUP") in the lead of a document (its first :data:`LEAD_SENTENCES` sentences) codes
none in the whole document, and elsewhere only silences its sentence. As in PETRARCH, a
phrase matches case-insensitively from the start of a word; one marked ``whole_word`` must
also end at a word boundary, the others match as stems ("champion" in "championship").

Example::

    discards = load_discards()
    discards.sentence_hit("He won the bronze medal in Tokyo.")     # "bronze medal"
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from parley.events.lexicon import DATA_DIR, LexiconError

DISCARDS_PATH = DATA_DIR / "petrarch_discards.jsonl"
LEAD_SENTENCES = 3
# Discards that are only time references (a year, "months ago", "world war ii"): PETRARCH used
# them to skip historical retrospectives; parley dates every event instead (the times stage),
# so a sentence that mentions an old year or war still codes its own event.
TIME_REFERENCE = re.compile(r"^(\d{4}|(\w+ )?(days|weeks|months|years) (ago|later)|(post )?world war \w+"
                            r"|second world war|napoleonic wars|millennium)$")


def _regex(entries: list[dict]) -> re.Pattern | None:
    parts = []
    for entry in entries:
        body = r"\s+".join(re.escape(word) for word in entry["phrase"].split())
        parts.append(r"(?<![\w])" + body + (r"(?![\w])" if entry["whole_word"] else ""))
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


class Discards:
    """Compiled discard phrases: one alternation for sentences, one for story leads."""

    def __init__(self, entries: list[dict]) -> None:
        self.size = len(entries)
        self.sentence_regex = _regex(entries)
        self.story_regex = _regex([e for e in entries if e["scope"] == "story"])

    def sentence_hit(self, text: str) -> str | None:
        """Return the discard phrase found in a sentence, or None."""
        found = self.sentence_regex.search(text) if self.sentence_regex else None
        return found.group(0) if found else None

    def story_hit(self, lead: str) -> str | None:
        """Return the story-level discard phrase found in a document's lead, or None."""
        found = self.story_regex.search(lead) if self.story_regex else None
        return found.group(0) if found else None


@lru_cache(maxsize=2)
def load_discards(path: Path = DISCARDS_PATH) -> Discards:
    """Read and compile the discard list (once per process).

    :param path: ``petrarch_discards.jsonl``.
    :raises LexiconError: naming the file and line of an entry without a phrase.
    """
    entries = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                entry = json.loads(line)
                if not entry["phrase"].strip() or entry["scope"] not in ("sentence", "story"):
                    raise ValueError("empty phrase or unknown scope")
                if TIME_REFERENCE.match(entry["phrase"]):
                    continue
                entries.append({"phrase": entry["phrase"], "scope": entry["scope"],
                                "whole_word": bool(entry.get("whole_word"))})
            except (ValueError, KeyError, TypeError, AttributeError) as error:
                raise LexiconError(f"{Path(path).name}:{number}: {error}") from None
    return Discards(entries)
