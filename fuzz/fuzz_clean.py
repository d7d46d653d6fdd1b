#!/usr/bin/env python3
"""Fuzz the boilerplate filter and title detection: ``python fuzz/fuzz_clean.py fuzz/corpus/clean -runs=100000``.

Invariants: no exception; the clean text holds only words of the input.
"""

from __future__ import annotations

import unicodedata

from _harness import run, split

clean_text = normalize_line = None


def load() -> None:
    """Import the code under test."""
    global clean_text, normalize_line
    from parley.ingest.clean import clean_text, normalize_line


def check(data: bytes) -> None:
    """Clean one input (the first byte says whether a title is known) and check its words."""
    selector, text = split(data)
    title = text.split("\n", 1)[0][:80] if selector % 2 else None
    cleaned = clean_text(text, title=title)
    lines = unicodedata.normalize("NFC", text).replace("\r", "\n").split("\n")
    source = " ".join(normalize_line(line) for line in lines)
    for word in cleaned.text.split():
        assert word in source, word


if __name__ == "__main__":
    run(load, check)
