"""Meetings and peace processes: the ``parley_meetings`` stage and the cross-document merge.

``make_meetings`` builds the per-document component (see :mod:`parley.process.meetings`);
``build_processes`` joins the meetings of many documents into process records (see
:mod:`parley.process.merge`).
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
