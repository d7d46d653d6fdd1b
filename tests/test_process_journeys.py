"""Journeys told by a verb of sending or a noun of travel, the talks they take their traveller to, and
a summit named in a place that is the report's summit (issue 20, session 16). Sentences written for
these tests; the real parse with hand-made mentions, times and places (see ``tests/test_process.py``).
"""

from __future__ import annotations

from datetime import date

import pytest

from parley.process import make_meetings
from tests.conftest import meetings_told
from tests.test_process import build, meetings
from tests.test_process_occasions import DAY, RUIZ, SOTO

COMPONENT = make_meetings()
TUESDAY = ("Tuesday", "2016-09-13", "2016-09-13", DAY)
WEDNESDAY = ("Wednesday", "2016-09-14", "2016-09-14", DAY)
VEGA = ("Vega", "p-vega", "person", "CHL", "GOV")
LIMA = ("Lima", "p-lima", "person", "PER", "GOV")


def _doc(spacy_nlp, text, times=(TUESDAY,), people=(SOTO, VEGA), published=date(2016, 9, 15)):
    return build(spacy_nlp, text, published, list(times), extra_mentions=[p for p in people if p[0] in text])


@pytest.mark.parametrize("text", [
    "President Soto dispatched Vega to Doha on Tuesday to calm the dispute over gas.",
    "Vega, who was sent to Doha on Tuesday, carried a letter from President Soto.",
])
def test_process_journeys_the_one_sent_visits(spacy_nlp, text):
    """A verb of sending makes its object (or passive subject) the visitor, not its subject."""
    [visit] = [m for m in meetings(COMPONENT(_doc(spacy_nlp, text))) if m["kind"] == "visit"]
    assert (visit["venue"], visit["host"], visit["start"]) == ("Doha", "QAT", "2016-09-13")
    assert "CHL" in visit["parties"]


def test_process_journeys_sending_at_home_is_no_visit(spacy_nlp):
    """Sending someone to a city of one's own country is no visit abroad."""
    doc = _doc(spacy_nlp, "The emir of Qatar sent his guards to Doha on Tuesday.", people=())
    assert [m for m in meetings(COMPONENT(doc)) if m["kind"] == "visit"] == []


def test_process_journeys_a_trip_to_a_city_is_a_visit(spacy_nlp):
    """ "His trip to Doha" is a journey abroad like "his visit to Doha"."""
    doc = _doc(spacy_nlp, "President Soto began his trip to Doha on Tuesday with a call on the emir.")
    [visit] = [m for m in meetings(COMPONENT(doc)) if m["kind"] == "visit"]
    assert (visit["venue"], visit["start"]) == ("Doha", "2016-09-13")


def test_process_journeys_a_trip_as_a_verb_is_no_journey(spacy_nlp):
    doc = _doc(spacy_nlp, "President Soto tripped on the stairs in Doha on Tuesday.")
    assert [m for m in meetings(COMPONENT(doc)) if m["kind"] == "visit"] == []


# (published a week later, so that no rule of the report's own day places the talks)
WEEK_LATER = date(2016, 9, 21)
TALKS_AFTER = ("Vega was dispatched to Doha on Tuesday. "
               "The envoy of Chile held talks with Ruiz on Wednesday about the gas pipeline.")


def test_process_journeys_talks_after_a_journey_are_at_its_destination(spacy_nlp):
    """Talks with the destination's side on the day of the journey or the next two, placed nowhere
    by the report, are held where the journey went."""
    text = TALKS_AFTER.replace("Doha", "Lima City")
    doc = _doc(spacy_nlp, text, times=(TUESDAY, WEDNESDAY), people=(VEGA, RUIZ), published=WEEK_LATER)
    start = doc.text.index("Lima City")
    doc.places.append({"text": "Lima City", "char_start": start, "char_end": start + 9, "sentence": 0,
                       "name": "Lima City", "country": "PER", "feature": "city", "geonameid": None,
                       "lat": None, "lon": None})
    found = meetings(COMPONENT(doc))
    [talks] = [m for m in found if m["kind"] != "visit"]
    assert (talks["start"], talks["venue"]) == ("2016-09-14", "Lima City")


def test_process_journeys_talks_with_another_side_stay_unplaced(spacy_nlp):
    """Talks with a side other than the destination's are not placed there."""
    doc = _doc(spacy_nlp, TALKS_AFTER, times=(TUESDAY, WEDNESDAY), people=(VEGA, RUIZ), published=WEEK_LATER)
    found = meetings(COMPONENT(doc))
    [talks] = [m for m in found if m["kind"] != "visit"]
    assert talks["start"] == "2016-09-14" and talks["venue"] is None


SUMMIT_DAY = [("Monday", "2016-09-12", "2016-09-12", DAY)]
GROUP = ("Group of 20", "G20", "igo", None, None)


def _summit_report(spacy_nlp, second):
    text = "The Group of 20 summit opened on Monday with a quarrel between Chile and Peru over steel. " + second
    # (published two days later, so that no rule of the report's own day places the summit)
    return meetings(COMPONENT(build(spacy_nlp, text, date(2016, 9, 14), SUMMIT_DAY, extra_mentions=[GROUP])))


@pytest.mark.parametrize("second", [
    "Qatar took every care to ensure the summit, in the port city of Doha, went smoothly.",
    "As the leaders gathered for the summit in Doha, the steel quarrel grew.",
])
def test_process_a_summit_in_a_place_is_the_reports_summit(spacy_nlp, second):
    """A summit named in a place with no date or parties of its own, in a report about a summit it
    places nowhere else, is that summit (in a clause of purpose or of time as well)."""
    [summit] = _summit_report(spacy_nlp, second)
    assert (summit["start"], summit["venue"]) == ("2016-09-12", "Doha")


def test_process_a_summit_set_against_another_time_is_not_the_reports(spacy_nlp):
    """ "Since the summit in Doha": another summit than the one the report tells."""
    found = _summit_report(spacy_nlp, "Trade has slowed since the summit in Doha.")
    assert [m["venue"] for m in found if m["start"] == "2016-09-12"] == [None]


def _filed_from_doha(spacy_nlp, text, feature="city"):
    """A report datelined DOHA published two days after the Monday it tells (so that the rule of a
    report's own day does not place its meeting)."""
    doc = build(spacy_nlp, text, date(2016, 9, 14), SUMMIT_DAY, extra_mentions=[SOTO, RUIZ])
    if "DOHA" in text:
        doc.places.insert(0, {"text": "DOHA", "char_start": 0, "char_end": 4, "sentence": 0, "name": "Doha",
                              "country": "QAT", "feature": feature, "geonameid": None, "lat": None, "lon": None})
    return meetings(COMPONENT(doc))


@pytest.mark.parametrize("feature", ["city", "province"])
def test_process_here_is_the_datelines_city(spacy_nlp, feature):
    """ "Here" in a datelined report is where the reporter files from; a dateline names a city even
    where the place index read it as the province of the same name."""
    text = "DOHA, Qatar --\n\nPresident Soto signed a gas accord here on Monday with Ruiz, officials said."
    [signing] = _filed_from_doha(spacy_nlp, text, feature)
    assert (signing["start"], signing["venue"], signing["host"]) == ("2016-09-12", "Doha", "QAT")


def test_process_here_without_a_dateline_places_nothing(spacy_nlp):
    text = "President Soto signed a gas accord here on Monday with Ruiz, officials said in Doha."
    [signing] = _filed_from_doha(spacy_nlp, text)
    assert signing["venue"] is None


# a visit told by a light verb (procvisit21): the light verb's subject is the visitor; sentences
# written for these tests, read by the whole pipeline
@pytest.mark.parametrize("text, published, want", [
    ("Mexican President Andres Manuel Lopez Obrador paid a visit to Ottawa on Tuesday.", date(2021, 3, 3),
     (["CAN", "MEX"], "Ottawa", "2021-03-02")),
    ("Kenyan President Uhuru Kenyatta will pay a state visit to Ghana on Thursday.", date(2021, 3, 1),
     (["GHA", "KEN"], "Ghana", "2021-03-04")),
    ("Pope Francis will pay a visit to Lebanon on Friday, the Vatican said.", date(2021, 3, 1),
     (["LBN", "VAT"], "Lebanon", "2021-03-05")),
])
def test_process_journeys_the_subject_of_a_light_verb_visits(read_with_meetings, text, published, want):
    assert meetings_told(read_with_meetings(text, published)) == [want]


@pytest.mark.parametrize("text", [
    "Mexican President Andres Manuel Lopez Obrador paid tribute in Ottawa on Tuesday to the victims.",
    "Mexican President Andres Manuel Lopez Obrador made a visit to a refinery in Tabasco on Tuesday.",
    "Mexico has paid a heavy price in Ottawa, President Andres Manuel Lopez Obrador said on Tuesday.",
])
def test_process_journeys_light_verbs_of_no_visit_abroad(read_with_meetings, text):
    assert meetings_told(read_with_meetings(text, date(2021, 3, 3))) == []
