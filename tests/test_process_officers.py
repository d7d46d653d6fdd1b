"""Parties of meetings that the whole pipeline reads from officers of organisations and from lists
of demonyms (issue 20, fifteenth session, second pass). Sentences written for these tests; the real
spaCy model and the shipped knowledge base.
"""

from __future__ import annotations

from datetime import date

import pytest


def test_process_officers_commission_president_speaks_for_the_union(read_with_meetings):
    doc = read_with_meetings("European Commission President Jean-Claude Juncker met Prime Minister Shinzo Abe "
                             "in Tokyo on Tuesday to discuss a trade agreement.", date(2018, 7, 19))
    [meeting] = doc.meetings
    assert sorted(meeting["parties"]) == ["EU", "JPN"]


def test_process_officers_the_same_man_as_prime_minister_speaks_for_his_country(read_with_meetings):
    doc = read_with_meetings("Prime Minister Jean-Claude Juncker met Chancellor Angela Merkel in Berlin on Tuesday "
                             "to discuss the budget of the union.", date(2010, 3, 18))
    mention = next(m for m in doc.mentions if "Juncker" in m["text"])
    assert mention["country"] == "LUX" and not mention.get("org")


@pytest.mark.parametrize("text, parties", [
    ("Canadian and U.S. officials met at the White House on Wednesday to settle a dispute over lumber.",
     ["CAN", "USA"]),
    ("U.S. and Canadian officials met at the White House on Wednesday to settle a dispute over lumber.",
     ["CAN", "USA"]),
])
def test_process_officers_a_demonym_in_a_list_shares_its_noun(read_with_meetings, text, parties):
    [meeting] = read_with_meetings(text, date(2019, 6, 7)).meetings
    assert sorted(meeting["parties"]) == parties


@pytest.mark.parametrize("text, parties", [
    ("A meeting on Libya of German and French ministers was held in Berlin on Monday.", ["DEU", "FRA"]),
    ("Prime Minister Shinzo Abe held a meeting about Venezuela with President Donald Trump in Tokyo on "
     "Monday.", ["JPN", "USA"]),
])
def test_process_officers_what_a_meeting_is_about_is_no_side_of_it(read_with_meetings, text, parties):
    [meeting] = read_with_meetings(text, date(2019, 5, 29)).meetings
    assert sorted(meeting["parties"]) == parties
