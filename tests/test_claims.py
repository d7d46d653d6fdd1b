"""Claims on the seed articles and the demo corpus, with the real spaCy model (issue 6 part 3)."""

from __future__ import annotations

import csv
import json
from datetime import date

import pytest

from parley.claims import compare_claims, make_claims
from parley.document import Document, Sentence
from tests.conftest import REPO, SEEDS

SAMPLE = REPO / "parley" / "data" / "sample"
# Publication dates of the seeds (they carry none); outlets are labels for the test.
SEED_MANIFEST = {"000": date(2023, 6, 21), "001": date(2024, 1, 19), "002": date(2023, 6, 26),
                 "003": date(2017, 2, 17), "004": date(2023, 6, 21)}


def parsed(nlp, text: str, published: date | None, outlet: str | None) -> Document:
    """A Document with sentences and parse from the real model, as parley_nlp would make it."""
    doc = Document.from_text(text, published=published, outlet=outlet)
    doc.spacy_doc = nlp(text)
    doc.sentences = [Sentence(i, s.start_char, s.end_char, s.text) for i, s in enumerate(doc.spacy_doc.sents)]
    return doc


@pytest.fixture(scope="module")
def seed_docs(spacy_nlp) -> dict[str, Document]:
    component = make_claims()
    return {p.name[:3]: component(parsed(spacy_nlp, p.read_text(encoding="utf-8"), SEED_MANIFEST[p.name[:3]],
                                         f"outlet-{p.name[:3]}"))
            for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(scope="module")
def demo_docs(spacy_nlp) -> dict[str, Document]:
    from parley.ingest.clean import extract_html

    component = make_claims()
    docs = {}
    for row in csv.DictReader((SAMPLE / "manifest.csv").open(encoding="utf-8")):
        raw = (SAMPLE / row["file"]).read_text(encoding="utf-8")
        text = extract_html(raw)[0] if row["file"].endswith(".html") else raw
        docs[row["file"]] = component(parsed(spacy_nlp, text, date.fromisoformat(row["date"]), row["outlet"]))
    return docs


def find(claims: list[dict], quantity: str, snippet: str) -> dict:
    hits = [c for c in claims if c["quantity"] == quantity and snippet in c["text"]]
    assert hits, f"no {quantity} claim with {snippet!r} in {[(c['quantity'], c['text']) for c in claims]}"
    return hits[0]


def group(groups: list[dict], quantity: str) -> dict:
    return next(g for g in groups if g["quantity"] == quantity)


@pytest.mark.parametrize("seed,quantity,snippet,low,high,unit", [
    ("000", "deaths|syrian war", "nearly 500,000", 475_000, 500_000, "people"),
    ("000", "displaced|syrian war", "half of Syria", 0.45, 0.55, "share"),
    ("000", "age|syrian war", "12-year-old", 12, 13, "year"),
    ("001", "deaths|syrian war", "over 300,000", 300_000, 400_000, "people"),
    ("001", "displaced|syrian war", "nearly 7 million", 6_650_000, 7_000_000, "people"),
    ("001", "deaths|february 2023 earthquakes", "more than 56,000", 56_000, 57_000, "people"),
    ("001", "money|aid", "millions of dollars", 2_000_000, 9_999_999, "USD"),
    ("003", "deaths|syrian war", "hundreds of thousands", 200_000, 999_999, "people"),
    ("003", "displaced|syrian war", "millions", 2_000_000, 9_999_999, "people"),
    ("003", "age|syrian war", "six-year-old", 6, 7, "year"),
])
def test_claims_seed_values(seed_docs, seed, quantity, snippet, low, high, unit):
    claim = find(seed_docs[seed].claims, quantity, snippet)
    assert (claim["low"], claim["high"], claim["unit"]) == (low, high, unit)
    assert claim["as_of"] == SEED_MANIFEST[seed].isoformat()
    text = seed_docs[seed].text
    assert text[claim["char_start"]:claim["char_end"]] == claim["text"]
    sentence = seed_docs[seed].sentences[claim["sentence"]]
    assert sentence.char_start <= claim["char_start"] < sentence.char_end


@pytest.mark.parametrize("seed,count", [("000", 3), ("001", 4), ("002", 0), ("003", 3), ("004", 0)])
def test_claims_seed_counts(seed_docs, seed, count):
    # 002 and 004 give dates, round numbers and "seven meetings", none of them a claim
    assert len(seed_docs[seed].claims) == count, [c["text"] for c in seed_docs[seed].claims]


@pytest.mark.parametrize("seed,snippet,source,kind", [
    ("000", "nearly 500,000", "outlet-000", "outlet"),
    ("003", "hundreds of thousands", "lawmaker", "reported"),
])
def test_claims_source(seed_docs, seed, snippet, source, kind):
    claim = next(c for c in seed_docs[seed].claims if snippet in c["text"])
    assert (claim["source"], claim["source_kind"]) == (source, kind)


def test_claims_seed_death_toll_differs(seed_docs):
    claims = seed_docs["000"].claims + seed_docs["001"].claims
    deaths = group(compare_claims(claims), "deaths|syrian war")
    assert deaths["verdict"] == "different"
    assert {c["source"] for c in deaths["claims"]} == {"outlet-000", "outlet-001"}
    assert "nearly 500,000" in deaths["reason"] and "over 300,000" in deaths["reason"]
    assert "75,000 apart" in deaths["reason"] and "read literally" in deaths["reason"]
    assert "A later figure (2024-01-19: at most 400,000) is below an earlier one (2023-06-21" in deaths["reason"]


def test_claims_seed_death_toll_literal_reading_overlaps(seed_docs):
    # read literally, "over 300,000" has no upper bound and so cannot contradict 500,000
    claims = seed_docs["000"].claims + seed_docs["001"].claims
    assert group(compare_claims(claims, literal=True), "deaths|syrian war")["verdict"] == "consistent"


def test_claims_seed_displaced_not_comparable(seed_docs):
    groups = compare_claims([c for d in seed_docs.values() for c in d.claims])
    displaced = group(groups, "displaced|syrian war")
    assert displaced["verdict"] == "not comparable"
    assert "share" in displaced["reason"] and "count" in displaced["reason"]
    quake = group(groups, "deaths|february 2023 earthquakes")
    assert [c["text"] for c in quake["claims"]] == ["more than 56,000 people"]
    assert groups[0]["verdict"] == "different"
    assert json.dumps(groups, allow_nan=False)


@pytest.mark.parametrize("quantity,verdict,snippets", [
    ("deaths|syrian war", "different", ["more than 310,000", "more than 500,000", "nearly half a million"]),
    ("participants|20th round", "different", ["about 60 delegates", "About 70 delegates"]),
    ("displaced|syrian war", "not comparable", ["about 11 million", "about 12 million", "more than half", "about half"]),
    ("internally displaced|syrian war", "consistent", ["Nearly 7 million"]),
    ("age|syrian war", "consistent", ["its sixth year", "its 13th year", "six-year war", "nine years of conflict"]),
    ("refugees|syrian war|turkey", "consistent", ["some 3.5 million", "more than 3 million"]),
])
def test_claims_demo_groups(demo_docs, quantity, verdict, snippets):
    g = group(compare_claims([c for d in demo_docs.values() for c in d.claims]), quantity)
    assert g["verdict"] == verdict, g["reason"]
    texts = [c["text"] for c in g["claims"]]
    for snippet in snippets:
        assert any(snippet in t for t in texts), (snippet, texts)


def test_claims_demo_syndicated_copy_is_two_sources(demo_docs):
    g = group(compare_claims([c for d in demo_docs.values() for c in d.claims]), "deaths|syrian war")
    copies = [c for c in g["claims"] if c["text"] == "more than 500,000 people"]
    assert {c["as_of"] for c in copies} == {"2024-01-25", "2024-01-26"}
    assert {c["source"] for c in copies} == {"Syrian Observatory for Human Rights"}


@pytest.mark.parametrize("file,snippet,source", [
    ("article-02.txt", "nearly 100", "Kazakh officials"),
    ("article-02.txt", "around 400,000", "United Nations"),
    ("article-09.html", "more than 350,000", "a UN count of documented deaths"),
    ("article-15.txt", "Nearly 7 million", "UN agencies"),
    ("article-05.txt", "more than 320,000", "Euro-Asian Monitor"),
])
def test_claims_demo_sources(demo_docs, file, snippet, source):
    claim = next(c for c in demo_docs[file].claims if snippet in c["text"])
    assert claim["source"] == source


@pytest.mark.parametrize("text,expected", [
    ("She handed over around 30,000 emails that she claimed were work.", []),
    ("Support for the killing fell to 50% in the poll.", []),
    ("No one died of the virus for at least two weeks.", []),
    ("Officials said 215 coalition soldiers were killed in the war.", ["deaths|conflict"]),
    ("The war in Yemen has killed more than 10,000 Yemenis.", ["deaths|yemeni war"]),
    ("The coronavirus has killed more than 100,000 people.", ["deaths|covid-19 pandemic"]),
    ("About 12 percent of the Mexican population now lives in the United States.", []),
])
def test_claims_counts_only_what_they_count(spacy_nlp, text, expected):
    doc = make_claims()(parsed(spacy_nlp, text, date(2020, 5, 1), None))
    assert [c["quantity"] for c in doc.claims] == expected


def test_claims_source_actor_from_mentions(spacy_nlp):
    text = "The war has killed around 400,000 people, the United Nations has said."
    doc = parsed(spacy_nlp, text, date(2017, 1, 25), "Levant Wire")
    start = text.index("United Nations")
    doc.mentions = [{"text": "United Nations", "char_start": start, "char_end": start + 14, "sentence": 0,
                     "actor_id": "IGOUNO", "name": "United Nations"}]
    (claim,) = make_claims()(doc).claims
    assert (claim["source"], claim["source_actor"]) == ("United Nations", "IGOUNO")


def test_count_words_counts_as_the_whole_word_pattern_does():
    from parley.claims.rules import count_words, words_pattern

    cues = ("Syria", "Syrian", "Golan Heights")
    texts = ["Syrian officials said Syria would attend.", "Syrians and the Golan\nHeights were named.",
             "NotSyria, SYRIA and syria are not the cue as written.", "Nothing here.", ""]
    for text in texts:
        assert count_words(cues, text) == len(words_pattern(cues, False).findall(text))
    assert count_words(cues, texts[0]) == 2
    assert count_words(cues, texts[1]) == 1
    assert count_words(cues, texts[2]) == 0
