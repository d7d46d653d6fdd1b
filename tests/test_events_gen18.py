"""Events of session 18's recall and root round (evgen18, issue 19).

Every sentence here was written for this file. Texts run through the real pipeline (nlp, times,
places, actors, events), loaded once for the session (``code_pipeline``).
"""

from __future__ import annotations

import pytest

from tests.conftest import coded_events as coded


def assault_codes(pipeline, text: str) -> list[str]:
    """The CAMEO codes of the ASSAULT events coded for ``text``."""
    return [e["cameo"] for e in coded(pipeline, text) if e["event_type"] == "ASSAULT"]


# ---------------------------------------------------------------- a relative clause hung on a date or a place
@pytest.mark.parametrize("text", [
    # the parser hangs "that killed" on the date that closes the attack's phrase
    "Officials described a chemical weapons attack on March 3 that killed 200 people.",
    # ... and on a date in a phrase of the verb, whose nearest object is the attack
    "The senator spoke about what his aides call a sarin attack on August 21 that killed 900 people.",
])
def test_a_killing_told_of_a_chemical_attack_past_its_date_is_cameo_2041(code_pipeline, text):
    """A date does no killing: the clause is the attack's, and so is its weapon (CAMEO 2041)."""
    assert assault_codes(code_pipeline, text) == ["2041"]


@pytest.mark.parametrize("text", [
    "Officials described an air raid on March 3 that killed 200 people.",
    "The senator spoke about what his aides call a raid on August 21 that killed 900 people.",
])
def test_an_attack_with_no_such_weapon_keeps_its_code(code_pipeline, text):
    codes = assault_codes(code_pipeline, text)
    assert codes and not [c for c in codes if c.startswith("20")]
