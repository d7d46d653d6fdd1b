"""The status of a meeting (planned, held, postponed, cancelled) from the words of its clause and
its dates against the report's day.
"""

from __future__ import annotations

from typing import Any

from parley.process.context import DocumentContext, span_dict
from parley.process.dating import forward, placed_by_preposition
from parley.process.mention import MeetingMention, clause_tokens
from parley.process.timing import report_time

def status_of(ctx: DocumentContext, sent: Any, mm: MeetingMention) -> None:
    lex, doc = ctx.lex, ctx.doc
    cues = list(lex.statuses.finditer(sent.text, sent.char_start))
    strong = [c for c in cues if c[0] in ("cancelled", "postponed")]
    # "cancelled talks with Putin ahead of the G-20 summit", "urged him to cancel the talks and to
    # skip the summit": the meeting the other is set against, or that another verb governs, is no
    # meeting called off
    clause = clause_tokens(mm)
    other = bool(strong) and (not mm.verbal and placed_by_preposition(mm.head) or clause is not None and not any(
        t.idx <= c[2] < t.idx + len(t.text) + 1 for c in strong for t in clause) and _other_meeting_governed(ctx, sent, mm))
    if other:
        strong, cues = [], [c for c in cues if c[0] not in ("cancelled", "postponed")]
    if strong:
        label, text, s, e = strong[0]
        mm.status, mm.status_span = label, span_dict(doc, s, e, sent.index)
        if label == "postponed":
            times = [t for t in ctx.times.get(sent.index, []) if t.get("start") and not report_time(ctx, t)]
            before = [t for t in times if t["char_end"] <= s] or mm.dates
            after = [t for t in times if t["char_start"] >= e]
            change = {"field": "start", "status": "postponed", "evidence": mm.status_span,
                      "from": min(t["start"] for t in before) if before else None,
                      "to": after[0]["start"] if after else None}
            mm.changes.append(change)
            mm.dates = after[:1] or mm.dates
        return
    for label, _text, s, e in cues:
        if clause is None or any(t.idx <= s < t.idx + len(t.text) + 1 for t in clause):
            mm.status, mm.status_span = label, span_dict(doc, s, e, sent.index)
            if label == "planned":  # "will meet on Monday": the Monday after the report
                mm.dates = [forward(t, ctx.published) for t in mm.dates]
                return
    if mm.status is None and mm.gov is not None and "Tense=Past" in str(mm.gov.morph) \
            and mm.gov.lemma_.lower() in lex.words("held_verbs"):
        mm.status = "held"
    if mm.status is None and mm.dates and ctx.published:
        end = max(t["end"] or t["start"] for t in mm.dates)
        start = min(t["start"] for t in mm.dates)
        if end < ctx.published.isoformat():
            mm.status = "held"
        elif start > ctx.published.isoformat():
            mm.status = "planned"


def _other_meeting_governed(ctx: DocumentContext, sent: Any, mm: MeetingMention) -> bool:
    """True if a meeting word of the sentence other than ``mm``'s is the object of a verb of calling
    off ("cancel the Moscow talks"): the sentence's cue is said of that one."""
    if ctx.sdoc is None or mm.head is None:
        return False
    for tok in ctx.sdoc.char_span(sent.char_start, sent.char_end, alignment_mode="expand") or []:
        if tok.i != mm.head.i and tok.dep_ in ("dobj", "nsubjpass") and ctx.lex.meeting_words.search(tok.text) \
                and tok.head.lemma_.lower() in ctx.lex.words("decision_verbs"):
            return True
    return False
