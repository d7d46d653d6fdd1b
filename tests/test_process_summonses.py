"""Summonses of foreign envoys as meetings of two states (issue 20, session 20: meetings not found):
"the foreign ministry summoned the US ambassador", "the envoy was called in", "the ambassador in
Rome was summoned to the foreign ministry". Sentences written for these tests; the real spaCy model
and the shipped knowledge base.
"""

from __future__ import annotations

from datetime import date

import pytest

from parley.process.summonses import capital_of

THURSDAY = date(2021, 3, 18)


def _meetings(doc) -> list[tuple]:
    """(kind, sorted parties, venue, start, end) of each meeting read from a document."""
    return [(m["kind"], sorted(m.get("parties") or []), m.get("venue"), m.get("start"), m.get("end"))
            for m in doc.meetings if m.get("kind") != "process"]


@pytest.mark.parametrize("text, parties, venue, day", [
    ("The Italian Foreign Ministry summoned the Russian ambassador on Tuesday over the expulsion of two "
     "journalists.", ["ITA", "RUS"], "Rome", "2021-03-16"),
    ("Spain summoned the Moroccan ambassador on Wednesday to protest against the border crossings.",
     ["ESP", "MAR"], "Madrid", "2021-03-17"),
    ("Poland's government summoned the Belarusian envoy on Monday after the arrest of a journalist.",
     ["BLR", "POL"], "Warsaw", "2021-03-15"),
    ("The German Foreign Ministry called in the Chinese ambassador on Tuesday to protest against the sanctions.",
     ["CHN", "DEU"], "Berlin", "2021-03-16"),
])
def test_process_summonses_a_government_that_summons_an_envoy_meets_his_state(read_with_meetings, text, parties,
                                                                                 venue, day):
    """The envoy stands for the state that sent him; the meeting is held in the summoning state's
    capital, on the summons's day."""
    assert _meetings(read_with_meetings(text, THURSDAY)) == [("summons", parties, venue, day, day)]


def test_process_summonses_the_passive_names_the_city_of_the_post(read_with_meetings):
    """ "The ambassador in Vienna was summoned": the state is the one he is posted to, the city his post."""
    text = "The Turkish ambassador in Vienna was summoned to the foreign ministry on Tuesday over the remarks."
    assert _meetings(read_with_meetings(text, THURSDAY)) == [("summons", ["AUT", "TUR"], "Vienna", "2021-03-16",
                                                              "2021-03-16")]


def test_process_summonses_in_two_capitals_are_two_meetings(read_with_meetings):
    """Envoys summoned "in Rome and Madrid" the same day meet two states: two meetings."""
    text = "Chinese ambassadors were summoned in Rome and Madrid on Monday over the sanctions."
    found = _meetings(read_with_meetings(text, THURSDAY))
    assert sorted(found) == [("summons", ["CHN", "ESP"], "Madrid", "2021-03-15", "2021-03-15"),
                             ("summons", ["CHN", "ITA"], "Rome", "2021-03-15", "2021-03-15")]


def test_process_summonses_told_by_the_minister_who_summoned(read_with_meetings):
    """ "I have summoned the ambassador," the minister said: the speaker's state summons."""
    text = ('"I have summoned the Iranian ambassador this morning," Belgian Foreign Minister Sophie Wilmes told '
            'reporters on Wednesday.')
    found = _meetings(read_with_meetings(text, THURSDAY))
    assert [(kind, parties, venue) for kind, parties, venue, *_ in found] == [("summons", ["BEL", "IRN"],
                                                                                 "Brussels")]


@pytest.mark.parametrize("text", [
    "Saudi Arabia summoned its ambassador to Germany home for consultations on Tuesday.",  # its own envoy
    "The Italian Foreign Ministry did not summon the Russian ambassador on Tuesday.",
    "Spain summoned its cabinet on Wednesday to discuss the border crossings.",  # no envoy
    "The Spanish Foreign Ministry called the Moroccan ambassador on Wednesday.",  # a call, not "called in"
])
def test_process_summonses_that_tell_no_meeting(read_with_meetings, text):
    assert [m for m in _meetings(read_with_meetings(text, THURSDAY)) if m[0] == "summons"] == []


def test_process_summonses_capital_by_date():
    """The capital of the summoning state on the day of the report (Bonn before unification)."""
    assert capital_of("DEU", date(2021, 3, 18)) == "Berlin"
    assert capital_of("FRA", None) == "Paris"


# Residences and retreats the place index lacks (``residences`` in parley/data/processes.yaml)

SUNDAY = date(2019, 4, 28)


@pytest.mark.parametrize("text, parties, venue", [
    ("U.S. President Donald Trump hosted Japanese Prime Minister Shinzo Abe at Mar-a-Lago on Saturday.",
     ["JPN", "USA"], "Palm Beach"),
    ("British Prime Minister Boris Johnson hosted German Chancellor Angela Merkel at Chequers on Saturday.",
     ["DEU", "GBR"], "Chequers"),
])
def test_process_residences_place_a_meeting_at_a_retreat(read_with_meetings, text, parties, venue):
    """A meeting at a leader's residence or retreat is held at its town, or at the retreat itself."""
    found = _meetings(read_with_meetings(text, SUNDAY))
    assert [(parties_, venue_) for _, parties_, venue_, *_ in found] == [(parties, venue)]


def test_process_residences_taken_up_by_a_site_noun(read_with_meetings):
    """ "At his Florida resort" after the report named Mar-a-Lago: the resort is Mar-a-Lago."""
    text = ("The president spends most winter weekends at Mar-a-Lago. On Saturday, Brazilian President Jair "
            "Bolsonaro met U.S. President Donald Trump at his Florida resort.")
    found = _meetings(read_with_meetings(text, SUNDAY))
    assert [(parties, venue) for _, parties, venue, *_ in found] == [(["BRA", "USA"], "Palm Beach")]


def test_process_residences_a_site_noun_of_another_country_is_not_taken_up(read_with_meetings):
    """No actor of the residence's country at the meeting: "his estate" is someone else's."""
    text = ("The president spends most winter weekends at Mar-a-Lago. Brazilian President Jair Bolsonaro returned "
            "to Brasilia on Sunday. On Saturday, he met Italian Prime Minister Giuseppe Conte at his Tuscan estate.")
    assert all(venue != "Palm Beach" for _, _, venue, *_ in _meetings(read_with_meetings(text, SUNDAY)))


def test_process_residences_are_checked_when_the_lexicon_loads(tmp_path):
    from parley.knowledge import KnowledgeError, read_yaml
    from parley.process.lexicon import DEFAULT_LEXICON_PATH, compile_lexicon

    data = read_yaml(DEFAULT_LEXICON_PATH).data
    bad = {**data, "residences": [*data["residences"], {"name": "Somewhere", "city": "Palm Beach", "country": "US"}]}
    with pytest.raises(KnowledgeError):
        compile_lexicon(bad, tmp_path / "processes.yaml")
