"""Score ``parley code`` output against gold records: the logic behind ``parley eval``.

Gold and predicted records have the same shape, ``{"id", "events": [...]}``, where each event
has ``event_type``, ``actor`` and ``recipient``; actors are CAMEO-style codes (``"RUSGOV"``)
or objects with ``country`` and ``sector``. Within each record, predicted events are aligned
one-to-one with gold events (same type first, then shared actors); then

- event type: precision/recall/F1 over the multiset of types per record;
- actor and recipient: over the codes of aligned events (unaligned events count as misses
  and false alarms), by country+sector and by country alone;
- event: a predicted event is right when type, actor set and recipient set all match;
- confusion: gold type by predicted type over aligned pairs, ``NONE`` for unaligned ones.

Example::

    result = evaluate(gold_records, list(code_records(gold_records, pipeline)))
    print(format_report(result))
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable

NONE = "NONE"


def count_types(gold: list[dict], predicted: list[dict], totals: Counter,
                per_type: dict[str, Counter], overall: Counter) -> None:
    """Add one sentence's event types, compared as multisets, to the running counts.

    :param gold: the sentence's gold events.
    :param predicted: the events predicted for it.
    :param totals: records, gold_events and predicted_events so far.
    :param per_type: tp/fp/fn by event type.
    :param overall: tp/fp/fn over all types.
    """
    totals["records"] += 1
    totals["gold_events"] += len(gold)
    totals["predicted_events"] += len(predicted)
    gold_types = Counter(e["event_type"] for e in gold)
    predicted_types = Counter(e["event_type"] for e in predicted)
    for event_type in gold_types | predicted_types:
        tp = min(gold_types[event_type], predicted_types[event_type])
        row = Counter(tp=tp, fp=predicted_types[event_type] - tp, fn=gold_types[event_type] - tp)
        per_type[event_type].update(row)
        overall.update(row)


def count_confusion(gold: list[dict], predicted: list[dict], pairs: list[tuple[int, int]],
                    confusion: dict[str, Counter]) -> None:
    """Add one sentence's aligned events to the type confusion (``NONE`` for an unmatched side).

    :param gold: the sentence's gold events.
    :param predicted: the events predicted for it.
    :param pairs: ``(gold index, predicted index)`` from :func:`align`.
    :param confusion: gold type -> predicted type -> count.
    """
    for g, p in pairs:
        confusion[gold[g]["event_type"]][predicted[p]["event_type"]] += 1
    for g in set(range(len(gold))) - {g for g, _ in pairs}:
        confusion[gold[g]["event_type"]][NONE] += 1
    for p in set(range(len(predicted))) - {p for _, p in pairs}:
        confusion[NONE][predicted[p]["event_type"]] += 1


def actor_code(actor, level: str = "code") -> str:
    """Return the comparison code of a gold or predicted actor.

    :param actor: ``"RUSGOV"``, ``"RUS"``, or an object with ``country``/``sector`` (or ``cameo``).
    :param level: ``"code"`` (country + sector) or ``"country"``.
    """
    if isinstance(actor, str):
        code = actor.strip().upper()
    else:
        country = actor.get("country") or actor.get("code") or ""
        sector = actor.get("sector") or actor.get("sector_code") or ""
        # actors without a country (IGOs, NGOs, transnational groups) compare by their CAMEO code
        code = f"{country}{sector}" if country else (actor.get("cameo") or sector)
        code = code.upper()
    return code[:3] if level == "country" else code


def _codes(actors: Iterable, level: str) -> set[str]:
    return {actor_code(a, level) for a in actors or [] if actor_code(a, level)}


def _prf(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "tp": tp, "fp": fp, "fn": fn}


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def align(gold: list[dict], predicted: list[dict]) -> list[tuple[int, int]]:
    """Pair gold and predicted events of one record, greedily by similarity.

    :param gold: the record's gold events.
    :param predicted: the record's predicted events.
    :returns: ``(gold_index, predicted_index)`` pairs; each event used at most once.
    """
    scored = []
    for g, gold_event in enumerate(gold):
        for p, event in enumerate(predicted):
            same_type = gold_event["event_type"] == event["event_type"]
            actors = _jaccard(_codes(gold_event.get("actor"), "code"), _codes(event.get("actor"), "code"))
            countries = _jaccard(_codes(gold_event.get("actor"), "country"), _codes(event.get("actor"), "country"))
            recipients = _jaccard(_codes(gold_event.get("recipient"), "country"),
                                  _codes(event.get("recipient"), "country"))
            if same_type or countries:
                scored.append((2.0 * same_type + actors + countries + 0.5 * recipients, g, p))
    pairs, used_gold, used_predicted = [], set(), set()
    for _, g, p in sorted(scored, key=lambda item: (-item[0], item[1], item[2])):
        if g not in used_gold and p not in used_predicted:
            pairs.append((g, p))
            used_gold.add(g)
            used_predicted.add(p)
    return pairs


def evaluate(gold_records: Iterable[dict], predicted_records: Iterable[dict],
             min_confidence: float = 0.0, event_level: str = "code") -> dict:
    """Score predicted records against gold records with the same ids.

    :param gold_records: ``{"id", "events": [{"event_type", "actor", "recipient"}]}`` dicts.
    :param predicted_records: ``parley code`` output (``{"id", "events"}``); records missing
      here count as having no events.
    :param min_confidence: ignore predicted events below this confidence.
    :param event_level: how ``event`` compares actors and recipients: ``"code"`` (country +
      sector) or ``"country"`` (for gold that names countries only).
    :returns: a dict with ``records``, ``gold_events``, ``predicted_events``, ``event_type``,
      ``actor``, ``recipient``, ``actor_country``, ``recipient_country``, ``event`` (each
      precision/recall/f1/tp/fp/fn), ``per_type`` and ``confusion`` (gold type -> predicted
      type -> count).
    """
    predicted_by_id = {str(r.get("id")): r.get("events") or [] for r in predicted_records}
    counts: dict[str, Counter] = defaultdict(Counter)
    confusion: dict[str, Counter] = defaultdict(Counter)
    per_type: dict[str, Counter] = defaultdict(Counter)
    totals = Counter()
    for record in gold_records:
        gold = record.get("events") or []
        predicted = [e for e in predicted_by_id.get(str(record.get("id")), [])
                     if (e.get("confidence") is None or e["confidence"] >= min_confidence)]
        count_types(gold, predicted, totals, per_type, counts["event_type"])
        pairs = align(gold, predicted)
        for field, level, name in (("actor", "code", "actor"), ("recipient", "code", "recipient"),
                                   ("actor", "country", "actor_country"),
                                   ("recipient", "country", "recipient_country")):
            tp = sum(len(_codes(gold[g].get(field), level) & _codes(predicted[p].get(field), level))
                     for g, p in pairs)
            counts[name].update(tp=tp, fp=sum(len(_codes(e.get(field), level)) for e in predicted) - tp,
                                fn=sum(len(_codes(e.get(field), level)) for e in gold) - tp)
        exact = sum(1 for g, p in pairs if gold[g]["event_type"] == predicted[p]["event_type"]
                    and _codes(gold[g].get("actor"), event_level) == _codes(predicted[p].get("actor"), event_level)
                    and _codes(gold[g].get("recipient"), event_level)
                    == _codes(predicted[p].get("recipient"), event_level))
        counts["event"].update(tp=exact, fp=len(predicted) - exact, fn=len(gold) - exact)
        count_confusion(gold, predicted, pairs, confusion)
    result: dict = dict(totals)
    for name in ("event_type", "actor", "recipient", "actor_country", "recipient_country", "event"):
        c = counts[name]
        result[name] = _prf(c["tp"], c["fp"], c["fn"])
    result["per_type"] = {t: {**_prf(c["tp"], c["fp"], c["fn"]), "support": c["tp"] + c["fn"]}
                          for t, c in sorted(per_type.items())}
    result["confusion"] = {g: dict(sorted(row.items())) for g, row in sorted(confusion.items())}
    return result


def read_jsonl(path: str | Path) -> list[dict]:
    """Read a JSON Lines file (blank lines skipped).

    :param path: the file.
    """
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def resolve_texts(records: list[dict], news_path: str | Path) -> list[dict]:
    """Fill in the ``text`` of gold records that point into a news file instead of carrying it.

    Such records hold ``article_id``, ``char_start`` and ``char_end`` (offsets into the
    article's ``text``), so gold labels can refer to articles that may not be copied.

    A record may also hold ``context_start`` (where the sentences before it begin): its text
    then starts there and the record gets ``target_offset``, where the labelled sentence
    begins within that text (see :func:`target_events`).

    :param records: gold records; those that already have ``text`` are kept as they are.
    :param news_path: JSON Lines (optionally gzipped) of articles with ``id`` and ``text``.
    :returns: new records, each with ``text``.
    """
    import gzip

    wanted = {r["article_id"] for r in records if "text" not in r}
    texts: dict[str, str] = {}
    opener = gzip.open if str(news_path).endswith(".gz") else open
    with opener(news_path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if len(texts) == len(wanted):
                break
            article = json.loads(line)
            if article.get("id") in wanted:
                texts[article["id"]] = article.get("text") or ""
    resolved = []
    for record in records:
        if "text" in record:
            resolved.append(record)
            continue
        start = record.get("context_start", record["char_start"])
        record = {**record, "text": texts[record["article_id"]][start:record["char_end"]]}
        if start != record["char_start"]:
            record["target_offset"] = record["char_start"] - start
        resolved.append(record)
    return resolved


def target_events(record: dict, events: list[dict]) -> list[dict]:
    """The events of a coded record that lie in its labelled sentence, not in its context.

    A gold record may carry the sentences before it (``context_start``, see
    :func:`resolve_texts`) so that "he" or "the two sides" can be resolved; events coded in
    that context are not scored.

    :param record: a resolved gold record (``target_offset`` where it has context).
    :param events: the events coded on its text.
    """
    offset = record.get("target_offset")
    if not offset:
        return events

    def starts(event: dict) -> list[int]:
        mentions = event.get("mentions") or [event]
        return [m["trigger"]["char_start"] for m in mentions if (m.get("trigger") or {}).get("char_start") is not None]

    return [e for e in events if any(start >= offset for start in starts(e))]


def evaluate_file(gold_path: str | Path, pipeline=None, min_confidence: float = 0.0,
                  news_path: str | Path | None = None) -> dict:
    """Code the texts of a gold file with the events pipeline and score the result.

    :param gold_path: JSON Lines of ``{"id", "text", "date"?, "events"}`` (or, with
      ``news_path``, ``article_id``/``char_start``/``char_end`` in place of ``text``), or
      PLOVER gold-standard records (events with ``source_actor``/``target_actor``), which
      are scored by :func:`plover_score`.
    :param news_path: the news file that such records point into (see :func:`resolve_texts`).
    :param pipeline: a built pipeline ending in ``parley_events`` (default: built here).
    :param min_confidence: see :func:`evaluate`.
    """
    from parley.events import CODE_STAGES, code_records
    from parley.pipeline import Pipeline

    gold = read_jsonl(gold_path)
    if news_path is not None:
        gold = resolve_texts(gold, news_path)
    pipeline = pipeline or Pipeline.build(CODE_STAGES)
    plover = bool(gold) and all(is_plover_gsr(r) for r in gold)
    if plover:
        gold = [plover_gold(r) for r in gold]
    predicted = list(code_records(gold, pipeline))
    if plover:
        return plover_score(gold, predicted)
    return evaluate(gold, predicted, min_confidence=min_confidence)


def format_report(result: dict) -> str:
    """Render an :func:`evaluate` result as a plain-text report (scores, per type, confusion).

    :param result: the dict from :func:`evaluate`.
    """
    lines = [f"records {result.get('records', 0)}   gold events {result.get('gold_events', 0)}   "
             f"predicted events {result.get('predicted_events', 0)}", "",
             f"{'':20}{'precision':>10}{'recall':>10}{'f1':>10}{'tp':>6}{'fp':>6}{'fn':>6}"]
    names = ("event_type", "actor", "recipient", "actor_country", "recipient_country", "event")
    for name in (n for n in names if "precision" in (result.get(n) or {})):
        s = result[name]
        lines.append(f"{name:20}{s['precision']:>10.3f}{s['recall']:>10.3f}{s['f1']:>10.3f}"
                     f"{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}")
    if "rate" in (result.get("actor_country") or {}):
        agreement = result["actor_country"]
        lines.append(f"actor country agrees with the gold source on {agreement['agree']} of "
                     f"{agreement['matched']} type-matched events ({agreement['rate']:.3f})")
    if "recall" in (result.get("cameo_root") or {}):
        roots, empty = result["cameo_root"], result["no_event"]
        lines.append(f"CAMEO root found for {roots['found']} of {roots['gold']} gold events "
                     f"({roots['recall']:.3f}); events coded on {empty['coded']} of "
                     f"{empty['sentences']} sentences with none")
    lines += ["", f"{'per type':20}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>9}"]
    for name, s in result["per_type"].items():
        lines.append(f"{name:20}{s['precision']:>10.3f}{s['recall']:>10.3f}{s['f1']:>10.3f}{s['support']:>9}")
    columns = sorted({p for row in result["confusion"].values() for p in row})
    lines += ["", "confusion (rows gold, columns predicted)",
              " " * 10 + "".join(f"{c[:8]:>9}" for c in columns)]
    for gold_type, row in result["confusion"].items():
        lines.append(f"{gold_type[:10]:10}" + "".join(f"{row.get(c, 0) or '.':>9}" for c in columns))
    return "\n".join(lines)


# ---------------------------------------------------------------- PLOVER gold-standard records
# PLOVER 0.5b1 (the gold-standard records of 2016) used names that PLOVER has since changed.
PLOVER_RENAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def is_plover_gsr(record: dict) -> bool:
    """Whether a gold record is a PLOVER gold-standard record (events with ``source_actor``)."""
    return any("source_actor" in e for e in record.get("events") or [])


def plover_gold(record: dict) -> dict:
    """Turn a PLOVER gold-standard record into parley's gold shape (current PLOVER type names).

    :param record: ``{"id", "text", "events": [{"event_type", "source_actor", "target_actor"}]}``.
    :returns: ``{"id", "text", "date", "events": [{"event_type", "actor", "recipient", "mode"}]}``.
    """
    events = [{"event_type": PLOVER_RENAMES.get(e["event_type"], e["event_type"]),
               "actor": list(e.get("source_actor") or []), "recipient": list(e.get("target_actor") or []),
               "mode": e.get("mode")} for e in record.get("events") or []]
    return {"id": record["id"], "text": record.get("text") or "", "date": record.get("date"), "events": events}


def is_negated(event: dict) -> bool:
    """Whether a predicted event says the happening did not take place.

    A refusal coded as REJECT ("will not attend") is itself the event; its negation is not.
    """
    if (event.get("modality") or "asserted") != "negated":
        return False
    return not (event.get("event_type") == "REJECT" and event.get("underlying_type"))


def plover_score(gold_records: Iterable[dict], predicted_records: Iterable[dict]) -> dict:
    """Score events the way the PLOVER dev set's README defines a fair score.

    Per sentence, the predicted event types (negated ones left out) against the gold types as
    multisets; micro precision, recall and F1 over all sentences, overall and per type. For
    each gold event matched by type, whether a predicted event of that type has an actor whose
    country (first three letters of the code) is among the gold source actors' countries.

    :param gold_records: records in parley's gold shape (see :func:`plover_gold`).
    :param predicted_records: ``parley code`` output with the same ids.
    :returns: ``{"records", "gold_events", "predicted_events", "event_type", "per_type",
      "actor_country": {"agree", "matched", "rate"}, "confusion", "sentences"}`` where
      ``sentences`` lists, per record id, the gold and predicted types (for finding failure
      classes, not for committing).
    """
    predicted_by_id = {str(r.get("id")): r.get("events") or [] for r in predicted_records}
    totals, overall = Counter(), Counter()
    per_type: dict[str, Counter] = defaultdict(Counter)
    confusion: dict[str, Counter] = defaultdict(Counter)
    agree = matched = 0
    sentences = []
    for record in gold_records:
        gold = record.get("events") or []
        predicted = [e for e in predicted_by_id.get(str(record.get("id")), []) if not is_negated(e)]
        count_types(gold, predicted, totals, per_type, overall)
        used: set[int] = set()
        for gold_event in gold:
            same = [p for p, e in enumerate(predicted) if e["event_type"] == gold_event["event_type"] and p not in used]
            if not same:
                continue
            wanted = _codes(gold_event.get("actor"), "country")
            best = next((p for p in same if _codes(predicted[p].get("actor"), "country") & wanted), same[0])
            used.add(best)
            matched += 1
            agree += bool(_codes(predicted[best].get("actor"), "country") & wanted)
        pairs = align(gold, predicted)
        count_confusion(gold, predicted, pairs, confusion)
        sentences.append({"id": record.get("id"), "gold": sorted(e["event_type"] for e in gold),
                          "predicted": sorted(e["event_type"] for e in predicted)})
    result = type_summary(totals, overall, per_type)
    result["actor_country"] = {"agree": agree, "matched": matched,
                               "rate": round(agree / matched, 4) if matched else 0.0}
    result["confusion"] = {g: dict(sorted(row.items())) for g, row in sorted(confusion.items())}
    result["sentences"] = sentences
    return result


def type_summary(totals: Counter, overall: Counter, per_type: dict[str, Counter]) -> dict:
    """The counts of :func:`count_types` as a report: the totals, ``event_type`` precision,
    recall and F1, and ``per_type`` with each type's support."""
    result: dict = dict(totals)
    result["event_type"] = _prf(overall["tp"], overall["fp"], overall["fn"])
    result["per_type"] = {t: {**_prf(c["tp"], c["fp"], c["fn"]), "support": c["tp"] + c["fn"]}
                          for t, c in sorted(per_type.items())}
    return result


def cameo_root(code: str | None) -> str | None:
    """The two-digit CAMEO root of a code (``"0431"`` -> ``"04"``), or None."""
    return str(code)[:2] if code else None


def news_score(gold_records: Iterable[dict], predicted_records: Iterable[dict]) -> dict:
    """Score coded news sentences on event type, CAMEO root and sentences with no event.

    Gold events carry ``event_type`` (PLOVER) and ``cameo`` (a root, two digits); predicted
    events that say the happening did not take place (:func:`is_negated`) are left out.

    :param gold_records: ``{"id", "events": [{"event_type", "cameo"}]}``; a record with no
      events is a sentence that holds none.
    :param predicted_records: ``parley code`` output with the same ids.
    :returns: ``{"records", "gold_events", "predicted_events", "event_type", "per_type",
      "cameo_root": {"found", "gold", "recall"}, "no_event": {"sentences", "coded", "ids"},
      "confusion"}``. A gold root is found when a predicted event of the sentence (each used
      once) has that root.
    """
    predicted_by_id = {str(r.get("id")): r.get("events") or [] for r in predicted_records}
    totals, overall = Counter(), Counter()
    per_type: dict[str, Counter] = defaultdict(Counter)
    confusion: dict[str, Counter] = defaultdict(Counter)
    found = gold_roots = 0
    empty, coded = 0, []
    for record in gold_records:
        gold = record.get("events") or []
        predicted = [e for e in predicted_by_id.get(str(record.get("id")), []) if not is_negated(e)]
        count_types(gold, predicted, totals, per_type, overall)
        count_confusion(gold, predicted, align(gold, predicted), confusion)
        roots = Counter(cameo_root(e.get("cameo")) for e in predicted)
        for event in gold:
            gold_roots += 1
            root = cameo_root(event.get("cameo"))
            if roots[root] > 0:
                roots[root] -= 1
                found += 1
        if not gold:
            empty += 1
            if predicted:
                coded.append(record.get("id"))
    result = type_summary(totals, overall, per_type)
    result["cameo_root"] = {"found": found, "gold": gold_roots,
                            "recall": round(found / gold_roots, 4) if gold_roots else 0.0}
    result["no_event"] = {"sentences": empty, "coded": len(coded), "ids": coded}
    result["confusion"] = {g: dict(sorted(row.items())) for g, row in sorted(confusion.items())}
    return result


def news_actor_score(gold_records: list[dict], predicted_records: list[dict]) -> dict:
    """:func:`news_score` plus the events' parties, for news gold that labels actors.

    Gold actors and recipients name a country (``{"country": "USA", "text": ...}``) or, for
    a body with none, a CAMEO code (``{"cameo": "IGOUNO", ...}``); they are compared with the
    predicted parties by country (the first three letters of the code). Predicted events in
    a record's context sentences (:func:`target_events`) and negated ones are left out.

    :param gold_records: resolved gold records (see :func:`resolve_texts`).
    :param predicted_records: ``parley code`` output with the same ids.
    :returns: the :func:`news_score` dict with ``actor_country``, ``recipient_country`` and
      ``event`` (type, actor countries and recipient countries all right) added.
    """
    gold_by_id = {str(r.get("id")): r for r in gold_records}
    kept = [{"id": r.get("id"), "events": [e for e in target_events(gold_by_id.get(str(r.get("id")), {}),
                                                                     r.get("events") or [])
                                           if not is_negated(e)]}
            for r in predicted_records]
    result = news_score(gold_records, kept)
    parties = evaluate(gold_records, kept, event_level="country")
    for name in ("actor_country", "recipient_country", "event"):
        result[name] = parties[name]
    return result
