"""Criticism told without a verb of criticism: a verb of naming whose label condemns what it names
("called the envoy a liar", "branded the vote a sham", "described the ruling as unconstitutional";
``senses.yaml`` class ``pejorative``, slot ``label``; issue 19, session 15).

Every sentence here was written for this file. Each label is tested beside a sentence of the same
verb whose label praises or describes, or that names nothing, which must stay as it is. Texts run
through the real pipeline (nlp, times, places, actors, events).
"""

from __future__ import annotations

import pytest

from tests.conftest import coded_events as coded
from tests.conftest import event_kinds as kinds


@pytest.mark.parametrize("text", [
    "The Iranian foreign minister called the American envoy a liar on Tuesday.",
    "Russia branded the referendum in Kosovo a sham.",
    "Venezuela's president dubbed the new sanctions a crime against humanity.",
    "The Serbian president described the Croatian decision as illegal.",
    "Pakistan called the Indian statement irresponsible and baseless.",
    "The Kenyan opposition labelled the election result a fraud.",
    # the label's modifier condemns ("a reckless step", 'a "deeply dishonest" man')
    "Japan called the Chinese fishing plan a reckless step.",
    # an event noun as the label is the caller's charge, no act of its own
    "The Israeli prime minister called the Iranian decision an attack on Israel.",
])
def test_a_label_that_condemns_is_criticism(code_pipeline, text):
    assert kinds(coded(code_pipeline, text)) == [("ACCUSE", "11")]


@pytest.mark.parametrize("text", [
    # a label of praise or a neutral one is no charge
    "The Egyptian minister called the agreement with Sudan a historic step.",
    "Russia branded the new rifle a Kalashnikov.",
    "The Serbian president described the Croatian decision as a surprise to many.",
    # a view held is no speech act
    "Russia regards the alliance as a threat.",
])
def test_a_label_that_praises_describes_or_is_a_view_is_no_criticism(code_pipeline, text):
    assert "ACCUSE" not in {e["event_type"] for e in coded(code_pipeline, text)}


def test_the_namer_is_the_actor_and_what_is_named_the_recipient(code_pipeline):
    event, = coded(code_pipeline, "Turkey called Greece an aggressor in the Aegean.")
    assert (event["event_type"], event["cameo"][:2]) == ("ACCUSE", "11")
    assert {a["country"] for a in event["actor"]} == {"TUR"}
    assert {a["country"] for a in event["recipient"]} == {"GRC"}
    # "called for" and "called on" stay appeals
    assert kinds(coded(code_pipeline, "Turkey called on Greece to withdraw its ships.")) == [("REQUEST", "02")]


# ---------------------------------------------------------------- saying that something is a word that condemns it
@pytest.mark.parametrize("text", [
    "Russia said the referendum in Kosovo was a sham.",
    "The Kenyan opposition argued that the election result was illegitimate.",
    '"The decision is unacceptable," the Chinese foreign ministry said.',
])
def test_saying_that_something_is_condemnable_is_criticism(code_pipeline, text):
    assert kinds(coded(code_pipeline, text)) == [("ACCUSE", "11")]


@pytest.mark.parametrize("text", [
    # praise, or a neutral word, said of something
    "The Egyptian minister said the agreement with Sudan was a historic step.",
    # a name of wrongdoing said of an act classifies it (the act is the topic of the comment)
    "Kenyan police said the shooting in Nairobi was a terrorist attack.",
    # a conditional judges an act not done: advice, not a charge
    "Retired Kenyan generals said that closing the border would be a mistake.",
])
def test_praise_a_classification_or_advice_said_is_no_criticism(code_pipeline, text):
    assert "ACCUSE" not in {e["event_type"] for e in coded(code_pipeline, text)}
