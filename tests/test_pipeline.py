"""Stage contracts (parley/pipeline.py): declared reads and writes, the build-time order check,
and the one error policy (a document that breaks a stage is set aside, the batch goes on)."""

from __future__ import annotations

import re

import pytest

from parley.document import Document
from parley.events import CODE_STAGES
from parley.pipeline import (DEFAULT_PIPELINE, DOCUMENT_FIELDS, STAGES, Pipeline, PipelineOrderError, Stage,
                             StageFailure, check_order, unset_uses)
from tests.conftest import REPO


def test_pipeline_default_and_code_orders_pass_the_check():
    check_order(DEFAULT_PIPELINE)
    check_order(CODE_STAGES)


def test_pipeline_misordered_stage_is_refused_at_build_time_with_the_reason():
    order = ["parley_nlp", "parley_times", "parley_places", "parley_events", "parley_actors"]
    with pytest.raises(PipelineOrderError, match=r"^parley_events requires doc\.mentions, which no earlier stage "
                                                 r"assigns: parley_actors assigns it but runs after parley_events$"):
        Pipeline.build(order)


def test_pipeline_missing_stage_is_named():
    with pytest.raises(PipelineOrderError, match=r"parley_meetings requires doc\.sentences.*add parley_nlp"):
        check_order(["parley_meetings"])
    with pytest.raises(PipelineOrderError, match=r"parley_meetings requires doc\.mentions.*add parley_actors, which "
                                                 r"assigns it, before parley_meetings"):
        check_order(["parley_nlp", "parley_meetings"])
    with pytest.raises(PipelineOrderError, match=r"unknown stages \['parley_sentiment'\]"):
        check_order(["parley_nlp", "parley_sentiment"])


def test_pipeline_a_declared_field_must_exist():
    table = {"first": Stage("first", "m:f", (), ("mention",)), "second": Stage("second", "m:g", ("mentions",))}
    with pytest.raises(PipelineOrderError, match=r"first declares \['mention'\], which are not Document fields"):
        check_order(["first", "second"], table)
    table["first"] = Stage("first", "m:f", (), ("mentions",))
    check_order(["first", "second"], table)


def test_pipeline_optional_reads_left_unset_in_the_default_order():
    # places would let actor countries vote for an ambiguous place, but runs before actors
    assert unset_uses(DEFAULT_PIPELINE) == {"parley_places": ["mentions"]}
    assert unset_uses(["parley_nlp", "parley_actors"]) == {"parley_actors": ["places"]}


# A stage's source, read as a newcomer would: every Document field it touches as ``doc.<field>``.
_STAGE_SOURCES = {"parley_nlp": ["parley/nlp.py"], "parley_times": ["parley/times"],
                  "parley_places": ["parley/places"], "parley_actors": ["parley/actors"],
                  "parley_events": ["parley/events"], "parley_claims": ["parley/claims"],
                  "parley_meetings": ["parley/process"]}
_ALIASES = {"anchor_date": "published"}     # Document.anchor_date reads doc.published


def _touched_fields(paths: list[str]) -> set[str]:
    files = [p for path in paths for p in ([REPO / path] if path.endswith(".py") else (REPO / path).glob("*.py"))]
    code = "\n".join(re.sub(r'"""[\s\S]*?"""|#.*', "", f.read_text(encoding="utf-8")) for f in files)
    names = {_ALIASES.get(n, n) for n in re.findall(r"\bdoc\.([a-z_]+)\b", code)}
    return names & DOCUMENT_FIELDS


@pytest.mark.parametrize("name", DEFAULT_PIPELINE)
def test_pipeline_every_field_a_stage_touches_is_declared(name):
    stage = STAGES[name]
    touched = _touched_fields(_STAGE_SOURCES[name])
    assert touched, name
    assert touched - {*stage.requires, *stage.uses, *stage.assigns} == set()


class _Upper:
    def __call__(self, doc: Document) -> Document:
        doc.meta["upper"] = doc.text.upper()
        return doc


class _Fragile:
    def __call__(self, doc: Document) -> Document:
        if "fragile" in doc.text:
            raise ValueError("cannot read this one")
        doc.meta["read"] = True
        return doc


def test_pipeline_a_document_that_breaks_a_stage_is_set_aside_with_the_stage_name():
    pipeline = Pipeline(("parley_upper", "parley_fragile"), [_Upper(), _Fragile()])
    docs = [Document.from_text(t, source=f"{n}.txt") for n, t in enumerate(["talks resumed", "a fragile truce",
                                                                             "envoys met"])]
    results = list(pipeline.run(docs))
    assert [type(r).__name__ for r in results] == ["Document", "StageFailure", "Document"]
    assert [r.meta for r in (results[0], results[2])] == [{"upper": "TALKS RESUMED", "read": True},
                                                          {"upper": "ENVOYS MET", "read": True}]
    failure = results[1]
    assert isinstance(failure, StageFailure) and failure.stage == "parley_fragile" and failure.reason == "stage_error"
    assert failure.detail.startswith("1.txt: parley_fragile: ValueError: cannot read this one (at test_pipeline.py:")
    with pytest.raises(ValueError) as raised:
        pipeline(docs[1])
    assert raised.value.stage == "parley_fragile"


def test_pipeline_settle_collector_freezes_what_is_loaded_and_collects_less_often():
    import gc

    from parley.pipeline import COLLECTOR_THRESHOLD, settle_collector

    loaded = [[f"place {i}"] for i in range(1000)]      # stands for a knowledge base
    frozen = gc.get_freeze_count()
    before = settle_collector()
    try:
        assert gc.get_threshold()[0] == COLLECTOR_THRESHOLD
        assert gc.get_threshold()[1:] == before[1:]
        assert gc.get_freeze_count() >= frozen + len(loaded)
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
