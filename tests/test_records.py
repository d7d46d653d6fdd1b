"""The typed record contract (parley/records.py) against what the stages really write.

The whole pipeline runs on the demo corpus (parley/data/sample, read as `parley ingest` reads
it) and, when ../shared is present, on the seeds; every dict every stage wrote must fit its
declared record, so a stage that adds, drops or retypes a key fails here until the contract
(and docs/architecture.md) says so.
"""

from __future__ import annotations

import dataclasses

import pytest

from parley.ingest import iter_records, prepare
from parley.pipeline import Pipeline
from parley.records import (FIELD_RECORDS, Change, Claim, Event, Meeting, Mention, Place, ProcessRecord, TimeSpan,
                            contract_problems, record_class)
from tests.conftest import REPO, SEEDS

SAMPLE = REPO / "parley" / "data" / "sample"


@pytest.fixture(scope="module")
def documents() -> list:
    pipeline = Pipeline.build()
    docs = [pipeline(prepare(record)) for record in iter_records([str(SAMPLE)], manifest=SAMPLE / "manifest.csv")]
    if SEEDS.is_dir():
        docs += [pipeline(prepare(record)) for record in iter_records([str(SEEDS)])]
    return docs


def test_records_every_stage_output_fits_its_declared_record(documents):
    problems, seen = [], {name: 0 for name in FIELD_RECORDS}
    kinds = set()
    for doc in documents:
        for name in FIELD_RECORDS:
            for index, data in enumerate(getattr(doc, name)):
                cls = record_class(name, data)
                kinds.add(cls)
                seen[name] += 1
                problems += contract_problems(cls, data, f"{doc.id}.{name}[{index}]")
    assert problems == []
    # the corpus exercises every record kind, so the check above is not vacuous
    assert min(seen.values()) >= 10, seen
    assert kinds == {Mention, Place, TimeSpan, Event, Claim, Meeting, ProcessRecord}


def test_records_build_typed_views(documents):
    doc = next(d for d in documents if d.events and d.claims and d.meetings)
    event = Event.from_dict(doc.events[0])
    assert event.event_type == doc.events[0]["event_type"] and event.trigger["pattern"]
    claim = Claim.from_dict(doc.claims[0])
    assert claim.low <= claim.high
    meeting = next(m for m in doc.meetings if m["kind"] != "process")
    assert Meeting.from_dict(meeting).key == meeting["key"]
    moved = Change.from_dict({"field": "start", "status": "postponed", "from": "2020-03-30", "to": None,
                              "evidence": {"text": "postponed", "char_start": 0, "char_end": 9, "sentence": 0}})
    assert moved.from_ == "2020-03-30"


def test_records_contract_catches_drift(documents):
    mention = dict(next(m for d in documents for m in d.mentions))
    assert contract_problems(Mention, mention) == []
    renamed = {("actor" if k == "actor_id" else k): v for k, v in mention.items()}
    assert set(contract_problems(Mention, renamed)) >= {"Mention: missing 'actor_id'", "Mention.actor: expected a "
                                                        "KnownActor dict, found str"}
    assert contract_problems(Mention, {**mention, "score": 0.5}) == ["Mention: key 'score' is not a field of Mention"]
    assert contract_problems(Mention, {**mention, "confidence": "high"}) == [
        "Mention.confidence: expected a number, found 'high'"]
    event = next(e for d in documents for e in d.events)
    broken = {**event, "trigger": {**event["trigger"], "char_start": None}}
    assert contract_problems(Event, broken) == ["Event.trigger.char_start: expected an integer, found None"]


def test_records_are_slotted_dataclasses():
    for cls in (Mention, Place, TimeSpan, Event, Claim, Meeting, ProcessRecord):
        assert dataclasses.is_dataclass(cls) and hasattr(cls, "__slots__")
        assert {f.name for f in dataclasses.fields(cls)} >= cls.OPTIONAL
