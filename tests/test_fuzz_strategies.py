"""Shared Hypothesis strategies and invariants for the fuzz tests (issue 10).

The ``test_fuzz_*`` files draw inputs from here: random Unicode (control characters, mixed
scripts, bidi marks, lone surrogates), news-like token soup with hostile numbers ("1e309",
"½ million") and dates at the edge of the calendar, and seed paragraphs mutated by inserts,
deletes and duplications. Every fuzz test uses :data:`FUZZ` (or :data:`FUZZ_SLOW` for the
spaCy pipeline): no deadline, a modest number of examples, derandomized so CI is stable.
A longer local run: ``PARLEY_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz_*.py``.
"""

from __future__ import annotations

import os
import re
import sys
from datetime import date
from functools import lru_cache

import pycountry
from conftest import REPO, SEEDS
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# the span and interval invariants are the atheris harnesses' (fuzz/_harness.py), shared here
sys.path.insert(0, str(REPO / "fuzz"))
from _harness import assert_interval, assert_spans_inside  # noqa: E402

__all__ = ["FUZZ", "FUZZ_SLOW", "EDGE_DATES", "anchors", "raw_text", "token_soup", "texts", "mutated",
           "seed_paragraphs", "event_sentences", "huge_line", "deep_html", "huge_attribute_html", "iso3_codes",
           "assert_interval", "assert_spans_inside"]

EXAMPLES = int(os.environ.get("PARLEY_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
FUZZ_SLOW = settings(FUZZ, max_examples=max(EXAMPLES // 2, 30))

# Pieces of news prose and the hostile tokens the issue names, glued at random.
TOKENS: tuple[str, ...] = (
    "Russia", "Iran", "Turkey", "Syria", "the United Nations", "Hamas", "Israel", "the Taliban", "Kazakhstan",
    "envoy", "foreign minister", "President", "rebels", "delegation", "said", "met", "agreed", "rejected",
    "accused", "will meet", "talks", "ceasefire", "round", "in Astana", "in Geneva", "on Tuesday", "last week",
    "next month", "tomorrow", "yesterday", "in 2017", "since 2011", "January 23, 2017", "31 February 2023",
    "12/31/9999", "0001-01-01", "the 21st round", "this summer", "a decade ago", "in the 1990s", "from 2024 to 2020",
    "between March 5 and March 2", "1e309", "1e-400", "½ million", "¾", "nearly 500,000", "over 300,000 people",
    "hundreds of thousands", "half of the population", "12-year-old war", "99999999999999999999 people", "NaN",
    "inf", "-0", "3.5%", "101%", "$2 billion", "killed", "displaced", "fled", "troops", ".", ",", ";", "\"", "“",
    "”", "—", "(", ")", "\n", "\n\n", "\t", "\r", "\x00", "\x0b", "\x1b", "\u200b", "\u202e", "\u00ad", "\ufeff",
    "\u0301", "Россия", "سوريا", "伊朗", "עברית", "🇸🇾", "ǅ", "ﬁ", "Ⅻ", "١٢٣", "２０２３年",
)
SEPARATORS = st.sampled_from([" ", " ", " ", "", "\n", "  ", ", ", ". ", "\u00a0"])
EDGE_DATES = (date(1, 1, 1), date(1, 1, 2), date(9999, 12, 31), date(9999, 12, 30), date(2000, 2, 29))

anchors = st.one_of(st.none(), st.sampled_from(EDGE_DATES), st.dates())
raw_text = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=300)
token_soup = st.lists(st.tuples(st.sampled_from(TOKENS), SEPARATORS), max_size=60).map(
    lambda pairs: "".join(t + s for t, s in pairs))


@lru_cache(maxsize=1)
def seed_paragraphs() -> tuple[str, ...]:
    """Paragraphs of the seed articles (read at test time, never stored), or the tokens if absent."""
    found = [p.strip() for path in sorted(SEEDS.glob("*.txt"))
             for p in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if 20 < len(p.strip()) < 800]
    return tuple(found) or TOKENS


@st.composite
def mutated(draw, base: st.SearchStrategy[str] | None = None) -> str:
    """A seed paragraph (or ``base``) changed by a few inserts, deletes, replacements and repeats."""
    text = draw(base if base is not None else st.sampled_from(seed_paragraphs()))
    for _ in range(draw(st.integers(0, 8))):
        op = draw(st.sampled_from(("insert", "delete", "replace", "repeat")))
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 40)))
        if op == "insert":
            text = text[:i] + draw(st.one_of(st.sampled_from(TOKENS), raw_text.map(lambda s: s[:20]))) + text[i:]
        elif op == "delete":
            text = text[:i] + text[j:]
        elif op == "replace":
            text = text[:i] + draw(st.sampled_from(TOKENS)) + text[j:]
        else:
            text = text[:j] + text[i:j] * draw(st.integers(2, 5)) + text[j:]
    return text


texts = st.one_of(raw_text, token_soup, mutated(), mutated(token_soup))

_ACTORS = ("Russia", "Iran", "Turkey", "Syria's government", "the United Nations", "Hamas", "Israel", "the Taliban",
           "Kazakhstan's foreign minister", "the rebels", "the UN special envoy", "Qatar")
_VERBS = ("met", "held talks with", "agreed with", "rejected a proposal by", "accused", "will meet", "threatened",
          "called on", "signed a ceasefire with", "denied meeting", "postponed talks with", "hosted")
_WHERE = ("", " in Astana", " in Geneva", " in Doha", " in Москва", " in ½ million places")
_WHEN = ("", " on Tuesday", " last week", " next month", " on January 23, 2017", " tomorrow", " in 1e309")
# sentences in the shape events have, so the coder's invariants are exercised on real events
event_sentences = st.lists(st.tuples(*(st.sampled_from(x) for x in (_ACTORS, _VERBS, _ACTORS, _WHERE, _WHEN))),
                           min_size=1, max_size=4).map(lambda rows: " ".join(f"{a} {v} {b}{w}{t}." for a, v, b, w, t in rows))


def huge_line(size: int = 5_000_000) -> str:
    """One line of ``size`` characters, no newline (the issue's 5-million-character line).

    It is the seed paragraphs and the hostile tokens glued with spaces, over and over: news
    prose with its ordinary density of dates and figures.
    """
    pieces = [p.replace("\n", " ") for p in seed_paragraphs()]
    pieces += [t for t in TOKENS if not t.isspace() and t not in ("\x00", "\r")]
    unit = " ".join(pieces) + " "
    return (unit * (size // len(unit) + 1))[:size]


def deep_html(levels: int = 10_000) -> str:
    """An HTML page whose body nests ``levels`` ``<div>`` elements around one paragraph."""
    return ("<html><head><title>Deep</title></head><body>" + "<div>" * levels
            + "<p>Russia and Iran met in Astana on Tuesday to discuss a ceasefire in Syria.</p>"
            + "</div>" * levels + "</body></html>")


def huge_attribute_html(size: int = 2_000_000) -> str:
    """An HTML page with one attribute value of ``size`` characters (and an unclosed one)."""
    return (f'<html><body><div class="{"x" * size}" data-a="{"&quot;" * 1000}">'
            "<p>Turkey and Russia agreed on a ceasefire in Idlib on Monday, officials said.</p>"
            f'</div><p title="{"y" * 1000}>unclosed</body></html>')


@lru_cache(maxsize=1)
def iso3_codes() -> frozenset[str]:
    """Every ISO 3166 alpha-3 code (pycountry), plus Kosovo's user-assigned XKX."""
    return frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}
