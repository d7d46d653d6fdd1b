"""Benchmark: the event coder on every event dev set, ninth round (``bench/reports/events_round9.json``).

The same scoring as ``bench/events_round8.py`` (one pipeline, headline figures of each set under
``--label``; ``--heldout`` scores only the held-out hand-labelled news, once, at the end of the
round), written to the ninth round's report. See ``docs/events.md`` (ninth round).

Usage: python bench/events_round9.py --label before [--sets fresh4,plover] [--details DIR]
       python bench/events_round9.py --label after --heldout
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import events_round8  # noqa: E402
from _common import REPORTS  # noqa: E402

if __name__ == "__main__":
    events_round8.run(REPORTS / "events_round9.json")
