"""Benchmark: the event coder on the session-19 battery of PLOVER types and modes (issue 19).

Codes every sentence of ``tests/battery19_types_sentences.py`` (each mode of PROTEST, THREATEN,
AID, CONCEDE, MOBILIZE and RETREAT as newswire tells it, and sentences in sports, markets, idiom and
metaphor that hold no event) and prints the pass rate by PLOVER type, scored as the session-18
battery is (``bench/events_battery18.py``).

Usage: ``PYTHONPATH=. python bench/events_battery19.py [--failures]``
"""

from __future__ import annotations

from bench.events_battery18 import run_battery
from tests.battery19_types_sentences import EVENT_CASES, NO_EVENT_TEXTS


def main() -> None:
    """Code the session-19 types battery and print pass rates by type."""
    run_battery(__doc__.splitlines()[0], EVENT_CASES, NO_EVENT_TEXTS)


if __name__ == "__main__":
    main()
