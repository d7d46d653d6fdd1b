#!/usr/bin/env python3
"""Fuzz the time resolver: ``python fuzz/fuzz_times.py fuzz/corpus/times -runs=100000``.

Invariants: no exception, spans inside the text, every interval start <= end.
"""

from __future__ import annotations

from _harness import anchor_of, assert_interval, assert_spans_inside, run, split

resolve_times = None


def load() -> None:
    """Import the code under test."""
    global resolve_times
    from parley.times import resolve_times


def check(data: bytes) -> None:
    """Resolve the times of one input against the anchor its first byte picks."""
    selector, text = split(data)
    times = resolve_times(text, anchor_of(selector, text))
    assert_spans_inside(text, times)
    for t in times:
        assert_interval(t["start"], t["end"], t)


if __name__ == "__main__":
    run(load, check)
