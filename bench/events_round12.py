"""Benchmark: the event coder on every event dev set, twelfth round (``bench/reports/events_round12.json``).

The same scoring as ``bench/events_round8.py`` (one pipeline, headline figures of each set under
``--label``). fresh6, unseen until the end of the eleventh round, fresh7, unseen until the end
of session 15, and fresh8, unseen until the end of session 16, are ordinary dev sets here.
``--heldout`` scores only the held-out hand-labelled news. The twelfth round worked on precision on
unseen text (words in another sense, named acts as topics); see ``docs/events.md`` (session 15).
``events_fresh9_dev.jsonl`` (drawn in session 16) was scored once at the end of session 17 and is an
ordinary dev set since, as ``events_fresh10_dev.jsonl`` (drawn in session 17, scored once at the end
of session 18) and ``events_fresh11_dev.jsonl`` (drawn in session 18, scored once at the end of
session 19) and ``events_fresh12_dev.jsonl`` (drawn in session 19, scored once at the end of
session 20) and ``events_fresh13_dev.jsonl`` (drawn in session 20, scored once at the end of session
21) and ``events_fresh14_dev.jsonl`` (drawn in session 21, scored once at the end of session 22)
are. ``events_fresh15_dev.jsonl`` (drawn in session 22) is unseen: in no default list and in
``events_round7.UNSEEN_SETS``; score it once, with ``--sets fresh15``, in a later session.

Usage: python bench/events_round12.py --label before [--sets fresh8,fresh7,fresh6,fresh5,...,plover] [--details DIR]
       python bench/events_round12.py --label after --heldout
       python bench/events_round12.py --label after --sets fresh15  (once, in a later session)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import events_round8  # noqa: E402
from _common import REPORTS  # noqa: E402

events_round8.SETS = "fresh14,fresh13,fresh12,fresh11,fresh10,fresh9,fresh8,fresh7,fresh6," + events_round8.SETS

if __name__ == "__main__":
    events_round8.run(REPORTS / "events_round12.json")
