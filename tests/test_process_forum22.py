"""Named forums of many states and councils' votes as meetings (session 22, procforum22, issue 20).
Sentences written for these tests; see also the ``forum`` and ``council-vote`` classes of
``tests/process_battery20_reports.py``."""

from __future__ import annotations

from datetime import date

import pytest


def _told(read, text: str, published: str) -> list[tuple]:
    return sorted((m.get("venue"), m.get("start"), m.get("end"), tuple(sorted(m.get("parties") or [])),
                   m.get("format"))
                  for m in read(" ".join(text.split()), date.fromisoformat(published)).meetings
                  if m.get("kind") != "process")


@pytest.mark.parametrize("text,published,expected", [
    # one who speaks at a named forum takes part in it, and the forum is the other side: one leader is enough
    ("""Italian Prime Minister Giuseppe Conte spoke at the World Economic Forum in Davos on Wednesday, urging
        Europe to invest in its infrastructure.""",
     "2019-01-23", [("Davos", "2019-01-23", "2019-01-23", ("ITA",), "WEF")]),
    # "said at" a summit's kind of gathering: the speaker takes part (before, only with a party told)
    ("""Kenyan President Uhuru Kenyatta said at the Belt and Road Forum in Beijing on Friday that Kenya
        would sign a loan agreement for a new railway.""",
     "2019-04-26", [("Beijing", "2019-04-26", "2019-04-26", ("KEN",), "BRF")]),
    # a forum of many states held at home: the host's leader alone still meets the forum
    ("""Russian President Vladimir Putin told the St Petersburg International Economic Forum on Friday that
        sanctions had failed.""",
     "2019-06-07", [("Saint Petersburg", "2019-06-07", "2019-06-07", ("RUS",), "SPIEF")]),
    # "addressed" and "told" a named conference: the speaker is at it, on the day of the verb
    ("""Mongolian President Khaltmaagiin Battulga addressed the Eastern Economic Forum in Vladivostok on
        Thursday, calling for a railway across his country.""",
     "2019-09-05", [("Vladivostok", "2019-09-05", "2019-09-05", ("MNG",), "EEF")]),
    # a week of the World Economic Forum's annual meeting is its days, from the calendar
    ("""Pakistani Prime Minister Imran Khan met investors at the World Economic Forum in Davos last week.""",
     "2020-01-27", [("Davos", "2020-01-21", "2020-01-24", ("PAK",), "WEF")]),
])
def test_process_named_forums(read_with_meetings, text, published, expected):
    assert _told(read_with_meetings, text, published) == expected


# (every sentence below is one the nlp stage parses: an unparsed sentence tells the meeting stage nothing)
@pytest.mark.parametrize("text,published", [
    # a domestic gathering, a company's forum, a party's conference, a forum called for: no meeting of states
    ("""Senator Bernie Sanders told a forum on health care in New Hampshire on Sunday that he would end
        private insurance.""", "2019-06-02"),
    ("""Huawei's chairman said at the company's analyst forum in Shenzhen on Tuesday that it would sign new
        deals with carriers.""", "2019-04-16"),
    ("""Former Vice President Joe Biden told the Conservative Political Action Conference on Friday that he
        would not run.""", "2018-02-23"),
    ("""Chinese Premier Li Keqiang said at a news conference in Beijing on Friday that growth would slow.""",
     "2019-03-15"),
])
def test_process_not_forums_of_states(read_with_meetings, text, published):
    assert _told(read_with_meetings, text, published) == []


@pytest.mark.parametrize("text,published,expected", [
    # a council's vote on a day: its meeting at its seat
    ("""The UN Security Council voted on Thursday to extend its peacekeeping mission in Mali for another
        year.""",
     "2019-06-28", [("New York City", "2019-06-27", "2019-06-27", ("UNSC",), "UNSC")]),
    # a resolution adopted on a day, its council named
    ("""The UN General Assembly adopted a resolution on Tuesday calling for an end to the embargo on Cuba.""",
     "2019-11-08", [("New York City", "2019-11-05", "2019-11-05", ("UNGA",), "UNGA")]),
    # a vote that does not name its council is the document's council's, when dated; the second sentence
    # tells the same vote, so one meeting
    ("""Israel condemned the Security Council resolution on its settlements. Washington abstained in
        Friday's vote and did not block the resolution.""",
     "2016-12-27", [("New York City", "2016-12-23", "2016-12-23", ("UNSC",), "UNSC")]),
    # many resolutions adopted are many votes, none of them told: only the one vote of its day
    ("""The Security Council adopted a resolution on Friday condemning the attacks. Diplomats noted that 14
        resolutions on the war had been adopted during the General Assembly in September.""",
     "2019-10-05", [("New York City", "2019-10-04", "2019-10-04", ("UNSC",), "UNSC")]),
])
def test_process_council_votes(read_with_meetings, text, published, expected):
    assert _told(read_with_meetings, text, published) == expected


@pytest.mark.parametrize("text,published", [
    # a parliament's vote is no meeting of states; nor a resolution another body passes
    ("""The French parliament voted on Tuesday to ratify the trade deal with Canada.""", "2019-07-24"),
    ("""The House of Representatives passed a resolution on Thursday condemning the violence.""", "2019-10-17"),
    # a council's vote of no day is background; a vote that is not held is none
    ("""The Security Council has voted many times to renew the sanctions on Libya.""", "2019-02-01"),
    ("""The Security Council did not vote on the draft resolution on Monday, as Russia threatened a veto.""",
     "2019-02-05"),
    # a dated vote in a report that names a council only in passing is the parliament's
    ("""Italy's senate rejected the budget on Wednesday. Wednesday's vote was a blow to the government, which
        had threatened to resign. Italy sat on the UN Security Council in 2017.""", "2019-12-19"),
])
def test_process_not_council_votes(read_with_meetings, text, published):
    assert _told(read_with_meetings, text, published) == []
