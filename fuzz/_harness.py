"""What every atheris harness shares: decoding fuzz bytes into inputs, running libFuzzer, invariants.

A harness module defines ``load()`` (imports the code under test) and ``check(data)`` (one
input; raises on a broken invariant). Without atheris installed ``check`` still runs, so the
regression inputs in ``tests/data/fuzz_regressions/`` replay in plain pytest.
"""

from __future__ import annotations

import sys
from datetime import date
from typing import Callable

SUFFIXES = (".txt", ".html", ".jsonl", ".txt.gz", ".jsonl.gz", ".html.gz", ".gz", ".md", "")


def split(data: bytes) -> tuple[int, str]:
    """Return the first byte as a selector and the rest as text (invalid UTF-8 kept as surrogates).

    :param data: the fuzzer's bytes.
    """
    if not data:
        return 0, ""
    return data[0], data[1:].decode("utf-8", errors="surrogateescape")


def anchor_of(selector: int, text: str) -> date | None:
    """A publication date picked by ``selector``: none, the calendar's edges, or an ordinary day.

    :param selector: a byte.
    :param text: the input text, to vary the ordinary day.
    """
    choices = (None, date(1, 1, 1), date(9999, 12, 31), date(2000, 2, 29))
    if selector < len(choices):
        return choices[selector]
    return date.fromordinal(date(1990, 1, 1).toordinal() + (selector * 131 + len(text)) % 15000)


def assert_spans_inside(text: str, spans: list[dict], exact: bool = True) -> None:
    """Assert every span lies inside ``text`` and, when ``exact``, its ``text`` is that slice.

    :param text: the text the spans point into.
    :param spans: span dicts with ``char_start`` and ``char_end``.
    :param exact: whether the stage promises ``span["text"] == text[char_start:char_end]``.
    """
    for span in spans:
        start, end = span["char_start"], span["char_end"]
        assert isinstance(start, int) and isinstance(end, int), span
        assert 0 <= start <= end <= len(text), span
        if exact:
            assert text[start:end] == span["text"], (span, text[start:end])


def assert_interval(low, high, what: object) -> None:
    """Assert ``low <= high`` when both are set."""
    if low is not None and high is not None:
        assert low <= high, what


def run(load: Callable[[], None], check: Callable[[bytes], None]) -> None:
    """Instrument parley, then hand ``check`` to libFuzzer with the command line's arguments.

    :param load: imports the code under test (inside the instrumentation).
    :param check: the one-input test.
    """
    import atheris

    with atheris.instrument_imports(include=["parley"]):
        load()
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()
