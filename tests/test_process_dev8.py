"""Meetings read from the failures of the dev part dev8 (issue 20, session 16): a subject named by its
appositive. Sentences written for these tests; the real spaCy model and the shipped knowledge base.
"""

from __future__ import annotations

from datetime import date

import pytest


@pytest.mark.parametrize("text, parties, venue", [
    ("One of his closest allies, Benjamin Netanyahu, met the US president in New York on Monday.",
     ["ISR", "USA"], "New York City"),
    ("The last of the visitors, the Japanese prime minister, met Xi Jinping in Beijing on Monday.",
     ["CHN", "JPN"], "Beijing"),
])
def test_process_dev8_a_subject_is_the_one_its_appositive_names(read_with_meetings, text, parties, venue):
    """ "One of X's allies, N, met ...": the appositive, not the "of" phrase, names the one who met."""
    [meeting] = read_with_meetings(text, date(2017, 9, 18)).meetings
    assert sorted(meeting["parties"]) == parties
    assert (meeting["venue"], meeting["start"]) == (venue, "2017-09-18")


def test_process_dev8_an_of_phrase_still_names_a_noun_with_no_appositive(read_with_meetings):
    """ "The foreign ministers of Chile and Peru met ...": with no appositive the "of" phrase names them."""
    [meeting] = read_with_meetings("The foreign ministers of Chile and Peru met in Lima on Monday to settle a border "
                                   "dispute.", date(2017, 9, 18)).meetings
    assert sorted(meeting["parties"]) == ["CHL", "PER"]


@pytest.mark.parametrize("text", [
    "The Chilean president met the Peruvian president on the sidelines of the UN General Assembly on Monday.",
    "The Chilean president met the Peruvian president at the United Nations General Assembly on Monday.",
])
def test_process_dev8_the_general_assembly_is_held_in_new_york(read_with_meetings, text):
    """The UN General Assembly meets at the UN's headquarters in New York: a meeting on its sidelines
    is held there (the occasion, itself a place, is where the meeting is)."""
    [meeting] = read_with_meetings(text, date(2017, 9, 18)).meetings
    assert sorted(meeting["parties"]) == ["CHL", "PER"]
    assert (meeting["venue"], meeting["start"]) == ("New York City", "2017-09-18")


def test_process_dev8_a_visit_to_a_city_in_a_country_is_placed_in_the_city(read_with_meetings):
    """ "will visit Osaka in Japan": the city visited, not the country after it, is the venue."""
    [visit] = read_with_meetings("German Chancellor Angela Merkel will visit Osaka in Japan on Tuesday to discuss trade.",
                                 date(2015, 6, 22)).meetings
    assert (visit["venue"], visit["start"], sorted(visit["parties"])) == ("Osaka", "2015-06-23", ["DEU", "JPN"])


@pytest.mark.parametrize("text", [
    "Secretary of State John Kerry will not meet Prime Minister Shinzo Abe in Tokyo on Tuesday.",
    "Officials said Secretary of State John Kerry would not shake hands or meet Prime Minister Shinzo Abe "
    "in Tokyo on Tuesday.",
])
def test_process_dev8_a_meeting_said_not_to_happen_is_none(read_with_meetings, text):
    """A negated verb of meeting, or one joined by "or" to a negated verb, tells no meeting."""
    assert read_with_meetings(text, date(2015, 6, 22)).meetings == []


def test_process_dev8_a_met_verb_after_an_affirmed_verb_is_kept(read_with_meetings):
    [meeting] = read_with_meetings("Secretary of State John Kerry flew to Tokyo and met Prime Minister Shinzo Abe on Tuesday.",
                                   date(2015, 6, 22)).meetings
    assert (meeting["venue"], sorted(meeting["parties"])) == ("Tokyo", ["JPN", "USA"])


def test_process_dev8_a_place_of_a_joined_noun_is_not_the_meetings(read_with_meetings):
    """ "his meeting with Kerry and his speech at the General Assembly": the place is the speech's."""
    doc = read_with_meetings("Before his meeting with Kerry and his speech at the UN General Assembly, Prime Minister "
                             "Shinzo Abe spoke to reporters on Tuesday.", date(2015, 6, 22))
    assert all(m["venue"] != "New York City" for m in doc.meetings)


@pytest.mark.parametrize("text, venue", [
    ('"We will fix it," President Barack Obama told a news conference with visiting Turkish Prime Minister Recep '
     'Tayyip Erdogan on Thursday.', None),
    ('"We will fix it," President Barack Obama told a Rose Garden news conference with visiting Turkish Prime '
     'Minister Recep Tayyip Erdogan.', "Washington"),
])
def test_process_dev8_a_news_conference_with_a_visiting_leader(read_with_meetings, text, venue):
    """ "with visiting Prime Minister X" names the partner of the joint appearance (the parser reads
    "visiting" as a verb); the Rose Garden is at the White House, in Washington."""
    [meeting] = read_with_meetings(text, date(2013, 5, 16)).meetings
    assert sorted(meeting["parties"]) == ["TUR", "USA"]
    assert (meeting["venue"], meeting["start"]) == (venue, "2013-05-16")


def test_process_dev8_a_place_after_on_is_a_topic_not_the_occasion(read_with_meetings):
    """Only a place named as the whole of a part of the occasion ("the sidelines of X") is the venue;
    "talks on Bolivia" is about Bolivia."""
    doc = read_with_meetings("The foreign ministers of Chile and Peru held talks on Bolivia on Monday.", date(2017, 9, 18))
    assert all(m["venue"] != "Bolivia" for m in doc.meetings)
