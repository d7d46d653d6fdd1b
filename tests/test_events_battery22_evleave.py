"""The session-22 leaving battery (evleave22, issue 19): leaving an agreement or an international body
is SANCTION, and a call, a capture, a crushed protest and lobbying are read, in sentences written for
``tests/battery22_evleave_sentences.py``, run through the real pipeline (nlp, times, places, actors,
events). On the session's starting code 6 of the 22 event sentences passed (the two retreats, a pact
pulled out of, the call for calm, the liar, the kidnappers captured by police) and 8 of the 9 no-event
ones (a meeting left was coded as a visit).
"""

from __future__ import annotations

import pytest

from tests import battery22_evleave_sentences
from tests.battery18_sentences import battery_tests, coded, coded_events

# the verb entry for a call to a person was removed at the merge (it coded about one real call in three
# over the benchmark news): these two wait for the verb's senses to be told apart
CALL_REMOVED = "the call-person entry was removed at the merge (precision about 1 in 3 on the benchmark news)"
KNOWN_FAILURES = {
    "The Kenyan president called his Ugandan counterpart on Sunday.": CALL_REMOVED,
    "Indian Prime Minister Narendra Modi called Japanese Prime Minister Shinzo Abe on Wednesday.": CALL_REMOVED,
}

test_battery22_evleave_event_sentence_codes_its_type, test_battery22_evleave_no_event_sentence_codes_nothing = \
    battery_tests(battery22_evleave_sentences, KNOWN_FAILURES)


def test_the_body_left_is_the_other_side(code_pipeline):
    """The international body a state quits is the recipient of the SANCTION."""
    event, = coded_events(code_pipeline, "Venezuela quit the Organization of American States in April.")
    assert (event["event_type"], event["cameo"]) == ("SANCTION", "161")
    assert [a["text"] for a in event["actor"]] == ["Venezuela"]
    assert [r["text"] for r in event["recipient"]] == ["Organization of American States"]


@pytest.mark.parametrize("text", [
    # an international body near the ground troops leave is not what they leave
    "Russia withdrew its troops from the area near the NATO base.",
    # a state's forces leaving a country still retreat
    "Rebels withdrew from the city on Monday.",
])
def test_forces_withdrawn_from_ground_near_a_body_still_retreat(code_pipeline, text):
    assert [kind for kind, _, _ in coded(code_pipeline, text)] == ["RETREAT"]


def test_a_crushed_protest_is_coded_without_the_force_as_its_doer(code_pipeline):
    """The protest the troops crushed took place; the troops repressed it, they did not protest."""
    events = {e["event_type"]: e for e in coded_events(code_pipeline, "Security forces crushed the student protests in Yangon.")}
    assert set(events) == {"COERCE", "PROTEST"}
    assert events["COERCE"]["cameo"] == "175"
    assert events["PROTEST"]["actor"] == []


def test_a_repression_asked_for_tells_no_protest(code_pipeline):
    """Protests a speaker wants suppressed may not have taken place: only the demand is coded."""
    text = "The governor demanded that the national guard suppress the protests in the capital."
    assert [kind for kind, _, _ in coded(code_pipeline, text)] == ["REQUEST"]


def test_a_state_leaving_is_coded_but_not_voters_or_a_firm(code_pipeline):
    """Leaving is done by a holder of a state's power: a company walking away from a deal is none."""
    assert coded(code_pipeline, "The carmaker walked away from the merger deal with its rival.") == []
    assert [kind for kind, _, _ in coded(code_pipeline, "Ecuador walked away from the fisheries deal.")] == ["SANCTION"]


def test_a_sentence_that_quits_a_named_body_is_parsed():
    """The candidate filter sends a sentence with "quit" and an international body's name to the parser
    (an entry names the body by the actor it is, "actor:igo"), and not one with "quit" alone."""
    from parley.model import load_model
    from parley.nlp import candidate_filter

    nlp, keep = load_model(), candidate_filter()
    for text, expected in (("Venezuela quit the Organization of American States.", True),
                           ("Venezuela quit smoking.", False)):
        sent = next(nlp.get_pipe("senter")(nlp.tokenizer(text)).sents)
        assert keep(sent) is expected, text
