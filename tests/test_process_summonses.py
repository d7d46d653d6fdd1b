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
    ("Athens called in the Turkish envoy on Wednesday over the drilling.", ["GRC", "TUR"], "Athens", "2021-03-17"),
    # "chargé d'affaires": spaCy heads the phrase with "d'affaires"
    ("The Israeli foreign ministry summoned Poland's chargé d'affaires on Tuesday over the law.",
     ["ISR", "POL"], "Jerusalem", "2021-03-16"),
    # the active voice with the ministry and its city: "to the foreign ministry in Warsaw"
    ("The minister summoned the Russian ambassador to the foreign ministry in Warsaw on Monday.",
     ["POL", "RUS"], "Warsaw", "2021-03-15"),
    # a foreign ministry outside the capital: The Hague, not Amsterdam
    ("The Netherlands summoned the Russian ambassador on Tuesday over the cyber attack.",
     ["NLD", "RUS"], "The Hague", "2021-03-16"),
    # one summons, told twice: the first day only, not a summons stretched from Monday to Thursday
    ("Sweden summoned the Chinese ambassador on Monday and again on Thursday over the detained bookseller.",
     ["CHN", "SWE"], "Stockholm", "2021-03-15"),
])
def test_process_summonses_a_government_that_summons_an_envoy_meets_his_state(read_with_meetings, text, parties,
                                                                                 venue, day):
    """The envoy stands for the state that sent him; the meeting is held in the city of the summoning
    state's foreign ministry, on the summons's day."""
    assert _meetings(read_with_meetings(text, THURSDAY)) == [("summons", parties, venue, day, day)]


def test_process_summonses_called_in_at_their_posts_are_two_meetings(read_with_meetings):
    """Envoys "in Oslo and Copenhagen" called in the same day meet two states, each in the city of
    his post."""
    text = "On Monday, the Russian ambassadors in Oslo and Copenhagen were called in over the airspace violations."
    found = _meetings(read_with_meetings(text, THURSDAY))
    assert sorted(found) == [("summons", ["DNK", "RUS"], "Copenhagen", "2021-03-15", "2021-03-15"),
                             ("summons", ["NOR", "RUS"], "Oslo", "2021-03-15", "2021-03-15")]


def test_process_summonses_told_in_reported_speech(read_with_meetings):
    """ "The minister said that she had summoned the ambassador": the speaker's state summons."""
    text = "Belgium's foreign minister said on Wednesday that she had summoned the Iranian ambassador."
    found = _meetings(read_with_meetings(text, THURSDAY))
    assert [(kind, parties, venue) for kind, parties, venue, *_ in found] == [("summons", ["BEL", "IRN"],
                                                                                 "Brussels")]


def test_process_summonses_two_in_one_sentence_take_their_own_days(read_with_meetings):
    """Each summons of a sentence takes the day told after it, not the span of both."""
    text = "Denmark summoned the Russian ambassador on Tuesday, and Russia summoned the Danish ambassador on Wednesday."
    found = _meetings(read_with_meetings(text, THURSDAY))
    assert sorted(found) == [("summons", ["DNK", "RUS"], "Copenhagen", "2021-03-16", "2021-03-16"),
                             ("summons", ["DNK", "RUS"], "Moscow", "2021-03-17", "2021-03-17")]


@pytest.mark.parametrize("text", [
    "Italy summoned the Egyptian ambassador on Tuesday. Italian Prime Minister Mario Draghi held talks with "
    "Egyptian President Abdel Fattah al-Sisi in Cairo on Tuesday.",
    "Italian Prime Minister Mario Draghi held talks with Egyptian President Abdel Fattah al-Sisi in Cairo on "
    "Tuesday. Italy summoned the Egyptian ambassador on Tuesday.",
])
def test_process_summonses_do_not_swallow_a_meeting_of_the_same_states(read_with_meetings, text):
    """A summons is its own meeting: talks of the same two states that day elsewhere stay apart, in
    either order."""
    found = _meetings(read_with_meetings(text, THURSDAY))
    assert sorted(found) == [("summons", ["EGY", "ITA"], "Rome", "2021-03-16", "2021-03-16"),
                             ("talks", ["EGY", "ITA"], "Cairo", "2021-03-16", "2021-03-16")]


@pytest.mark.parametrize("text", [
    "Saudi Arabia summoned its ambassador to Germany home for consultations on Tuesday.",  # its own envoy
    "The Italian Foreign Ministry did not summon the Russian ambassador on Tuesday.",
    "Spain summoned its cabinet on Wednesday to discuss the border crossings.",  # no envoy
    "The Spanish Foreign Ministry called the Moroccan ambassador on Wednesday.",  # a call, not "called in"
    # "in" heads a phrase of its own: a call, not "called in"
    "The Greek prime minister called the Turkish envoy on Wednesday in a gesture of goodwill.",
    # a court or prosecutors summon a witness, not a state's envoy to a meeting
    "A court in Moscow summoned the Canadian ambassador on Tuesday to testify in a fraud case.",
    "Prosecutors in Madrid summoned the Venezuelan ambassador for questioning on Tuesday.",
    "Russia summoned the former British ambassador on Tuesday.",  # a former envoy stands for no state
    # summonses not done
    "Austria refused to summon the Hungarian ambassador on Tuesday despite the protests.",
    "Austria has threatened to summon the Hungarian ambassador over the border closure.",
    # summonses told together, none dated
    "Norway has summoned the Russian ambassador several times in the past decade.",
])
def test_process_summonses_that_tell_no_meeting(read_with_meetings, text):
    assert [m for m in _meetings(read_with_meetings(text, THURSDAY)) if m[0] == "summons"] == []


def test_process_summonses_capital_by_date():
    """The capital of the summoning state on the day: a row bounded by dates wins over an open one
    (Bonn before unification), and two spellings of one city valid together give the first."""
    assert capital_of("DEU", date(2021, 3, 18)) == "Berlin"
    assert capital_of("DEU", date(1985, 1, 1)) == "Bonn"
    assert capital_of("KAZ", date(2020, 4, 16)) == "Nur-Sultan"
    assert capital_of("FRA", None) == "Paris"


def test_process_summonses_dated_by_the_capital_of_the_day(read_with_meetings):
    """Kazakhstan in 2020, when two spellings of its capital are both valid, still summons."""
    text = "Kazakhstan summoned the Chinese ambassador on Tuesday over the article."
    found = _meetings(read_with_meetings(text, date(2020, 4, 16)))
    assert found == [("summons", ["CHN", "KAZ"], "Nur-Sultan", "2020-04-14", "2020-04-14")]


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


def test_process_residences_taken_up_by_a_residence_noun(read_with_meetings):
    """ "At the retreat" after the report named Schloss Meseberg: the retreat is Meseberg."""
    text = ("Schloss Meseberg has served as the German government's guest house since 2007. On Friday, Chancellor "
            "Angela Merkel received French President Emmanuel Macron at the retreat for talks on the budget.")
    found = _meetings(read_with_meetings(text, SUNDAY))
    assert [(parties, venue) for _, parties, venue, *_ in found] == [(["DEU", "FRA"], "Meseberg")]


def test_process_residences_a_hotel_is_not_taken_for_the_residence(read_with_meetings):
    """ "At the hotel" after Mar-a-Lago was named: a hotel is no residence of the lexicon."""
    text = ("President Donald Trump, who had spent the weekend at Mar-a-Lago, arrived in Hanoi on Monday. Trump and "
            "North Korean leader Kim Jong Un met at the hotel on Wednesday evening.")
    found = _meetings(read_with_meetings(text, date(2019, 2, 28)))
    talks = [m for m in found if m[1] == ["PRK", "USA"]]
    assert talks and all(venue != "Palm Beach" for _, _, venue, *_ in talks)


def test_process_residences_of_another_country_are_not_taken_up(read_with_meetings):
    """A residence named in another country: "his Lisbon residence" is not Schloss Meseberg."""
    text = ("The chancellor often receives guests at Schloss Meseberg. On Saturday, Spanish Prime Minister Pedro "
            "Sanchez met Portuguese Prime Minister Antonio Costa at his Lisbon residence.")
    found = _meetings(read_with_meetings(text, SUNDAY))
    assert [(parties, venue) for _, parties, venue, *_ in found] == [(["ESP", "PRT"], "Lisbon")]


def test_process_residences_are_checked_when_the_lexicon_loads(tmp_path):
    from parley.knowledge import KnowledgeError, read_yaml
    from parley.process.lexicon import DEFAULT_LEXICON_PATH, compile_lexicon

    data = read_yaml(DEFAULT_LEXICON_PATH).data
    bad = {**data, "residences": [*data["residences"], {"name": "Somewhere", "city": "Palm Beach", "country": "US"}]}
    with pytest.raises(KnowledgeError):
        compile_lexicon(bad, tmp_path / "processes.yaml")
