"""Benchmark: what parsing only candidate sentences costs in output, against parsing all.

Runs the whole pipeline (events not clustered, so every event mention counts) over the same
articles with ``parse="all"`` (the model's full pipeline, the reference) and with each mode
of ``--modes``, and reports per-stage CPU seconds and, for each output, how many of the
``parse="all"`` items the mode also finds (recall) and how many of its own items
``parse="all"`` also has (precision). Modes: ``rules`` (candidates parsed, names by rule: the
default), ``ner_all`` (candidates parsed, the statistical entity recogniser on all text),
``ner_parsed`` (candidates parsed, entities only in them). Items are keyed by document
and character offset (events: trigger offset and type; event arguments: plus actor and
recipient ids; locations and dates: plus place name and start date).

Usage: python bench/parse_modes.py [--articles N] [--modes rules,ner_all,ner_parsed]
Writes bench/reports/parse_modes.json.
"""

from __future__ import annotations

import argparse

from _common import bench_articles, run_by_stage, write_report

from parley.document import Document
from parley.pipeline import Pipeline


MODES = {
    "rules": {"parse": "candidates", "ner": "rules"},
    "ner_all": {"parse": "candidates", "ner": "all"},
    "ner_parsed": {"parse": "candidates", "ner": "parsed"},
}


def _ids(actors) -> tuple:
    return tuple(sorted(a.get("actor_id") or a.get("cameo") or "" for a in actors or []))


def outputs(docs: list[Document]) -> dict[str, set]:
    """The comparable items of finished documents, by kind."""
    def mentions(e):
        return e.get("mentions") or [e]
    return {
        "event_triggers": {(d.id, m["trigger"]["char_start"], e["event_type"]) for d in docs for e in d.events
                           for m in mentions(e)},
        "events_with_arguments": {(d.id, e["trigger"]["char_start"], e["event_type"], _ids(e["actor"]),
                                   _ids(e["recipient"])) for d in docs for e in d.events},
        "events_with_place_and_date": {(d.id, e["trigger"]["char_start"], e["event_type"],
                                        (e.get("location") or {}).get("name"), str((e.get("date") or {}).get("start")))
                                       for d in docs for e in d.events},
        "actor_mentions": {(d.id, m["char_start"], m.get("actor_id")) for d in docs for m in d.mentions},
        "places": {(d.id, p["char_start"], p.get("geonameid")) for d in docs for p in d.places},
        "times": {(d.id, t["char_start"], t["start"], t["end"]) for d in docs for t in d.times},
        "claims": {(d.id, c["char_start"], c.get("source")) for d in docs for c in d.claims},
        "meetings": {(d.id, m.get("process"), m.get("ordinal"), m.get("start")) for d in docs for m in d.meetings},
    }


def run(records: list[dict], nlp_config: dict) -> tuple[dict, dict, float]:
    """Run the pipeline stage by stage; return per-stage CPU seconds, outputs, parsed share."""
    pipeline = Pipeline.build(config={"parley_nlp": nlp_config, "parley_events": {"cluster": False}})
    seconds, stream = run_by_stage(pipeline, records)
    sentences = sum(len(d.sentences) for d in stream)
    parsed = sum(len(d.spacy_doc.user_data.get("parsed_sentences", d.sentences)) for d in stream)
    return seconds, outputs(stream), round(parsed / max(sentences, 1), 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--modes", default="rules,ner_all", help=f"comma-separated, of {', '.join(MODES)}")
    args = parser.parse_args()
    records = [r for r in bench_articles(args.articles) if (r.get("text") or "").strip()]
    modes = {"all": {"parse": "all", "ner": "all"}}
    modes.update({name: MODES[name] for name in args.modes.split(",")})
    results = {name: run(records, config) for name, config in modes.items()}
    base_seconds, base, _ = results["all"]
    report = {"articles": len(records), "modes": {}}
    for name, (seconds, found, share) in results.items():
        entry = {"config": modes[name], "cpu_seconds": seconds, "cpu_total": round(sum(seconds.values()), 2),
                 "share_of_sentences_parsed": share}
        if name != "all":
            entry["cpu_vs_parse_all"] = round(sum(seconds.values()) / sum(base_seconds.values()), 3)
            entry["against_parse_all"] = {
                kind: {"parse_all": len(base[kind]), "this": len(items), "same": len(base[kind] & items),
                       "recall": round(len(base[kind] & items) / max(len(base[kind]), 1), 3),
                       "precision": round(len(base[kind] & items) / max(len(items), 1), 3)}
                for kind, items in found.items()}
        report["modes"][name] = entry
    write_report("parse_modes", report)


if __name__ == "__main__":
    main()
