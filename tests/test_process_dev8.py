"""Meetings read from the failures of the dev part dev8 (issue 20, session 16): a subject named by its
appositive. Sentences written for these tests; the real spaCy model and the shipped knowledge base.
"""

from __future__ import annotations

from datetime import date

import pytest

from parley.document import Document
from parley.pipeline import DEFAULT_PIPELINE, Pipeline
from parley.process import make_meetings


@pytest.fixture(scope="module")
def read():
    """Run every stage, the meeting stage last, on a text published on a given day."""
    before = Pipeline.build([n for n in DEFAULT_PIPELINE if n != "parley_meetings"])
    component = make_meetings()

    def run(text: str, published: date) -> Document:
        [doc] = list(before.pipe([Document.from_text(text, published=published)]))
        return component(doc)

    return run


@pytest.mark.parametrize("text, parties, venue", [
    ("One of his closest allies, Benjamin Netanyahu, met the US president in New York on Monday.",
     ["ISR", "USA"], "New York City"),
    ("The last of the visitors, the Japanese prime minister, met Xi Jinping in Beijing on Monday.",
     ["CHN", "JPN"], "Beijing"),
])
def test_process_dev8_a_subject_is_the_one_its_appositive_names(read, text, parties, venue):
    """ "One of X's allies, N, met ...": the appositive, not the "of" phrase, names the one who met."""
    [meeting] = read(text, date(2017, 9, 18)).meetings
    assert sorted(meeting["parties"]) == parties
    assert (meeting["venue"], meeting["start"]) == (venue, "2017-09-18")


def test_process_dev8_an_of_phrase_still_names_a_noun_with_no_appositive(read):
    """ "The foreign ministers of Chile and Peru met ...": with no appositive the "of" phrase names them."""
    [meeting] = read("The foreign ministers of Chile and Peru met in Lima on Monday to settle a border "
                     "dispute.", date(2017, 9, 18)).meetings
    assert sorted(meeting["parties"]) == ["CHL", "PER"]
