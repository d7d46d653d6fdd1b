"""Events of session 19's split-half round (evsplit19, issue 19).

Every sentence here was written for this file. Texts run through the real pipeline (nlp, times,
places, actors, events), loaded once for the session (``code_pipeline``).
"""

from __future__ import annotations

import pytest

from tests.conftest import coded_events as coded
from tests.conftest import event_kinds


def kinds(pipeline, text: str) -> list[tuple[str, str]]:
    """The (type, root) pairs coded for ``text``, negated events left out."""
    return event_kinds(coded(pipeline, text))


# ---------------------------------------------------------------- the scope of a clause's negation and modals
@pytest.mark.parametrize("text", [
    "Detectives are trying to learn why the driver attacked the two officers.",
    "Nobody knows why the army shelled the town.",
])
def test_the_act_an_embedded_question_asks_about_took_place(code_pipeline, text):
    """Asking why an act happened takes it for granted: no future, no negation from the asking."""
    events = coded(code_pipeline, text)
    assert [e["modality"] for e in events if e["event_type"] == "ASSAULT"] == ["asserted"]
    assert not [e for e in events if e["event_type"] == "THREATEN"]


@pytest.mark.parametrize("text", [
    # "whether" asks if the act will happen at all
    "The minister did not say whether troops would attack the town.",
    # no question: the attack is what was not done
    "The army did not attack the town.",
])
def test_an_open_question_or_a_plain_negation_asserts_no_attack(code_pipeline, text):
    assert ("ASSAULT", "19") not in kinds(code_pipeline, text)


def test_not_x_unless_y_is_x_on_a_condition(code_pipeline):
    """"Will not deploy missiles unless NATO does" is a deployment on a condition, a threat, as
    "will deploy unless" is; the "not" does not deny it."""
    events = coded(code_pipeline, "Russia said it would not deploy missiles in Europe unless NATO deployed its own first.")
    assert [(e["event_type"], e["modality"]) for e in events] == [("THREATEN", "conditional")]


def test_a_plain_not_still_denies_a_deployment(code_pipeline):
    assert not coded(code_pipeline, "Russia did not deploy missiles in Europe.")


# ---------------------------------------------------------------- verbs of scorn
@pytest.mark.parametrize("text", [
    "The German chancellor scoffed at the French president's budget plan.",
    "The French president lampooned the German chancellor in a speech in Lyon.",
    "The French president chastised Germany for its trade surplus.",
    "Iran's foreign minister continues to bash the United States over the sanctions.",
])
def test_scorn_of_a_party_is_criticism(code_pipeline, text):
    assert ("ACCUSE", "11") in kinds(code_pipeline, text)


def test_bashing_a_thing_is_no_criticism(code_pipeline):
    assert not kinds(code_pipeline, "The cook bashed the garlic with a heavy knife.")


# ---------------------------------------------------------------- held in custody
@pytest.mark.parametrize("text", [
    "The suspect remains in custody in Madrid.",
    "A man is in police custody after the shooting in Lyon.",
    "The opposition leader has been under house arrest since March.",
    "Two men are under arrest after the robbery in Marseille.",
])
def test_one_held_in_custody_is_detained(code_pipeline, text):
    assert ("COERCE", "17") in kinds(code_pipeline, text)


@pytest.mark.parametrize("text", [
    "The suspect died of a heart attack in custody, the prison said.",
    "The mother won custody of the children.",
])
def test_custody_that_holds_no_one_is_no_detention(code_pipeline, text):
    assert ("COERCE", "17") not in kinds(code_pipeline, text)


# ---------------------------------------------------------------- support pledged for a cause
@pytest.mark.parametrize("text", [
    "The Irish president pledged support for Kurdish statehood during his visit.",
    "Germany pledged its support for the new government in Kabul.",
])
def test_support_pledged_for_a_cause_or_party_is_support(code_pipeline, text):
    assert [k for k in kinds(code_pipeline, text) if k[0] in ("SUPPORT", "AGREE")] == [("SUPPORT", "05")]


def test_support_pledged_to_a_party_stays_a_promise(code_pipeline):
    assert ("AGREE", "03") in kinds(code_pipeline, "France pledged support to Ukraine on Monday.")
