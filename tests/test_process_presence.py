"""Meetings told by presence and by light verbs, and office holders whose name puts the family name
first (issue 20, session 17: venues and track splits). Sentences written for these tests; the real
spaCy model and the shipped knowledge base.
"""

from __future__ import annotations

from datetime import date

import pytest

MONDAY = date(2019, 6, 24)


def _meetings(doc) -> list[dict]:
    """The meetings read from a document, the processes they belong to left out."""
    return [m for m in doc.meetings if m.get("kind") != "process"]


@pytest.mark.parametrize("text, parties, venue, day", [
    ("The national security adviser John Bolton was in Jerusalem for talks with Prime Minister Benjamin "
     "Netanyahu on Sunday.", ["ISR", "USA"], "Jerusalem", "2019-06-23"),
    ("Chinese Foreign Minister Wang Yi arrived in Seoul on Tuesday for meetings with South Korean officials.",
     ["CHN", "KOR"], "Seoul", "2019-06-18"),
])
def test_process_presence_who_is_somewhere_for_talks_takes_part(read_with_meetings, text, parties, venue, day):
    """ "X was in Jerusalem for talks with Y": the one who is there for the talks is a party to them."""
    [meeting] = _meetings(read_with_meetings(text, MONDAY))
    assert sorted(meeting["parties"]) == parties
    assert (meeting["venue"], meeting["start"]) == (venue, day)


@pytest.mark.parametrize("noun", ["talks", "discussions"])
def test_process_presence_partner_of_a_held_meeting_hung_on_the_verb(read_with_meetings, noun):
    """ "held talks in Beijing on Monday with Xi": the parser hangs "with" on "held"; the one named
    there is the other party; "discussions" held with someone are a meeting too."""
    text = f"Secretary of State Antony Blinken held {noun} in Beijing on Monday with Chinese President Xi Jinping."
    [meeting] = _meetings(read_with_meetings(text, MONDAY))
    assert sorted(meeting["parties"]) == ["CHN", "USA"]
    assert (meeting["venue"], meeting["start"]) == ("Beijing", "2019-06-24")


def test_process_presence_held_discussions_place_the_meeting_told_before(read_with_meetings):
    """A meeting told without a place ("met Chinese leaders on Monday") is placed by the discussions
    the next sentence says were held in a city with the same leaders."""
    doc = read_with_meetings("Secretary of State Antony Blinken met Chinese leaders on Monday. Blinken held "
                             "discussions in Beijing with President Xi Jinping and Premier Li Qiang.", MONDAY)
    [meeting] = _meetings(doc)
    assert (meeting["venue"], meeting["start"], sorted(meeting["parties"])) == ("Beijing", "2019-06-24",
                                                                                ["CHN", "USA"])


@pytest.mark.parametrize("text", [
    "Lawmakers held discussions on Monday about the budget with the mayor.",
    "Senators had a conversation about the spending bill on Monday.",
    "The company held discussions with investors on Monday in London.",
])
def test_process_presence_discussions_without_parties_are_no_meeting(read_with_meetings, text):
    """Discussions are a meeting only where parties of a political track hold them."""
    assert _meetings(read_with_meetings(text, MONDAY)) == []


def test_process_presence_family_name_first_keeps_the_country_of_the_title(read_with_meetings):
    """ "Chinese Vice Premier Liu He ... Liu said": the given name "He" is no pronoun, and the bare
    family name later is the same Chinese official, not a namesake of another country."""
    doc = read_with_meetings("President Trump and Chinese Vice Premier Liu He signed a trade deal at the White "
                             "House on Wednesday. Liu said the two sides would work closely.", date(2020, 1, 16))
    liu = [m for m in doc.mentions if m["text"].endswith(("Liu He", "Liu"))]
    assert [m["country"] for m in liu] == ["CHN", "CHN"]
    assert len({m["actor_id"] for m in liu}) == 1
    [meeting] = _meetings(doc)
    assert sorted(meeting["parties"]) == ["CHN", "USA"]
    assert (meeting["venue"], meeting["start"]) == ("Washington", "2020-01-15")


@pytest.mark.parametrize("text, country", [
    ("Chinese Vice Premier Liu said on Wednesday that the talks went well.", None),
    ("Taiwanese minister Liu said on Wednesday that the talks went well.", "TWN"),
])
def test_process_presence_title_country_bounds_a_surname(read_with_meetings, text, country):
    """A title that names a country admits only a namesake who served that country: the knowledge
    base's Taiwanese Liu is no "Chinese Vice Premier Liu" (left unresolved), but is the "Taiwanese
    minister Liu"."""
    doc = read_with_meetings(text, date(2020, 1, 16))
    assert [m["country"] for m in doc.mentions if m["text"].endswith("Liu")] == ([country] if country else [])


def test_process_presence_arrival_in_the_capital_of_a_city(read_with_meetings):
    """ "arrived in the Saudi capital of Riyadh": the visit goes to the city named after "of"."""
    doc = read_with_meetings("President Trump arrived in the Saudi capital of Riyadh on Saturday.", MONDAY)
    [meeting] = _meetings(doc)
    assert (meeting["venue"], meeting["start"], sorted(meeting["parties"])) == ("Riyadh", "2019-06-22",
                                                                                ["SAU", "USA"])


@pytest.mark.parametrize("text", [
    "Senate Majority Leader Mitch McConnell criticised the trade deal with China on Wednesday.",
    "Senate Minority Leader Chuck Schumer criticised the trade deal with China on Wednesday.",
])
def test_process_presence_an_organ_before_a_title_gives_its_country(read_with_meetings, text):
    """ "Senate Majority Leader X": an office of the organ named before the title, not of the one
    country the sentence names (China, the topic)."""
    doc = read_with_meetings(text, date(2020, 1, 16))
    [leader] = [m for m in doc.mentions if m["type"] == "person"]
    assert leader["country"] == "USA"


def test_process_presence_an_arrival_in_a_city_places_the_meeting_of_its_day(read_with_meetings):
    """ "upon his arrival in the Red Sea city of Jeddah": a minister's arrival abroad is a visit; the
    meeting the report tells on the same day with the same country is held there."""
    doc = read_with_meetings("Secretary of State Mike Pompeo met with Saudi Arabia's leaders on Monday. Pompeo was "
                             "welcomed by the Saudi foreign minister upon his arrival in the Red Sea city of Jeddah "
                             "on Monday.", MONDAY)
    [meeting] = _meetings(doc)
    assert (meeting["venue"], meeting["start"], sorted(meeting["parties"])) == ("Jeddah", "2019-06-24",
                                                                                ["SAU", "USA"])


def test_process_presence_an_arrival_of_no_official_is_no_visit(read_with_meetings):
    """The arrival of people who speak for no government abroad is no visit."""
    doc = read_with_meetings("The arrival of thousands of tourists in Rome on Monday worried the city.", MONDAY)
    assert _meetings(doc) == []
