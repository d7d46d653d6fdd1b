"""Meetings and peace processes: the ``parley_meetings`` stage and the cross-document merge.

``make_meetings`` builds the per-document component (see :mod:`parley.process.meetings`);
``build_processes`` joins the meetings of many documents into process records (see
:mod:`parley.process.merge`). Knowledge lives in ``parley/data/processes.yaml``.

``doc.meetings`` holds two kinds of dict. A meeting told by the document::

    {"key": "astana#20", "kind": "round"|"talks"|"summit"|"conference"|"consultations"|"side",
     "process": "astana", "process_name", "ordinal": 20, "relative": "next"|None,
     "start", "end", "precision", "date_evidence": [...], "venue": "Astana", "venue_place": {...},
     "host": "KAZ", "status": "planned"|"held"|"postponed"|"cancelled"|None, "status_evidence",
     "changes": [{"field": "start", "from", "to", "status", "evidence"}],
     "participants": [{"actor", "name", "type", "country", "sector", "role", "roles", "cue",
                       "evidence": [...], "org" (an officer's organisation, when there is one)}],
     "outcomes": [{"type", "name", "status", "evidence"}], "level", "parent": key of its round,
     "side_meetings": [keys], "flags": ["last_hosted", ...], "evidence": [span dicts], "doc_id"}

and, once per process the document speaks of as a whole, ``{"kind": "process", "process",
"process_name", "subject", "aliases", "decisions": [{"kind": "stop_hosting"|"resume_condition"|
"rotate_venues"|"move_venue"|"offer_host", "status", "actor", "country", "date", "reported",
"after_ordinal", "condition", "members", "cue", "evidence"}], "participants", "outcomes",
"evidence"}`` with the meeting keys set to None. Roles are ``guarantor``, ``party``,
``delegation``, ``observer``, ``host``, ``mediator``, ``participant``.

:func:`build_processes` returns ``{"processes": [...], "meetings": [...]}``: merged meetings
keep the fields above plus ``id`` (``astana-20``), ``sources`` (document metadata with the
evidence of each), ``n_sources``, ``status_history`` and ``differences``; a process has ``id``,
``name``, ``subject``, ``aliases``, ``meetings`` (ids in order), ``rounds``, ``participants``
(their roles over the meetings), ``hosts`` (runs over time), ``decisions`` (with ``sources``
and a readable ``text``) and ``outcomes``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Iterator

from parley.process.lexicon import DEFAULT_LEXICON_PATH, Lexicon, load_lexicon
from parley.process.meetings import extract_meetings
from parley.process.merge import build_processes

__all__ = ["make_meetings", "build_processes", "extract_meetings", "load_lexicon", "Lexicon"]


def make_meetings(lexicon: str | Path | None = None) -> Any:
    """Return the ``parley_meetings`` component, which sets ``doc.meetings``.

    :param lexicon: path of a process lexicon; ``parley/data/processes.yaml`` by default.
    :returns: a callable ``component(doc) -> doc`` with a ``pipe(docs)`` method.

    Example::

        component = make_meetings()
        doc = component(doc)   # doc has been through the earlier stages
        [m["ordinal"] for m in doc.meetings if m["kind"] != "process"]
    """
    lex = load_lexicon(lexicon or DEFAULT_LEXICON_PATH)

    def parley_meetings(doc: Any) -> Any:
        doc.meetings = extract_meetings(doc, lex)
        return doc

    def pipe(docs: Iterable[Any]) -> Iterator[Any]:
        for doc in docs:
            yield parley_meetings(doc)

    parley_meetings.pipe = pipe  # type: ignore[attr-defined]
    return parley_meetings
