"""The place of the building where a meeting is held is the meeting's venue (issue 20, session 20,
procgen20): "hosted X at a lakeside hotel in Geneva", "met at a castle in the town of Y". Sentences
written for these tests; the real spaCy model and the shipped knowledge base.
"""

from __future__ import annotations

from datetime import date

import pytest

FRIDAY = date(2021, 3, 19)


@pytest.mark.parametrize("text, venue", [
    ("German Chancellor Angela Merkel hosted French President Emmanuel Macron at a palace in the city of Potsdam "
     "on Tuesday.", "Potsdam"),
    ("Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin at a hotel in Sochi on "
     "Wednesday.", "Sochi"),
])
def test_process_venue_sites_the_place_of_the_building_is_the_venue(read_with_meetings, text, venue):
    [meeting] = [m for m in read_with_meetings(text, FRIDAY).meetings if m.get("kind") != "process"]
    assert meeting["venue"] == venue


def test_process_venue_sites_a_place_of_something_else_is_no_venue(read_with_meetings):
    """A place that belongs to what is discussed, not to where the leaders are, gives no venue."""
    doc = read_with_meetings("German Chancellor Angela Merkel met French President Emmanuel Macron on Tuesday to "
                             "discuss a factory in Toulouse.", FRIDAY)
    assert [m["venue"] for m in doc.meetings if m.get("kind") != "process"] == [None]
