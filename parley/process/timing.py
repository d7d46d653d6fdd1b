"""Which times of a sentence date a meeting, and how ("opened on June 20", "the March 3 summit",
"on Thursday cancelled the meeting set for next week"). The readings of each time are in
:mod:`parley.process.dating`.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from parley.process import syntax
from parley.process.appearances import JOINT, JOINT_WITH_HOST
from parley.process.context import DocumentContext, inside
from parley.process.dating import nearest_reading, placed_by_preposition, present_weekday
from parley.process.mention import COUNCIL_VOTE, MeetingMention, addressed
from parley.process.sides import apart, coordinated, own_times
from parley.process.venues import where_place
from parley.process.visits import PRESENCE, PRESENT

def time_attaches(ctx: DocumentContext, mm: MeetingMention, time: dict) -> bool:
    if inside(time, mm.start, mm.end):
        return True
    troot = ctx.root(time["char_start"], time["char_end"])
    if troot is None or mm.head is None:
        return True
    gov = time_verb(ctx, troot)
    if gov is None:
        return False
    if not mm.verbal and told_of(mm.head, gov, ctx.lex.words("report_nouns")):
        return False
    # "On Monday, speaking at the end of the summit, he said" / "he repeated": what is done while at a
    # meeting (a participle whose occasion it is) is done on the day it is told
    while_at = not mm.verbal and any(c.dep_ == "advcl" and c.tag_ == "VBG" and syntax.occasion_of(mm.head, c)
                                     for c in gov.children)
    if while_at:
        return True
    if PRESENCE in mm.flags and mm.gov is not None and gov.i == mm.gov.i:
        return True  # "said in Berlin on Sunday": the day the speaker was there
    if gov.lemma_.lower() in ctx.lex.words("report_verbs"):
        # "told reporters at the summit on Sunday": what is said at a meeting is said while it goes
        # on; so is what is said at a joint news conference or during a visit
        if mm.partners and gov.i == mm.gov.i or gov.i == getattr(mm.gov, "i", None) \
                and addressed(mm, ctx.lex.words("addressing_verbs")):
            return True  # ("told the forum on Saturday": the day of the speech there)
        return (not mm.verbal or mm.kind == "visit") and syntax.occasion_of(mm.head, gov)
    phrase = {t.i for t in syntax.phrase_tokens(mm.head)}
    clause = next((v for v in syntax.verb_chain(gov) if v.head.i in phrase and v.i not in phrase), None)
    if clause is not None:  # "the round, which closed on June 21"; "round of talks held on May 3"
        # (a clause with a subject of its own tells another event: "would visit X after Y went there
        # last month")
        return not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in syntax.RELATIVE_PRONOUNS
                       for c in clause.children)
    if mm.gov is not None and (gov == mm.gov or gov in syntax.verb_chain(mm.gov)
                               or mm.gov in syntax.verb_chain(gov)):
        return True
    return False


# prepositions by which a report noun names what it tells of ("reports of a meeting", "news about the talks")
ABOUT_PREPS = frozenset({"of", "about", "on", "over"})


def told_of(head: Any, verb: Any, report_nouns: frozenset[str]) -> bool:
    """True if the meeting noun ``head`` lies inside what a report noun between it and ``verb`` tells
    of ("denied on Tuesday reports of a secret meeting at the summit"): the verb's time dates the
    reports, not the meeting."""
    node = head
    for _ in range(8):
        parent = node.head
        if parent.i == node.i or parent.i == verb.i:
            return False
        if node.dep_ == "pobj" and parent.dep_ == "prep" and parent.lower_ in ABOUT_PREPS \
                and parent.head.pos_ == "NOUN" and parent.head.lemma_.lower() in report_nouns:
            return True
        node = parent
    return False


def report_time(ctx: DocumentContext, time: dict) -> bool:
    """True if the time dates a report ("said on Tuesday"), not what it reports."""
    root = ctx.root(time["char_start"], time["char_end"])
    gov = time_verb(ctx, root) if root is not None else None
    return gov is not None and gov.lemma_.lower() in ctx.lex.words("report_verbs")


def time_verb(ctx: DocumentContext, root: Any) -> Any:
    """The verb a time tells the time of: its governing verb, but the verb of saying where the time
    stands between that verb and the subject of the clause it reports ("said on Monday he would not
    attend the conference next month": Monday is the day of the saying, whatever the parse hangs it
    on)."""
    gov = syntax.governing_verb(root)
    if gov is None or gov.dep_ != "ccomp" or gov.head.lemma_.lower() not in ctx.lex.words("report_verbs"):
        return gov
    subject = next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return gov.head if subject is not None and gov.head.i < root.i < subject.i else gov


def dates_of(ctx: DocumentContext, mm: MeetingMention, others: list[MeetingMention] = ()) -> list[dict]:
    """The times that date the meeting, each marked ``bound``: "end" ("concluded on June 21"),
    "start" ("opened on June 20") or None (the whole meeting). A time inside the phrase of another
    meeting of the sentence ("after Monday's talks, ... at their summit in Helsinki") dates that one."""
    out, decided = [], []
    for t in ctx.times.get(mm.sentence, []):
        if not t.get("start") or t.get("kind") == "duration" or not time_attaches(ctx, mm, t) \
                or _anothers_time(ctx, mm, t, others):
            continue
        # (but "met Putin at the summit in Hamburg earlier this month": the occasion's time is theirs)
        if not inside(t, mm.start, mm.end) and any(
                o is not mm and not o.verbal and inside(t, o.start, o.end)
                and not (mm.verbal and mm.gov is not None and o.head is not None and syntax.occasion_of(o.head, mm.gov))
                for o in others):
            continue
        if inside(t, mm.start, mm.end) and COUNCIL_VOTE not in mm.flags:
            # "the March 3 summit": not in the tense of the sentence (but a council's vote, told after it
            # or ahead of it, keeps the reading by tense: "abstained from Friday's vote")
            t = nearest_reading(t, ctx.published)
        elif not mm.verbal and placed_by_preposition(mm.head):  # "toured the port on Saturday ahead of the summit"
            continue
        root = ctx.root(t["char_start"], t["char_end"])
        gov = syntax.governing_verb(root) if root is not None else None
        lemma = gov.lemma_.lower() if gov is not None else ""
        if _dates_decision(ctx, mm, root, gov):
            decided.append(t)
            continue
        if gov is not None and _in_present(gov):
            t = present_weekday(t, ctx.published)
        bound = "end" if lemma in ctx.lex.words("end_verbs") else (
            "start" if lemma in ctx.lex.words("start_verbs") else None)
        out.append({**t, "bound": bound})
    # the day a meeting was called off dates it only when nothing else does
    return out or [{**t, "bound": None} for t in decided] or _where_clause_times(ctx, mm)


def _anothers_time(ctx: DocumentContext, mm: MeetingMention, time: dict, others: list[MeetingMention]) -> bool:
    """True if ``time`` dates another meeting of the sentence, not ``mm`` (:func:`~parley.process.mention.apart`:
    "will hold talks in Paris on Monday and attend a summit in Rome on Wednesday", "meets X today,
    followed tomorrow by talks with Y"): the other phrase's own time, reached through another verb
    than the phrase's own (a conjoined verb, a clause) or, for two coordinated phrases ("talks with X
    today and a meeting with Y tomorrow"), through their shared verb. A phrase with no time of its own
    takes the times of its clause as before ("flew to Sochi on Monday and held talks with Putin")."""
    if mm.gov is None or inside(time, mm.start, mm.end):
        return False
    verb = _verb_of(ctx, time)
    return any(o is not mm and any(t is time for t in own_times(ctx, o, others)) and apart(ctx, mm, o, others)
               and (not syntax.same_token(verb, mm.gov) or coordinated(mm, o)) for o in others)


def _verb_of(ctx: DocumentContext, time: dict) -> Any:
    root = ctx.root(time["char_start"], time["char_end"])
    return syntax.governing_verb(root) if root is not None else None


def _where_clause_times(ctx: DocumentContext, mm: MeetingMention) -> list[dict]:
    """ "flew to Lisbon on Tuesday, where she met the prime minister", "spoke in Tehran on Wednesday, where
    he was meeting Rouhani": a meeting told in a relative clause of "where" with no time of its own is held
    at the time of the clause that puts its doer at the place. Not a clause still to come ("arrived
    on Sunday in Beijing, where he will meet Xi": the time is the arrival's), nor one the doer has left
    ("returned on Friday from Tehran, where he met Rouhani": the time is the return's)."""
    clause = syntax.where_clause(mm.gov) if mm.gov is not None else None
    if clause is None or any(c.dep_ in ("aux", "mark") and c.lower_ in NOT_YET for c in clause.children):
        return []
    place = where_place(ctx, ctx.doc.sentences[mm.sentence], clause)
    if place is None or place["preposition"] == "from":
        return []
    main = syntax.governing_verb(ctx.root(place["char_start"], place["char_end"]))
    out = []
    for t in ctx.times.get(mm.sentence, []):
        root = ctx.root(t["char_start"], t["char_end"])
        verb = syntax.governing_verb(root) if root is not None else None
        if t.get("start") and t.get("kind") != "duration" and verb is not None and verb.i == main.i:
            out.append({**t, "bound": None})
    return out


def _in_present(verb: Any) -> bool:
    """True if a finite verb is told in the simple present ("the leaders meet", "talks open"; the
    tagger sometimes reads a plural subject's verb as a base form), not a past ("has met")."""
    finite = verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VB" and any(c.dep_ == "nsubj" for c in verb.children))
    return finite and verb.lemma_.lower() not in ("be", "have") and not any(
        c.dep_ in ("aux", "auxpass", "mark") for c in verb.children)


def _dates_decision(ctx: DocumentContext, mm: MeetingMention, root: Any, gov: Any) -> bool:
    """ "On Thursday he cancelled the meeting set for next week": the day of a verb that calls off or
    moves a meeting (``decision_verbs``) dates that decision, not the meeting (which keeps it only
    when nothing else dates it); a day it moves the meeting to ("postponed the talks to June 5") is
    the meeting's."""
    if gov is None or root is None or mm.head is None or mm.verbal:
        return False
    if gov.lemma_.lower() not in ctx.lex.words("decision_verbs"):
        return False
    if not (mm.head.head.i == gov.i and mm.head.dep_ in ("dobj", "nsubjpass")):
        return False
    return not (root.dep_ == "pobj" and root.head.lower_ in ("to", "until", "for", "till"))


# a news report's lead (its first sentences) tells the news of its day
LEAD_SENTENCES = 3
# words of a clause that put its meeting after the report or make it unreal
NOT_YET = frozenset({"will", "would", "could", "may", "might", "shall", "should", "to", "must", "can"})
BE = frozenset({"is", "are", "was", "were", "'s", "'re"})
HAVE = frozenset({"has", "have", "had", "'ve"})


def told_in_lead(ctx: DocumentContext, mm: MeetingMention) -> bool:
    """True if the phrase's main clause, in the report's lead or in a clause opened by a connective of
    the same time (:func:`same_time`), tells its meeting as over or going on: its own verb ("met",
    "are meeting", "have met") or a verb of holding it ("held talks", "are holding talks", "talks were
    held", "opened the summit") in the past, the progressive or the perfect, with no modal or
    infinitive marker ("will meet", "is to meet", "may meet"). A present that governs a meeting noun
    ("wants talks", "attends the summit") does not tell when; nor does an arrival, which is often for
    talks on another day ("arrived in Doha for Saturday's talks")."""
    if not mm.main or mm.gov is None or (mm.sentence >= LEAD_SENTENCES and same_time(ctx, mm) is None):
        return False
    verb = mm.gov
    # ("spoke at the Kremlin, where he was meeting Modi": a clause of "where" tells the place's news)
    if verb.pos_ not in ("VERB", "AUX") or (verb.dep_ in ("xcomp", "advcl", "ccomp", "relcl", "acl", "pcomp")
                                             and syntax.where_clause(verb) is None):
        return False
    if not (mm.verbal and mm.kind != "visit" or verb.lemma_.lower() in ctx.lex.words("held_verbs")):
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass", "mark")}
    if aux & NOT_YET:
        return False
    return verb.tag_ == "VBD" or (verb.tag_ == "VBG" and bool(aux & BE)) or \
        (verb.tag_ == "VBN" and bool(aux & (HAVE | {"was", "were"})))


def same_time(ctx: DocumentContext, mm: MeetingMention) -> str | None:
    """The day of the news a clause opened by a connective of the same time joins
    (``same_time_connectives``: "Meanwhile, the minister met the pope at the Vatican"), as an ISO date,
    or None. Such a clause tells what happened while the news before it did, wherever it stands in
    the report, when that news is of the report's days: a time of those days (the report's day or the
    day before: "on Monday" in a report of Tuesday, "today") is told before it in the report, and no
    time of its sentence, nor the last time told before it, ends before the day before the report.
    "Meanwhile" in a feature story that tells no day joins no day of the report, and in a story of past
    years a time of those years. The day is the report's, or the day before where the last time told
    before the clause is that day (a story of the day before)."""
    if ctx.published is None or ctx.lex.same_time is None or mm.gov is None:
        return None
    if not ctx.lex.same_time.match(ctx.doc.text, mm.gov.left_edge.idx, mm.gov.idx):
        return None
    today, yesterday = ctx.published.isoformat(), (ctx.published - timedelta(days=1)).isoformat()

    def told(index: int) -> list[dict]:
        return [t for t in ctx.times.get(index, []) if t.get("start") and t.get("kind") != "duration"
                and not _in_dateline(ctx.doc.text, t)]

    def ends(t: dict) -> str:
        return (t.get("end") or t["start"])[:10]

    if any(ends(t) < yesterday for t in told(mm.sentence)):
        return None
    before = [t for index in range(mm.sentence) for t in sorted(told(index), key=lambda t: t.get("char_start") or 0)]
    if not before or ends(before[-1]) < yesterday:
        return None
    if not any(yesterday <= t["start"][:10] and ends(t) <= today for t in before):
        return None
    last = before[-1]
    return yesterday if last["start"][:10] == ends(last) == yesterday else today


# what follows the date of a dateline: an agency in brackets and a dash ("ATHENS, Nov 9 (Reuters) -")
DATELINE_END = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?[\u2014\u2013-]{1,2}\s")


def _in_dateline(text: str, time: dict) -> bool:
    """True if a time is the date of a dateline at the start of its line: it tells when the report was
    filed, not when what it tells happened."""
    start = time.get("char_start")
    if start is None:
        return False
    line = text.rfind("\n", 0, start) + 1
    return start - line < 40 and bool(DATELINE_END.match(text, time["char_end"]))


def told_appearance(mm: MeetingMention) -> bool:
    """True if the phrase is two leaders' joint appearance told as over ("Obama told a Rose Garden news
    conference with Erdogan", "the president spoke at a joint news conference with Abe"), anywhere in
    the report: a news conference is news on its day, so a report that quotes one without a day
    quotes the one of its news (one of another day is told with it, "at a news conference last
    month")."""
    verb = mm.gov
    if verb is not None and verb.tag_ == "VBG" and verb.dep_ == "advcl":
        verb = verb.head  # "Speaking at a joint news conference with X, the president said": the tense of "said"
    if not mm.flags & {JOINT, JOINT_WITH_HOST} or verb is None or verb.tag_ != "VBD":
        return False
    return not {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass", "mark")} & NOT_YET


def lead_day(ctx: DocumentContext, mm: MeetingMention) -> dict | None:
    """The report's day, as an approximate date (precision ``publication``), of a meeting that no
    time of its sentence dates and that the lead, or a clause opened by a connective of the same time,
    tells as over or going on (:func:`told_in_lead`: "the leaders met in Oslo", "are meeting in Oslo"):
    news tells without a date the meeting of its day or the day before (after "meanwhile", the day of
    the news it joins: :func:`same_time`). Only for a meeting told by its verb, or a definite one ("the summit"), not called off or
    planned; and for a joint appearance told as over anywhere in the report (``told_appearance``) or a
    visit told by the visitor's presence in the report's present ("is in Seoul", "is due in Seoul")."""
    if mm.dates or ctx.published is None or mm.status not in (None, "held"):
        return None
    if told_appearance(mm):
        return _report_day(ctx, mm, "appearance")
    if PRESENT in mm.flags:  # "the minister is in Seoul": the report's present
        return _report_day(ctx, mm, "presence")
    if not told_in_lead(ctx, mm):
        return None
    if not mm.verbal and (mm.head is None or not any(
            c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "any", "no", "every") for c in mm.head.children)):
        return None
    joined = same_time(ctx, mm)
    return _report_day(ctx, mm, "same time", joined) if joined else _report_day(ctx, mm, "lead")


def _report_day(ctx: DocumentContext, mm: MeetingMention, via: str, day: str | None = None) -> dict:
    """The report's day (or ``day``, one of the report's days) as the date of ``mm``, told by ``via``
    ("lead", "appearance", "same time")."""
    day = day or ctx.published.isoformat()
    return {"text": None, "char_start": None, "char_end": None, "sentence": mm.sentence, "start": day, "end": day,
            "precision": "publication", "bound": None, "via": via}
