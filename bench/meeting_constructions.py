"""Benchmark: how news tells meetings of states, counted by construction, and how many the meeting
stage reads (issue 20, session 21).

Draws a seeded sample of the benchmark news (articles that use a word of meeting near a title of
office; never an article of an unseen set, nor one that ``bench/devsets/processes.yaml`` names, so
that the counts are independent of the dev parts), runs the real pipeline up to the meeting stage
(cached with ``--cache``), and keeps the sentences that name two different parties (states through
their leaders, ministers, governments or names, or a state and an international body) together
with a word of meeting (``MEETING_LEMMAS``). Each such sentence gets a construction: the head word
of meeting highest in its parse and the shape around it (``subj`` and ``obj`` holding a party, the
prepositions hung on it, a possessor, the clause it sits in: "meet:VERB main subj+obj", "visit:NOUN
poss to" ...). The report counts, per construction, the sentences and those from which the meeting
stage gives a meeting (a meeting whose evidence lies in the sentence), and ranks the constructions
the stage misses by frequency. Only counts and article ids are written, never the text.

Usage: ``PARLEY_SHARED=../shared PYTHONPATH=. python bench/meeting_constructions.py --unseen-ids FILE
[--sample 200] [--cache DIR] [--show CONSTRUCTION]`` (``--unseen-ids``, or ``PARLEY_UNSEEN_IDS=FILE``:
the lead's list of the unseen sets' article ids, required; the unseen sets' own files are never opened)
(``--show`` prints the uncovered sentences of one construction
to the terminal, for reading, and writes nothing; ``--lemmas forum,conference,vote --min-parties 1``
counts the sentences that tell a gathering or a vote with one party named, as procforum22 did).
Writes ``bench/reports/meeting_constructions.json``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (add_unseen_ids_option, bench_articles, cached_documents, excluded_article_ids,  # noqa: E402
                     keep_document, record_date)

OUT = Path(__file__).resolve().parent / "reports" / "meeting_constructions.json"
SEED = 2121

# lemmas of words that tell (or may tell) a meeting of two parties
MEETING_LEMMAS = frozenset({
    "meet", "meeting", "talk", "talks", "visit", "summit", "host", "receive", "welcome", "greet", "call",
    "discuss", "discussion", "travel", "trip", "arrive", "arrival", "sit", "negotiate", "negotiation", "confer",
    "audience", "hold", "tour", "conversation", "consultation", "fly", "head", "join", "accompany", "see",
    "sign", "agree", "shake", "dine", "dinner", "lunch", "breakfast", "conference", "appearance", "stop",
})
# words of a prefilter on the raw text: a word of meeting and a title of office
PREFILTER_MEETING = re.compile(r"\b(?:met|meet|meets|meeting|talks|visit\w*|summit|hosted|hosts|received|welcomed|"
                               r"discussed|arrived|sat down)\b")
# a title of office, and nationalities ("Japanese", "Iranian", "Turkish"): two different ones
PREFILTER_TITLE = re.compile(r"\b(?:President|Prime Minister|[Mm]inister|Chancellor|King|Premier|leader|"
                             r"[Ss]ecretary|counterpart|delegation)\b")
PREFILTER_NATIONALITY = re.compile(r"\b([A-Z][a-z]+(?:an|ese|ish|i|ch))\b")


def sample_records(news: Path, size: int, skip: set[str], seed: int = SEED) -> list[dict]:
    """A seeded sample of ``size`` benchmark articles that pass the prefilter and no excluded id.

    :param news: the benchmark news.
    :param size: articles to draw.
    :param skip: article ids never drawn (:func:`_common.excluded_article_ids`).
    :param seed: the sample's seed.
    """
    pool = [r for r in bench_articles(path=news) if r["id"] not in skip and r.get("text")
            and len(PREFILTER_MEETING.findall(r["text"])) >= 2 and PREFILTER_TITLE.search(r["text"])
            and len(set(PREFILTER_NATIONALITY.findall(r["text"]))) >= 2]
    random.Random(seed).shuffle(pool)  # (a larger sample takes a smaller one's articles first)
    return pool[:size]


def processed(records: list[dict], cache: Path | None) -> list:
    """The pipeline's documents of ``records`` (every stage but the meeting stage), cached."""
    from parley.document import Document
    from parley.pipeline import DEFAULT_PIPELINE, Pipeline

    ids = [r["id"] for r in records]
    cached = cached_documents(cache, ids)
    missing = [r for r in records if r["id"] not in cached]
    if missing:
        before = Pipeline.build([n for n in DEFAULT_PIPELINE if n != "parley_meetings"])
        docs = [Document.from_text(r["text"], published=record_date(r.get("date")), source_id=r["id"],
                                   title=r.get("title"), outlet=r.get("outlet")) for r in missing]
        for doc in before.pipe(docs):
            cached[doc.source_id] = doc
            keep_document(cache, doc)
    return [cached[i] for i in ids]


def _party(mention: dict) -> str | None:
    """The party a mention stands for where it can meet another: a state (by name, organ or a person
    acting for it) or an international body."""
    from parley.process.participants import acts_for_state, party_key

    kind = mention.get("type")
    if kind == "igo" or (kind in ("state", "organ") and mention.get("country")) or \
            (kind == "person" and acts_for_state(mention)):
        return party_key(mention)
    return None


def _depth(tok) -> int:
    return sum(1 for _ in tok.ancestors)


def _holds(tok, spans: list[tuple[int, int]]) -> bool:
    """True if the phrase of ``tok`` covers a party's mention."""
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    return any(lo <= s and e <= hi for s, e in spans)


def construction(tok, spans: list[tuple[int, int]]) -> str:
    """The construction of a word of meeting: lemma, part of speech, the clause it sits in and the
    arguments around it that hold a party (``subj``, ``obj``, ``poss``, ``PREP`` for a preposition whose
    object holds one, ``conj-subj`` for "X and Y met")."""
    lemma = tok.lemma_.lower()
    if tok.dep_ == "ROOT":
        clause = "main"
    elif tok.dep_ in ("advcl", "relcl", "ccomp", "xcomp", "acl", "conj", "pcomp"):
        clause = tok.dep_
    elif tok.dep_ == "pobj":
        clause = f"pobj:{tok.head.lower_}"
    elif tok.dep_ == "dobj":
        clause = f"dobj:{tok.head.lemma_.lower()}"
    else:
        clause = tok.dep_
    args = []
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass") and _holds(c, spans):
            args.append("conj-subj" if any(x.dep_ == "conj" for x in c.children) else "subj")
        elif c.dep_ == "dobj" and _holds(c, spans):
            args.append("obj")
        elif c.dep_ == "poss" and _holds(c, spans):
            args.append("poss")
        elif c.dep_ == "prep" and _holds(c, spans):
            args.append(c.lower_)
        elif c.dep_ == "agent" and _holds(c, spans):
            args.append("by")
        elif c.dep_ == "compound" and _holds(c, spans):
            args.append("compound")
    if tok.pos_ == "VERB" and not any(a in ("subj", "conj-subj") for a in args) and tok.dep_ != "ROOT" and \
            tok.tag_ in ("VBG", "VBN") and tok.dep_ in ("advcl", "acl"):
        clause = f"{clause}-participle"
    return f"{lemma}:{tok.pos_} {clause} {'+'.join(sorted(args)) or '-'}"


def candidates(doc, lemmas: frozenset[str] = MEETING_LEMMAS, min_parties: int = 2) -> list[dict]:
    """The sentences of ``doc`` that name two parties (``min_parties``) and a word of meeting (one of
    ``lemmas``), with their constructions."""
    from parley.process.context import group_by_sentence

    sdoc = doc.spacy_doc
    if sdoc is None:
        return []
    mentions = group_by_sentence(doc, doc.mentions or [])
    out = []
    for sent in doc.sentences:
        parties = {}
        for m in mentions.get(sent.index, []):
            key = _party(m)
            if key:
                parties.setdefault(key, []).append((m["char_start"], m["char_end"]))
        if len(parties) < min_parties:
            continue
        span = sdoc.char_span(sent.char_start, sent.char_end, alignment_mode="expand")
        if span is None:
            continue
        triggers = [t for t in span if t.lemma_.lower() in lemmas and t.pos_ in ("VERB", "NOUN")]
        if not triggers:
            continue
        spans = [s for v in parties.values() for s in v]
        top = min(triggers, key=_depth)
        out.append({"sentence": sent.index, "start": sent.char_start, "end": sent.char_end,
                    "construction": construction(top, spans), "parties": sorted(parties),
                    "triggers": [(t.idx, construction(t, spans)) for t in triggers]})
    return out


def coverage(docs: list, lex, lemmas: frozenset[str] = MEETING_LEMMAS, min_parties: int = 2) -> tuple[list[dict], dict]:
    """Every candidate sentence with ``covered`` (a meeting whose evidence lies in it) and ``parties_found``
    (that meeting's parties), and the CPU seconds of the meeting stage (``lemmas``, ``min_parties``: as
    :func:`candidates`)."""
    import time

    from parley.process.meetings import extract_meetings
    from parley.process.participants import party_key

    rows, cpu = [], 0.0
    for doc in docs:
        t0 = time.process_time()
        meetings = [m for m in extract_meetings(doc, lex) if m.get("kind") != "process"]
        cpu += time.process_time() - t0
        for cand in candidates(doc, lemmas, min_parties):
            told = [m for m in meetings if any(e.get("sentence") == cand["sentence"] for e in m.get("evidence", []))]
            found = sorted({party_key(p) or "" for m in told for p in m.get("participants", [])} - {""})
            rows.append({**cand, "doc": doc.source_id, "covered": bool(told), "parties_found": found,
                         "dated": any(m.get("start") for m in told), "placed": any(m.get("venue") for m in told)})
    return rows, {"meeting_stage_cpu_s": round(cpu, 2)}


def tally(rows: list[dict]) -> dict:
    """Counts per construction: sentences, covered, with both parties, and the ranking of the missed."""
    by: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        c = by[r["construction"]]
        c["sentences"] += 1
        c["covered"] += r["covered"]
        c["two_parties"] += r["covered"] and len(set(r["parties_found"]) & set(r["parties"])) >= 2
        c["dated"] += r["dated"]
        c["placed"] += r["placed"]
    table = sorted(({"construction": k, **v} for k, v in by.items()),
                   key=lambda x: (-(x["sentences"] - x["covered"]), x["construction"]))
    heads: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        head = r["construction"].split()[0]
        heads[head]["sentences"] += 1
        heads[head]["covered"] += r["covered"]
        heads[head]["missed"] += not r["covered"]
    return {
        "sentences": len(rows), "covered": sum(r["covered"] for r in rows),
        # the head words, the most often missed first
        "by_head": dict(sorted(((k, dict(v)) for k, v in heads.items()), key=lambda kv: (-kv[1]["missed"], kv[0]))),
        "constructions": table,
        "uncovered_ranked": [{"construction": x["construction"], "missed": x["sentences"] - x["covered"],
                              "sentences": x["sentences"]} for x in table if x["sentences"] > x["covered"]][:40],
    }


def main() -> None:
    """Sample, process, count and write the report (or show the missed sentences of one construction)."""
    from process_eval import news_path

    from parley.process.lexicon import load_lexicon

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", help="the benchmark news (JSON Lines, gzipped)")
    parser.add_argument("--sample", type=int, default=200, help="articles to draw (default 200)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--cache", type=Path, help="a directory to keep processed documents in")
    parser.add_argument("--show", help="print the missed sentences of constructions starting so; write nothing")
    parser.add_argument("--covered", action="store_true", help="with --show: the covered ones instead")
    parser.add_argument("--out", type=Path, default=OUT, help="the report to write")
    parser.add_argument("--lemmas", help="comma-separated words of meeting to count instead of MEETING_LEMMAS "
                        "(\"forum,conference,vote\": the sentences that tell a gathering or a vote)")
    parser.add_argument("--min-parties", type=int, default=2, help="parties a sentence must name (default 2; "
                        "1 for a gathering one leader speaks at, or a council's vote)")
    add_unseen_ids_option(parser)
    args = parser.parse_args()
    records = sample_records(news_path(args.news), args.sample, excluded_article_ids(args.unseen_ids), args.seed)
    docs = processed(records, args.cache)
    lemmas = frozenset(w.strip().lower() for w in args.lemmas.split(",")) if args.lemmas else MEETING_LEMMAS
    rows, cpu = coverage(docs, load_lexicon(), lemmas, args.min_parties)
    if args.show is not None:
        text = {d.source_id: d.text for d in docs}
        for r in rows:
            if r["construction"].startswith(args.show) and r["covered"] == args.covered:
                print(f"{r['construction']} | {r['parties']} -> {r['parties_found']}\n   "
                      f"{' '.join(text[r['doc']][r['start']:r['end']].split())}")
        return
    report = {"sample": len(records), "seed": args.seed, **cpu, **tally(rows),
              "rows": [{k: r[k] for k in ("doc", "sentence", "construction", "parties", "covered", "parties_found")}
                       for r in rows]}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(f"{report['sample']} articles, {report['sentences']} sentences naming two parties and a word of meeting, "
          f"{report['covered']} give a meeting; meeting stage {cpu['meeting_stage_cpu_s']} CPU s")
    print(f"{'missed':>7s} {'sent':>5s}  head word")
    for head, c in list(report["by_head"].items())[:20]:
        print(f"{c['missed']:7d} {c['sentences']:5d}  {head}")
    print(f"{'missed':>7s} {'sent':>5s}  construction")
    for x in report["uncovered_ranked"][:25]:
        print(f"{x['missed']:7d} {x['sentences']:5d}  {x['construction']}")
    print(f"report written to {args.out}")


if __name__ == "__main__":
    main()
