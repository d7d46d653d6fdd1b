"""Benchmark: the event coder on the batteries of plain newswire sentences (issue 19).

Codes every sentence of the batteries in :data:`BATTERIES` — ``tests/battery18_sentences.py``
(session 18), ``tests/battery19_sentences.py`` (the constructions session 18 left broken),
``tests/battery19_types_sentences.py`` (every mode of the PLOVER types), the session-20 batteries
(event nouns as background and light verbs; protests told through their participants; suits told by
other verbs and the label a speaker gives) and the session-21 batteries (``21evcontent``: "propose" a
policy of one's own is no AGREE; ``21evdoer``: attacks in words, people named by number or part as
doers; ``21evvocab``: acts the benchmark news reports most often with no entry) and the session-22 batteries
(``22evaccuse``: a speaker saying a named party did wrong charges it; ``22evsense``: a verb's object of
the kind its event needs, event nouns under light verbs; ``22evbackground``: acts named only as a
backdrop, a time or a cause, and acts that pick out a thing; ``22evleave``: leaving an agreement or an
international body, and the foreign-affairs acts of named parties the news reports most often with no
entry) — and prints
the pass rate by PLOVER type and on the no-event sentences of each, with each failure. A sentence
passes when an event of its type with one of its CAMEO roots is coded and no event of a type outside
its type and its allowed extras; a no-event sentence passes when nothing is coded.

Usage: ``PYTHONPATH=. python bench/events_battery18.py [--battery NAME|all] [--failures]`` with NAME
one of the keys of :data:`BATTERIES`.
"""

from __future__ import annotations

import argparse
from collections import Counter

from parley import api
from parley.events import CODE_STAGES
from tests import (
    battery18_sentences,
    battery19_sentences,
    battery19_types_sentences,
    battery20_accuse_sentences,
    battery20_protest_sentences,
    battery20_sentences,
    battery21_evcharge_sentences,
    battery21_evcontent_sentences,
    battery21_evdoer_sentences,
    battery21_evvocab_sentences,
    battery22_evaccuse_sentences,
    battery22_evbackground_sentences,
    battery22_evleave_sentences,
    battery22_evsense_sentences,
)
from tests.battery18_sentences import case_passes, coded

BATTERIES = {"18": battery18_sentences, "19": battery19_sentences, "19types": battery19_types_sentences,
             "20": battery20_sentences, "20protest": battery20_protest_sentences,
             "20accuse": battery20_accuse_sentences, "21evcontent": battery21_evcontent_sentences,
             "21evcharge": battery21_evcharge_sentences,
             "21evdoer": battery21_evdoer_sentences,
             "21evvocab": battery21_evvocab_sentences, "22evaccuse": battery22_evaccuse_sentences,
             "22evsense": battery22_evsense_sentences, "22evbackground": battery22_evbackground_sentences,
             "22evleave": battery22_evleave_sentences}


def score(pipeline, battery, failures: bool) -> None:
    """Code one battery and print its pass rates by type (and its failures)."""
    total, passed, fails = Counter(), Counter(), []
    for item in battery.EVENT_CASES:
        events = coded(pipeline, item.text)
        total[item.plover] += 1
        if case_passes(events, item):
            passed[item.plover] += 1
        else:
            fails.append((item.plover, item.text, events))
    for text in battery.NO_EVENT_TEXTS:
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
    if failures:
        for kind, text, events in fails:
            print(f"FAIL {kind:9s} {text}\n     -> {events}")


def main() -> None:
    """Code the batteries and print pass rates by type."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--battery", choices=[*BATTERIES, "all"], default="all")
    parser.add_argument("--failures", action="store_true", help="print each failing sentence")
    args = parser.parse_args()
    pipeline = api.get_pipeline(tuple(CODE_STAGES))
    for name, battery in BATTERIES.items():
        if args.battery in (name, "all"):
            print(f"-- battery {name}")
            score(pipeline, battery, args.failures)


if __name__ == "__main__":
    main()
