"""Names by rule (parley/names.py) and the memoised attributes of the fast nlp path."""

from __future__ import annotations

from datetime import date

import pytest

from parley.document import Document
from parley.nlp import attributes, load_model, make_nlp

SEED_PREFIXES = ["000", "001", "002", "003", "004"]


@pytest.fixture(scope="module")
def rules():
    return make_nlp(ner="rules")


def entities(nlp, text: str, day: date = date(2017, 1, 24)) -> dict[str, str]:
    doc = nlp(Document.from_text(text, published=day))
    return {e.text: e.label_ for e in doc.spacy_doc.ents}


@pytest.mark.parametrize("text, name, label", [
    ("Russian Foreign Minister Sergei Lavrov met Rex Tillerson in Astana.", "Sergei Lavrov", "PERSON"),
    ("Russian Foreign Minister Sergei Lavrov met Rex Tillerson in Astana.", "Rex Tillerson", "PERSON"),
    ("Russian Foreign Minister Sergei Lavrov met Rex Tillerson in Astana.", "Russian", "NORP"),
    ("Russian Foreign Minister Sergei Lavrov met Rex Tillerson in Astana.", "Astana", "GPE"),
    ("Talks ended. Rebels said the Free Syrian Army would attend.", "Free Syrian Army", "ORG"),
    ("The opposition leader Mohammed Alloush told AFP the truce held.", "Mohammed Alloush", "PERSON"),
    ("The opposition leader Mohammed Alloush told AFP the truce held.", "AFP", "ORG"),
    ("UN envoy Staffan de Mistura arrived on Monday.", "Staffan de Mistura", "PERSON"),
    ("The regime shelled Idlib Province and eastern Aleppo overnight.", "Idlib Province", "GPE"),
    ("The regime shelled Idlib Province and eastern Aleppo overnight.", "Aleppo", "GPE"),
    ("The White House declined to comment.", "White House", "ORG"),         # a seat of government acts
    ("Lawmakers on Capitol Hill delayed the vote.", "Capitol Hill", "GPE"),  # a seat named as a place
    ("Voters in New Jersey and North Carolina went to the polls.", "New Jersey", "GPE"),
    ("Voters in New Jersey and North Carolina went to the polls.", "North Carolina", "GPE"),
    ("Several Texas Republicans opposed the bill.", "Texas", "GPE"),
    ("Rep. Kevin Brady of Texas urged a vote.", "Kevin Brady", "PERSON"),
    ("Rep. Kevin Brady of Texas urged a vote.", "Texas", "GPE"),
    ("Syrian President Bashar al-Assad spoke.", "Bashar al-Assad", "PERSON"),
])
def test_names_found_and_labelled(rules, text, name, label):
    assert entities(rules, text).get(name) == label


@pytest.mark.parametrize("text, name", [
    ("Crowds filled Green Park on Sunday.", "Green Park"),                   # common words, no title
    ("Officials met in March and again on Friday.", "March"),                 # the calendar
    ("Officials met in March and again on Friday.", "Friday"),
    ("However, the talks went on.", "However"),                               # a sentence's first word
    ("Astana Talks Return As Guarantors Meet", "Guarantors Meet"),            # a headline
])
def test_not_a_name(rules, text, name):
    assert name not in entities(rules, text)


def test_surname_after_full_name_is_the_person(rules):
    found = entities(rules, "Kazakh diplomat Aidarbek Tumatov opened the session. Tumatov said it went well.")
    assert found.get("Aidarbek Tumatov") == "PERSON"
    assert found.get("Tumatov") == "PERSON"


def test_names_valid_at_the_document_date(rules):
    assert entities(rules, "Delegations flew to Nur-Sultan.", date(2020, 1, 1)).get("Nur-Sultan") == "GPE"


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_rules_give_every_seed_its_countries(rules, seed_texts, prefix):
    """Each seed names Russia, Turkey/Türkiye or Iran; the rules must find them as places."""
    found = entities(rules, seed_texts[prefix])
    assert {"Russia", "Iran"} & {name for name, label in found.items() if label == "GPE"}


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_memoised_attributes_equal_the_real_components(seed_texts, prefix):
    """POS, morphology and lemmas from the memo are exactly the attribute ruler's and lemmatizer's."""
    nlp = load_model()
    fast = attributes()
    parsed = list(nlp.pipe([seed_texts[prefix]], disable=["attribute_ruler", "lemmatizer", "ner"]))[0]
    expected = fast.real(parsed.copy())
    got = fast(parsed.copy())
    assert [(t.pos_, str(t.morph), t.lemma_) for t in got] == [(t.pos_, str(t.morph), t.lemma_) for t in expected]


def test_memoised_attributes_keep_two_token_patterns():
    """"there is" makes "is" a VERB by a two-token pattern; the memo must not undo it."""
    nlp = load_model()
    fast = attributes()
    text = "There is no deal. Is it over? It is."
    parsed = list(nlp.pipe([text], disable=["attribute_ruler", "lemmatizer", "ner"]))[0]
    assert [t.pos_ for t in fast(parsed.copy())] == [t.pos_ for t in fast.real(parsed.copy())]
