"""Which sentences the nlp stage sends to the parser, and what their parses yield.

With ``parse="candidates"`` (the default) the tagger and parser run only on the sentences the
candidate filter keeps (``parley.nlp.CandidateFilter``): a sentence with an actor cue and a
trigger word of the event lexicon with the words it needs. The parse is most of the pipeline's
CPU; a rule whose trigger widens the filter costs parses on every text. This reads the first
``--articles`` benchmark articles as the nlp stage splits them (no parse), lists the candidate
sentences with the triggers whose needs each meets, runs the whole pipeline over the same
articles, and reports:

- ``parsed_sentences`` and ``parsed_tokens``: what the parser reads;
- per trigger lemma, the sentences it alone made candidates and how many of them report an event
  (``sole_triggers``, largest first): a cue that sends many sentences and codes few is where a
  narrower cue would save parses;
- with ``--baseline DIR`` (a checkout of another commit, read in a fresh process), the sentences
  only one side sends to the parser, with their triggers, and whether they report an event here.

Usage: python bench/pipeline_candidates.py [--articles 200] [--baseline DIR] [--out NAME]
Writes bench/reports/<NAME>.json (default pipeline_candidates).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

from _common import REPO, bench_articles, child_json, record_date, write_report


def candidates(articles: int) -> dict:
    """The candidate sentences of the first ``articles`` benchmark articles under the parley this
    process imports: ``[doc, start char, end char, tokens, triggers]`` each (triggers empty where
    that code cannot say them)."""
    from pipeline_stages import _commit

    import parley
    from parley.model import line_breaks
    from parley.nlp import candidate_filter, load_model, mark_datelines, token_rows

    nlp, keep = load_model(), candidate_filter()
    texts = [r["text"] for r in bench_articles(articles) if (r.get("text") or "").strip()]
    found = []
    for n, sdoc in enumerate(nlp.get_pipe("senter").pipe(nlp.tokenizer.pipe(texts))):
        mark_datelines(line_breaks(sdoc))
        rows = token_rows(sdoc)
        for sent in sdoc.sents:
            if keep(sent, rows):
                triggers = keep.triggers_met(sent, rows) if hasattr(keep, "triggers_met") else []
                found.append([n, sent.start_char, sent.end_char, len(sent), triggers])
    return {"code": _commit(Path(parley.__file__).parents[1]), "sentences": found}


def event_sentences(articles: int) -> set[tuple[int, int]]:
    """(doc, character offset) of the start of every event report the default pipeline finds in
    the first ``articles`` benchmark articles."""
    from parley.document import Document
    from parley.pipeline import Pipeline

    records = [r for r in bench_articles(articles) if (r.get("text") or "").strip()]
    docs = [Document.from_text(r["text"], published=record_date(r.get("date"))) for r in records]
    return {(n, mention["evidence"]["start"]) for n, doc in enumerate(Pipeline.build().pipe(docs))
            for event in doc.events for mention in event["mentions"]}


def report(this: dict, events: set[tuple[int, int]], baseline: dict | None, top: int = 40) -> dict:
    """The figures of the module docstring from this code's candidates, its event reports and,
    when given, a baseline's candidates."""
    by_doc: dict[int, list[int]] = {}
    for n, char in events:
        by_doc.setdefault(n, []).append(char)
    sentences = this["sentences"]
    # a report's evidence starts inside the sentence the filter kept (the parser may split it)
    yielding = [any(start <= char < end for char in by_doc.get(n, ())) for n, start, end, *_ in sentences]
    alone, alone_yield, alone_tokens = Counter(), Counter(), Counter()
    for sentence, coded in zip(sentences, yielding):
        if len(sentence[4]) == 1:
            alone[sentence[4][0]] += 1
            alone_yield[sentence[4][0]] += coded
            alone_tokens[sentence[4][0]] += sentence[3]
    out = {"code": this["code"], "parsed_sentences": len(sentences),
           "parsed_tokens": sum(s[3] for s in sentences), "with_events": sum(yielding),
           "sole_triggers": [{"trigger": t, "sentences": k, "with_events": alone_yield[t], "tokens": alone_tokens[t]}
                             for t, k in alone.most_common(top)]}
    if baseline is not None:
        ours = {tuple(s[:3]): (s, coded) for s, coded in zip(sentences, yielding)}
        theirs = {tuple(s[:3]): s for s in baseline["sentences"]}
        added = [ours[key] for key in sorted(set(ours) - set(theirs))]
        out["baseline"] = {
            "code": baseline["code"], "parsed_sentences": len(theirs),
            "parsed_tokens": sum(s[3] for s in theirs.values()),
            "only_this": {"sentences": len(added), "tokens": sum(s[3] for s, _ in added),
                          "with_events": sum(coded for _, coded in added),
                          "triggers": Counter(t for s, _ in added for t in s[4]).most_common()},
            "only_baseline": {"sentences": len(set(theirs) - set(ours)),
                              "tokens": sum(theirs[k][3] for k in set(theirs) - set(ours))}}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--baseline", help="a checkout of the code to compare with (its top directory)")
    parser.add_argument("--out", default="pipeline_candidates", help="report name under bench/reports")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(candidates(args.articles)))
        return
    baseline = None
    if args.baseline:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (args.baseline, env.get("PYTHONPATH")) if p)
        baseline = child_json(__file__, "--worker", "--articles", str(args.articles), env=env,
                              cwd=str(REPO / "bench"))
    this = candidates(args.articles)
    write_report(args.out, {"articles": args.articles, **report(this, event_sentences(args.articles), baseline)})


if __name__ == "__main__":
    sys.exit(main())
