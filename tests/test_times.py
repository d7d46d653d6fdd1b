"""Temporal expressions and publication-date inference (parley/times, issue 5)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.document import Document
from parley.times import infer_published, make_times, resolve_times
from parley.times.calendar import Spec, resolve, resolve_days
from parley.times.lexicon import LexiconError, load_anchors, load_lexicon

THU = date(2023, 6, 22)      # a Thursday, the day after Kazakhstan's announcement
FRI = date(2017, 2, 17)      # a Friday, the day after the second Astana round
WED = date(2017, 2, 15)
# The seeds' inference is bounded by "today"; fix it so the windows do not move with the clock.
LATEST = date(2026, 1, 1)

# (sentence, anchor, expression, start, end, precision)
FORMS = [
    ("Kazakhstan unexpectedly announced Wednesday that it would stop.", THU, "Wednesday", "2023-06-21", "2023-06-21", "day"),
    ("The talks ended on June 21.", THU, "June 21", "2023-06-21", "2023-06-21", "day"),
    ("Delegations will attend the talks in Astana from Jan. 24-25.", date(2024, 1, 19), "Jan. 24-25", "2024-01-24", "2024-01-25", "day"),
    ("The talks were held on January 23-24.", FRI, "January 23-24", "2017-01-23", "2017-01-24", "day"),
    ("Astana hosted seven meetings from January to October 2017.", THU, "from January to October 2017", "2017-01-01", "2017-10-31", "month"),
    ("They agreed on an evacuation in mid-December.", FRI, "mid-December", "2016-12-11", "2016-12-20", "month"),
    ("Syria returned to the Arab League in May.", THU, "May", "2023-05-01", "2023-05-31", "month"),
    ("Kazakhstan has hosted the talks since 2017.", THU, "since 2017", "2017-01-01", "2023-06-22", "year"),
    ("Ties thawed after the Feb. 6 earthquakes.", date(2024, 1, 19), "Feb. 6", "2023-02-06", "2023-02-06", "day"),
    ("The truce went into effect on December 30.", FRI, "December 30", "2016-12-30", "2016-12-30", "day"),
    ("The sides last met in June 2023.", date(2024, 1, 19), "June 2023", "2023-06-01", "2023-06-30", "month"),
    ("The assistant minister spoke on Tuesday.", THU, "Tuesday", "2023-06-20", "2023-06-20", "day"),
    ("Turkey and Syria agreed on a roadmap last month.", THU, "last month", "2023-05-01", "2023-05-31", "month"),
    ("The envoy will travel to Damascus next week.", THU, "next week", "2023-06-26", "2023-07-02", "week"),
    ("More talks are scheduled for later this year.", THU, "later this year", "2023-06-23", "2023-12-31", "year"),
    ("Earlier this year the ministers met in Moscow.", THU, "Earlier this year", "2023-01-01", "2023-06-21", "year"),
    ("The commission was founded three years ago.", THU, "three years ago", "2020-01-01", "2020-12-31", "year"),
    ("On Wednesday and Thursday, Astana hosted the second round.", FRI, "Wednesday and Thursday", "2017-02-15", "2017-02-16", "day"),
    # tense decides the weekday: the same Friday is ahead or behind
    ("The meeting will open on Friday.", WED, "Friday", "2017-02-17", "2017-02-17", "day"),
    ("The meeting opened on Friday.", WED, "Friday", "2017-02-10", "2017-02-10", "day"),
    ("The summit is set to open on Friday.", WED, "Friday", "2017-02-17", "2017-02-17", "day"),
    ("Talks will resume on Feb. 23.", FRI, "Feb. 23", "2017-02-23", "2017-02-23", "day"),
    # a year-less date takes the year the tense wants: a past January in a December story
    ("Talks were held on January 10.", date(2016, 12, 20), "January 10", "2016-01-10", "2016-01-10", "day"),
    ("Talks will be held on January 10.", date(2016, 12, 20), "January 10", "2017-01-10", "2017-01-10", "day"),
    ("The next round has been postponed to Feb. 23.", date(2017, 2, 1), "Feb. 23", "2017-02-23", "2017-02-23", "day"),
    ("Officials postponed the vote until Tuesday.", date(2000, 3, 30), "Tuesday", "2000-04-04", "2000-04-04", "day"),
    ("The deadline is set for Monday, Oct. 26, officials said.", date(1998, 10, 25), "Monday, Oct. 26", "1998-10-26", "1998-10-26", "day"),
    ("He was in Paris over the weekend for the meeting.", date(2019, 6, 19), "the weekend", "2019-06-15", "2019-06-16", "week"),
    ("Since Sept. 15 the workers have been on strike.", date(2019, 10, 16), "Since Sept. 15", "2019-09-15", "2019-10-16", "day"),
    ("Video showed the Sept. 11 attacks on New York.", date(2015, 1, 14), "Sept. 11", "2001-09-11", "2001-09-11", "day"),
    ("He served time in 2005 and 2006 in Paris.", date(2015, 1, 14), "2006", "2006-01-01", "2006-12-31", "year"),
    # holidays: a fixed day, or a weekday within fixed days (the fourth Thursday of November)
    ("The boy spent Thanksgiving Day with relatives.", date(2000, 1, 7), "Thanksgiving Day", "1999-11-25", "1999-11-25", "day"),
    ("Voters go to the polls on Election Day.", date(1998, 10, 26), "Election Day", "1998-11-03", "1998-11-03", "day"),
    ("The truce held on New Year’s Eve.", date(2017, 1, 3), "New Year’s Eve", "2016-12-31", "2016-12-31", "day"),
    ("The fighting began in the 1990s.", THU, "the 1990s", "1990-01-01", "1999-12-31", "decade"),
    ("The offensive peaked in the summer of 2014.", THU, "the summer of 2014", "2014-06-01", "2014-08-31", "season"),
    ("Rebels advanced last summer.", THU, "last summer", "2022-06-01", "2022-08-31", "season"),
    ("They met last Friday in Geneva.", THU, "last Friday", "2023-06-16", "2023-06-16", "day"),
    ("They will meet next Monday in Geneva.", THU, "next Monday", "2023-06-26", "2023-06-26", "day"),
    ("Yesterday the army withdrew from the town.", THU, "Yesterday", "2023-06-21", "2023-06-21", "day"),
    ("Two weeks ago the envoy arrived in Ankara.", THU, "Two weeks ago", "2023-06-05", "2023-06-11", "week"),
    ("He served as envoy from 2011 to 2015.", THU, "from 2011 to 2015", "2011-01-01", "2015-12-31", "year"),
    ("The war ended on 21 June 2023.", THU, "21 June 2023", "2023-06-21", "2023-06-21", "day"),
    ("The talks will run from December 30, 2023 to January 2, 2024.", THU, "December 30, 2023 to January 2, 2024", "2023-12-30", "2024-01-02", "day"),
    ("The protests erupted in early 2011.", THU, "early 2011", "2011-01-01", "2011-04-30", "year"),
]


def _find(times: list[dict], expression: str) -> dict:
    hits = [t for t in times if t["text"] == expression]
    assert hits, f"{expression!r} not found in {[t['text'] for t in times]}"
    return hits[0]


@pytest.mark.parametrize("sentence,anchor,expression,start,end,precision", FORMS)
def test_times_resolves_form(spacy_nlp, sentence, anchor, expression, start, end, precision):
    found = _find(resolve_times(sentence, anchor, spacy_doc=spacy_nlp(sentence)), expression)
    assert (found["start"], found["end"], found["precision"]) == (start, end, precision)
    assert sentence[found["char_start"]:found["char_end"]] == expression


@pytest.mark.parametrize("sentence,anchor,expression,start,end,precision", FORMS)
def test_times_resolves_form_without_parse(sentence, anchor, expression, start, end, precision):
    """Cue words stand in for the parse on sentences the nlp stage left unparsed."""
    found = _find(resolve_times(sentence, anchor), expression)
    assert (found["start"], found["end"]) == (start, end)


@pytest.mark.parametrize("prefix,anchor,expression,start,end", [
    ("000", THU, "Wednesday", "2023-06-21", "2023-06-21"),
    ("000", THU, "Last month", "2023-05-01", "2023-05-31"),
    ("001", date(2024, 1, 19), "Jan. 24-25", "2024-01-24", "2024-01-25"),
    ("001", date(2024, 1, 19), "next week", "2024-01-22", "2024-01-28"),
    ("001", date(2024, 1, 19), "Friday", "2024-01-19", "2024-01-19"),
    ("002", THU, "June 21", "2023-06-21", "2023-06-21"),
    ("003", FRI, "Wednesday and Thursday", "2017-02-15", "2017-02-16"),
    ("003", FRI, "January 23-24", "2017-01-23", "2017-01-24"),
    ("003", FRI, "Feb. 23", "2017-02-23", "2017-02-23"),
    ("003", FRI, "mid-December", "2016-12-11", "2016-12-20"),
    ("004", THU, "June 20", "2023-06-20", "2023-06-20"),
])
def test_times_resolves_seed_expression(spacy_nlp, seed_texts, prefix, anchor, expression, start, end):
    text = seed_texts[prefix]
    found = _find(resolve_times(text, anchor, spacy_doc=spacy_nlp(text)), expression)
    assert (found["start"], found["end"]) == (start, end)


# The window each seed's text supports (with LATEST as the last possible day), and the true date.
SEED_WINDOWS = [
    # 000: "12-year-old Syrian war" with "the war began in 2011" puts it in 2023 (newsrooms count
    # calendar years); "Last month" coincides with the year-less "in May" (both about Syria's
    # return to the Arab League) only in June. "Wednesday" then cannot be placed closer.
    # True: 2023-06-21/22.
    ("000", date(2023, 6, 1), date(2023, 6, 30), date(2023, 6, 22)),
    # 001: "last assembled in June 2023" is past; the talks "next week" fall on the future "Jan.
    # 24-25" only if written in a week of January 15-21: in 2024, or in 2025 (the text does not
    # say the June 2023 round was the one just before). The window spans both runs; the point
    # takes 2024, within a year of the dated past it recalls. True: 2024-01-19.
    ("001", date(2024, 1, 15), date(2025, 1, 19), date(2024, 1, 19)),
    # 002: past "On June 21" with no year; Syria's membership in the Arab League "has been
    # resumed" (fact: 2023-05-07) puts it in 2023 or later; no upper bound in the text but
    # "June 21" lying within half a year, so every year to LATEST stays open. True: 2023-06-2x.
    ("002", date(2023, 6, 21), date(2025, 12, 21), date(2023, 6, 23)),
    # 003: "six-year-old militancy" against the Syrian war's start (2011) gives 2017; the past
    # "January 23-24" talks are over and the meeting "postponed to Feb. 23" still ahead.
    # True: Friday 2017-02-17.
    ("003", date(2017, 1, 23), date(2017, 2, 23), date(2017, 2, 17)),
    # 004: as 002, with the past "concluded on June 21" and "on June 20". True: 2023-06-21/22.
    ("004", date(2023, 6, 21), date(2025, 12, 20), date(2023, 6, 22)),
]


@pytest.mark.parametrize("prefix,low,high,true", SEED_WINDOWS)
def test_times_infers_seed_window(spacy_nlp, seed_texts, prefix, low, high, true):
    text = seed_texts[prefix]
    inference = infer_published(text, spacy_doc=spacy_nlp(text), latest=LATEST)
    assert inference.window == (low, high)
    assert low <= true <= high
    assert low <= inference.point <= high


@pytest.mark.parametrize("prefix,runs", [
    ("001", [(date(2024, 1, 15), date(2024, 1, 21)), (date(2025, 1, 13), date(2025, 1, 19))]),
    ("003", [(date(2017, 1, 23), date(2017, 2, 23))]),
])
def test_times_infers_seed_runs(spacy_nlp, seed_texts, prefix, runs):
    text = seed_texts[prefix]
    assert infer_published(text, spacy_doc=spacy_nlp(text), latest=LATEST).windows == runs


@pytest.mark.parametrize("prefix,point", [("001", date(2024, 1, 19)), ("004", date(2023, 6, 21))])
def test_times_infers_seed_point(spacy_nlp, seed_texts, prefix, point):
    """The point estimate is the first best day just after the past weekdays mentioned."""
    text = seed_texts[prefix]
    assert infer_published(text, spacy_doc=spacy_nlp(text), latest=LATEST).point == point


def test_times_component_infers_missing_date(spacy_nlp, seed_texts):
    text = seed_texts["001"]
    doc = Document.from_text(text)
    doc.spacy_doc = spacy_nlp(text)
    doc = make_times(latest=LATEST.isoformat())(doc)
    assert doc.published_inferred and doc.published == date(2024, 1, 19)
    assert doc.published_window == (date(2024, 1, 15), date(2025, 1, 19))
    assert doc.meta["published_windows"][0] == ("2024-01-15", "2024-01-21")
    assert _find(doc.times, "next week")["start"] == "2024-01-22"


@pytest.mark.parametrize("published", [date(2024, 1, 12), date(2024, 2, 2)])
def test_times_component_keeps_manifest_date(seed_texts, published):
    doc = make_times(latest=LATEST)(Document.from_text(seed_texts["001"], published=published))
    assert doc.published == published and not doc.published_inferred
    assert doc.published_window is None


@pytest.mark.parametrize("text", ["The talks resumed on Friday.", "No dates at all here."])
def test_times_no_year_no_inference(text):
    assert infer_published(text, latest=LATEST) is None


@pytest.mark.parametrize("text", ["Resolution 2642 passed.", "More than 2000 people fled.",
                                  "It may rain.", "Forces march on the city."])
def test_times_ignores_non_dates(text):
    assert resolve_times(text, THU) == []


def test_times_unanchored_keeps_only_absolutes():
    times = resolve_times("Talks held in June 2023 resume on Friday.", None)
    assert [t["text"] for t in times] == ["June 2023"]


@given(anchor=st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
       index=st.integers(min_value=0, max_value=len(FORMS) - 1))
@settings(max_examples=150, deadline=None)
def test_times_intervals_are_ordered(anchor, index):
    for t in resolve_times(FORMS[index][0], anchor):
        assert t["start"] <= t["end"]


def test_times_lexicon_and_anchors_validate(tmp_path):
    assert load_lexicon().months["sept"] == 9
    assert {a.id for a in load_anchors()} >= {"syrian_war"}
    bad = tmp_path / "times.yaml"
    bad.write_text("months: {}\n", encoding="utf-8")
    with pytest.raises(LexiconError):
        load_lexicon(bad)


_TOKENS = ["Jan.", "February", "May", "30", "31", "29", "2023", "1999", "-", "to", "and", "since",
           "last", "next", "this", "week", "Friday", "Monday", ",", "the", "1990s", "mid-", "early",
           "summer", "ago", "three", "days", "on", "in", "2023-02-30", "Sept.", "11", "attacks"]


@given(words=st.lists(st.sampled_from(_TOKENS), max_size=14),
       anchor=st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
@settings(max_examples=120, deadline=None)
def test_times_never_fail_on_odd_text(words, anchor):
    text = " ".join(words)
    for t in resolve_times(text, anchor):
        assert t["start"] <= t["end"]
        assert text[t["char_start"]:t["char_end"]] == t["text"]
    infer_published(text, latest=LATEST)


@pytest.mark.issue(10)
def test_times_tense_walk_is_bounded_on_looping_parses(bench_news_path):
    """Benchmark article 4oPf86fpFe6AGutN made the tense walk recurse past Python's limit."""
    import gzip
    import json

    from parley.document import Document
    from parley.pipeline import Pipeline

    with gzip.open(bench_news_path, "rt", encoding="utf-8") as handle:
        record = next(r for r in map(json.loads, handle) if r["id"] == "4oPf86fpFe6AGutN")
    doc = Document.from_text(record["text"], published=date.fromisoformat(record["date"][:10]))
    doc = Pipeline.build(["parley_nlp", "parley_times"])(doc)
    assert doc.times and all(t["start"] <= t["end"] for t in doc.times)


# Specs whose resolution turns on every test resolve makes of the anchor: year-less dates and
# ranges across New Year and February 29, with and without tense, weekday or "since".
_DAY_SPECS = [
    Spec("yearless", "day", m1=6, d1=21, m2=6, d2=21),
    Spec("yearless", "day", "range", m1=12, d1=20, m2=1, d2=10),
    Spec("yearless", "day", m1=2, d1=29, m2=2, d2=29, since=True),
    Spec("yearless", "month", "range", m1=11, m2=2),
    Spec("yearless", "month", m1=5, m2=5, n=-1),
    Spec("yearless", "season", m1=6, m2=8, n=1),
    Spec("yearless", "season", m1=12, m2=2, n=0),
    Spec("yearless", "day", m1=11, d1=22, m2=11, d2=28, weekdays=(3,)),
    Spec("yearless", "day", m1=10, d1=26, m2=10, d2=26, weekdays=(0,)),
    Spec("weekday", "day", weekdays=(4,)),
    Spec("weekday", "day", "range", weekdays=(2, 3), n=-1),
    Spec("weekday", "week", "range", weekdays=(5, 6), n=0),
    Spec("relative", "week", unit="week", n=-1),
    Spec("relative", "week", unit="weekend", n=0),
    Spec("relative", "month", unit="month", n=1),
    Spec("relative", "year", unit="year", n=0, edge="later"),
    Spec("ago", "month", unit="month", n=3),
    Spec("ago", "year", unit="decade", n=2),
]


@pytest.mark.parametrize("spec", _DAY_SPECS, ids=lambda s: f"{s.form}-{s.m1}-{s.unit}-{s.n}-{s.since}")
@pytest.mark.parametrize("tense", [None, "past", "future", "present"])
def test_times_resolve_days_is_resolve_day_by_day(spec, tense):
    first, last = date(2019, 10, 3), date(2021, 3, 20)
    starts, ends = resolve_days(spec, first, last, tense)
    expected = [resolve(spec, date.fromordinal(d), tense)
                for d in range(first.toordinal(), last.toordinal() + 1)]
    assert [(a.toordinal(), b.toordinal()) for a, b in expected] == list(zip(starts, ends))


def test_times_every_match_holds_its_needle(seed_texts):
    """A zone is searched with a pattern only when it holds the pattern's needle."""
    text = "\n".join([*seed_texts.values(), *(form[0] for form in FORMS)])
    matched = set()
    for name, pattern, needle in load_lexicon().patterns:
        for m in pattern.finditer(text):
            assert needle.search(m.group(0)), (name, m.group(0))
            matched.add(name)
    assert len(matched) > 15


# Two dated months or days joined by "and"/"to" whose second comes first are two dates, never a
# backwards interval (issue 22: a 37k-article corpus stored eight such intervals).
@pytest.mark.parametrize("text, expected", [
    ("The ceasefire collapsed in October 2013 and August 2011 alike.",
     [("October 2013", "2013-10-01", "2013-10-31"), ("August 2011", "2011-08-01", "2011-08-31")]),
    ("Envoys shuttled between October 2013 and August 2011 without a deal.",
     [("October 2013", "2013-10-01", "2013-10-31"), ("August 2011", "2011-08-01", "2011-08-31")]),
    ("From May 2019 to March 2018 the mediators kept quiet.",
     [("May 2019", "2019-05-01", "2019-05-31"), ("March 2018", "2018-03-01", "2018-03-31")]),
    ("The accords of 14 March 2017 and 2 February 2016 still hold.",
     [("14 March 2017", "2017-03-14", "2017-03-14"), ("2 February 2016", "2016-02-02", "2016-02-02")]),
])
def test_times_reversed_pair_is_two_dates(text, expected):
    times = resolve_times(text, THU)
    assert [(t["text"], t["start"], t["end"]) for t in times] == expected


def test_times_forward_month_range_is_still_one_interval():
    times = resolve_times("Talks ran from August 2011 to October 2013 in fits.", THU)
    assert [(t["start"], t["end"], t["kind"]) for t in times] == [("2011-08-01", "2013-10-31", "range")]


# A present-tense clause opened by "when"/"if"/"once" on a verb in the future speaks of that
# future: its weekday is ahead, not the one just gone (session 16).
@pytest.mark.parametrize("sentence, expression, start, tense", [
    ("The minister will open the new bridge when she arrives in the capital on Monday.", "Monday", "2024-03-11", "future"),
    ("The two sides will find out if they can settle their differences on Friday.", "Friday", "2024-03-08", "future"),
    ("The president will sign the bill once the senate passes it on Thursday.", "Thursday", "2024-03-07", "future"),
    ("The minister opened the new bridge when she arrived in the capital on Monday.", "Monday", "2024-03-04", "past"),
])
def test_times_clause_under_future_verb_is_ahead(spacy_nlp, sentence, expression, start, tense):
    found = _find(resolve_times(sentence, date(2024, 3, 6), spacy_doc=spacy_nlp(sentence)), expression)
    assert (found["start"], found["tense"]) == (start, tense)


# A full date that closes its line (an embedded post's time, a date alone on a line) stamps the
# days a report is written in: an undated report is placed from the day before its latest stamp
# (time zones) to two weeks after it, not decades before it (session 16).
@pytest.mark.parametrize("text, stamp", [
    ("The mayor will open the new harbour when the ferry arrives on Monday.\n\n"
     "A local paper posted a picture of the quay. — City Herald (@cityherald) March 4, 2021\n\n"
     "Work on the quay began in 2019.", date(2021, 3, 4)),
    ("The ministers shook hands after their talks in the old town hall.\n\nOctober 12, 2022\n\n"
     "The talks had stalled since 2020.", date(2022, 10, 12)),
])
def test_times_stamped_report_is_written_after_its_stamp(spacy_nlp, text, stamp):
    inference = infer_published(text, spacy_doc=spacy_nlp(text), latest=date(2026, 1, 1))
    low, high = inference.window
    # the day before the stamp unless the text tells the stamp's day as past ("posted" it)
    assert stamp - timedelta(days=1) <= low <= stamp and high == stamp + timedelta(days=14)
    assert inference.point == stamp


@pytest.mark.parametrize("text", [
    "On September 11, 2001, the towers fell. The commission reported in 2004.",
    # a caption's date with its credit: file photos are of any day
    "The old town hall, where the ministers met on October 12, 2001 (Jan Novak/Agency)\n\nA commission reported in 2004.",
])
def test_times_full_date_inside_a_sentence_or_caption_is_no_stamp(spacy_nlp, text):
    inference = infer_published(text, spacy_doc=spacy_nlp(text), latest=date(2026, 1, 1))
    assert inference.window == (date(2004, 1, 1), date(2026, 1, 1))


def test_times_weekday_before_a_capitalised_day_part_is_a_name():
    text = "A comedian played him on Saturday Night Live, and he answered on Saturday night."
    found = resolve_times(text, date(2019, 5, 6))
    assert [(t["text"], t["start"]) for t in found] == [("Saturday night", "2019-05-04")]


def test_times_a_title_case_headline_keeps_its_weekday():
    """ "Saturday Night" before a function word is a time in a title-case headline, not a show's name
    ("Saturday Night Live")."""
    text = "Vigil Planned Saturday Night In Lyon"
    found = resolve_times(text, date(2019, 5, 6))
    assert [(t["text"][:8], t["start"]) for t in found] == [("Saturday", "2019-05-04")]
