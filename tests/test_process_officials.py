"""Who meets for a state: a person holding an office of it, of any sector whose persons hold offices
(``officials: true`` in ``sectors.yaml``: a defence or interior minister, a chief of staff, a general),
visiting a foreign capital or appearing jointly abroad takes part in an interstate meeting; a soldier
or a unit in the field does not. Sentences written for these tests, read by the whole pipeline
(``read_with_meetings``).
"""

from __future__ import annotations

from datetime import date

import pytest

from parley.process.participants import acts_for_state
from tests.conftest import meetings_told

PUBLISHED = date(2016, 5, 14)  # a Saturday


@pytest.mark.parametrize("text, found", [
    # a defence minister (sector MIL) visiting a foreign capital
    ("US Defense Secretary Jim Mattis visited Tokyo on Friday.", [(["JPN", "USA"], "Tokyo", "2016-05-13")]),
    # a chief of the general staff, a serving commander
    ("The Turkish chief of the general staff, General Hulusi Akar, visited Moscow on Friday.",
     [(["RUS", "TUR"], "Moscow", "2016-05-13")]),
    # an interior minister (sector COP): a minister of any portfolio
    ("Italian Interior Minister Marco Minniti arrived in Tripoli on Friday for talks on migration.",
     [(["ITA", "LBY"], "Tripoli", "2016-05-13")]),
])
def test_process_a_minister_or_commander_of_any_sector_visiting_abroad_meets_the_host(read_with_meetings, text, found):
    """A minister of any portfolio, or a commander, visiting a foreign capital meets its government."""
    assert meetings_told(read_with_meetings(text, PUBLISHED)) == found


def test_process_a_defence_minister_at_a_joint_news_conference_abroad_meets_the_host(read_with_meetings):
    """A defence minister at a joint news conference in a foreign capital appears with its government."""
    text = ("Japanese Defence Minister Tomomi Inada told a joint news conference in Paris that the two navies "
            "would train together.")
    assert meetings_told(read_with_meetings(text, PUBLISHED)) == [(["FRA", "JPN"], "Paris", "2016-05-14")]


@pytest.mark.parametrize("text, found", [
    # the parser takes neither name for a person: the title alone stands for its holder
    ("Polish Defence Minister Jan Nowicki visited Vilnius on Friday.", [(["LTU", "POL"], "Vilnius", "2016-05-13")]),
    ("Japanese Foreign Minister Tomomi Inada visited Paris on Friday.", [(["FRA", "JPN"], "Paris", "2016-05-13")]),
    # a government or an army named by its sector word holds no office of a person
    ("The Japanese government sent aid to Paris on Friday.", []),
])
def test_process_a_title_whose_holder_was_not_read_still_names_the_visitor(read_with_meetings, text, found):
    """ "Polish Defence Minister X visited Vilnius", the name X not read as a person's: the actors stage
    types the title as the state or its organ, but its role says a person holds it, who visits."""
    assert meetings_told(read_with_meetings(text, PUBLISHED)) == found


@pytest.mark.parametrize("text", [
    "A Canadian soldier arrived in Kabul on Friday.",
    "Canadian troops arrived in Latvia on Friday.",
    "A Canadian army unit arrived in Latvia on Friday.",
    # an officer or investigator is a rank or a post in the field, not an office of the state
    "A Dutch police officer arrived in Nairobi on Friday.",
    "A Belgian investigator arrived in Tunis on Tuesday.",
    "A Danish army officer arrived in Mali on Tuesday.",
])
def test_process_soldiers_and_units_in_the_field_are_no_party_to_a_meeting(read_with_meetings, text):
    """A soldier or a unit arriving abroad is deployed there; it holds no talks for its state."""
    assert meetings_told(read_with_meetings(text, PUBLISHED)) == []


@pytest.mark.parametrize("mention, acts", [
    ({"type": "person", "country": "USA", "sector": "MIL", "role": "defence minister"}, True),
    ({"type": "person", "country": "USA", "sector": "GOV", "role": "envoy"}, True),
    ({"type": "person", "country": "USA", "sector": "SPY", "role": "intelligence chief"}, True),
    ({"type": "person", "country": "CAN", "sector": "MIL", "role": "soldier"}, False),
    ({"type": "collective", "country": "CAN", "sector": "MIL", "role": None}, False),
    ({"type": "person", "country": "USA", "sector": "LEG", "role": "senator"}, False),
    ({"type": "person", "country": None, "sector": "GOV", "role": "minister"}, False),
    ({"type": "organ", "country": "POL", "sector": "MIL", "role": "defence minister"}, True),
    ({"type": "state", "country": "POL", "sector": "GOV", "role": None}, False),
    # the one holder of a state's headship acts for it whatever his sector (procvisit21)
    ({"type": "person", "country": "VAT", "sector": "REL", "role": "pope"}, True),
    ({"type": "person", "country": "ITA", "sector": "REL", "role": "pope"}, False),
    ({"type": "person", "country": "VAT", "sector": "REL", "role": "cleric"}, False),
])
def test_acts_for_state_reads_the_office_from_the_sector_and_role(mention, acts):
    """The office is read from the record: the sector's ``officials`` flag and a role that is no rank."""
    assert acts_for_state(mention) is acts
