"""Acts whose doer the actors stage cannot name, and acts said not to happen (issue 19, eighth
round: mechanisms, not sentence rules).

Every sentence here was written for this file. Texts run through the real pipeline (nlp,
times, places, actors, events), so the parties are the actors stage's mentions.
"""

from __future__ import annotations

import pytest

from tests.conftest import coded_events as coded


# ---------------------------------------------------------------- a doer named but not known
@pytest.mark.parametrize("text,expected", [
    # a name the actors stage does not know
    ("Grobeck called on the provincial council to reopen the schools.", ("REQUEST", "02")),
    ("Marwenna condemned the closure of the newspaper on Friday.", ("ACCUSE", "11")),
    # a personal pronoun with nothing before it to stand for
    ("He threatened to expel the inspectors within a week.", ("THREATEN", "13")),
    ("She summoned the envoy on Tuesday evening.", ("ACCUSE", "11")),
    ("We sent the villagers blankets, tents and medical aid last winter.", ("AID", "07")),
])
def test_a_doer_the_actors_stage_cannot_name_still_does_the_act(code_pipeline, text, expected):
    events = coded(code_pipeline, text)
    assert [(e["event_type"], e["cameo"][:2]) for e in events] == [expected]
    assert events[0]["actor"] == []       # no party is invented for the name or pronoun


def test_a_pronoun_stands_for_the_party_named_before_it(code_pipeline):
    # where the text names the party, the pronoun is resolved, not left unknown
    events = coded(code_pipeline, "Germany recalled its envoy last week. It condemned the verdict on Monday.")
    accuse = [e for e in events if e["event_type"] == "ACCUSE"]
    assert accuse and {a.get("country") for a in accuse[0]["actor"]} == {"DEU"}


@pytest.mark.parametrize("text", [
    # a subject borrowed from the verb the act hangs on
    "Tarnov spoke for an hour, praising the farmers and condemning nobody.",
    # an aim, not an act
    "He hoped to condemn the decision at the next session.",
])
def test_an_unknown_doer_gives_no_licence_beyond_its_own_clause(code_pipeline, text):
    assert not [e for e in coded(code_pipeline, text) if e["event_type"] == "ACCUSE"]


def test_violence_keeps_its_own_doer_rules(code_pipeline):
    # "they" attacking a plan in an interview is criticism, never an assault
    events = coded(code_pipeline, "They attacked the plan again in a long interview.")
    assert "ASSAULT" not in {e["event_type"] for e in events}
