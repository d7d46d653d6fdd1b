"""Benchmark: the event coder on every event dev set, word-sense round (``bench/reports/events_round11b.json``).

The same scoring as ``bench/events_round8.py`` (one pipeline, headline figures of each set under
``--label``, the unseen ``fresh5`` among them; ``--heldout`` scores only the held-out hand-labelled
news), written to the word-sense round's report: the type a trigger takes from its object's,
subject's or noun's semantic class (``parley/data/events/senses.yaml``); see ``docs/events.md``
(eleventh round: word sense).

Usage: python bench/events_round11b.py --label before [--sets fresh4,plover] [--details DIR]
       python bench/events_round11b.py --label after --heldout
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import events_round8  # noqa: E402
from _common import REPORTS  # noqa: E402

if __name__ == "__main__":
    events_round8.run(REPORTS / "events_round11b.json")
