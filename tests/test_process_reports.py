"""What the form of a report tells about its meeting (issue 20, sixth session): the dateline in its
common shapes ("Doha (Reuters)", an upper-case city after a photo credit) and inside a country the
text names, a bare surname that the entity recogniser leaves unnamed, and measured talks that a
verb opens. Sentences written for these tests; the real parse with hand-made mentions, times and
places (see ``tests/test_process.py``).
"""

from __future__ import annotations

from datetime import date

import pytest

from parley.process import make_meetings
from parley.process.coref import corefer_surnames
from tests.test_process import build, meetings
from tests.test_process_occasions import DAY, RUIZ, SOTO

MONDAY = [("Monday", "2016-09-12", "2016-09-12", DAY)]
COMPONENT = make_meetings()


def _place(doc, text: str, country: str, feature: str, nth: int = 0) -> None:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    sent = doc.sentence_at(start)
    doc.places.append({"text": text, "char_start": start, "char_end": start + len(text), "sentence": sent.index,
                       "name": text.title(), "country": country, "feature": feature, "geonameid": None,
                       "lat": None, "lon": None})
    doc.places.sort(key=lambda p: p["char_start"])


def _report(spacy_nlp, text, places=(), published=date(2016, 9, 12), extra=(SOTO, RUIZ), times=MONDAY):
    doc = build(spacy_nlp, text, published, times, extra_mentions=[m for m in extra if m[0] in text])
    for name, country, feature in places:
        for nth in range(text.count(name)):
            _place(doc, name, country, feature, nth)
    return meetings(COMPONENT(doc))


@pytest.mark.parametrize("text,places,venue", [
    # a dateline in title case with the agency after it
    ("Lusaka (Reuters) President Soto held talks with Ruiz on Monday about trade.",
     [("Lusaka", "ZMB", "city")], "Lusaka"),
    # an upper-case dateline that runs on after a photo credit on the same line
    ("Soto waves at the airport. (Photo: Ana Gil, epa)  LUSAKA, Zambia \u2014 Trade came first. President Soto "
     "held talks with Ruiz on Monday about trade.", [("LUSAKA", "ZMB", "city")], "Lusaka"),
    # a city in running text is no dateline
    ("President Soto held talks with Ruiz on Monday about trade in the copper mines near Lusaka.",
     [("Lusaka", "ZMB", "city")], None),
])
def test_process_reports_dateline_shapes(spacy_nlp, text, places, venue):
    [meeting] = _report(spacy_nlp, text, places)
    assert (meeting["start"], meeting["venue"]) == ("2016-09-12", venue)


@pytest.mark.parametrize("text,places,venue", [
    # the dateline's city lies in the country the report names for the meeting: it is more precise
    ("LUSAKA, Zambia \u2014 President Soto arrived in Zambia on Monday and held talks with Ruiz.",
     [("LUSAKA", "ZMB", "city"), ("Zambia", "ZMB", "country")], "Lusaka"),
    # a dateline in another country than the one named is where the reporter is, not the meeting
    ("LUSAKA, Zambia \u2014 President Soto arrived in Kenya on Monday and held talks with Ruiz.",
     [("LUSAKA", "ZMB", "city"), ("Kenya", "KEN", "country")], "Kenya"),
])
def test_process_reports_dateline_city_inside_the_country_named(spacy_nlp, text, places, venue):
    found = _report(spacy_nlp, text, places)
    assert venue in {m["venue"] for m in found if m["start"] == "2016-09-12"}


def test_process_reports_bare_surname_after_the_full_name_is_that_person(spacy_nlp):
    text = "Peruvian President Ana Ruiz landed in Doha. Soto said on Monday in a joint news conference with Ruiz."
    doc = build(spacy_nlp, text, date(2016, 9, 12), MONDAY,
                extra_mentions=[("Peruvian President Ana Ruiz", "p-ruiz", "person", "PER", "GOV"), SOTO[:0] or
                                ("Soto", "p-soto", "person", "CHL", "GOV")])
    # drop what the entity recogniser made of the bare name, as when it takes it for no name
    doc.mentions = [m for m in doc.mentions if m["text"] != "Ruiz" or m["char_start"] < 20]
    at = text.rindex("Ruiz")
    found = [m for m in corefer_surnames(doc, doc.mentions) if m["char_start"] == at]
    assert [m["actor_id"] for m in found] == ["p-ruiz"]


def test_process_reports_bare_name_inside_a_longer_proper_name_is_not_the_person(spacy_nlp):
    text = "Peruvian President Ana Ruiz landed in Doha. Soto later toured the Ruiz Gallery on Monday."
    doc = build(spacy_nlp, text, date(2016, 9, 12), MONDAY,
                extra_mentions=[("Peruvian President Ana Ruiz", "p-ruiz", "person", "PER", "GOV")])
    at = text.rindex("Ruiz")
    assert not [m for m in corefer_surnames(doc, doc.mentions) if m["char_start"] == at]


@pytest.mark.parametrize("verb,start,end", [
    ("opened", "2016-09-12", "2016-09-13"),     # the day an opening verb tells is the first
    ("began", "2016-09-12", "2016-09-13"),
    ("wrapped up", "2016-09-11", "2016-09-12"),  # the day a closing verb tells is the last
])
def test_process_reports_measured_talks_opened_on_a_day_start_then(spacy_nlp, verb, start, end):
    text = f"President Soto {verb} two days of talks with Ruiz in Doha on Monday."
    [meeting] = _report(spacy_nlp, text, published=date(2016, 9, 13))
    assert (meeting["start"], meeting["end"]) == (start, end)


def test_process_reports_time_of_a_clause_with_its_own_subject_dates_another_event(spacy_nlp):
    text = "President Soto will visit Doha after Ruiz became the first minister to visit the city last week."
    found = _report(spacy_nlp, text, times=[("last week", "2016-09-05", "2016-09-11", "week")])
    visit = [m for m in found if m["venue"] == "Doha"]
    assert visit and all(m["start"] != "2016-09-05" for m in visit)


@pytest.mark.parametrize("text,places,venue", [
    # a state of one country, where no city is named, is the most precise place of the meeting
    ("President Soto held talks with Ruiz in Bavaria on Monday.", [("Bavaria", "DEU", "region")], "Bavaria"),
    # a region of no one country says whose the talks are, not where they are
    ("President Soto held talks with Ruiz in Africa on Monday.", [("Africa", None, "region")], None),
])
def test_process_reports_state_of_a_country_is_a_venue(spacy_nlp, text, places, venue):
    [meeting] = _report(spacy_nlp, text, places)
    assert (meeting["start"], meeting["venue"]) == ("2016-09-12", venue)


def test_process_reports_participle_meets_with_the_subject_of_its_clause(spacy_nlp):
    text = "Ruiz announced that she would fly to Lima, meeting President Soto in Bavaria on Monday."
    [meeting] = _report(spacy_nlp, text, [("Bavaria", "DEU", "region")])
    assert set(meeting["parties"]) == {"CHL", "PER"}
    assert (meeting["start"], meeting["venue"]) == ("2016-09-12", "Bavaria")


@pytest.mark.parametrize("text,time,published,day", [
    # a Friday report: the weekday or weekend named in the meeting's phrase is the coming one
    ("President Soto arrived in Doha for Saturday's talks with Ruiz.", ("Saturday", "2016-09-10", "2016-09-10", DAY),
     date(2016, 9, 16), "2016-09-17"),
    ("President Soto arrived in Doha for this weekend's talks with Ruiz.",
     ("this weekend", "2016-09-10", "2016-09-11", "week"), date(2016, 9, 16), "2016-09-17"),
    # a Monday report: the one just gone
    ("President Soto praised Saturday's talks with Ruiz in Doha.", ("Saturday", "2016-09-10", "2016-09-10", DAY),
     date(2016, 9, 12), "2016-09-10"),
])
def test_process_reports_weekday_in_the_meetings_phrase_is_the_nearest(spacy_nlp, text, time, published, day):
    doc = build(spacy_nlp, text, published, [time], extra_mentions=[SOTO, RUIZ])
    doc.times[0]["anchor"] = "tense"
    found = [m for m in meetings(COMPONENT(doc)) if m["start"]]
    assert [m["start"] for m in found] == [day]
