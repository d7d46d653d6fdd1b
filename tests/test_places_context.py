"""Places chosen with evidence: qualifiers, datelines, counties, the document's states,
organisations and people that carry place names, metonymy, and the built index itself.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from parley.document import Document, Sentence
from parley.places import load_index, make_places, resolve_place
from parley.places.cues import datelines
from parley.places.gazetteer import middle_of
from parley.places.resolve import distance_km


@pytest.fixture(scope="module")
def places_component():
    return make_places(index=load_index())


def places_of(text: str, nlp, component) -> list[dict]:
    doc = Document.from_text(text)
    doc.spacy_doc = nlp(text)
    doc.sentences = [Sentence(i, s.start_char, s.end_char, s.text) for i, s in enumerate(doc.spacy_doc.sents)]
    return component(doc).places


def found(places: list[dict], text: str) -> dict:
    hits = [p for p in places if p["text"] == text]
    assert hits, f"{text!r} not found in {[p['text'] for p in places]}"
    return hits[0]


def test_places_index_holds_small_towns_in_columns():
    index = load_index()
    assert len(index.city_ids) > 200_000          # cities500, not cities15000 (about 25,000)
    towns = [p for p, _ in index.candidates("Cooperstown") if p["country"] == "USA" and p.get("admin1") == "NY"]
    assert [t["geonameid"] for t in towns] == [5113664]
    assert towns[0]["population"] < 5000


@pytest.mark.parametrize("text,qualifier,geonameid,admin1", [
    ("The festival drew visitors to Paris, Texas, last weekend.", "Texas", 4717560, "TX"),
    ("A museum in Cooperstown, New York, reopened after the storm.", "New York", 5113664, "NY"),
    ("The plant in Liberty, Missouri, hired two hundred workers.", "Missouri", 4395052, "MO"),
])
def test_places_town_written_with_its_state(spacy_nlp, places_component, text, qualifier, geonameid, admin1):
    town = found(places_of(text, spacy_nlp, places_component), text.split(" in ")[-1].split(" to ")[-1].split(",")[0])
    assert town["geonameid"] == geonameid
    assert town["reason"].startswith(f"qualified by {qualifier}") or town["reason"].startswith("qualified by")
    state = found(places_of(text, spacy_nlp, places_component), qualifier)
    assert state["feature"] == "region" and state["country"] == "USA"


def test_places_dateline_sets_the_scene(spacy_nlp, places_component):
    text = "TOPEKA, Kan. (AP) — Lawmakers met on Monday to weigh a new budget for schools."
    places = places_of(text, spacy_nlp, places_component)
    topeka = found(places, "TOPEKA")
    assert (topeka["geonameid"], topeka["via"]) == (4280539, "dateline")
    assert topeka["reason"].startswith("dateline")
    assert found(places, "Kan.")["name"] == "Kansas"


@pytest.mark.parametrize("text,start,end", [
    ("TOPEKA, Kan. (AP) — Lawmakers met.", 0, 6),
    ("By a staff writer\n\nGUATEMALA CITY (Reuters) - Talks resumed.", 19, 33),
])
def test_places_dateline_pattern(text, start, end):
    assert [(s, e) for s, e, _ in datelines(text)] == [(start, end)]


def test_places_no_dateline_in_ordinary_capitals():
    assert datelines("FILE PHOTO: a ballot box.\nThe vote (held Monday) was close.") == []


def test_places_county_in_its_state(spacy_nlp, places_component):
    text = "Deputies in Jefferson County, Alabama, closed the road after the storm."
    county = found(places_of(text, spacy_nlp, places_component), "Jefferson County")
    assert (county["feature"], county["country"], county["derived"]) == ("county", "USA", True)
    alabama = resolve_place("Alabama")
    assert (county["lat"], county["lon"]) == (alabama["lat"], alabama["lon"])


def test_places_state_named_in_document_decides_namesake(spacy_nlp, places_component):
    alone = places_of("The governor spoke in Springfield on Tuesday.", spacy_nlp, places_component)
    assert found(alone, "Springfield")["geonameid"] == 4409896          # the largest: Missouri
    text = "After touring Illinois farms, the governor spoke in Springfield on Tuesday."
    springfield = found(places_of(text, spacy_nlp, places_component), "Springfield")
    assert springfield["geonameid"] == 4250542                          # Illinois
    assert springfield["reason"] == "in a region the document names"


@pytest.mark.parametrize("text,absent", [
    ("Paris Hilton arrived late to the premiere.", "Paris"),
    ("Students at Washington and Lee University marched on Friday.", "Washington"),
    ("The Des Moines Register endorsed the senator.", "Des Moines"),
    ("Mr. Jordan said the contract was fair.", "Jordan"),
])
def test_places_names_that_are_not_places(spacy_nlp, places_component, text, absent):
    assert absent not in {p["text"] for p in places_of(text, spacy_nlp, places_component)}


def test_places_metonymy_marked_and_kept(spacy_nlp, places_component):
    spoken = found(places_of("Moscow said the talks would resume in May.", spacy_nlp, places_component), "Moscow")
    assert (spoken["geonameid"], spoken["metonymic"]) == (524901, True)
    visited = found(places_of("Tourists crowded the squares of Moscow in May.", spacy_nlp, places_component), "Moscow")
    assert visited["metonymic"] is False


@pytest.mark.parametrize("text,mention,feature", [
    ("Heavy snow closed roads across northern New York this week.", "New York", "region"),
    ("Polls opened in Ohio, Florida and New York at dawn.", "New York", "region"),
    ("Crowds filled the streets of New York at dawn.", "New York", "city"),
])
def test_places_state_or_city_by_the_words_around(spacy_nlp, places_component, text, mention, feature):
    assert found(places_of(text, spacy_nlp, places_component), mention)["feature"] == feature


def test_places_country_opening_a_compound(spacy_nlp, places_component):
    text = "The U.S.-backed force advanced toward the river."
    place = found(places_of(text, spacy_nlp, places_component), "U.S.")
    assert (place["country"], place["feature"], place["char_end"] - place["char_start"]) == ("USA", "country", 4)


def test_places_province_named_after_its_capital_yields_to_the_town():
    assert resolve_place("Kandahar")["feature"] == "city"
    province = [p for p, _ in load_index().candidates("Kandahar") if p["feature"] == "province"]
    assert province and province[0]["derived"] and province[0]["country"] == "AFG"


def test_places_every_place_says_why(spacy_nlp, places_component):
    places = places_of("Delegates from Kenya met officials in Nairobi and Mombasa.", spacy_nlp, places_component)
    assert {p["text"] for p in places} >= {"Kenya", "Nairobi", "Mombasa"}
    assert all(p["reason"] for p in places if p["geonameid"])
    assert found(places, "Kenya")["reason"] == "country name"


def test_places_region_middle_ignores_outliers():
    points = [(40.0 + i / 100, -75.0 - i / 100) for i in range(100)] + [(20.0, -150.0)]
    lat, lon = middle_of(points)
    assert 40.0 < lat < 41.0 and -76.0 < lon < -75.0


def test_places_distance_km():
    assert round(distance_km(0.0, 0.0, 0.0, 1.0)) == 111
    assert distance_km(48.85, 2.35, 48.85, 2.35) == 0.0


def test_places_reason_stored_with_the_place(db_path, tmp_path):
    from parley.engine import ingest
    from parley.store import open_db

    source = tmp_path / "story.txt"
    source.write_text("Delegations from Armenia and Azerbaijan met in Geneva on Monday.\n", encoding="utf-8")
    assert ingest([str(source)], db_path).stored == 1
    conn = open_db(db_path, read_only=True)
    rows = conn.execute("SELECT text, json_extract_string(data, '$.reason') FROM places ORDER BY idx").fetchall()
    conn.close()
    assert dict(rows)["Armenia"] == "country name"
    assert dict(rows)["Geneva"]


def test_places_cache_keyed_by_table_and_rebuilt_when_corrupt(tmp_path, monkeypatch):
    from parley.places.cache import _load_cached, index_path
    from parley.places.index import DATA_DIR

    monkeypatch.setenv("PARLEY_CACHE", str(tmp_path))
    monkeypatch.setenv("PARLEY_PLACES_CITIES", "15000")
    small = index_path()
    small.parent.mkdir(parents=True, exist_ok=True)
    small.write_bytes(b"not a pickle")
    index = _load_cached(small, DATA_DIR)          # the corrupt file is rebuilt, not trusted
    assert len(index.city_ids) < 40_000 and resolve_place("Geneva", index=index)["country"] == "CHE"
    assert small.read_bytes()[:1] == b"\x80" and not list(tmp_path.glob("*.tmp"))
    monkeypatch.setenv("PARLEY_PLACES_CITIES", "5000")
    assert index_path() != small


def test_places_unknown_city_table_is_a_clear_error(monkeypatch):
    from parley.places.gazetteer import city_table
    from parley.places.index import PlaceDataError

    monkeypatch.setenv("PARLEY_PLACES_CITIES", "42")
    with pytest.raises(PlaceDataError, match="PARLEY_PLACES_CITIES"):
        city_table()
