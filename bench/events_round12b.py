"""Benchmark: the event coder on every event dev set, session 15 recall round (``bench/reports/events_round12b.json``).

The same scoring as ``bench/events_round11.py`` (one pipeline, headline figures of each set under
``--label``, fresh6 now an ordinary dev set among them); ``--heldout`` scores only the held-out
hand-labelled news. The round worked on missed events and wrong types on unseen news; see
``docs/events.md`` (session 15, recall).

Usage: python bench/events_round12b.py --label before [--details DIR]
       python bench/events_round12b.py --label after --heldout
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import events_round8  # noqa: E402
from _common import REPORTS  # noqa: E402

events_round8.SETS = "fresh6," + events_round8.SETS

if __name__ == "__main__":
    events_round8.run(REPORTS / "events_round12b.json")
