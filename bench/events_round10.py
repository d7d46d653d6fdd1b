"""Benchmark: the event coder on every event dev set, tenth round (``bench/reports/events_round10.json``).

The same scoring as ``bench/events_round8.py`` (one pipeline, headline figures of each set under
``--label``, the unseen ``fresh5`` among them; ``--heldout`` scores only the held-out hand-labelled
news), written to the tenth round's report. The tenth round changed the CAMEO dictionary's
conversion and matching as a whole (``bench/events_coverage.py``); see ``docs/events.md`` (tenth round).

Usage: python bench/events_round10.py --label before [--sets fresh4,plover] [--details DIR]
       python bench/events_round10.py --label after --heldout
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import events_round8  # noqa: E402
from _common import REPORTS  # noqa: E402

if __name__ == "__main__":
    events_round8.run(REPORTS / "events_round10.json")
