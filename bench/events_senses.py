"""Benchmark: the event coder's wrong-type errors on the dev sets, classed by the evidence that decides the sense.

A wrong-type case is a sentence of a dev set (all but the unseen ``--skip`` sets) where the coder
coded an event of a type the gold does not have and missed one of a type it has: the trigger was
read, in the wrong sense. Each case is put in the first class its trigger's parse gives evidence for:

- ``governor_content``: an absorbing predicate ("agreed to", "called for", "vowed to") took the
  type from its content clause;
- ``modality_rule``: the trigger's own type was changed by a rule of modality (a future act is
  AGREE, an announced conflictual act THREATEN, a refused one REJECT): the reading of tense,
  intention or negation decides;
- ``nominal``: the trigger is a noun: its class and its modifiers decide ("a direct attack on",
  "an attack by hackers");
- ``light_verb_noun``: a light verb (launch, make, take, hold, ...) whose object noun decides
  ("launched a mediation effort" / "launched an offensive");
- ``object_class:<kind>``: a verb whose direct object's class decides: ``actor`` (a named state,
  body or person, or a party noun), ``people`` (persons named by a noun), ``statement`` (a text,
  a decision, a stance), ``place``, ``thing``;
- ``preposition``: a verb whose prepositional phrase decides ("charged with", "forced out of");
- ``subject_class:<kind>``: a verb with neither, whose subject's class decides.

It also lists the misses of the weak types (PROTEST, THREATEN, AID, CONCEDE, MOBILIZE) and whether
the sentence coded anything, and writes ``bench/reports/events_senses.json``. See ``docs/events.md``
(word-sense round).

Usage: python bench/events_senses.py [--skip fresh5]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import BENCH_NEWS, SHARED, write_report  # noqa: E402
from events_round7 import DEVSETS, NEWS_SETS, dev_set_names  # noqa: E402

LIGHT_VERBS = frozenset({"launch", "make", "take", "give", "hold", "stage", "conduct", "carry", "pledge", "offer",
                         "express", "issue", "set", "put", "open", "begin", "start", "mount", "deliver", "have"})
WEAK_TYPES = ("PROTEST", "THREATEN", "AID", "CONCEDE", "MOBILIZE")
NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _in(lexicon, lemma: str, name: str) -> bool:
    """Whether ``lemma`` is in the word class ``name`` (False where the lexicon has no such class:
    the script also classes the errors of code from before ``senses.yaml``)."""
    return name in lexicon.governors["classes"] and lexicon.in_class(lemma, "@" + name)


def noun_kind(token, lexicon) -> str:
    """The semantic class of a noun argument: actor, people, statement, place or thing."""
    lemma = token.lemma_.lower()
    if token.ent_type_ in NAMED or lemma in lexicon.word_set("unnamed_party_nouns") \
            or lemma in ("he", "she", "they", "we", "it"):
        return "actor"
    if lemma in lexicon.word_set("participant_nouns") or _in(lexicon, lemma, "crowd"):
        return "people"
    if _in(lexicon, lemma, "criticizable") or _in(lexicon, lemma, "blockable") \
            or lemma in lexicon.word_set("document_nouns"):
        return "statement"
    if token.ent_type_ in ("LOC", "FAC") or lemma in ("town", "city", "village", "area", "region", "border",
                                                      "house", "home", "building", "base", "camp"):
        return "place"
    return "thing"


def evidence(event: dict, token, lexicon) -> str:
    """The first evidence class the trigger's parse offers for deciding its sense."""
    if (event.get("trigger") or {}).get("content"):
        return "governor_content"
    if event.get("underlying_type") and event["underlying_type"] != event["event_type"] \
            or (event.get("modality") not in (None, "asserted", "reported")
                and event["event_type"] in ("AGREE", "THREATEN", "REJECT", "CONCEDE")):
        return "modality_rule"
    if token is None:
        return "other"
    if token.pos_ in ("NOUN", "PROPN"):
        return "nominal"
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if objects and token.lemma_.lower() in LIGHT_VERBS:
        return "light_verb_noun"
    if objects:
        return "object_class:" + noun_kind(objects[0], lexicon)
    preps = [c for c in token.children if c.dep_ in ("prep", "agent")]
    if preps:
        return "preposition"
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        return "subject_class:" + noun_kind(subjects[0], lexicon)
    return "other"


def main() -> None:
    """Code the dev sets, class every wrong-type case by its evidence and list the weak types' misses."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip", default="fresh5",
                        help="sets kept unseen (comma-separated; events_round7.UNSEEN_SETS are always left out)")
    args = parser.parse_args()
    from parley.evaluate import is_negated, plover_gold, read_jsonl, resolve_texts
    from parley.events import CODE_STAGES, code_records
    from parley.events.lexicon import load_lexicon
    from parley.model import load_model
    from parley.pipeline import Pipeline

    lexicon, nlp = load_lexicon(), load_model()
    pipeline = Pipeline.build(CODE_STAGES)
    names = dev_set_names(args.skip)
    classes, pairs = Counter(), Counter()
    by_set: dict[str, Counter] = defaultdict(Counter)
    weak_misses: dict[str, Counter] = defaultdict(Counter)
    cases = []
    for name in names:
        gold = [plover_gold(r) for r in read_jsonl(SHARED / "devsets" / "plover_gsr_dev.jsonl")] if name == "plover" \
            else resolve_texts(read_jsonl(DEVSETS / f"{NEWS_SETS[name]}.jsonl"), BENCH_NEWS)
        for record, coded in zip(gold, code_records(gold, pipeline)):
            events = [e for e in coded["events"] if not is_negated(e)]
            wanted = Counter(e["event_type"] for e in record["events"])
            got = Counter(e["event_type"] for e in events)
            missed, extra = wanted - got, got - wanted
            for event_type in missed:
                if event_type in WEAK_TYPES:
                    weak_misses[event_type]["wrong_type" if extra else "coded_nothing_of_it"] += missed[event_type]
            if not (missed and extra):
                continue
            sdoc = nlp(record["text"])
            for event in events:
                if extra[event["event_type"]] <= 0:
                    continue
                extra[event["event_type"]] -= 1
                start = (event.get("trigger") or {}).get("char_start")
                token = next((t for t in sdoc if t.idx == start), None)
                label = evidence(event, token, lexicon)
                classes[label] += 1
                by_set[name][label] += 1
                pair = f"{'/'.join(sorted(missed))} read as {event['event_type']}"
                pairs[pair] += 1
                cases.append({"set": name, "id": record["id"], "class": label, "pair": pair,
                              "trigger": (event.get("trigger") or {}).get("text")})
    report = {"sets": names, "wrong_type_cases": sum(classes.values()), "by_evidence": dict(classes.most_common()),
              "by_set": {k: dict(v.most_common()) for k, v in by_set.items()},
              "pairs": dict(pairs.most_common()), "weak_type_misses": {k: dict(v) for k, v in weak_misses.items()},
              "cases": cases}
    write_report("events_senses", report)


if __name__ == "__main__":
    main()
