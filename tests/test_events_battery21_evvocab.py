"""The session-21 vocabulary battery (evvocab21, issue 19): words the benchmark corpus reports of
political actors most often among those no entry read, in sentences written for
``tests/battery21_evvocab_sentences.py``, run through the real pipeline (nlp, times, places, actors,
events). On the session's starting code none of the ten event sentences passed (the six no-event
ones coded nothing there too).
"""

from __future__ import annotations

from tests import battery21_evvocab_sentences
from tests.battery18_sentences import battery_tests

test_battery21_evvocab_event_sentence_codes_its_type, test_battery21_evvocab_no_event_sentence_codes_nothing = \
    battery_tests(battery21_evvocab_sentences)
