"""What the words around a name say: datelines, "Town, State" qualifiers, locatives, and
names that belong to a person or an organisation rather than a place.

A town too small to be matched by name alone (it would match "Friendship" the word) is a
place when the text frames it as one: written "Friendship, New York"; opening the article
as a dateline ("KALAMAZOO, Mich. (Reuters) -"); or after a locative ("in", "near", "west of")
when it lies in a state or country the document names.
"""

from __future__ import annotations

import re
from typing import Any

from parley.document import token_texts
from parley.places.index import PlaceIndex

# A dateline: an upper-case place name at the start of a line, an optional qualifier, then
# the agency in brackets or a dash ("WASHINGTON (Reuters) -", "RICHMOND, Va. (AP) —").
DATELINE = re.compile(r"(?m)^[ \t]*(?P<name>[A-Z][A-Z.'’\- ]{1,40}?[A-Z.])"
                      r"(?:,[ \t]+(?P<qualifier>[A-Z][\w.'’]*(?:[ \t][A-Z][\w.'’]*){0,2}))?"
                      r"[ \t]*(?:\(|—|–|--|-[ \t])")
DATELINE_LINES = 6           # a dateline sits in the first few lines, after a byline
MAX_TOWN_TOKENS = 3
# Titles that make the next capitalised word a person's name ("Mr. Jordan", "Sen. Warren").
PERSON_TITLES = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sen.", "rep.", "gov.", "gen.",
                           "lt.", "col.", "sgt.", "president", "judge", "justice", "coach", "miss"})
_JOINERS = frozenset({"and", "of", "&", "the", "for"})
REGION_LIKE = ("region", "province", "county", "country")


def datelines(text: str) -> list[tuple[int, int, tuple[int, int] | None]]:
    """Character spans of the dateline names in the first lines of ``text``, each with the
    span of its qualifier ("Mich." in "KALAMAZOO, Mich. (Reuters)") or None."""
    head_end = 0
    for _ in range(DATELINE_LINES):
        newline = text.find("\n", head_end)
        if newline < 0:
            head_end = len(text)
            break
        head_end = newline + 1
        while head_end < len(text) and text[head_end] == "\n":
            head_end += 1
    found = []
    for match in DATELINE.finditer(text[:head_end]):
        if not any(c.isalpha() for c in match.group("name")):
            continue
        qualifier = match.span("qualifier") if match.group("qualifier") else None
        found.append((*match.span("name"), qualifier))
    return found


def is_region_like(text: str, index: PlaceIndex) -> bool:
    """Whether ``text`` can name a state, province, county or country."""
    return any(p["feature"] in REGION_LIKE for p, _ in index.candidates(text))


def qualifier_after(sdoc: Any, end: int, index: PlaceIndex) -> tuple[int, int] | None:
    """Token bounds of the region written right after ``end`` and a comma ("..., New York"),
    or None."""
    if end + 1 >= len(sdoc) or sdoc[end].text != ",":
        return None
    start = end + 1
    for stop in range(min(len(sdoc), start + 3), start, -1):
        span = sdoc[start:stop]
        if span[0].text[:1].isupper() and is_region_like(span.text, index):
            return start, stop
    return None


def org_follows(sdoc: Any, end: int, index: PlaceIndex) -> bool:
    """Whether the capitalised run that a place name starts ends as an organisation's name
    ("Washington and Lee University", "New York State Police", "China ... Network Center")."""
    for token in sdoc[end:end + 4]:
        if token.lower_ in index.org_heads and token.text[:1].isupper():
            return True
        if not (token.text[:1].isupper() or token.lower_ in _JOINERS) or token.is_punct:
            return False
    return False


def titled_person(sdoc: Any, start: int) -> bool:
    """Whether a title stands right before the name ("Mr. Jordan")."""
    return start > 0 and sdoc[start - 1].lower_ in PERSON_TITLES


def after_locative(sdoc: Any, start: int, index: PlaceIndex) -> bool:
    """Whether a locative word ("in", "near", "west of") comes right before, or before "the"."""
    i = start - 1
    if i >= 0 and sdoc[i].lower_ == "the":
        i -= 1
    return i >= 0 and sdoc[i].lower_ in index.locatives


def capitalised_runs(sdoc: Any, covered: set[int]) -> list[tuple[int, int]]:
    """Runs of up to three title-case words outside ``covered`` tokens."""
    texts = token_texts(sdoc)
    runs = []
    i, size = 0, len(texts)
    while i < size:
        text = texts[i]
        if i in covered or not text[:1].isupper() or not text.isalpha() or (text.isupper() and len(text) > 1):
            i += 1
            continue
        end = i + 1
        while end < size and end - i < MAX_TOWN_TOKENS and end not in covered \
                and texts[end][:1].isupper() and texts[end].isalpha():
            end += 1
        runs.append((i, end))
        i = end
    return runs
