"""The session-22 background battery (evbackground22, issue 19): background acts are not coded and
the same acts told as news are, in sentences written for ``tests/battery22_evbackground_sentences.py``,
run through the real pipeline (nlp, times, places, actors, events). The tests below also pin which
act of a sentence is coded, where the battery's pass rule would allow either.
"""

from __future__ import annotations

import pytest

from tests import battery22_evbackground_sentences
from tests.battery18_sentences import battery_tests, coded

test_battery22_evbackground_event_sentence_codes_its_type, test_battery22_evbackground_no_event_sentence_codes_nothing = \
    battery_tests(battery22_evbackground_sentences)


def _types(code_pipeline, text: str) -> list[str]:
    return sorted(kind for kind, _, _ in coded(code_pipeline, text))


@pytest.mark.parametrize("text, expected", [
    # a known act after "following", with no date or count of its own: only the summons
    ("Britain summoned Iran's ambassador following the arrest of a British aid worker.", ["ACCUSE"]),
    # its own date, a count of those arrested, or a clause: the arrest is news too
    ("Britain summoned Iran's ambassador following the arrest of a British aid worker on Monday.",
     ["ACCUSE", "COERCE"]),
    ("Britain summoned Iran's ambassador following the arrest of three British aid workers.", ["ACCUSE", "COERCE"]),
    ("Britain summoned Iran's ambassador after Iran arrested a British aid worker.", ["ACCUSE", "COERCE"]),
])
def test_a_known_act_after_a_preposition_of_sequence_is_background(code_pipeline, text, expected):
    assert _types(code_pipeline, text) == expected


@pytest.mark.parametrize("text, expected", [
    # what was done during a meeting tells the meeting; force at a protest tells the protest
    ("The foreign minister condemned the coup during a meeting with the African Union envoy.",
     ["ACCUSE", "CONSULT"]),
    ("Police arrested two journalists during the protests in Minsk.", ["COERCE", "PROTEST"]),
])
def test_a_meeting_or_a_policed_protest_is_never_a_backdrop(code_pipeline, text, expected):
    assert _types(code_pipeline, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a restrictive clause on the thing the act was done to: which firm, not news
    ("The prime minister praised a firm the regulator had fined.", ["SUPPORT"]),
    ("Activists rallied outside a bank that regulators had fined.", ["PROTEST"]),
    # set off by a comma, or dated in the clause: news of its own
    ("Senators criticized the bank, which regulators had fined for laundering money.", ["ACCUSE", "COERCE"]),
    ("The company that regulators fined on Monday appealed the ruling.", ["COERCE"]),
    # a clause on an event, or on the scene of its act, tells the act
    ("Villagers described clashes in which soldiers burned homes.", ["ASSAULT"]),
    ("Protesters gathered in the square where police had fired tear gas.", ["COERCE", "PROTEST"]),
])
def test_an_act_that_picks_out_a_thing_is_no_news(code_pipeline, text, expected):
    assert _types(code_pipeline, text) == expected
