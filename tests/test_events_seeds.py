"""Behaviour on the seed articles with the real pipeline: the events a reader sees are there (issue 4)."""

from __future__ import annotations

from datetime import date

import pytest

from parley.document import Document
from parley.events import CODE_STAGES
from parley.pipeline import Pipeline
from tests.conftest import seed_path

# Publication dates of the seed articles (facts about them; their files carry no metadata).
PUBLISHED = {"000": date(2023, 6, 21), "001": date(2024, 1, 19), "002": date(2023, 6, 23),
             "003": date(2017, 2, 17), "004": date(2023, 6, 21)}


@pytest.fixture(scope="module")
def seed_events():
    pipeline = Pipeline.build(CODE_STAGES)
    coded = {}
    for prefix, published in PUBLISHED.items():
        text = seed_path(prefix).read_text(encoding="utf-8")
        coded[prefix] = pipeline(Document.from_text(text, published=published)).events
    return coded


def countries(actors) -> set[str]:
    return {a["country"] for a in actors or [] if a.get("country")}


def find(events, **wanted):
    """Events whose fields equal ``wanted``; ``actors``/``recipients`` name countries that must be present."""
    actors = wanted.pop("actors", set())
    recipients = wanted.pop("recipients", set())
    return [e for e in events if all(e.get(k) == v for k, v in wanted.items())
            and actors <= countries(e["actor"]) and recipients <= countries(e["recipient"])]


@pytest.mark.issue(4)
def test_events_seeds_kazakhstan_will_host_no_more_rounds(seed_events):
    refusal = find(seed_events["000"], event_type="REJECT", underlying_type="CONSULT", modality="negated",
                   actors={"KAZ"})
    assert refusal and refusal[0]["mode"] == "meet"
    stop = find(seed_events["004"], event_type="SANCTION", underlying_type="CONSULT", actors={"KAZ"})
    assert stop and stop[0]["cameo"] == "164"


@pytest.mark.issue(4)
def test_events_seeds_russian_envoy_calls_it_a_surprise(seed_events):
    assert find(seed_events["000"], event_type="ACCUSE", actors={"RUS"}, recipients={"KAZ"})
    reported = find(seed_events["002"], event_type="ACCUSE", actors={"RUS"})
    assert reported and countries(reported[0]["reported_by"]) == {"RUS"}


@pytest.mark.issue(4)
def test_events_seeds_planned_21st_round(seed_events):
    planned = find(seed_events["001"], event_type="AGREE", underlying_type="CONSULT", modality="future",
                   planned=True, actors={"TUR", "RUS", "IRN"})
    assert planned
    event = planned[0]
    assert (event["date"]["start"], event["date"]["end"]) == ("2024-01-24", "2024-01-25")
    assert event["location"]["name"] == "Astana"
    assert event["mention_count"] >= 2       # "set to convene next week" and "will attend ... Jan. 24-25"


@pytest.mark.issue(4)
def test_events_seeds_kazakhstan_ready_to_resume_if_asked(seed_events):
    assert find(seed_events["002"], event_type="AGREE", underlying_type="CONSULT", modality="conditional",
                actors={"KAZ"})


@pytest.mark.issue(4)
def test_events_seeds_syria_demands_turkish_withdrawal_timeline(seed_events):
    demand = find(seed_events["000"], event_type="REQUEST", underlying_type="RETREAT",
                  actors={"SYR"}, recipients={"TUR"})
    assert demand and demand[0]["date"]["start"] == "2023-06-20"      # "On Tuesday"


@pytest.mark.issue(4)
def test_events_seeds_guarantors_condemn_self_rule_initiatives(seed_events):
    condemnation = find(seed_events["001"], event_type="ACCUSE", actors={"TUR", "RUS", "IRN"})
    assert condemnation and condemnation[0]["trigger"]["text"] == "condemned"


@pytest.mark.issue(4)
def test_events_seeds_joint_ceasefire_commission(seed_events):
    commission = find(seed_events["003"], event_type="AGREE", underlying_type="COOPERATE",
                      actors={"TUR", "RUS", "IRN"})
    assert commission and commission[0]["cameo"] == "031"


@pytest.mark.issue(4)
def test_events_seeds_geneva_talks_postponed(seed_events):
    postponed = find(seed_events["003"], event_type="REJECT", mode="meet")
    postponed = [e for e in postponed if e["trigger"]["text"] == "postponed"]
    assert postponed
    assert postponed[0]["location"]["name"] == "Geneva"
    assert postponed[0]["date"]["start"] == "2017-02-23"


def test_events_seeds_every_event_has_evidence_in_its_document(seed_events):
    for prefix, events in seed_events.items():
        text = seed_path(prefix).read_text(encoding="utf-8")
        assert events
        for event in events:
            for mention in event["mentions"]:
                evidence = mention["evidence"]
                assert text[evidence["start"]:evidence["end"]] == evidence["text"]
            assert event["modality"] in ("asserted", "negated", "future", "conditional", "hypothetical", "reported")
