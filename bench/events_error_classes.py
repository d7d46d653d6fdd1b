"""Benchmark: the event coder's errors on every dev set counted by cause, not by sentence.

Codes the dev sets (``events_round7.NEWS_SETS`` but the unseen ``--skip`` sets, and the PLOVER
dev half) four times: as the pipeline runs (``A``), parsing every sentence (``parse="all"``),
without requiring an actor (``require_actor=False``), and both. A gold event missed by ``A``
is put down to the first of

- ``no_named_actor``: found once no actor is required (the actors stage named no party);
- ``not_a_candidate``: found once every sentence is parsed (the nlp stage did not parse it);
- ``not_a_candidate_no_actor``: found only with both;
- ``wrong_type``: the sentence has a predicted event of another type that is not in the gold;
- ``no_trigger``: otherwise (no entry read the act).

Misses are also counted by gold type under each cause (``misses_by_type``).

A predicted event that matches no gold event counts as ``wrong_type`` (the sentence also misses
an event), ``extra_in_event_sentence`` or ``in_no_event_sentence``.
Writes ``bench/reports/events_error_classes.json``. See ``docs/events.md`` (eighth round).

Usage: python bench/events_error_classes.py [--skip fresh5]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import BENCH_NEWS, SHARED, write_report  # noqa: E402
from events_round7 import DEVSETS, NEWS_SETS, dev_set_names  # noqa: E402

VARIANTS = {"A": {}, "all": {"parley_nlp": {"parse": "all"}},
            "no_actor": {"parley_events": {"require_actor": False}},
            "all_no_actor": {"parley_nlp": {"parse": "all"}, "parley_events": {"require_actor": False}}}
MISS_CAUSES = (("no_actor", "no_named_actor"), ("all", "not_a_candidate"), ("all_no_actor", "not_a_candidate_no_actor"))


def main() -> None:
    """Code every set under each variant and count misses and false positives by cause."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip", default="fresh5",
                        help="sets kept unseen (comma-separated; events_round7.UNSEEN_SETS are always left out)")
    args = parser.parse_args()
    from parley.evaluate import is_negated, plover_gold, read_jsonl, resolve_texts
    from parley.events import CODE_STAGES, code_records
    from parley.pipeline import Pipeline

    names = dev_set_names(args.skip)
    gold = {n: [plover_gold(r) for r in read_jsonl(SHARED / "devsets" / "plover_gsr_dev.jsonl")] if n == "plover"
            else resolve_texts(read_jsonl(DEVSETS / f"{NEWS_SETS[n]}.jsonl"), BENCH_NEWS) for n in names}
    types: dict[str, dict[str, list[Counter]]] = {}
    for variant, config in VARIANTS.items():
        pipeline = Pipeline.build(CODE_STAGES, config=config)
        for name in names:
            types.setdefault(variant, {})[name] = [
                Counter(e["event_type"] for e in record["events"] if not is_negated(e))
                for record in code_records(gold[name], pipeline)]
    misses, false_positives = Counter(), Counter()
    by_type: dict[str, Counter] = {}        # cause -> gold type -> misses
    per_set: dict[str, dict[str, Counter]] = {}
    for name in names:
        sets = per_set.setdefault(name, {"misses": Counter(), "false_positives": Counter()})
        for i, record in enumerate(gold[name]):
            wanted = Counter(e["event_type"] for e in record["events"])
            got = types["A"][name][i]
            missed, extra = wanted - got, got - wanted
            for event_type, count in missed.items():
                cause = next((label for variant, label in MISS_CAUSES
                              if (wanted - types[variant][name][i])[event_type] < count),
                             "wrong_type" if extra else "no_trigger")
                sets["misses"][cause] += count
                by_type.setdefault(cause, Counter())[event_type] += count
            for count in extra.values():
                cause = "wrong_type" if missed else "extra_in_event_sentence" if wanted else "in_no_event_sentence"
                sets["false_positives"][cause] += count
        misses.update(sets["misses"])
        false_positives.update(sets["false_positives"])
    report = {"sets": names, "misses": dict(misses.most_common()),
              "false_positives": dict(false_positives.most_common()),
              "misses_by_type": {c: dict(t.most_common()) for c, t in by_type.items()},
              "per_set": {n: {k: dict(v.most_common()) for k, v in s.items()} for n, s in per_set.items()}}
    write_report("events_error_classes", report)


if __name__ == "__main__":
    main()
