"""Which meeting a report is about (issue 20, session 17): the news conference it quotes, a meeting it
recalls, the place of the news it reports. Sentences written for these tests."""

from datetime import date

import pytest

LEAD = ("Farmers in the north welcomed the rain on Monday. Prices of grain fell for a third week. "
        "The central bank left its rates unchanged. ")


def _appearances(doc) -> list[dict]:
    return [m for m in doc.meetings if sorted(m.get("parties") or []) == ["DEU", "JPN"]]


def test_process_joint_news_conference_after_the_lead_is_on_the_reports_day(read_with_meetings):
    """A joint news conference a report quotes without a day, however far from its lead, is the one of
    its news: on the report's day."""
    doc = read_with_meetings(LEAD + "Chancellor Angela Merkel spoke at a joint news conference with Japanese Prime Minister "
                             "Shinzo Abe, the first stop of a tour of Asia.", date(2019, 2, 4))
    [meeting] = _appearances(doc)
    assert (meeting["start"], meeting["end"]) == ("2019-02-04", "2019-02-04")


@pytest.mark.parametrize("clause,starts", [
    ("Chancellor Angela Merkel will speak at a joint news conference with Japanese Prime Minister Shinzo Abe.", []),
    ("Chancellor Angela Merkel spoke at a joint news conference with Japanese Prime Minister Shinzo Abe in March 2015.",
     ["2015-03-01"]),
])
def test_process_joint_news_conference_to_come_or_dated_is_not_the_reports_day(read_with_meetings, clause, starts):
    """One still to come, or told with a day of its own, does not take the report's day (the dated one
    keeps its own)."""
    doc = read_with_meetings(LEAD + clause, date(2019, 2, 4))
    assert [m["start"] for m in _appearances(doc)] == starts


@pytest.mark.parametrize("earlier, venue", [
    ('"Trade will grow," Merkel said during a news conference in Tokyo. ', "Tokyo"),
    ('"Trade will grow," Merkel said during a news conference in Tokyo in March 2015. ', None),
])
def test_process_news_conference_placed_elsewhere_places_the_joint_appearance(read_with_meetings, earlier, venue):
    """The news conference a report quotes is one: the city it places a press appearance in, with no
    day of its own, places the joint appearance it names elsewhere; one of another day does not."""
    doc = read_with_meetings(LEAD + earlier + "Chancellor Angela Merkel spoke at a joint news conference with "
                             "Japanese Prime Minister Shinzo Abe, the first stop of a tour of Asia.", date(2019, 2, 4))
    [meeting] = _appearances(doc)
    assert meeting["venue"] == venue


@pytest.mark.parametrize("clause, found", [
    ("Chancellor Angela Merkel said at a joint news conference in Tokyo that trade would grow.", True),
    ("Chancellor Angela Merkel said at a news conference in Tokyo that trade would grow.", False),
    ("Chancellor Angela Merkel said at a joint news conference in Berlin that trade would grow.", False),
])
def test_process_joint_news_conference_abroad_is_with_the_host(read_with_meetings, clause, found):
    """A joint appearance has two sides: one held abroad whose partner is not named is with the host.
    Not a news conference of one leader, nor a joint one at home (its partner is unknown)."""
    doc = read_with_meetings(LEAD + clause, date(2019, 2, 4))
    meetings = _appearances(doc)
    assert [(m["venue"], m["start"]) for m in meetings] == ([("Tokyo", "2019-02-04")] if found else [])


@pytest.mark.parametrize("clause, venue", [
    ("Chancellor Angela Merkel and Prime Minister Shinzo Abe held a joint news conference in Tokyo.", "Tokyo"),
    ("Speaking at a joint news conference in Tokyo with Prime Minister Shinzo Abe, Chancellor Angela Merkel said "
     "trade would grow.", "Tokyo"),
])
def test_process_joint_news_conference_of_two_subjects_or_told_by_a_participle(read_with_meetings, clause, venue):
    """Leaders of two countries joined by "and" who hold a joint news conference meet; a participle
    clause ("Speaking at ...") is told in the tense of the verb it hangs on."""
    [meeting] = _appearances(read_with_meetings(LEAD + clause, date(2019, 2, 4)))
    assert (meeting["venue"], meeting["start"]) == (venue, "2019-02-04")


def test_process_joint_news_conference_to_come_of_two_subjects_is_not_dated(read_with_meetings):
    doc = read_with_meetings(LEAD + "Chancellor Angela Merkel and Prime Minister Shinzo Abe will hold a joint news "
                             "conference in Tokyo.", date(2019, 2, 4))
    [meeting] = _appearances(doc)
    assert (meeting["start"], meeting["status"]) == (None, "planned")
