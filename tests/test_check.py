"""`parley check` finds each kind of integrity problem it claims to find."""

from __future__ import annotations

import pytest

from parley.store.check import run_checks
from parley.store import open_db

DOC = ("INSERT INTO documents (id, content_hash, text) VALUES ('d1', 'h1', 'Iran met Russia.')")


@pytest.mark.parametrize("statement, check, table", [
    ("INSERT INTO mentions (doc_id, idx, char_start, char_end, text) VALUES ('nope', 0, 0, 4, 'Iran')",
     "foreign_key", "mentions"),
    ("INSERT INTO mentions (doc_id, idx, char_start, char_end, text) VALUES ('d1', 0, 0, 99, 'Iran')",
     "span_outside_text", "mentions"),
    ("INSERT INTO mentions (doc_id, idx, char_start, char_end, text) VALUES ('d1', 0, 0, 4, 'Iraq')",
     "span_text_mismatch", "mentions"),
    ("INSERT INTO times (doc_id, idx, char_start, char_end, start, \"end\") "
     "VALUES ('d1', 0, 0, 4, '2024-02-01', '2024-01-01')", "interval_reversed", "times"),
    ("INSERT INTO events (event_id, cameo) VALUES ('e1', '999')", "invalid_code", "events"),
    ("INSERT INTO events (event_id, cameo) VALUES ('e1', '046')", "orphan_event", "events"),
    ("INSERT INTO event_mentions (doc_id, idx, event_type) VALUES ('d1', 0, 'CHAT')", "invalid_code",
     "event_mentions"),
    ("INSERT INTO event_mentions (doc_id, idx, event_type) VALUES ('d1', 0, 'CONSULT')", "unclustered_mention",
     "event_mentions"),
])
def test_check_finds_problem(statement, check, table):
    conn = open_db(":memory:")
    conn.execute(DOC)
    assert run_checks(conn) == []
    conn.execute(statement)
    problems = {(p.check, p.table) for p in run_checks(conn)}
    assert (check, table) in problems
