"""Benchmark: the event coder on every event dev set, eleventh round (``bench/reports/events_round11.json``).

The same scoring as ``bench/events_round8.py`` (one pipeline, headline figures of each set under
``--label``), with the round's unseen set ``events_fresh6_dev.jsonl`` among the sets (score it with
``--sets fresh6`` once, at the end). ``--heldout`` scores only the held-out hand-labelled news. The
eleventh round worked on sentences that hold no event; see ``docs/events.md`` (eleventh round).
Session 15's unseen set ``events_fresh7_dev.jsonl`` is scored once, at the end, with ``--sets fresh7``
(it is in no default list, and the failure-class scripts leave it out: ``events_round7.UNSEEN_SETS``).
Session 16's unseen set ``events_fresh8_dev.jsonl`` is scored the same way, once, at the end of session
16, with ``--sets fresh8``; it was, and is a dev set since (``bench/events_round12.py``).

Usage: python bench/events_round11.py --label before --sets fresh5,fresh4,...,plover [--details DIR]
       python bench/events_round11.py --label after --heldout
       python bench/events_round11.py --label after --sets fresh7   (once, at the end of session 15)
       python bench/events_round11.py --label after --sets fresh8   (once, at the end of session 16)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import events_round8  # noqa: E402
from _common import REPORTS  # noqa: E402

events_round8.SETS = "fresh6," + events_round8.SETS

if __name__ == "__main__":
    events_round8.run(REPORTS / "events_round11.json")
