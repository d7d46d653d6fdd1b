"""The session-20 battery (evpair20, issue 19): protests told through their participants and the
polarity of "not only X but Y".

Every sentence of ``tests/battery20_protest_sentences.py`` was written for it and runs through the real
pipeline (nlp, times, places, actors, events). On the session's starting code 2 of evpair20's 11 event
sentences passed; the review fixes (fixpair20) added the probes of review20b in new sentences, 13 of
these tests failing on main before them (demonstrators' undergoing, fleeing, waiting and numbering,
"among" with other verbs than the copula, a participle on protesters acted on, a protest told twice).
The tests below also pin what each rule leaves alone.
"""

from __future__ import annotations


from tests import battery20_protest_sentences
from tests.battery18_sentences import battery_tests

test_battery20_protest_event_sentence_codes_its_type, test_battery20_protest_no_event_sentence_codes_nothing = \
    battery_tests(battery20_protest_sentences)


def _events(pipeline, text):
    """(type, CAMEO code, modality, trigger text, actor texts) of every event ``pipeline`` codes for ``text``."""
    from parley.events import code_records

    record, = code_records([{"id": "b", "text": text, "date": "2019-05-01"}], pipeline)
    return sorted((e["event_type"], e["cameo"], e["modality"], e["trigger"]["text"], tuple(a["text"] for a in e["actor"]))
                  for e in record["events"])


# ---------------------------------------------------------------- (a) protest told through participants
def test_participants_protest_is_the_protesters_own(code_pipeline):
    assert _events(code_pipeline, "Protesters in Lima waved flags and sang the national anthem.") == [
        ("PROTEST", "141", "asserted", "waved", ("Protesters in Lima",))]


def test_one_protest_a_sentence(code_pipeline):
    """Two acts of one crowd ("sang ... and waved ...", neither read by an entry) are one protest."""
    assert _events(code_pipeline, "Demonstrators in Kigali sang hymns and waved banners outside the court.") == [
        ("PROTEST", "141", "asserted", "sang", ("Demonstrators in Kigali",))]


def test_a_participle_on_protesters_acted_on_is_no_protest(code_pipeline):
    """Protesters another verb acts on: the participle says what they were doing, and its doer would be
    read as the police; the act done to them is the event (review20b H3)."""
    assert [kind for kind, *_ in _events(code_pipeline, "Soldiers kicked protesters kneeling on the road outside "
                                                        "the palace.")] == ["ASSAULT"]


def test_a_protest_continued_in_a_later_sentence_is_not_told_twice(code_pipeline):
    """"The protesters" after a protest the story has told are the same crowd (review20b M1)."""
    text = ("Thousands of people demonstrated in Tirana on Saturday against the new mining law. "
            "The protesters then walked to the parliament and waved flags.")
    assert [(kind, trigger) for kind, _, _, trigger, _ in _events(code_pipeline, text)] == [
        ("PROTEST", "demonstrated")]
    # alone, the second sentence tells the protest
    assert [kind for kind, *_ in _events(code_pipeline, "The protesters then walked to the parliament and waved "
                                                        "flags.")] == ["PROTEST"]


def test_protesters_acted_on_make_no_protest(code_pipeline):
    kinds = [kind for kind, *_ in _events(code_pipeline, "Police in Nairobi arrested 30 protesters on Tuesday.")]
    assert kinds == ["COERCE"]


def test_protesters_saying_something_is_no_protest_act(code_pipeline):
    """A verb of saying frames what is said; the protesters' words are not the protest."""
    assert [kind for kind, *_ in _events(code_pipeline, "Protesters in Quito said the price of bread had doubled since March.")
            ] == []


# ---------------------------------------------------------------- (b) "not only X but Y"
def test_not_only_but_keeps_the_second_clause_asserted(code_pipeline):
    events = _events(code_pipeline, "Not only has the junta not freed the reporters, but it has also arrested "
                                    "three more journalists in Niamey.")
    assert [(kind, modality, trigger) for kind, _, modality, trigger, _ in events] == [
        ("COERCE", "asserted", "arrested"), ("RETREAT", "negated", "freed")]
