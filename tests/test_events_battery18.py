"""The session-18 battery of plain newswire sentences (evbasic18, issue 19).

Every sentence of ``tests/battery18_sentences.py`` was written for it: 207 event sentences over the
16 PLOVER types and 42 sentences that hold no event. Each runs through the real pipeline (nlp,
times, places, actors, events). A sentence the coder still gets wrong stays in the battery, marked
as a known failure with its reason (strict: it fails the run once it starts passing, so the list
is kept true). ``bench/events_battery18.py`` prints the pass rates by type.
"""

from __future__ import annotations

import pytest

from tests import battery18_sentences
from tests.battery18_sentences import EVENT_CASES, NO_EVENT_TEXTS, battery_tests, coded

# sentence -> why the coder still fails it (session 18)
KNOWN_FAILURES = {
    "England attacked relentlessly in the second half but failed to score.":
        "a sports sentence with no discard phrase: the team named by its country attacks",
    "The company's new phone attacks the premium market.":
        "'attacks' tagged as a noun codes an attack; no rule for a product as subject",
    "Police fired tear gas at protesters in Santiago.":
        "the coder types violent repression COERCE 175 (senses.yaml 'repression'); PLOVER's ASSAULT has "
        "the crowd-control mode and the code table maps 175 to ASSAULT",
}

test_battery_event_sentence_codes_its_type, test_battery_no_event_sentence_codes_nothing = \
    battery_tests(battery18_sentences, KNOWN_FAILURES)


def test_battery_covers_every_plover_type():
    from parley.codebooks import PLOVER_TYPES

    assert {item.plover for item in EVENT_CASES} == set(PLOVER_TYPES)
    assert len(EVENT_CASES) >= 150 and len(NO_EVENT_TEXTS) >= 40


# ---------------------------------------------------------------- the sentences session 18 fixed, exactly
@pytest.mark.parametrize("text, expected", [
    # "fighter" alone is a combatant, not the "stealth fighter" of the dictionary's aircraft
    ("Syrian troops attacked rebel fighters near Idlib on Monday.", [("ASSAULT", "190")]),
    # positions an armed party attacks, or named by who holds them, are held ground, not stances
    ("Government forces attacked rebel positions in the north on Tuesday.", [("ASSAULT", "190")]),
    ("Kurdish fighters attacked Islamic State positions near Raqqa.", [("ASSAULT", "190")]),
    # a vow to strike a party is a threat of force
    ("Israel vowed to strike Hezbollah if the rocket fire continued.", [("THREATEN", "138")]),
    ("The United States delivered anti-tank missiles to Ukraine.", [("AID", "072")]),
    ("Saudi Arabia deposited $3 billion in Pakistan's central bank.", [("AID", "071")]),
    ("Moroccan authorities returned the seized fishing boats to Spain.", [("RETREAT", "0842")]),
    ("Kenya handed over the two suspects to Ugandan authorities.", [("COOPERATE", "063")]),
    ("Authorities cut internet services in the Tigray region.", [("COERCE", "170")]),
    ("Authorities blocked access to Twitter across Turkey.", [("COERCE", "1721")]),
    ("Russia halted gas deliveries to Bulgaria.", [("SANCTION", "163")]),
    ("The African Union suspended Mali's membership after the coup.", [("SANCTION", "160")]),
    ("The United States eased sanctions on Venezuela's oil sector.", [("CONCEDE", "085")]),
    ("A rocket attack on the US embassy in Baghdad caused no casualties.", [("ASSAULT", "190")]),
    ("Islamic State claimed responsibility for the bombing of a church in Jolo.", [("ASSAULT", "183")]),
    ("Nigerian troops rescued 60 hostages from Boko Haram in Borno state.", [("AID", "070")]),
    ("Sudan's army said it would hand power to a civilian government.", [("CONCEDE", "0831")]),
    ("Chadian soldiers rescued 40 kidnapped students near the border.", [("AID", "070")]),
    ("Thai and Malaysian troops took part in joint patrols along the border.", [("COOPERATE", "062")]),
])
def test_fixed_sentence_codes_exactly(code_pipeline, text, expected):
    assert sorted((kind, code) for kind, code, _ in coded(code_pipeline, text)) == expected


@pytest.mark.parametrize("text", [
    # the senses stay apart: a stance attacked in words is criticism, a strike of a deal an agreement
    "The senator attacked the government's position on climate.",
    "The two parties struck a deal on the budget.",
    # no one claimed the act: it stays a known event whose doer is sought
    "Police are hunting those responsible for the bombing.",
    # a "no" on the event noun itself still negates it
    "No attack took place.",
])
def test_fixes_leave_the_other_senses(code_pipeline, text):
    kinds = {kind for kind, _, _ in coded(code_pipeline, text)}
    assert "ASSAULT" not in kinds


def test_people_saved_from_a_wreck_are_no_hostage_rescue(code_pipeline):
    assert coded(code_pipeline, "The coast guard rescued 30 passengers from a sinking ferry.") == []
