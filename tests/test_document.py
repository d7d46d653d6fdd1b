"""parley/document.py: the column reader the stages' loops over words use instead of Token objects."""

from __future__ import annotations

import pytest
from spacy.attrs import DEP, ENT_IOB, IDX, LEMMA, POS, TAG

from parley.document import token_columns

TEXT = "The envoy of Norway met rebel leaders in Havana on Tuesday.\n\nTalks will resume  next month, a spokesman said."
ATTRS = {POS: "pos", DEP: "dep", LEMMA: "lemma", TAG: "tag", ENT_IOB: "ent_iob", IDX: "idx"}


@pytest.fixture(scope="module")
def sdoc(spacy_nlp):
    return spacy_nlp(TEXT)


@pytest.mark.parametrize("attr", list(ATTRS))
def test_document_token_columns_are_the_token_attributes(sdoc, attr):
    (column,) = token_columns(sdoc, (attr,))
    assert column == [getattr(t, ATTRS[attr]) for t in sdoc]


@pytest.mark.parametrize("start,end", [(0, 3), (4, 12), (10, 16), (0, None)])
def test_document_token_columns_of_a_span_are_its_tokens(sdoc, start, end):
    span = sdoc[start:end if end is not None else len(sdoc)]
    parts, lemmas = token_columns(span, (POS, LEMMA))
    assert parts == [t.pos for t in span] and lemmas == [t.lemma for t in span]


def test_document_token_columns_of_an_empty_span(sdoc):
    assert token_columns(sdoc[3:3], (POS, DEP)) == [[], []]
