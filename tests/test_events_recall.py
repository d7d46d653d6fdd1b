"""Events unseen news reports and the coder missed (issue 19, session 15 recall round):
mechanisms, not sentence rules.

Every sentence here was written for this file. Texts run through the real pipeline (nlp,
times, places, actors, events).
"""

from __future__ import annotations

import pytest

from tests.conftest import coded_events as coded


def _types(events) -> list[tuple[str, str]]:
    return [(e["event_type"], e["cameo"][:2]) for e in events]


# ---------------------------------------------------------------- what was done to a person, doer unsaid
@pytest.mark.parametrize("text,expected", [
    # a person named, whom no knowledge base knows
    ("Maria Lopez was arrested in Madrid on Sunday.", ("COERCE", "17")),
    ("Chen Wei was released from prison on Friday.", ("RETREAT", "08")),
    # several, coordinated
    ("Okafor and Mensah were shot near the market on Tuesday.", ("ASSAULT", "18")),
    # persons named by their office
    ("Three opposition leaders have been detained in the capital.", ("COERCE", "17")),
])
def test_a_person_acted_on_in_the_passive_is_a_report_without_its_doer(code_pipeline, text, expected):
    assert _types(coded(code_pipeline, text)) == [expected]


@pytest.mark.parametrize("text", [
    "The report was released on Friday.",             # a thing, not a person
    "The new album was released by the band.",        # an agent, a thing
    "The minister was injured in a car crash.",       # an accident, no act
])
def test_no_act_is_read_on_things_or_accidents(code_pipeline, text):
    assert coded(code_pipeline, text) == []
