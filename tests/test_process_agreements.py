"""Meetings told by two parties' agreement in a city (issue 20, session 20, procgen20): "agreed in
Vienna on Tuesday", "reached a deal in Cairo", "struck an accord here" under a dateline. Agreeing
by telephone, agreeing on a day with no city, agreeing on something placed in a country or in the
clause of what is agreed tell no meeting. Sentences written for these tests; the real spaCy model
and the shipped knowledge base.
"""

from __future__ import annotations

from datetime import date

import pytest

FRIDAY = date(2021, 3, 19)


def _meetings(doc) -> list[tuple]:
    """(kind, sorted parties, venue, start) of each meeting read from a document."""
    return [(m["kind"], sorted(m.get("parties") or []), m.get("venue"), m.get("start"))
            for m in doc.meetings if m.get("kind") != "process"]


@pytest.mark.parametrize("text, parties, venue, day", [
    ("The foreign ministers of Egypt and Ethiopia agreed in Vienna on Tuesday to resume work on a water treaty.",
     ["EGY", "ETH"], "Vienna", "2021-03-16"),
    ("Greece and Turkey reached an agreement in Ankara on Wednesday on the exploration of the seabed.",
     ["GRC", "TUR"], "Ankara", "2021-03-17"),
    ("Chile and Peru sealed a deal in Lima on Thursday to open their border to trucks.",
     ["CHL", "PER"], "Lima", "2021-03-18"),
])
def test_process_agreements_two_parties_agreeing_in_a_city_meet_there(read_with_meetings, text, parties, venue, day):
    """Parties said to agree in a city were there together on the day told."""
    assert _meetings(read_with_meetings(text, FRIDAY)) == [("talks", parties, venue, day)]


def test_process_agreements_here_under_a_dateline_is_the_dateline_city(read_with_meetings):
    doc = read_with_meetings("TOKYO, March 17 - Japanese Prime Minister Yoshihide Suga and Australian Prime Minister "
                             "Scott Morrison agreed here on Wednesday to deepen defence ties.", FRIDAY)
    [(kind, parties, venue, day)] = _meetings(doc)
    # (the actor stage also codes a third party from the second "Prime Minister": not this rule's)
    assert (kind, venue, day) == ("talks", "Tokyo", "2021-03-17") and {"AUS", "JPN"} <= set(parties)


@pytest.mark.parametrize("text", [
    # a day but no city: they may have agreed by telephone
    "Egypt and Ethiopia agreed on Tuesday to resume work on a water treaty.",
    "The leaders of Greece and Turkey agreed in a telephone call on Wednesday to lower tensions.",
    # the city is where what is agreed happens, not where the parties are
    "Russia and Turkey agreed on Monday to set up a joint patrol in Aleppo.",
    # a country, not a city
    "Russia and Turkey agreed a truce in Syria on Monday.",
    # one party only
    "Ethiopia agreed in Vienna on Tuesday to resume work on a water treaty.",
    # said not to happen
    "Greece and Turkey did not reach an agreement in Ankara on Wednesday.",
])
def test_process_agreements_other_agreements_tell_no_meeting(read_with_meetings, text):
    assert _meetings(read_with_meetings(text, FRIDAY)) == []
