"""The session-22 battery of charges told as speech (evaccuse22, issue 19): a speaker saying a named
party did wrong is ACCUSE (CAMEO 112), in sentences written for ``tests/battery22_evaccuse_sentences.py``,
run through the real pipeline (nlp, times, places, actors, events). The tests below also pin who
charges whom, that what the party is charged with doing is not coded as done, that a warning which
states a charge is no threat, and that the verbs keep their old readings outside a report; the review
fixes (fixev22) pin acts reported beside a charge, the senses of the verbs that judge no wrong, a
state's own side and the enemy, and admissions.
"""

from __future__ import annotations

import pytest

from tests import battery22_evaccuse_sentences
from tests.battery18_sentences import battery_tests, coded, coded_events

test_battery22_evaccuse_event_sentence_codes_its_type, test_battery22_evaccuse_no_event_sentence_codes_nothing = \
    battery_tests(battery22_evaccuse_sentences)


def _parties(event: dict) -> tuple[list[str], list[str]]:
    """The texts of an event's actors and of its recipients."""
    return [a["text"] for a in event["actor"]], [r["text"] for r in event["recipient"]]


def test_speaker_charges_the_party_named_in_the_clause(code_pipeline):
    """The speaker is the actor, the party the clause names the recipient; the charge is asserted."""
    event, = coded_events(code_pipeline, "The Estonian prime minister said Russia had meddled in the country's "
                                         "local elections.")
    assert (event["event_type"], event["cameo"], event["modality"]) == ("ACCUSE", "112", "asserted")
    assert _parties(event) == (["Estonian prime minister"], ["Russia"])


def test_quoted_charge_has_its_speaker(code_pipeline):
    """A quotation before "told" is the teller's charge."""
    event, = coded_events(code_pipeline, '"Iran cheated on every inspection," the Israeli prime minister told '
                                         'reporters.')
    assert _parties(event) == (["Israeli prime minister"], ["Iran"])


def test_means_of_the_wrong_are_content_not_acts_done(code_pipeline):
    """Hacking a count and funding parties are what the charge says: only the ACCUSE is coded."""
    for text in ("The Lebanese minister said Syria meddled in the vote by hacking the count.",
                 "Romania's president said Russia had interfered in the Moldovan vote by funding fake parties."):
        assert [kind for kind, _, _ in coded(code_pipeline, text)] == ["ACCUSE"], text


def test_warning_that_states_a_charge_is_no_threat(code_pipeline):
    """"warned that X was working to undermine": the warner charges X, it threatens no one; the striving
    is no plan of the charge (the modality is not future)."""
    event, = coded_events(code_pipeline, "Officials in Warsaw warned that Belarus was working to undermine the "
                                         "border agreement.")
    assert (event["event_type"], event["modality"]) == ("ACCUSE", "asserted")
    assert _parties(event) == (["Officials in Warsaw"], ["Belarus"])


def test_no_one_charges_himself(code_pipeline):
    """A speaker and a party that are one actor (a state and its capital) make no charge; another state
    saying the same charges it."""
    assert coded(code_pipeline, "Brazil said Brasilia had lied to the court.") == []
    event, = coded_events(code_pipeline, "Argentina said Brasilia had lied to the court.")
    assert _parties(event) == (["Argentina"], ["Brasilia"])


def test_verbs_keep_their_readings_outside_a_report(code_pipeline):
    """A more specific entry of the same verb reads it as before, in a report too: a ceasefire violated
    is force (CAMEO 196), not a charge."""
    kinds = [kind for kind, _, _ in coded(code_pipeline, "Israel said Hezbollah violated the ceasefire on Sunday.")]
    assert kinds == ["ASSAULT"]


def test_impersonal_report_charges_no_one(code_pipeline):
    """"it was announced that" names no speaker: no charge; a state saying the same charges."""
    assert coded(code_pipeline, "It was announced on Monday that Hungary had misled the European Commission "
                                "over its budget.") == []
    event, = coded_events(code_pipeline, "Austria said on Monday that Hungary had misled the European Commission "
                                         "over its budget.")
    assert _parties(event) == (["Austria"], ["Hungary"])



def test_an_act_beside_the_charge_or_done_by_the_wrong_is_reported(code_pipeline):
    """A conjunct of the charged verb ("meddled ... and shelled") and the verb of its purpose clause
    ("exploited a breach ... to attack") tell acts the speaker reports, coded beside the charge; the means
    of the wrong ("by funding fake parties") stays its content."""
    for text in ("The Latvian interior minister said Belarus had meddled in the referendum and shelled a border "
                 "post.",
                 "Georgia's defence ministry said Russia had exploited a breach in the fence to attack a police "
                 "station."):
        events = coded_events(code_pipeline, text)
        assert sorted(e["event_type"] for e in events) == ["ACCUSE", "ASSAULT"], text
        attack, = [e for e in events if e["event_type"] == "ASSAULT"]
        assert attack["modality"] == "reported", text


@pytest.mark.parametrize("text", [
    "Kyiv said Moscow had rigged the Nova Kakhovka bridge with explosives.",
    "Japanese officials said Taiwan lies to the east of the Chinese coast.",
    "Armenia's prime minister said Georgia had exploited the opportunity to expand its port.",
    "The Polish defence minister said Ukraine had obstructed the advance of Russian columns near Kupiansk.",
])
def test_senses_that_judge_no_wrong_charge_no_one(code_pipeline, text):
    """Rigging a bridge with explosives, lying to the east of a coast, exploiting an opportunity and
    obstructing an army's advance are no wrongs."""
    assert coded(code_pipeline, text) == []


def test_the_same_verbs_charge_in_their_senses_of_wrongdoing(code_pipeline):
    """A count rigged and a body lied to are charges: the sense rules above leave them."""
    for text, party in (("Armenia said Azerbaijan had rigged the count in the disputed district.", "Azerbaijan"),
                        ("Slovakia's foreign minister said Hungary had lied to the Commission about the funds.",
                         "Hungary")):
        event, = coded_events(code_pipeline, text)
        assert (event["event_type"], _parties(event)[1]) == ("ACCUSE", [party]), text


def test_a_state_does_not_charge_its_own_government_but_its_opposition_does(code_pipeline):
    """A minister and the capital of one state are one side (by country, both of the state's sectors);
    another state saying the same charges; a state's opposition charges its government."""
    assert coded(code_pipeline, "The Lithuanian foreign minister said Vilnius was working to undermine Russia's "
                                "disinformation network.") == []
    event, = coded_events(code_pipeline, "The Latvian foreign minister said Moscow was working to undermine "
                                         "Russia's disinformation network.")
    assert _parties(event) == (["Latvian foreign minister"], ["Moscow"])
    event, = coded_events(code_pipeline, "The Zambian opposition said the government had lied to voters about "
                                         "the debt.")
    assert _parties(event) == (["Zambian opposition"], ["government"])


def test_wronging_the_enemy_is_no_charge(code_pipeline):
    """"working to undermine the enemy's supply lines": a foe of the speaker's side, no wrong."""
    assert coded(code_pipeline, "The Estonian defence minister said Ukraine was working to undermine the enemy's "
                                "supply lines.") == []


def test_an_admission_is_no_charge(code_pipeline):
    """"acknowledged that" owns a fact (no CAMEO code): no charge; "said that" charges."""
    assert coded(code_pipeline, "The European Commission acknowledged that Hungary had misled its auditors "
                                "about the funds.") == []
    event, = coded_events(code_pipeline, "The European Commission said that Hungary had misled its auditors about "
                                         "the funds.")
    assert (event["cameo"], _parties(event)[1]) == ("112", ["Hungary"])
