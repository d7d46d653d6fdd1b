"""Recognise meetings, rounds, talks, summits and consultations in one document.

Reads what earlier stages found (``doc.mentions``, ``doc.times``, ``doc.places`` and the parse
on ``doc.spacy_doc``) and the lexicon in ``parley/data/processes.yaml``. Writes
``doc.meetings``: one dict per meeting told in the document (the contract in
``docs/design-notes.md``) plus one ``{"kind": "process"}`` record per process the document
speaks of as a whole, which carries decisions about the process (a host that stops hosting,
a condition to resume, a proposal to rotate venues), process-level roles and outcomes.
:func:`parley.process.merge.build_processes` joins them across documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from parley.process import syntax
from parley.process.context import (REPORT_UNDATED, SPECIFIC_PRECISIONS, DocumentContext, inside,
                                    loosely_dated, span_dict)
from parley.process.dating import (duration_days, forward, lasting, measure_unit, nearest_reading,
                                   placed_by_preposition, present_weekday)
from parley.process.decisions import decisions_in_sentence
from parley.process.lexicon import Lexicon, load_lexicon, round_number
from parley.process.sites import site_venue
from parley.process.visits import journeys
from parley.process.participants import outcomes_in_sentence, roles_in_sentence


# words that put a meeting after the report that tells it
UPCOMING = {"upcoming", "forthcoming", "coming"}


@dataclass
class MeetingMention:
    """One phrase that names a meeting, and what its sentence says about it."""

    sentence: int
    start: int
    end: int
    trigger: str
    kind: str
    head: Any = None
    gov: Any = None
    process: str | None = None
    ordinal: int | None = None
    relative: str | None = None
    generic: bool = False
    main: bool = True
    dates: list[dict] = field(default_factory=list)
    venue: dict | None = None
    status: str | None = None
    status_span: dict | None = None
    changes: list[dict] = field(default_factory=list)
    side: bool = False
    level: str | None = None
    flags: set[str] = field(default_factory=set)
    flag_evidence: dict[str, dict] = field(default_factory=dict)
    key: str | None = None
    hypothetical: bool = False
    verbal: bool = False        # "Trump and Putin met in Helsinki": a meeting told by its verb
    lone_party: str | None = None   # the one party a verbal meeting names, if only one
    destination: dict | None = None  # where a visit goes ("arrived in Tokyo")

    @property
    def dated(self) -> bool:
        return any(t.get("precision") in SPECIFIC_PRECISIONS for t in self.dates)

    @property
    def specific(self) -> bool:
        return not self.generic and (self.ordinal is not None or self.dated or self.relative == "next"
                                     or (self.side and not self.hypothetical) or self.located)

    @property
    def located(self) -> bool:
        """A definite meeting in a named place ("their summit in Helsinki"), dated or not."""
        if self.venue is None or self.hypothetical or self.head is None:
            return False
        return self.verbal or any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "any", "no", "every")
                                  for c in self.head.children)

# ---------------------------------------------------------------- meeting phrases

def find_meeting_mentions(ctx: DocumentContext, sent: Any) -> list[MeetingMention]:
    """Return the meeting phrases of one sentence with their process, ordinal and specificity.

    :param ctx: the document context.
    :param sent: a :class:`~parley.document.Sentence`.
    """
    lex, found = ctx.lex, []
    triggers = list(lex.meeting_words.finditer(sent.text, sent.char_start))
    if lex.numbered:  # "Astana-4" names a round by itself
        triggers += [("round", m.group(0), sent.char_start + m.start(), sent.char_start + m.end())
                     for m in lex.numbered.finditer(sent.text)]
    if any(kind == "round" for kind, *_ in triggers):
        triggers += _elliptic_ordinals(ctx, sent)
    for kind, text, start, end in triggers:
        head = ctx.root(start, end)
        mm = MeetingMention(sent.index, start, end, text, kind, head=head)
        if head is not None and head.pos_ in ("VERB", "AUX"):
            continue  # "talks" as a verb ("she talks tough"); meetings told by verbs come below
        if head is not None:
            toks = syntax.phrase_tokens(head)
            toks = [t for t in toks if not t.is_space]
            mm.start, mm.end = min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks)
            mm.gov = syntax.governing_verb(head)
            mm.main = not any(a.dep_ in ("relcl", "advcl", "acl") for a in [head, *head.ancestors]
                              if mm.gov is None or syntax.is_ancestor(mm.gov, a)) and not _after_since(head)
        else:  # no parse: a window of a few words before, up to the next punctuation after
            before = re.search(r"(?:[\w'’-]+\s+){0,4}$", sent.text[:start - sent.char_start])
            after = re.search(r"[,.;:!?]", sent.text[end - sent.char_start:])
            mm.start = sent.char_start + (before.start() if before else start - sent.char_start)
            mm.end = end + (after.start() if after else len(sent.text) - (end - sent.char_start))
        found.append(mm)
    found += _verbal_meetings(ctx, sent, found)
    found += _visits(ctx, sent)
    # a meeting word inside another's phrase ("20th round of talks") belongs to that phrase
    kept = [m for m in found if not any(o is not m and _belongs(m, o) for o in found)]
    for mm in kept:
        _describe(ctx, sent, mm, kept)
    return [m for m in kept if not m.verbal or (m.specific and _abroad_or_between(m))]


def _abroad_or_between(mm: MeetingMention) -> bool:
    """A meeting told by its verb with one party named is kept only where it is held abroad."""
    if mm.lone_party is None:
        return True
    country = (mm.venue or {}).get("country")
    return country is not None and country != mm.lone_party


def _verbal_meetings(ctx: DocumentContext, sent: Any, found: list[MeetingMention]) -> list[MeetingMention]:
    """ "Trump and Kim met in Hanoi", "Putin will meet Trump on Monday", "the US and the Taliban signed
    an agreement in Doha": a meeting told by a verb of meeting or signing between actors of two
    different parties (a country, an armed group or an organisation)."""
    if ctx.sdoc is None or not ctx.mentions.get(sent.index):
        return []
    from parley.process.participants import meeting_partners, party_key

    out = []
    for tok in ctx.sdoc.char_span(sent.char_start, sent.char_end, alignment_mode="expand") or []:
        if tok.lemma_.lower() not in ctx.lex.words("meeting_verbs") | ctx.lex.words("signing_verbs") \
                or tok.pos_ not in ("VERB", "AUX"):
            continue
        parties = {party_key(m) for m, _ in meeting_partners(ctx, tok, ctx.mentions[sent.index])} - {None}
        if not parties:
            continue
        kind = "signing" if tok.lemma_.lower() in ctx.lex.words("signing_verbs") else "talks"
        mm = MeetingMention(sent.index, tok.idx, tok.idx + len(tok.text), tok.text, kind, head=tok, gov=tok,
                            verbal=True)
        if len(parties) == 1:  # "Trump and Kim will meet in Singapore" with Kim unknown: abroad only
            mm.flags.add("one party named")
            mm.lone_party = next(iter(parties))
        out.append(mm)
    return out


def _visits(ctx: DocumentContext, sent: Any) -> list[MeetingMention]:
    """ "The president arrives Wednesday in Jerusalem", "Trump's decision to visit Mexico", "the
    premier's visit to Tokyo": a leader or minister who goes to another country meets its government
    there (a state or working visit). Kept, like a meeting told by its verb, when dated or placed
    and held abroad; the visitor is its one named party, the country visited its host."""
    out = []
    for tok, visitor, where in journeys(ctx, sent):
        mm = MeetingMention(sent.index, tok.idx, tok.idx + len(tok.text), tok.text, "visit", head=tok,
                            gov=tok if tok.pos_ == "VERB" else (syntax.governing_verb(tok) or tok), verbal=True)
        mm.lone_party, mm.destination = visitor, where
        mm.flags.add("visit")
        out.append(mm)
    return out


def _elliptic_ordinals(ctx: DocumentContext, sent: Any) -> list[tuple[str, str, int, int]]:
    """ "the 15th, in February 2021, was held in Sochi": an ordinal with no noun after it."""
    stop = ctx.lex.words("elliptic_ordinal_not_before")
    out = []
    for m in re.finditer(r"\bthe (\d{1,2}(?:st|nd|rd|th))\b(?![\w-])", sent.text):
        after = re.match(r"\s*([\w-]+)", sent.text[m.end():])
        tok = ctx.root(sent.char_start + m.start(1), sent.char_start + m.end(1))
        if (after and after.group(1).lower() in stop) or (tok is not None and tok.pos_ not in ("NOUN", "PROPN")
                                                          and tok.dep_ in ("amod", "nummod")):
            continue
        out.append(("round", m.group(1), sent.char_start + m.start(1), sent.char_start + m.end(1)))
    return out


def _in_headline(doc: Any, pos: int) -> bool:
    """True if ``pos`` lies in the document's first line and that line reads as a headline."""
    text = doc.text
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:end if end >= 0 else len(text)].strip()
    return start == 0 and bool(line) and not line.endswith((".", "?", "!", '"', "”"))


def _belongs(inner: MeetingMention, outer: MeetingMention) -> bool:
    if not (outer.start <= inner.start and inner.end <= outer.end and
            (outer.end - outer.start) > (inner.end - inner.start)):
        return False
    if inner.head is None or outer.head is None:
        return True
    return syntax.attached_below(inner.head, outer.head) or inner.head.i == outer.head.i


def _first_of_kind(head: Any, cues: set[str]) -> bool:
    """ "the first round since June", "the first round to be held in Nur-Sultan"."""
    if head is None:
        return False
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in cues:
            return True
        if child.dep_ in ("acl", "relcl", "advcl") and any(c.lower_ in cues for c in child.children
                                                          if c.dep_ in ("aux", "mark")):
            return True
    return False


def _after_since(head: Any) -> bool:
    return head.head.dep_ == "prep" and head.head.lower_ in ("since", "before", "after")


def _left_text(ctx: DocumentContext, mm: MeetingMention) -> str:
    if mm.head is None:
        return ctx.doc.text[max(mm.start - 40, 0):mm.end]
    return ctx.doc.text[mm.head.left_edge.idx:mm.head.idx + len(mm.head.text)]


def _describe(ctx: DocumentContext, sent: Any, mm: MeetingMention, others: list[MeetingMention] = ()) -> None:
    lex, doc = ctx.lex, ctx.doc
    phrase = doc.text[mm.start:mm.end]
    left = phrase if mm.verbal else _left_text(ctx, mm)
    words = set(re.findall(r"[\w-]+", left.lower()))
    # ordinal: "20th round", "second round", "Astana-4"
    hits = list(lex.ordinal_regex.finditer(left))
    m = next((h for h in reversed(hits) if h.group(1)), hits[-1] if hits else None)
    if m:
        mm.ordinal = int(m.group(1)) if m.group(1) else lex.data["ordinal_words"][m.group(2).lower()]
        if m.group(2) and (_in_headline(doc, mm.start) or mm.ordinal == 1
                           and _first_of_kind(mm.head, lex.words("first_of_kind"))):
            mm.ordinal = None  # "First Syria Round in Renamed Nur-Sultan": headlines drop too much
    n = lex.numbered.search(phrase) if lex.numbered else None
    if n and mm.ordinal is None:
        mm.ordinal = round_number(n)
    for rel, cues in lex.data.get("relative_cues", {}).items():
        if words & {c.lower() for c in cues} and rel != "first":
            mm.relative = rel
    mm.process = _process_of(ctx, sent, mm, phrase)
    mm.dates = _dates_of(ctx, mm, others)
    days = None if mm.verbal else duration_days(mm.head)
    if days:  # "wrapped up three days of talks on Monday", "after twelve days of talks, ... announced"
        times = [t for t in ctx.times.get(mm.sentence, []) if t.get("kind") != "duration"]
        told = [t for t in mm.dates if t.get("precision") == "day"] or [
            t for t in times if _time_attaches(ctx, mm, t)] or [t for t in times if not _report_time(ctx, t)]
        unit = measure_unit(mm.head)
        said = span_dict(doc, unit.left_edge.idx, unit.idx + len(unit.text), mm.sentence)
        clause = mm.gov
        if clause is not None and clause.tag_ in ("VBG", "VB"):  # "securing" tells no time: its clause does
            clause = next((a for a in clause.ancestors if a.pos_ in ("VERB", "AUX") and a.tag_ not in ("VBG", "VB")),
                          clause)
        whole = lasting(days, told, clause, None if mm.dates else ctx.published, lex.words("concluding_verbs"), said)
        mm.dates = [whole] if whole else mm.dates
    mm.venue = _venue_of(ctx, sent, mm, others) or mm.destination
    mm.level = lex.levels.search(phrase)
    mm.side = mm.ordinal is None and (bool(lex.side_words.search(phrase)) or mm.kind == "consultations"
                                      or (mm.level is not None and mm.kind == "talks"))
    mm.level = mm.level if mm.side else None
    mm.hypothetical = mm.gov is not None and any(
        c.dep_ == "aux" and c.lower_ in ("could", "might", "may") for c in mm.gov.children)
    mm.generic = _is_generic(ctx, mm, words) or bool(words & lex.words("not_meeting_cues")) \
        or _of_something_else(ctx, mm, phrase) or _eventuality(ctx, mm)
    if (words & UPCOMING or any(w.startswith("yet-to-") for w in words)) and ctx.published:
        # "the minister's upcoming summit", "the yet-to-be-scheduled summit" lie after the report
        mm.dates = [t for t in mm.dates if (t.get("end") or t["start"]) >= ctx.published.isoformat()]
        mm.status = "planned"
    _status_of(ctx, sent, mm)


def _eventuality(ctx: DocumentContext, mm: MeetingMention) -> bool:
    """ "the possibility of direct talks", "calls for a summit": a meeting that may or may not come."""
    head = mm.head
    if mm.verbal or head is None or head.dep_ != "pobj" or head.head.lower_ not in ("of", "for"):
        return False
    return head.head.head.lemma_.lower() in ctx.lex.words("hypothetical_nouns")


def _of_something_else(ctx: DocumentContext, mm: MeetingMention, phrase: str) -> bool:
    """ "the second round of the presidential elections", "Congress": no meeting of a process.

    A round must be a round of talks (or of a named process), or stand alone in a document that
    names a process; a conference or congress must be one of a named process.
    """
    lex = ctx.lex
    named = lex.aliases.search(phrase) or lex.venues.search(phrase) or (
        lex.numbered.search(phrase) if lex.numbered else None)
    if named:
        return False
    if mm.kind == "conference":
        return True
    if mm.kind != "round" or mm.head is None:
        return False
    for prep in (c for c in mm.head.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            text = ctx.doc.text[pobj.left_edge.idx:pobj.idx + len(pobj.text)]
            if not lex.meeting_words.search(text):
                return True
            return False
    return ctx.default_process is None and not any(
        kind != "round" for kind, *_ in lex.meeting_words.finditer(ctx.doc.sentence_at(mm.start).text))


def _is_generic(ctx: DocumentContext, mm: MeetingMention, words: set[str]) -> bool:
    if mm.ordinal is not None:
        return False
    if mm.verbal:  # a meeting told by its verb is one meeting when it is dated or placed
        return not (mm.dated or mm.venue is not None)
    if words & ctx.lex.words("generic_cues"):  # "future talks", "any further round"
        return True
    if (mm.side and mm.level) or any(t.get("precision") == "day" for t in mm.dates):
        return False
    if words & {"a", "an"} and not (mm.dated and _names_partner(ctx, mm)):
        return True  # ("cancelled a meeting with the president set for next week" is one meeting)
    head = mm.head
    if head is None:
        return not mm.dated
    # "two summits" are several; the number of a body's name is not ("the Group of 20 summit")
    if any(c.dep_ == "nummod" and not (c.i > 0 and c.doc[c.i - 1].lower_ == "of") for c in head.children):
        return True
    if head.tag_ == "NNS" and head.lemma_.lower() != head.lower_ and mm.kind in ("round", "summit", "conference"):
        return True
    if head.lower_ in ("meetings", "sessions", "rounds", "summits"):
        return True
    determined = any(c.dep_ in ("det", "poss", "amod", "nummod", "compound") for c in head.children)
    # "talks among representatives of the government and the opposition"
    determined = determined or any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in head.children)
    return not (determined or mm.dated or mm.relative)


def _names_partner(ctx: DocumentContext, mm: MeetingMention) -> bool:
    """True if the phrase names whom the meeting is with ("a meeting with the US president")."""
    if mm.head is None:
        return False
    for prep in (c for c in mm.head.children if c.dep_ == "prep" and c.lower_ in ("with", "between")):
        toks = list(prep.subtree)
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if any(inside(m, start, end) for m in ctx.mentions.get(mm.sentence, [])):
            return True
    return False


def _process_of(ctx: DocumentContext, sent: Any, mm: MeetingMention, phrase: str) -> str | None:
    lex = ctx.lex
    label = ctx.venue_process(lex.aliases.search(phrase)) or ctx.venue_process(lex.venues.search(phrase))
    if label:
        return label
    if lex.numbered:
        n = lex.numbered.search(phrase)
        if n:
            return lex.venues.search(n.group(1))
    # a named place in the phrase that is no process venue: a meeting of no known process
    for place in ctx.places.get(sent.index, []):
        if inside(place, mm.start, mm.end) and place.get("feature") == "city" \
                and not lex.venues.search(place["text"]) and _located(ctx, place):
            return None
    in_sentence = {ctx.venue_process(label) for label, *_ in lex.aliases.finditer(sent.text)} - {None}
    in_sentence |= {ctx.venue_process(label) for label, *_ in lex.venues.finditer(sent.text)} - {None}
    if len(in_sentence) == 1:
        return in_sentence.pop()
    return ctx.default_process


def _located(ctx: DocumentContext, place: dict) -> bool:
    """True if a place is where something happens ("talks in Moscow"), not a topic ("ties with Ankara")."""
    root = ctx.root(place["char_start"], place["char_end"])
    return root is None or root.dep_ in ("compound", "poss", "nmod") or (
        root.head.dep_ == "prep" and root.head.lower_ in ("in", "at"))


def _time_attaches(ctx: DocumentContext, mm: MeetingMention, time: dict) -> bool:
    if inside(time, mm.start, mm.end):
        return True
    troot = ctx.root(time["char_start"], time["char_end"])
    if troot is None or mm.head is None:
        return True
    gov = syntax.governing_verb(troot)
    if gov is None:
        return False
    if gov.lemma_.lower() in ctx.lex.words("report_verbs"):
        # "told reporters at the summit on Sunday": what is said at a meeting is said while it goes on
        return not mm.verbal and syntax.occasion_of(mm.head, gov)
    phrase = {t.i for t in syntax.phrase_tokens(mm.head)}
    clause = next((v for v in syntax.verb_chain(gov) if v.head.i in phrase and v.i not in phrase), None)
    if clause is not None:  # "the round, which closed on June 21"; "round of talks held on May 3"
        return True
    if mm.gov is not None and (gov == mm.gov or gov in syntax.verb_chain(mm.gov)
                               or mm.gov in syntax.verb_chain(gov)):
        return True
    return False


def _report_time(ctx: DocumentContext, time: dict) -> bool:
    """True if the time dates a report ("said on Tuesday"), not what it reports."""
    root = ctx.root(time["char_start"], time["char_end"])
    gov = syntax.governing_verb(root) if root is not None else None
    return gov is not None and gov.lemma_.lower() in ctx.lex.words("report_verbs")


def _dates_of(ctx: DocumentContext, mm: MeetingMention, others: list[MeetingMention] = ()) -> list[dict]:
    """The times that date the meeting, each marked ``bound``: "end" ("concluded on June 21"),
    "start" ("opened on June 20") or None (the whole meeting). A time inside the phrase of another
    meeting of the sentence ("after Monday's talks, ... at their summit in Helsinki") dates that one."""
    out, decided = [], []
    for t in ctx.times.get(mm.sentence, []):
        if not t.get("start") or t.get("kind") == "duration" or not _time_attaches(ctx, mm, t):
            continue
        # (but "met Putin at the summit in Hamburg earlier this month": the occasion's time is theirs)
        if not inside(t, mm.start, mm.end) and any(
                o is not mm and not o.verbal and inside(t, o.start, o.end)
                and not (mm.verbal and mm.gov is not None and o.head is not None and syntax.occasion_of(o.head, mm.gov))
                for o in others):
            continue
        if inside(t, mm.start, mm.end):  # "the March 3 summit": not in the tense of the sentence
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
    return out or [{**t, "bound": None} for t in decided]


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


def _venue_of(ctx: DocumentContext, sent: Any, mm: MeetingMention, others: list[MeetingMention] = ()) -> dict | None:
    """Where the meeting of ``mm`` is held. A place inside the phrase of another meeting nested in
    this one ("the first meeting since their summit in Hanoi") is that meeting's venue."""
    lex, candidates = ctx.lex, []
    places = [p for p in ctx.places.get(sent.index, []) if p.get("feature") == "city"
              or lex.venues.search(p.get("text") or "")]
    if not places:  # the places stage found none: fall back on the process venues of the lexicon
        places = [{"text": text, "name": text, "char_start": s, "char_end": e, "feature": "city",
                   "country": lex.venue_country(label, text), "geonameid": None, "sentence": sent.index}
                  for label, text, s, e in lex.venues.finditer(sent.text, sent.char_start)]
    chain = syntax.verb_chain(mm.gov) if mm.gov is not None else []
    if mm.head is not None and not mm.verbal:  # "the June 12 meeting, held in Singapore"
        chain = chain + [c for c in mm.head.children if c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "AUX")]
    if mm.gov is not None:  # "talks are set to resume Monday in Cairo": where the complement happens
        chain = chain + [c for v in chain for c in v.children if c.dep_ == "xcomp" and c.pos_ == "VERB"
                         and c not in chain]
    if mm.gov is not None:  # "to pull off the meeting, held in Singapore"
        # (a clause with a subject of its own tells another event: "after he was held in North Korea")
        chain = chain + [c for c in mm.gov.children if c.dep_ == "advcl" and c.lemma_.lower() in lex.words("held_verbs")
                         and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
    nested = [o for o in others if o is not mm and not o.verbal and mm.start <= o.start and o.end <= mm.end
              and (o.end - o.start) < (mm.end - mm.start)]
    places = [p for p in places if not any(inside(p, o.start, o.end) for o in nested)]
    for place in places:
        if inside(place, mm.start, mm.end):
            if _located(ctx, place):
                candidates.append((0, place))
            continue
        root = ctx.root(place["char_start"], place["char_end"])
        if root is not None and chain and _venue_path(root, chain):
            candidates.append((1, place))
    capital = None if candidates else _capital_of(ctx, sent, mm)
    if capital is not None:
        return capital
    if not candidates:  # "negotiations in Qatar": a country where no city is named
        for place in ctx.places.get(sent.index, []):
            if place.get("feature") != "country":
                continue
            root = ctx.root(place["char_start"], place["char_end"])
            if root is not None and chain and root.dep_ == "pobj" and _venue_path(root, chain) or (
                    inside(place, mm.start, mm.end) and root is not None and root.dep_ == "pobj"
                    and root.head.lower_ in ("in", "at") and syntax.is_ancestor(mm.head, root)):
                candidates.append((2, place))
    if not candidates:
        return _capital_of(ctx, sent, mm) or site_venue(ctx, sent, mm.head, chain, _venue_path)
    place = min(candidates, key=lambda c: (c[0], c[1]["char_start"]))[1]
    return {k: place.get(k) for k in ("text", "char_start", "char_end", "sentence", "name", "geonameid",
                                      "country", "lat", "lon", "feature")}


def _capital_of(ctx: DocumentContext, sent: Any, mm: MeetingMention) -> dict | None:
    """ "held in its capital", "in the Kazakh capital": the process venue of the country named."""
    clause = _clause_tokens(mm) or []
    if mm.head is None or not any(t.lower_ == "capital" for t in [*syntax.phrase_tokens(mm.head), *(
            d for v in clause for d in v.subtree)]):
        return None
    countries = {m.get("country") for m in ctx.mentions.get(sent.index, [])}
    when = interval_start(mm.dates)
    for v in ctx.lex.processes.get(mm.process, {}).get("venues", []):
        if v["country"] in countries and (when is None or (v.get("from", "0000") <= when <= v.get("to", "9999"))):
            return {"text": None, "char_start": None, "char_end": None, "sentence": sent.index, "name": v["name"],
                    "geonameid": None, "country": v["country"], "lat": None, "lon": None, "feature": "city",
                    "via": "capital of the country named"}
    return None


def interval_start(dates: list[dict]) -> str | None:
    """The earliest start among time dicts, or None."""
    starts = [t["start"] for t in dates if t.get("start")]
    return min(starts) if starts else None


def _venue_path(token: Any, chain: list[Any]) -> bool:
    """True if a place token says where the verbs of ``chain`` happen: "convene in the Kazakh
    capital of Astana", "Astana hosted"; not a place named deeper ("ties with Ankara")."""
    node = token
    for _ in range(8):
        if node.dep_ in ("nsubj", "nsubjpass") and node.head in chain and node.head.lemma_.lower() == "host":
            return True
        if node.dep_ == "prep":
            if node.lower_ in ("in", "at"):
                # "met Putin at the G20 summit in Hamburg": the occasion's place is the meeting's
                return node.head in chain or syntax.on_partner(node.head, chain) or (
                    node.head.lemma_.lower() in syntax.OCCASION_NOUNS and any(
                        syntax.occasion_of(node.head, v) for v in chain))
            if not (node.lower_ == "of" and node.head.lemma_.lower() in ("capital", "city")):
                return False
        elif node.dep_ not in ("pobj", "appos", "compound", "conj", "poss"):
            return False
        node = node.head
    return False


def _status_of(ctx: DocumentContext, sent: Any, mm: MeetingMention) -> None:
    lex, doc = ctx.lex, ctx.doc
    cues = list(lex.statuses.finditer(sent.text, sent.char_start))
    strong = [c for c in cues if c[0] in ("cancelled", "postponed")]
    if strong:
        label, text, s, e = strong[0]
        mm.status, mm.status_span = label, span_dict(doc, s, e, sent.index)
        if label == "postponed":
            times = [t for t in ctx.times.get(sent.index, []) if t.get("start") and not _report_time(ctx, t)]
            before = [t for t in times if t["char_end"] <= s] or mm.dates
            after = [t for t in times if t["char_start"] >= e]
            change = {"field": "start", "status": "postponed", "evidence": mm.status_span,
                      "from": min(t["start"] for t in before) if before else None,
                      "to": after[0]["start"] if after else None}
            mm.changes.append(change)
            mm.dates = after[:1] or mm.dates
        return
    clause = _clause_tokens(mm)
    for label, _text, s, e in cues:
        if clause is None or any(t.idx <= s < t.idx + len(t.text) + 1 for t in clause):
            mm.status, mm.status_span = label, span_dict(doc, s, e, sent.index)
            if label == "planned":  # "will meet on Monday": the Monday after the report
                mm.dates = [forward(t, ctx.published) for t in mm.dates]
                return
    if mm.status is None and mm.gov is not None and "Tense=Past" in str(mm.gov.morph) \
            and mm.gov.lemma_.lower() in lex.words("held_verbs"):
        mm.status = "held"
    if mm.status is None and mm.dates and ctx.published:
        end = max(t["end"] or t["start"] for t in mm.dates)
        start = min(t["start"] for t in mm.dates)
        if end < ctx.published.isoformat():
            mm.status = "held"
        elif start > ctx.published.isoformat():
            mm.status = "planned"


def _clause_tokens(mm: MeetingMention) -> list[Any] | None:
    """The governing verb of the phrase with its auxiliaries and the verbs it complements."""
    if mm.gov is None:
        return None
    toks = []
    verbs = syntax.verb_chain(mm.gov)
    if mm.head is not None:  # "the talks he plans to host"
        for clause in (c for c in mm.head.children if c.dep_ in ("relcl", "acl")):
            verbs += [clause, *(c for c in clause.children if c.dep_ == "xcomp")]
    for verb in verbs:
        toks.append(verb)
        toks.extend(c for c in verb.children if c.dep_ in ("aux", "auxpass", "prt", "neg"))
    return toks


# ---------------------------------------------------------------- the document pass

@dataclass
class SentenceFacts:
    """What one sentence says: meeting phrases, roles, outcomes, decisions, process names."""

    index: int
    meetings: list[MeetingMention]
    roles: list[dict]
    outcomes: list[dict]
    decisions: list[dict]
    aliases: list[tuple[str, dict]]
    process_level: bool


def read_sentence(ctx: DocumentContext, sent: Any) -> SentenceFacts:
    """Collect the meeting phrases, roles, outcomes and decisions of one sentence."""
    lex = ctx.lex
    if any(cue in sent.text for cue in lex.data.get("caption_cues", [])):
        return SentenceFacts(sent.index, [], [], [], [], [], False)  # a photo caption tells no meeting
    meetings = find_meeting_mentions(ctx, sent)
    decisions = decisions_in_sentence(ctx, sent, meetings)
    if decisions:
        for mm in meetings:
            stop = next((d for d in decisions if d["kind"] == "stop_hosting"), None)
            if mm.ordinal is not None and stop is not None:
                mm.flags.add("last_hosted")
                mm.flag_evidence["last_hosted"] = stop["cue"]
    mentions = ctx.mentions.get(sent.index, [])
    roles = roles_in_sentence(ctx, sent, mentions, meetings)
    outcomes = outcomes_in_sentence(ctx, sent, meetings)
    aliases = [(label, span_dict(ctx.doc, s, e, sent.index)) for label, _, s, e in lex.aliases.finditer(
        sent.text, sent.char_start)]
    cue = lex.process_cues.search(sent.text)
    process_level = bool(decisions) or (not any(m.specific for m in meetings)
                                        and (bool(aliases) or bool(cue) or any(m.generic for m in meetings)))
    if process_level or cue:
        # "the talks had fulfilled their mission": the process, not the latest round
        meetings = [m for m in meetings if m.specific]
    return SentenceFacts(sent.index, meetings, roles, outcomes, decisions, aliases, process_level)


def extract_meetings(doc: Any, lex: Lexicon | None = None) -> list[dict]:
    """Return the meeting and process records told in ``doc`` (see the module docstring).

    :param doc: a :class:`~parley.document.Document` that has been through the earlier stages.
    :param lex: the process lexicon; the packaged one by default.
    :returns: a list of meeting dicts followed by process dicts.
    """
    from parley.process.assemble import assemble

    lex = lex or load_lexicon()
    ctx = DocumentContext(doc, lex)
    facts = [read_sentence(ctx, sent) for sent in doc.sentences]
    records = assemble(ctx, facts)
    if loosely_dated(doc):  # the report's own day cannot stand for its meetings' days across documents
        for m in records:
            if m.get("kind") != "process":
                m["flags"] = sorted({*m.get("flags", []), REPORT_UNDATED})
    return records
