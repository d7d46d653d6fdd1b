"""Benchmark: the event coder on the session-18 battery of plain newswire sentences (issue 19).

Codes every sentence of ``tests/battery18_sentences.py`` and prints the pass rate by PLOVER type
and on the no-event sentences, with each failure. A sentence passes when an event of its type with
one of its CAMEO roots is coded and no event of a type outside its type and its allowed extras;
a no-event sentence passes when nothing is coded.

Usage: ``PYTHONPATH=. python bench/events_battery18.py [--failures]``
"""

from __future__ import annotations

import argparse
from collections import Counter

from parley import api
from parley.events import CODE_STAGES
from tests.battery18_sentences import EVENT_CASES, NO_EVENT_TEXTS, case_passes, coded


def run_battery(description: str, event_cases, no_event_texts) -> None:
    """Code a battery's event cases and no-event sentences and print pass rates by type (and each
    failure with ``--failures`` on the command line)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--failures", action="store_true", help="print each failing sentence")
    args = parser.parse_args()
    pipeline = api.get_pipeline(tuple(CODE_STAGES))
    total, passed, fails = Counter(), Counter(), []
    for item in event_cases:
        events = coded(pipeline, item.text)
        total[item.plover] += 1
        if case_passes(events, item):
            passed[item.plover] += 1
        else:
            fails.append((item.plover, item.text, events))
    for text in no_event_texts:
        events = coded(pipeline, text)
        total["none"] += 1
        if not events:
            passed["none"] += 1
        else:
            fails.append(("none", text, events))
    for kind in total:
        print(f"{kind:10s} {passed[kind]:3d}/{total[kind]:3d}")
    events_total = sum(total[k] for k in total if k != "none")
    events_passed = sum(passed[k] for k in total if k != "none")
    print(f"{'events':10s} {events_passed:3d}/{events_total:3d}  all {sum(passed.values())}/{sum(total.values())}")
    if args.failures:
        for kind, text, events in fails:
            print(f"FAIL {kind:9s} {text}\n     -> {events}")


def main() -> None:
    """Code the session-18 battery and print pass rates by type."""
    run_battery(__doc__.splitlines()[0], EVENT_CASES, NO_EVENT_TEXTS)


if __name__ == "__main__":
    main()
