"""The session-21 "propose" battery (evcontent21, issue 19): proposing an act to another party is an
offer (AGREE), a policy of one's own proposed is no event.

Every sentence of ``tests/battery21_evcontent_sentences.py`` was written for it and runs through the
real pipeline (nlp, times, places, actors, events). The test below also pins the CAMEO code a
proposed meeting gets (036) and that "suggest" keeps telling a proposal from a report.
"""

from __future__ import annotations

import pytest

from tests import battery21_evcontent_sentences
from tests.battery18_sentences import battery_tests, coded

test_battery21_evcontent_event_sentence_codes_its_type, test_battery21_evcontent_no_event_sentence_codes_nothing = \
    battery_tests(battery21_evcontent_sentences)


@pytest.mark.parametrize("text, expected", [
    # a meeting proposed, by its object or its verb, is an offer to meet (CAMEO 036)
    ("Japan proposed talks with China on the disputed islands.", [("AGREE", "036")]),
    ("Egypt proposed to host a summit of Sudan's warring factions in Cairo.", [("AGREE", "036")]),
    # "suggest" proposes an act it takes as gerund, and reports a "that" clause
    ("Germany suggested holding talks with Iran in Vienna.", [("AGREE", "036")]),
    ("The mayor suggested that the protesters had been paid.", []),
    # "propose" asks for the act of its "that" clause: an offer, the act not told as done
    ("Spain proposed that Morocco and Algeria hold talks in Madrid.", [("AGREE", "036")]),
    # ... and its passive subject: an offer, not an appeal (CAMEO 02)
    ("A meeting of the two leaders was proposed by Spain.", [("AGREE", "036")]),
])
def test_a_proposed_act_is_an_offer_and_a_reported_clause_none(code_pipeline, text, expected):
    assert [(kind, code) for kind, code, _ in coded(code_pipeline, text)] == expected
