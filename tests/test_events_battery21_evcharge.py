"""The session-21 charge battery (evcharge21, issue 19): a charge, an allegation or a suspicion is
ACCUSE and its content is not coded as done, in sentences written for
``tests/battery21_evcharge_sentences.py``, run through the real pipeline (nlp, times, places, actors,
events). The test below also pins that the act a charge alleges is not coded besides.
"""

from __future__ import annotations

from tests import battery21_evcharge_sentences
from tests.battery18_sentences import battery_tests, coded

test_battery21_evcharge_event_sentence_codes_its_type, test_battery21_evcharge_no_event_sentence_codes_nothing = \
    battery_tests(battery21_evcharge_sentences)


def test_charged_act_is_content_not_an_act_done(code_pipeline):
    """The shelling charged is what the groups allege: only the ACCUSE is coded."""
    events = coded(code_pipeline, "Human rights groups charged that the army shelled villages near the border.")
    assert [kind for kind, _, _ in events] == ["ACCUSE"]
