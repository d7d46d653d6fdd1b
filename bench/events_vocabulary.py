"""Benchmark: which acts of political actors the event coder reads no event on, by frequency in the news.

Coverage measured on the language, not on dev sentences. Over a sample of the benchmark corpus
(``news-10k``, leaving out the unseen sets' articles, listed by the required ``--unseen-ids``,
every events dev set's and every process table article), every sentence
is parsed (``parse="all"``) and coded by the events stage as the pipeline runs it (an actor
required). A word is counted when a political actor named by the actors stage (a state, a
government organ, a leader, an organisation, an armed group, police, protesters ...; a place named
as a locative does not count) is its argument and no event has it as trigger or as absorbed content:

- ``verbs``: a verb whose subject (``nsubj``, ``nsubjpass``, the ``by``-agent) or object (``dobj``,
  the object of one of its prepositions) is an actor mention;
- ``light_nouns``: a noun that is the object of a light verb (``hold talks``, ``launch an
  offensive``) whose subject is an actor, counted as ``verb+noun``;
- ``of_nouns``: a noun whose ``of``/``by`` phrase or possessor is an actor ("the arrest of X",
  "X's withdrawal").

With ``--foreign`` only sentences that name a foreign state or an international organisation
(``bench/sample_sentences.py`` ``foreign_pattern``, the filter fresh13 was drawn with) are counted,
and the report is ``events_vocabulary_foreign.json``. ``frames`` ranks each verb with an actor
argument by its construction: the verb, its particle, and each object slot (``obj``, ``prep:<p>``)
with the kind of what fills it (the actors stage's type of the mention there, ``state``, ``igo``,
``person`` ...; else a word class of ``governors.yaml`` such as ``@agreement`` or ``@protest``; else
``-``; ``alone`` when it is the verb's only slot), with the types the coder gave that verb (``none``
when it read nothing): "quit" with an international body as its object, "call" with a person and
nothing else.

Each word comes with what the knowledge already says of it: parley's predicate entries for that
lemma (``predicates.yaml``), the PLOVER types the converted CAMEO dictionary gives it
(``cameo_verbs.jsonl``), and the types of PETRARCH-2's ``CAMEO.2.0.txt`` read independently (so a
word the converter dropped shows as raw types without converted ones). Reporting verbs
(``governors.yaml`` ``report_verbs``) and auxiliaries are left out. No sentence is written out:
the report holds counts and lemmas only. Writes ``bench/reports/events_vocabulary.json``.
See ``docs/events.md`` (session 21, evvocab21).

Usage: python bench/events_vocabulary.py --unseen-ids FILE [--articles 400] [--sentences 25] [--top 150] [--foreign]
(or ``PARLEY_UNSEEN_IDS=FILE`` for ``--unseen-ids``; without the list the script stops)
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import add_unseen_ids_option, bench_articles, excluded_article_ids, write_report  # noqa: E402
from events_coverage import CAMEO_SOURCE, nominal_verbs, raw_dictionary  # noqa: E402
from sample_sentences import foreign_pattern  # noqa: E402

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj"})
# auxiliaries, copulas and "according (to)", which the parser tags as a verb whose object is the source
SKIPPED_VERBS = frozenset({"be", "have", "do", "say", "tell", "will", "would", "can", "could", "may", "might",
                           "must", "shall", "should", "get", "become", "seem", "appear", "accord"})
KINDS = ("verbs", "light_nouns", "of_nouns")
LIGHT_VERBS = frozenset({"launch", "make", "take", "give", "hold", "stage", "conduct", "carry", "issue", "mount",
                         "deliver", "have", "announce", "begin", "start", "open", "impose", "lift", "sign"})


# the word classes a frame names an object by, when no actor mention fills the slot
FRAME_CLASSES = ("agreement", "organization", "meeting", "protest", "protester", "forces", "relations", "aid",
                 "ceasefire", "armament")


def actor_tokens(sdoc, mentions: list[dict]) -> dict[int, str]:
    """The tokens inside a non-locative actor mention, by index, with the mention's type."""
    inside = {}
    for mention in mentions:
        if mention.get("locative"):
            continue
        span = sdoc.char_span(mention["char_start"], mention["char_end"], alignment_mode="expand")
        if span is not None:
            inside.update((t.i, mention.get("type") or "?") for t in span)
    return inside


def read_tokens(sdoc, events: list[dict]) -> dict[int, str]:
    """The tokens an event reads, by index, with the event's type: its trigger and its absorbed
    content's trigger."""
    starts = {}
    for event in events:
        trigger = event.get("trigger") or {}
        starts[trigger.get("char_start")] = event["event_type"]
        content = trigger.get("content")
        if isinstance(content, dict):
            starts.setdefault(content.get("char_start"), event["event_type"])
    return {t.i: starts[t.idx] for t in sdoc if t.idx in starts}


def verb_arguments(token):
    """The argument tokens of a verb: subjects, objects, the by-agent and prepositions' objects."""
    for child in token.children:
        if child.dep_ in SUBJECT_DEPS or child.dep_ in OBJECT_DEPS:
            yield child
        elif child.dep_ in ("prep", "agent"):
            yield from (g for g in child.children if g.dep_ == "pobj")


def noun_parties(token):
    """The party tokens of a noun: its possessor and the objects of its of/by phrases."""
    for child in token.children:
        if child.dep_ == "poss":
            yield child
        elif child.dep_ == "prep" and child.lower_ in ("of", "by"):
            yield from (g for g in child.children if g.dep_ == "pobj")


def object_kind(token, actors: dict[int, str], lexicon) -> str:
    """What fills an object slot: the type of the actor mention it is in, else the first word class of
    :data:`FRAME_CLASSES` its lemma (or a word of its phrase) belongs to, else ``-``."""
    if token.i in actors:
        return actors[token.i]
    words = [token] + [c for c in token.children if c.dep_ in ("compound", "amod")]
    return next((f"@{name}" for name in FRAME_CLASSES for w in words
                 if lexicon.in_class(w.lemma_.lower(), f"@{name}")), "-")


def frames_of(verb, actors: dict[int, str], lexicon) -> list[str]:
    """A verb's constructions, one for each slot: its lemma and particle with the slot and what fills
    it ("quit obj:igo", "pull out prep:of:@agreement", "call obj:person"), ``clause`` for a clause
    complement, and ``alone`` for the slot of a verb with no object and no complement beside it (a
    date or time phrase is no slot): "call obj:person alone" is a call with nothing asked."""
    name = " ".join([verb.lemma_.lower()] + [c.lower_ for c in verb.children if c.dep_ == "prt"])
    slots = []
    for child in verb.children:
        if child.dep_ == "dobj":
            slots.append(f"obj:{object_kind(child, actors, lexicon)}")
        elif child.dep_ == "prep":
            slots += [f"prep:{child.lower_}:{object_kind(g, actors, lexicon)}" for g in child.children
                      if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]
        elif child.dep_ in ("xcomp", "ccomp", "oprd", "advcl"):
            slots.append("clause")
    if len(slots) == 1:
        return [f"{name} {slots[0]}", f"{name} {slots[0]} alone"]
    return [f"{name} {slot}" for slot in sorted(set(slots))] or [f"{name} -"]


def count_sentence(sent, actors: dict[int, str], read: dict[int, str], skipped: frozenset[str], counts: dict,
                   frames: Counter | None = None, lexicon=None) -> None:
    """Count the unread verbs and event nouns of one sentence whose argument is an actor.

    :param counts: kind -> Counter of words, the kinds of :data:`KINDS`.
    :param frames: (frame, type coded on the verb or ``none``) -> count, of every verb with an actor
        argument, read or not (:func:`frames_of`); None: frames not counted.
    """
    for token in sent:
        lemma = token.lemma_.lower()
        if frames is not None and token.pos_ == "VERB" and lemma not in skipped \
                and any(a.i in actors for a in verb_arguments(token)):
            for name in frames_of(token, actors, lexicon):
                frames[name, read.get(token.i, "none")] += 1
        if token.i in read:
            continue
        if token.pos_ == "VERB" and lemma not in skipped:
            if any(a.i in actors for a in verb_arguments(token)):
                counts["verbs"][lemma] += 1
        elif token.pos_ == "NOUN":
            head = token.head
            if token.dep_ == "dobj" and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in LIGHT_VERBS \
                    and head.i not in read \
                    and any(c.i in actors for c in head.children if c.dep_ in SUBJECT_DEPS):
                counts["light_nouns"][f"{head.lemma_.lower()}+{lemma}"] += 1
            elif any(p.i in actors for p in noun_parties(token)):
                counts["of_nouns"][lemma] += 1


def knowledge_of(word: str, lexicon, raw: dict) -> dict:
    """What parley's knowledge says of a counted word: its predicate entries, the types the converted
    CAMEO dictionary gives the bare verb (``converted``) and those of the raw ``CAMEO.2.0.txt`` (``raw``),
    for a noun those of the verbs it may derive from; ``patterns``: how many raw patterns name the verb."""
    lemma = word.split("+")[-1]
    entries = [e["id"] for e in lexicon.verbs.get(lemma, []) + lexicon.nouns.get(lemma, [])]
    verbs = (lemma,) if "+" not in word and lemma in raw else nominal_verbs(lemma)
    converted = sorted({e["type"] for v in verbs for _, e in lexicon.cameo.defaults.get(v, ()) if e})
    raw_types = sorted({t for v in verbs if v in raw for t in raw[v]["own"]})
    patterns = sum(len(raw[v]["patterns"]) for v in verbs if v in raw)
    return {"entries": entries, "converted": converted, "raw": raw_types, "patterns": patterns}


def main() -> None:
    """Code a sample of the benchmark corpus and rank the unread words of political actors."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400, help="articles read (after the exclusions)")
    parser.add_argument("--sentences", type=int, default=25, help="first sentences of each article kept")
    parser.add_argument("--top", type=int, default=150, help="words listed per kind")
    parser.add_argument("--foreign", action="store_true",
                        help="count only sentences naming a foreign state or an international organisation")
    add_unseen_ids_option(parser)
    args = parser.parse_args()
    excluded = excluded_article_ids(args.unseen_ids)
    from parley.document import Document
    from parley.events import CODE_STAGES
    from parley.events.lexicon import load_lexicon
    from parley.nlp import candidate_filter, token_rows
    from parley.pipeline import Pipeline

    started = time.process_time()
    lexicon = load_lexicon()
    raw = raw_dictionary(CAMEO_SOURCE)
    skipped = SKIPPED_VERBS | lexicon.word_set("report_verbs")
    # unclustered: every mention of a happening keeps its own trigger
    pipeline = Pipeline.build(CODE_STAGES, config={"parley_nlp": {"parse": "all"}, "parley_events": {"cluster": False}})
    candidates = candidate_filter()
    foreign = foreign_pattern() if args.foreign else None
    frames: Counter = Counter()
    counts = {kind: Counter() for kind in KINDS}
    unparsed = {kind: Counter() for kind in KINDS}
    articles = sentences = not_candidates = 0
    for article in bench_articles():
        if articles >= args.articles:
            break
        if article["id"] in excluded or not article.get("text"):
            continue
        articles += 1
        doc = pipeline(Document.from_text(article["text"]))
        sdoc = doc.spacy_doc
        actors, read, rows = actor_tokens(sdoc, doc.mentions), read_tokens(sdoc, doc.events), token_rows(sdoc)
        for number, sent in enumerate(sdoc.sents):
            if number >= args.sentences:
                break
            if foreign is not None and not foreign.search(sent.text):
                continue
            sentences += 1
            if candidates(sent, rows):
                count_sentence(sent, actors, read, skipped, counts, frames, lexicon)
            else:
                # the pipeline parses no such sentence: what parse="all" coded there is not coded as it runs
                not_candidates += 1
                count_sentence(sent, actors, {}, skipped, unparsed, frames, lexicon)
    report = {"articles": articles, "sentences": sentences, "not_candidate_sentences": not_candidates,
              "excluded_articles": len(excluded), "cpu_seconds": round(time.process_time() - started, 1)}
    for kind in KINDS:
        total = counts[kind] + unparsed[kind]
        report[kind] = [{"word": word, "count": n, "in_unparsed": unparsed[kind][word],
                         **knowledge_of(word, lexicon, raw)} for word, n in total.most_common(args.top)]
    by_frame: dict[str, Counter] = {}
    for (name, coded), n in frames.items():
        by_frame.setdefault(name, Counter())[coded] += n
    ranked = sorted(by_frame.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    report["frames"] = [{"frame": name, "count": sum(coded.values()), "coded": dict(coded.most_common())}
                        for name, coded in ranked[:args.top * 4]]
    write_report("events_vocabulary_foreign" if args.foreign else "events_vocabulary", report)


if __name__ == "__main__":
    main()
