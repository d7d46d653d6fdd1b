"""Per-document budgets: a stage that hangs or a document that is too large is quarantined (issue 10)."""

from __future__ import annotations

import time

import pytest

from parley.document import Document
from parley.engine import ingest
from parley.ingest import Rejected
from parley.pipeline import Pipeline, StageTimeout, time_budget
from parley.runners import run_pipeline


class _Sleepy:
    """A stage that hangs on documents mentioning 'hang' (a stand-in for a pathological input)."""

    def __call__(self, doc: Document) -> Document:
        if "hang" in doc.text:
            time.sleep(30)
        doc.meta["seen"] = True
        return doc


def test_budgets_time_budget_interrupts_a_hung_block():
    started = time.monotonic()
    with pytest.raises(StageTimeout, match="parley_test took longer than 0.2 s"):
        with time_budget(0.2, "parley_test"):
            time.sleep(5)
    assert time.monotonic() - started < 2


def test_budgets_hung_document_is_quarantined_and_the_rest_go_on():
    pipeline = Pipeline(("parley_test",), [_Sleepy()])
    docs = [Document.from_text(t, source=f"{n}.txt") for n, t in enumerate(["fine one", "this will hang", "fine two"])]
    started = time.monotonic()
    results = list(run_pipeline(pipeline, docs, budget=0.3, per_document=0.1))
    assert time.monotonic() - started < 5
    assert [type(r).__name__ for r in results] == ["Document", "Rejected", "Document"]
    rejected = results[1]
    assert rejected.reason == "timeout" and "1.txt" in rejected.detail and "parley_test" in rejected.detail


def test_budgets_too_long_text_is_quarantined_before_nlp(tmp_path, db_path):
    (tmp_path / "long.txt").write_text("Russia and Iran met in Astana. " * 200, encoding="utf-8")
    (tmp_path / "short.txt").write_text("Russia and Iran met in Astana on Tuesday to talk about Syria.",
                                        encoding="utf-8")
    summary = ingest([str(tmp_path)], db_path, stages=(), max_chars=1000)
    assert summary.stored == 1
    assert [(r.reason, r.source.endswith("long.txt")) for r in summary.quarantined] == [("too_large", True)]
    assert isinstance(summary.quarantined[0], Rejected)
