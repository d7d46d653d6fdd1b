"""What a third-person pronoun stands for in the meeting stage, and the day a clause opened by
"meanwhile" takes (session 22, fixproc22: the review fixes of prochost22, issue 20). Sentences written
for these tests; see also the ``pronoun-chain``, ``pronoun-subject``, ``they-one-state`` and
``same-time-day`` classes of ``tests/process_battery20_reports.py``."""

from __future__ import annotations

from datetime import date

import pytest

from parley.clauses import main_subject, subject_above
from parley.process.lexicon import load_lexicon
from parley.process.pronouns import inside_quotation, person_pronouns, subject_form


def _told(read, text: str, published: str) -> list[tuple]:
    return sorted(((m.get("venue"), m.get("start"), m.get("precision"), tuple(sorted(m.get("parties") or [])))
                   for m in read(" ".join(text.split()), date.fromisoformat(published)).meetings
                   if m.get("kind") != "process"), key=str)


def _parties(read, text: str, published: str) -> set[tuple]:
    return {told[3] for told in _told(read, text, published)}


# the main-clause subject of the nearest sentence, through a chain of pronoun subjects; never the one
# its subject met or talked with
@pytest.mark.parametrize("text,published,wanted,wrong", [
    ("""Colombian President Ivan Duque arrived in Madrid on Monday. He held talks with Spanish Prime
        Minister Pedro Sanchez. He will visit Lisbon on Wednesday.""",
     "2021-03-09", ("COL", "PRT"), ("ESP", "PRT")),
    ("""Colombian President Ivan Duque met Spanish Prime Minister Pedro Sanchez in Madrid on Monday. He will
        visit Lisbon on Wednesday.""",
     "2021-03-09", ("COL", "PRT"), ("ESP", "PRT")),
    # in its own sentence: the subject of the clause above, not the one named in an adverbial before it
    ("""Kenyan President Uhuru Kenyatta, after meeting Ugandan President Yoweri Museveni on Monday, said he
        would welcome Rwanda's president to Nairobi on Friday.""",
     "2019-10-14", ("KEN", "RWA"), ("RWA", "UGA")),
    ("""After talks with Ugandan President Yoweri Museveni on Monday, Kenyan President Uhuru Kenyatta said he
        would welcome Rwanda's president to Nairobi on Friday.""",
     "2019-10-14", ("KEN", "RWA"), ("RWA", "UGA")),
])
def test_process_pronoun_stands_for_the_subject_before(read_with_meetings, text, published, wanted, wrong):
    parties = _parties(read_with_meetings, text, published)
    assert wanted in parties and wrong not in parties


def test_process_pronoun_chain_keeps_its_gender(read_with_meetings):
    # "he" does not stand for what "she" stood for: the minister does not visit Bogota
    parties = _parties(read_with_meetings, """Ecuadorean Foreign Minister Maria Fernanda Espinosa arrived in Lima on
        Monday. She held talks with Peruvian President Martin Vizcarra. He will visit Bogota on Friday.""",
                       "2018-06-11")
    assert ("COL", "ECU") not in parties


@pytest.mark.parametrize("text,expected", [
    # one person before "they": others, not him
    ("""German Chancellor Olaf Scholz attended a memorial service in Berlin. They were in Bern on Monday on a
        state visit.""", []),
    # two persons of one state: their state's visit
    ("""German President Frank-Walter Steinmeier and Chancellor Olaf Scholz attended a memorial service in
        Berlin. They were in Bern on Monday on a state visit.""", [("Bern", "2022-03-07", "day", ("CHE", "DEU"))]),
    # two persons of one state who met: they met one another, no second party
    ("""German President Frank-Walter Steinmeier and Chancellor Olaf Scholz attended a memorial service in
        Berlin. They met in Geneva on Monday.""", []),
])
def test_process_they_needs_two_persons_and_a_second_state(read_with_meetings, text, expected):
    assert _told(read_with_meetings, text, "2022-03-09") == expected


@pytest.mark.parametrize("text,expected", [
    # a quotation in single marks, curly or straight: the aide's pronoun is not the prime minister
    ("""Portuguese Prime Minister Antonio Costa spoke on Monday. ‘He will welcome Spain’s king to Lisbon on
        Friday,’ an aide said.""", []),
    ("""Portuguese Prime Minister Antonio Costa spoke on Monday. 'He will welcome Spain's king to Lisbon on
        Friday,' an aide said.""", []),
    # a stray closing mark does not put the rest of the paragraph inside a quotation
    ("""Portuguese Prime Minister Antonio Costa spoke on Monday.” He will welcome Spain's king to Lisbon on
        Friday.""", [("Lisbon", "2019-10-18", "day", ("ESP", "PRT"))]),
])
def test_process_pronoun_voice_reads_every_quotation_mark(read_with_meetings, text, expected):
    assert _told(read_with_meetings, text, "2019-10-14") == expected


@pytest.mark.parametrize("text,word,inside", [
    ('Costa said: "He will come." Then he left.', "He", 1),
    ('Costa said: "He will come." Then he left.', "Then", 0),
    ("Costa said: “He will come.” Then he left.", "Then", 0),
    ("Costa said: ‘He will come.’ Then he left.", "He", 1),
    ("Costa said: ‘He will come.’ Then he left.", "Then", 0),
    ("Costa said: 'He will come,' and he left.", "and", 0),
    ("The leaders' talks ended. Costa’s aide said he left.", "aide", 0),   # apostrophes
    ("Costa spoke.” He left and came back.", "came", 0),                   # a stray closing mark
    ('A 6\'2" guard said he left.', "said", 0),                           # marks of measure
    ('"He will come.\nCosta is sure.', "Costa", 0),                         # a new paragraph
])
def test_process_inside_quotation(text, word, inside):
    assert inside_quotation(text, text.index(word)) == inside


def test_process_pronoun_lists_are_one_list():
    lex = load_lexicon()
    assert person_pronouns(lex, "subject", plural=False) == {"he", "she"}
    assert person_pronouns(lex, "object", plural=False) == {"him", "her"}
    assert person_pronouns(lex, plural=True) == {"they", "them", "their"}
    assert [subject_form(lex, w) for w in ("him", "his", "her", "them", "their", "it")] == \
        ["he", "he", "she", "they", "they", None]


@pytest.mark.parametrize("text,pronoun,subject", [
    ("Sanchez said he will visit Lima.", "he", "Sanchez"),
    ("Sanchez met Costa and he will visit Lima.", "he", "Sanchez"),
    ("Costa said Sanchez would meet him.", "him", "Costa"),           # not its own clause's subject
    ("Sanchez ended his visit to Lima.", "his", "Sanchez"),           # a possessive's own clause counts
    ("Sanchez, who said he would go, met Costa.", "he", "Sanchez"),   # a relative pronoun's noun
    ("He met Costa in Lima.", "He", None),
])
def test_clauses_subject_above(spacy_nlp, text, pronoun, subject):
    doc = spacy_nlp(text)
    found = subject_above(next(t for t in doc if t.text == pronoun))
    assert (found.text if found is not None else None) == subject


def test_clauses_main_subject(spacy_nlp):
    doc = spacy_nlp("Costa, who met Sanchez, flew to Lima.")
    assert main_subject(next(doc.sents)).text == "Costa"


# "meanwhile" joins the news of the report's days: a time of those days must be told before it, and the
# day is the day before where the last time told is that day
STORMS = """Storms closed three airports in the north on {day}, officials said. Flights were diverted to the
    capital. Trains were cancelled. Roads were blocked by snow. """
MEETING = "Meanwhile, Greek Prime Minister Alexis Tsipras met Turkish President Recep Tayyip Erdogan in Ankara."


@pytest.mark.parametrize("text,expected", [
    (STORMS.format(day="Wednesday") + MEETING, [("Ankara", "2016-11-09", "publication", ("GRC", "TUR"))]),
    # a story of the day before: that day
    (STORMS.format(day="Tuesday") + MEETING, [("Ankara", "2016-11-08", "publication", ("GRC", "TUR"))]),
    (STORMS.format(day="Tuesday") + MEETING.replace("Meanwhile", "In the meantime"),
     [("Ankara", "2016-11-08", "publication", ("GRC", "TUR"))]),
    # a feature story that tells no day, or a span of years, joins no day of the report
    ("""The old harbour of the town has changed beyond recognition since 2014. Fishing boats have given way
        to yachts. Cafes line the quay. Rents have tripled. """ + MEETING, [("Ankara", None, None, ("GRC", "TUR"))]),
    ("""The old harbour of the town has changed beyond recognition. Fishing boats have given way to yachts.
        Cafes line the quay. Rents have tripled. """ + MEETING, [("Ankara", None, None, ("GRC", "TUR"))]),
    # the date of a dateline tells when the report was filed, not when its news happened
    ("""ATHENS, Nov 9 (Reuters) - The old harbour of the town has changed beyond recognition. Fishing boats
        have given way to yachts. Cafes line the quay. Rents have tripled. """ + MEETING,
     [("Ankara", None, None, ("GRC", "TUR"))]),
])
def test_process_same_time_needs_a_day_of_the_report(read_with_meetings, text, expected):
    assert _told(read_with_meetings, text, "2016-11-09") == expected
