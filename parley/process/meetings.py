"""Recognise meetings, rounds, talks, summits and consultations in one document.

Reads what earlier stages found (``doc.mentions``, ``doc.times``, ``doc.places`` and the parse
on ``doc.spacy_doc``) and the lexicon in ``parley/data/processes.yaml``. Writes
``doc.meetings``: one dict per meeting told in the document (the contract in
``docs/design-notes.md``) plus one ``{"kind": "process"}`` record per process the document
speaks of as a whole, which carries decisions about the process (a host that stops hosting,
a condition to resume, a proposal to rotate venues), process-level roles and outcomes.
:func:`parley.process.merge.build_processes` joins them across documents.

This module finds the phrases (nouns, verbs of meeting and signing, visits) and runs the
document pass; one module each reads what a phrase says: :mod:`~parley.process.specific`
(one meeting or many, of which process), :mod:`~parley.process.timing` (its dates),
:mod:`~parley.process.venues` (its place), :mod:`~parley.process.status` (planned, held ...),
:mod:`~parley.process.sides` (which phrases of a sentence are two meetings, and which meet one state's own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from parley.process import syntax
from parley.process.appearances import APPEARANCES, appearances
from parley.process.appearances import subject as appearance_subject
from parley.process.calendar import names_gathering
from parley.process.councils import council_votes
from parley.process.context import REPORT_UNDATED, DocumentContext, loosely_dated, span_dict, venue_dict
from parley.process.dating import duration_days, lasting, measure_unit
from parley.process.decisions import decisions_in_sentence
from parley.process.lexicon import Lexicon, load_lexicon, round_number
from parley.process.mention import COUNCIL_VOTE, ROUND_IN_CITY, MeetingMention
from parley.process.participants import outcomes_in_sentence, roles_in_sentence
from parley.process.sides import OWN_STATE, meet_own_state
from parley.process.specific import conditional, eventuality, first_of_kind, is_generic, of_something_else, process_of
from parley.process.status import status_of
from parley.process.summonses import SUMMONS, summonses
from parley.process.timing import dates_of, lead_day, report_time, time_attaches
from parley.process.venues import venue_of
from parley.process.visits import PRESENCE, PRESENT, journeys, presences


# words that put a meeting after the report that tells it
UPCOMING = {"upcoming", "forthcoming", "coming"}


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
    triggers += _held_nouns(ctx, sent)
    for kind, text, start, end in triggers:
        head = ctx.root(start, end)
        mm = MeetingMention(sent.index, start, end, text, kind, head=head)
        if head is not None and head.pos_ in ("VERB", "AUX"):
            continue  # "talks" as a verb ("she talks tough"); meetings told by verbs come below
        if head is not None:
            _noun_phrase(mm, head)
        else:  # no parse: a window of a few words before, up to the next punctuation after
            before = re.search(r"(?:[\w'’-]+\s+){0,4}$", sent.text[:start - sent.char_start])
            after = re.search(r"[,.;:!?]", sent.text[end - sent.char_start:])
            mm.start = sent.char_start + (before.start() if before else start - sent.char_start)
            mm.end = end + (after.start() if after else len(sent.text) - (end - sent.char_start))
        found.append(mm)
    found += _verbal_meetings(ctx, sent, found)
    found += _visits(ctx, sent)
    found += _summonses(ctx, sent)
    found += _council_votes(ctx, sent)
    together = _appearances(ctx, sent)
    # "a joint news conference with X" is the appearance, not a conference of a process
    found = [m for m in found if m.verbal or m.head is None or not any(a.head.i == m.head.i for a in together)] + together
    # a meeting word inside another's phrase ("20th round of talks") belongs to that phrase
    kept = [m for m in found if not any(o is not m and _belongs(m, o) for o in found)]
    for mm in kept:
        _describe(ctx, sent, mm, kept)
        if mm.head is not None and meet_own_state(ctx, mm.head, mm.gov, mm.verbal, ctx.mentions.get(sent.index, [])):
            mm.flags.add(OWN_STATE)
    kept = [one for mm in kept for one in _one_a_city(ctx, sent, mm)]
    # ("was in Doha" tells no visit of the report's days: only with a time of its own)
    return [m for m in kept if (COUNCIL_VOTE not in m.flags or m.dated) and (not m.verbal or (m.specific and _abroad_or_between(m)
                                                and (m.dated or PRESENCE not in m.flags or PRESENT in m.flags)
                                                and (AGREED not in m.flags or _agreed_in_city(ctx, m))
                                                and (CONFERRED not in m.flags or _conferred_in_person(ctx, sent, m))))]


def _noun_phrase(mm: MeetingMention, head: Any) -> None:
    """Give a meeting told by a noun the span of its phrase, its governing verb and whether it lies in
    the main clause."""
    toks = [t for t in syntax.phrase_tokens(head) if not t.is_space]
    mm.start, mm.end = min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks)
    mm.gov = syntax.governing_verb(head)
    mm.main = not any(a.dep_ in ("relcl", "advcl", "acl") for a in [head, *head.ancestors]
                      if mm.gov is None or syntax.is_ancestor(mm.gov, a)) and not _after_since(head)


def _cities_of_rounds(ctx: DocumentContext, sent: Any, mm: MeetingMention) -> list[dict]:
    """ "meetings in Berlin and Vienna", "talks in Doha and Islamabad": the cities joined by "and" to
    the city a plural meeting noun is placed in (the venue first), each the place of one of them;
    [] for one city, a singular noun or a meeting told by a verb."""
    venue = mm.venue or {}
    if mm.verbal or mm.head is None or mm.head.tag_ != "NNS" or venue.get("feature") != "city" \
            or venue.get("char_start") is None:
        return []
    head = syntax.place_phrase_root(ctx.root(venue["char_start"], venue["char_end"]))
    if head is None or head.dep_ != "pobj" or head.head.lower_ not in ("in", "at"):
        return []
    cities = [venue]
    for place in ctx.places.get(sent.index, []):
        root = ctx.root(place["char_start"], place["char_end"])
        if place.get("feature") == "city" and root is not None and root.i != head.i and root.dep_ == "conj" \
                and any(a.i == head.i for a in root.ancestors) and all(
                    a.dep_ == "conj" for a in root.ancestors if a.i > head.i and a.i < root.i) \
                and place.get("name") not in {c.get("name") for c in cities}:
            cities.append(venue_dict(place))
    return cities if len(cities) > 1 else []


def _window_of_saying(ctx: DocumentContext, mm: MeetingMention) -> list[dict]:
    """The week or month the clause that tells rounds in several cities is said in ("told reporters
    last month after returning from talks in A and B"): they were held by then, in that window."""
    out = []
    for t in ctx.times.get(mm.sentence, []):
        if t.get("precision") in ("week", "month") and t.get("start") and report_time(ctx, t) \
                and (root := ctx.root(t["char_start"], t["char_end"])) is not None \
                and (verb := syntax.governing_verb(root)) is not None and syntax.is_ancestor(verb, mm.head):
            out.append({**t, "bound": None})
    return out[:1]


def _one_a_city(ctx: DocumentContext, sent: Any, mm: MeetingMention) -> list[MeetingMention]:
    """A plural meeting noun placed in several cities, dated, is one meeting in each (see
    :func:`_cities_of_rounds`); any other phrase is itself."""
    if mm.generic or not mm.dates:
        return [mm]
    cities = _cities_of_rounds(ctx, sent, mm)
    if not cities:
        return [mm]
    out = []
    for city in cities:
        one = replace(mm, venue=city, flags={*mm.flags, ROUND_IN_CITY}, flag_evidence=dict(mm.flag_evidence))
        out.append(one)
    return out


def _held_nouns(ctx: DocumentContext, sent: Any) -> list[tuple[str, str, int, int]]:
    """ "Kerry held discussions in Beijing with Xi": a noun that names a meeting only as the object
    of a verb of holding (``held_meeting_nouns``, ``holding_verbs``)."""
    if ctx.sdoc is None:
        return []
    holding = ctx.lex.words("holding_verbs")
    return [("talks", tok.text, tok.idx, tok.idx + len(tok.text))
            for tok in ctx.sentence_tokens(sent, ctx.lex.words("held_meeting_nouns"), ("NOUN",))
            if tok.dep_ == "dobj" and tok.head.lemma_.lower() in holding]


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
    # (a sentence that names no one may tell a meeting of those named before it: "the pair met")
    if ctx.sdoc is None or not (ctx.mentions.get(sent.index) or ctx.mentions.get(sent.index - 1)):
        return []
    from parley.process.participants import meeting_partners, party_key

    out = []
    conferring = ctx.lex.words("conferring_verbs")
    verbs = ctx.lex.words("meeting_verbs") | ctx.lex.words("signing_verbs") | conferring
    agreed = {tok.i: tok for tok in _agreement_verbs(ctx, sent)}
    phrasal = _phrasal_meeting_verbs(ctx, sent)
    tokens = [*ctx.sentence_tokens(sent, verbs, ("VERB", "AUX")), *phrasal,
              *(agreed[i] for i in sorted(agreed))]
    for tok in tokens:
        if syntax.denied(tok):
            continue  # "will not meet", "would not shake hands or meet": a meeting said not to happen
        if tok.lemma_.lower() in conferring and any(m.head is not None and syntax.is_ancestor(tok, m.head)
                                                     for m in found):
            continue  # "discussed trade during talks in Beijing": the talks are the meeting
        parties = {party_key(m) for m, _ in meeting_partners(ctx, tok, ctx.mentions.get(sent.index, []))} - {None}
        if not parties or tok in phrasal and len(parties) < 2:
            # "sat down with" is said of fans, voters and interviewers as of leaders: a meeting only
            # with a second party named
            continue
        kind = "signing" if tok.lemma_.lower() in ctx.lex.words("signing_verbs") else "talks"
        mm = MeetingMention(sent.index, tok.idx, tok.idx + len(tok.text), tok.text, kind, head=tok, gov=tok,
                            verbal=True)
        if tok.i in agreed:
            mm.flags.add(AGREED)
        if tok.lemma_.lower() in conferring:
            mm.flags.add(CONFERRED)
        if len(parties) == 1:  # "Trump and Kim will meet in Singapore" with Kim unknown: abroad only
            mm.flags.add("one party named")
            mm.lone_party = next(iter(parties))
        out.append(mm)
    return out


# a meeting told by two parties' agreement ("agreed in Moscow", "reached a deal in Seoul")
AGREED = "agreement"
# a meeting told by a verb of talking something over ("discussed trade in Beijing")
CONFERRED = "conferred"


def _phrasal_meeting_verbs(ctx: DocumentContext, sent: Any) -> list[Any]:
    """The verbs of a sentence that tell a meeting with their particle ("sat down with the premier"):
    ``meeting_phrasal_verbs`` in the lexicon, the verb and its particle."""
    pairs = ctx.lex.word_pairs("meeting_phrasal_verbs")
    return [tok for tok in ctx.sentence_tokens(sent, ctx.lex.pair_heads("meeting_phrasal_verbs"), ("VERB",))
            if any(c.dep_ == "prt" and (tok.lemma_.lower(), c.lower_) in pairs for c in tok.children)]


def _conferred_in_person(ctx: DocumentContext, sent: Any, mm: MeetingMention) -> bool:
    """Talking something over tells a meeting only where the sentence names the city it is done in
    (the venue read from the sentence, not from a dateline), both parties named, and no means of talking
    apart ("discussed Syria in a phone call", "by video link"): leaders discuss as often by telephone as
    face to face, and one who "spoke in Beijing" gave a speech."""
    venue = mm.venue or {}
    if mm.lone_party is not None or venue.get("feature") != "city" or venue.get("sentence") != sent.index or venue.get("via") == "dateline":
        return False
    words = set(re.findall(r"[\w-]+", sent.text.lower()))
    return not words & ctx.lex.words("remote_means_words")


def _agreement_verbs(ctx: DocumentContext, sent: Any) -> list[Any]:
    """The verbs of a sentence by which parties come to an agreement: "agreed", or "reached", "sealed",
    "struck" with an agreement noun as object ("reached an agreement", "sealed a deal")."""
    lex = ctx.lex
    agreeing = lex.words("agreement_verbs")
    reaching = lex.words("reaching_verbs")
    nouns = lex.words("agreement_nouns")
    return [tok for tok in ctx.sentence_tokens(sent, agreeing | reaching, ("VERB",))
            if tok.lemma_.lower() in agreeing
            or any(c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in tok.children)]


def _agreed_in_city(ctx: DocumentContext, mm: MeetingMention) -> bool:
    """An agreement tells a meeting only between two named parties in a named city said of the verb
    or of its agreement noun ("agreed in Moscow", "reached a deal in Seoul"), or "here" under a
    dateline: agreeing there puts both there. Agreeing "on Monday" may be by telephone, agreeing
    "in Syria" may name what is agreed on, and "agreed to set up a zone in Idlib" places what is
    agreed, not the parties."""
    venue = mm.venue or {}
    if mm.lone_party is not None or venue.get("feature") != "city" or mm.head is None:
        return False
    if venue.get("via") == "dateline":
        return True
    if venue.get("char_start") is None:
        return False
    place = syntax.place_phrase_root(ctx.root(venue["char_start"], venue["char_end"]))
    if place is None or place.dep_ != "pobj" or place.head.lower_ not in ("in", "at"):
        return False
    holder = place.head.head
    return holder.i == mm.head.i or (holder.dep_ == "dobj" and holder.head.i == mm.head.i)


def _visits(ctx: DocumentContext, sent: Any) -> list[MeetingMention]:
    """ "The president arrives Wednesday in Jerusalem", "Trump's decision to visit Mexico", "the
    premier's visit to Tokyo", "the minister is in Seoul": a leader or minister who goes to another country meets its government
    there (a state or working visit). Kept, like a meeting told by its verb, when dated or placed
    and held abroad; the visitor is its one named party, the country visited its host."""
    out = []
    for tok, visitor, where in journeys(ctx, sent):
        mm = MeetingMention(sent.index, tok.idx, tok.idx + len(tok.text), tok.text, "visit", head=tok,
                            gov=tok if tok.pos_ == "VERB" else (syntax.governing_verb(tok) or tok), verbal=True)
        mm.lone_party, mm.destination = visitor, where
        mm.flags.add("visit")
        out.append(mm)
    for start, end, visitor, where, now in presences(ctx, sent):
        # the verb of the words of presence ("are", "said") where the sentence is parsed
        verb = ctx.root(start, start + len(ctx.doc.text[start:end].split()[0]))
        verb = verb if verb is not None and verb.pos_ in ("VERB", "AUX") else None
        mm = MeetingMention(sent.index, start, end, ctx.doc.text[start:end], "visit", head=verb, gov=verb, verbal=True)
        mm.lone_party, mm.destination = visitor, where
        mm.flags.update({"visit", PRESENCE, PRESENT} if now else {"visit", PRESENCE})
        out.append(mm)
    return out


def _summonses(ctx: DocumentContext, sent: Any) -> list[MeetingMention]:
    """ "The foreign ministry summoned the Russian ambassador": a government that summons another state's
    envoy meets that state at its ministry (:mod:`parley.process.summonses`); the envoy's state is
    the meeting's named party, the summoning state its host."""
    out = []
    for verb, sender, _, venue in summonses(ctx, sent):
        mm = MeetingMention(sent.index, verb.idx, verb.idx + len(verb.text), verb.text, "summons", head=verb,
                            gov=verb, verbal=True)
        mm.lone_party, mm.destination = sender, venue
        mm.flags.add(SUMMONS)
        out.append(mm)
    return out


# a council's vote that does not name its council ("Friday's vote"): the document's council's
COUNCIL_OF_DOCUMENT = "the council of the document"


def _council_votes(ctx: DocumentContext, sent: Any) -> list[MeetingMention]:
    """ "The Security Council voted on Friday", "Friday's vote in the Security Council", "the resolution
    adopted on Friday": a council's vote is its meeting at its seat (:mod:`parley.process.councils`);
    the council is the meeting's named party and the gathering whose own meeting it is. Kept only
    when dated (by its own words or the lead): a council's vote told with no time ("the council has
    voted to extend the mission") is background, and its seat comes from knowledge, not the text."""
    out = []
    for tok, council, seat, own in council_votes(ctx, sent):
        # (the noun "vote" is the meeting's phrase, as "summit" is: who acts after it is no party)
        verbal = tok.pos_ == "VERB"
        mm = MeetingMention(sent.index, tok.idx, tok.idx + len(tok.text), tok.text, "talks", head=tok,
                            gov=tok if verbal else None, verbal=verbal)
        if not verbal:
            _noun_phrase(mm, tok)
        mm.lone_party, mm.destination = council, seat
        mm.flags.add(COUNCIL_VOTE)
        if not own:
            mm.flags.add(COUNCIL_OF_DOCUMENT)
        out.append(mm)
    return out


def _finer(venue: dict | None, destination: dict | None) -> dict | None:
    """The venue of a meeting, or the place its visit goes to where that is a city of the country
    found as the venue ("will visit Abu Dhabi in the United Arab Emirates": the city, not the country)."""
    if venue is None or (destination is not None and venue.get("feature") == "country"
                         and destination.get("feature") == "city" and destination.get("country") == venue.get("country")):
        return destination or venue
    return venue


def _appearances(ctx: DocumentContext, sent: Any) -> list[MeetingMention]:
    """ "Trump told a joint news conference with May", "speaking alongside Merkel", "Abe hosted Modi":
    two leaders seen together meet (:mod:`parley.process.appearances`); kept, like a meeting told
    by its verb, when dated or placed."""
    out = []
    for tok, gov, partners, flag in appearances(ctx, sent):
        if syntax.subject_of(gov) is None:  # "Speaking alongside X, the president said"
            partners = [*partners, appearance_subject(gov)]
        toks = syntax.phrase_tokens(tok) if tok.pos_ == "NOUN" else [tok]
        mm = MeetingMention(sent.index, min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks), tok.text,
                            "talks", head=tok, gov=gov, verbal=True, partners=partners)
        mm.flags.add(flag)
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


def _after_since(head: Any) -> bool:
    return head.head.dep_ == "prep" and head.head.lower_ in ("since", "before", "after")


def _counts_other(ctx: DocumentContext, mm: MeetingMention, match: re.Match, left: str) -> bool:
    """True if the ordinal ``match`` of the text ``left`` counts a noun other than the meeting, one
    that counts times or days rather than meetings (``elliptic_ordinal_not_before``: "the first time",
    "on the second day of talks")."""
    if mm.head is None:
        return False
    at = ctx.doc.text.find(left, max(mm.start - 400, 0))
    if at < 0:
        return False
    tok = ctx.root(at + match.start(), at + match.end())
    return tok is not None and tok.head.i != mm.head.i and \
        tok.head.lemma_.lower() in ctx.lex.words("elliptic_ordinal_not_before")


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
                           and first_of_kind(mm.head, lex.words("first_of_kind"))):
            mm.ordinal = None  # "First Syria Round in Renamed Nur-Sultan": headlines drop too much
        if _counts_other(ctx, mm, m, left):
            mm.ordinal = None  # "the first time summit plans were ...", "the second day of talks"
    n = lex.numbered.search(phrase) if lex.numbered else None
    if n and mm.ordinal is None:
        mm.ordinal = round_number(n)
    for rel, cues in lex.data.get("relative_cues", {}).items():
        if words & {c.lower() for c in cues} and rel != "first":
            mm.relative = rel
    mm.process = process_of(ctx, sent, mm, phrase)
    mm.gathering = not mm.verbal and (mm.kind == "summit" or names_gathering(phrase))
    mm.dates = dates_of(ctx, mm, others)
    if SUMMONS in mm.flags:
        # a summons takes one day: "on Monday and again on Thursday" is not one from Monday to Thursday,
        # and in "Oslo summoned X on Tuesday and Moscow summoned Y on Wednesday" each takes the day after it
        days = [t for t in mm.dates if t.get("precision") == "day" and (t.get("end") or t["start"]) == t["start"]]
        mm.dates = sorted(days, key=lambda t: (t.get("char_start", mm.end) < mm.end,
                                               abs(t.get("char_start", mm.end) - mm.end)))[:1]
    days = None if mm.verbal else duration_days(mm.head)
    if days:  # "wrapped up three days of talks on Monday", "after twelve days of talks, ... announced"
        times = [t for t in ctx.times.get(mm.sentence, []) if t.get("kind") != "duration"]
        told = [t for t in mm.dates if t.get("precision") == "day"] or [
            t for t in times if time_attaches(ctx, mm, t)] or [t for t in times if not report_time(ctx, t)]
        unit = measure_unit(mm.head)
        said = span_dict(doc, unit.left_edge.idx, unit.idx + len(unit.text), mm.sentence)
        clause = mm.gov
        if clause is not None and clause.tag_ in ("VBG", "VB"):  # "securing" tells no time: its clause does
            clause = next((a for a in clause.ancestors if a.pos_ in ("VERB", "AUX") and a.tag_ not in ("VBG", "VB")),
                          clause)
        whole = lasting(days, told, clause, None if mm.dates else ctx.published, lex.words("concluding_verbs"), said,
                        lex.words("opening_verbs"))
        mm.dates = [whole] if whole else mm.dates
    # (a summons is held where summonses.py placed it: the summoning state's city)
    # (and a council votes at its seat: a place of its sentence is mostly what it votes on)
    mm.venue = mm.destination if mm.flags & {SUMMONS, COUNCIL_VOTE} else _finer(venue_of(ctx, sent, mm, others),
                                                                               mm.destination)
    mm.level = lex.levels.search(phrase)
    mm.side = mm.ordinal is None and (bool(lex.side_words.search(phrase)) or mm.kind == "consultations"
                                      or (mm.level is not None and mm.kind == "talks"))
    mm.level = mm.level if mm.side else None
    mm.hypothetical = mm.gov is not None and any(
        c.dep_ == "aux" and c.lower_ in ("could", "might", "may") for c in mm.gov.children)
    if mm.flags & APPEARANCES and not mm.dates:  # (before the test of a meeting told undated and unplaced)
        mm.dates = [day for day in [lead_day(ctx, mm)] if day]
    # ("a joint news conference with X" is an appearance of two leaders, not the news media's event)
    cities = _cities_of_rounds(ctx, sent, mm)
    if cities and not mm.dates:  # "told reporters last month after returning from talks in A and B"
        mm.dates = _window_of_saying(ctx, mm)
    mm.generic = conditional(ctx, mm) or (is_generic(ctx, mm, words) and not (cities and mm.dates
                                                                              and not words & lex.words("generic_cues"))) or bool(words & lex.words("not_meeting_cues") and not mm.flags & APPEARANCES) \
        or of_something_else(ctx, mm, phrase) or eventuality(ctx, mm)
    if (words & UPCOMING or any(w.startswith("yet-to-") for w in words)) and ctx.published:
        # "the minister's upcoming summit", "the yet-to-be-scheduled summit" lie after the report
        mm.dates = [t for t in mm.dates if (t.get("end") or t["start"]) >= ctx.published.isoformat()]
        mm.status = "planned"
    status_of(ctx, sent, mm)
    if not (mm.generic or mm.hypothetical):
        day = lead_day(ctx, mm)
        mm.dates = [day] if day else mm.dates


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
