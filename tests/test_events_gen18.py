"""Events of session 18's recall and root round (evgen18, issue 19).

Every sentence here was written for this file. Texts run through the real pipeline (nlp, times,
places, actors, events), loaded once for the session (``code_pipeline``).
"""

from __future__ import annotations

import pytest

from tests.conftest import coded_events as coded
from tests.conftest import event_kinds


def assault_codes(pipeline, text: str) -> list[str]:
    """The CAMEO codes of the ASSAULT events coded for ``text``."""
    return [e["cameo"] for e in coded(pipeline, text) if e["event_type"] == "ASSAULT"]


# ---------------------------------------------------------------- a relative clause hung on a date or a place
@pytest.mark.parametrize("text", [
    # the parser hangs "that killed" on the date that closes the attack's phrase
    "Officials described a chemical weapons attack on March 3 that killed 200 people.",
    # ... and on a date in a phrase of the verb, whose nearest object is the attack
    "Inspectors investigated a nerve gas strike against Saraqeb on June 4 that killed 75 soldiers.",
])
def test_a_killing_told_of_a_chemical_attack_past_its_date_is_cameo_2041(code_pipeline, text):
    """A date does no killing: the clause is the attack's, and so is its weapon (CAMEO 2041)."""
    assert assault_codes(code_pipeline, text) == ["2041"]


@pytest.mark.parametrize("text", [
    "Officials described an air raid on March 3 that killed 200 people.",
    "Inspectors investigated a strike against Saraqeb on June 4 that killed 75 soldiers.",
])
def test_an_attack_with_no_such_weapon_keeps_its_code(code_pipeline, text):
    codes = assault_codes(code_pipeline, text)
    assert codes and not [c for c in codes if c.startswith("20")]


# ---------------------------------------------------------------- an attack told with its toll
@pytest.mark.parametrize("text", [
    # in a setting phrase of another report
    "A man was arrested after a shooting spree that left six people dead across three towns in Texas.",
    # named as what a party is blamed for or responsible for
    "Officials blamed the rebels for a bombing that killed 14 people in Mogadishu.",
    "Police believe the same gang was responsible for a knife attack that wounded three guards at the depot.",
])
def test_an_indefinite_attack_told_with_its_casualties_is_reported(code_pipeline, text):
    """A relative clause of the attack's own says whom it killed: the attack took place."""
    assert [k for k in event_kinds(coded(code_pipeline, text)) if k[0] == "ASSAULT"] == [("ASSAULT", "18")]


@pytest.mark.parametrize("text", [
    # a definite noun names an attack already known (session 16: the clause presupposes it)
    "A man was arrested after the shooting that left six people dead.",
    # no casualties told: the attack is still the setting of the arrest
    "A man was arrested after a shooting in a town in Texas.",
    # the clause denies a toll
    "A man was arrested after a shooting that did not injure anyone.",
])
def test_a_known_or_harmless_attack_in_a_setting_stays_uncoded(code_pipeline, text):
    assert not [k for k in event_kinds(coded(code_pipeline, text)) if k[0] == "ASSAULT"]


def test_a_toll_clause_hung_on_the_attacks_date_is_told_once(code_pipeline):
    """"that killed 75" belongs to the attack, not to its date: one event, not a second killing."""
    text = "Survivors described an assault with nerve agents near Saraqeb on June 4 that killed 75 people."
    assault = [e for e in coded(code_pipeline, text) if e["event_type"] == "ASSAULT"]
    assert [e["cameo"] for e in assault] == ["2041"]
