"""Benchmark: why the CAMEO verb dictionary did not code what the dev sets' gold says, by class.

For every missed gold event that the error classes (``bench/events_error_classes.py``) put down
to *no trigger* or *wrong type* on the dev sets (all but the unseen ``--skip`` sets), and for
every false event of the wrong type, it finds the word that carries the act and says why the
coder missed it:

- ``i_absent``: no word of the sentence is a verb of PETRARCH-2's ``CAMEO.2.0.txt`` (read here
  by a reader of its own, not by parley's converter) nor derives from one with the gold type;
- ``ii_converter``: the raw dictionary codes the word with the gold type, parley's converted
  ``cameo_verbs.jsonl`` does not (a block, synonym, form or pattern lost in conversion);
- ``iii_matcher``: the converted dictionary has the word with the gold type but the coder did not
  code it; the sub-class says where: a noun of a dictionary verb (``nominal``: "an accusation",
  "the shelling", no CAMEO entry is read on nouns), a passive, a modifier or adjunct clause, the
  bare verb's two-party guard, a parley entry that decided otherwise, or a pattern slot unmet;
- ``iv_disagreement``: the word is in the dictionary, but only with codes of other types.

The carrier is the gold's ``event_text`` words on the PLOVER set; on the news sets, which carry
only type and CAMEO root, it is every content word of the labelled sentence, and the class is
the first in the order iii, ii, iv that one of them satisfies (so ``iv`` there means: words the
dictionary codes, none with the gold type). It also counts which knowledge layer coded each
predicted event (parley's entries, a CAMEO pattern, a CAMEO verb's own code) and whether the event
was right, and how the dictionary's patterns stand with the matcher (no dev data). Writes
``bench/reports/events_coverage.json`` with counts per class, per sub-class and per gold type,
and the words of each class. See ``docs/events.md`` (tenth round).

Usage: python bench/events_coverage.py [--skip fresh5]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import BENCH_NEWS, SHARED, write_report  # noqa: E402
from events_error_classes import VARIANTS  # noqa: E402
from events_round7 import DEVSETS, NEWS_SETS, dev_set_names  # noqa: E402

CAMEO_SOURCE = SHARED / "reference" / "petrarch2" / "CAMEO.2.0.txt"
CONTENT_POS = ("VERB", "NOUN", "ADJ", "PROPN")
# Noun suffixes of English deverbal nouns and the verb endings they replace, longest first
# ("accusation" -> "accuse", "withdrawal" -> "withdraw", "detention" -> "detain"). A rule may
# propose a verb that does not exist: :func:`nominal_verbs` keeps only the dictionary's verbs.
NOMINAL_SUFFIXES = (
    ("ification", ("ify",)), ("isation", ("ise", "ize")), ("ization", ("ize", "ise")),
    ("ention", ("ain", "ene", "end")), ("ulsion", ("el",)), ("ission", ("it",)),
    ("ation", ("e", "", "ate")), ("ition", ("ish", "e", "")), ("ution", ("ute", "ve")),
    ("sion", ("de", "d", "se", "t")), ("tion", ("te", "t", "")), ("ment", ("",)),
    ("ance", ("", "e")), ("ence", ("", "e")), ("ism", ("ize", "ise")), ("ure", ("e", "")),
    ("ial", ("y",)), ("al", ("", "e")), ("nse", ("nd",)), ("nce", ("nd",)), ("ing", ("", "e")),
    ("ery", ("",)), ("ry", ("r",)), ("y", ("",)), ("t", ("ten",)),
)


def nominal_verbs(noun: str) -> tuple[str, ...]:
    """The verbs a noun may be derived from, by the suffixes of English deverbal nouns.

    The noun itself first (zero derivation: "attack", "protest", "raid"), then each verb the
    suffix rules propose ("accusation" -> accuse, "criticism" -> criticize, "denial" -> deny,
    "shelling" -> shell, "invasion" -> invade, "threat" -> threaten). Most proposals are not
    words; the caller keeps those the dictionary lists.

    :param noun: a lower-case noun lemma.
    """
    found = [noun]
    for suffix, endings in NOMINAL_SUFFIXES:
        if noun.endswith(suffix) and len(noun) > len(suffix) + 2:
            stem = noun[: -len(suffix)]
            found += [stem + ending for ending in endings]
            if suffix == "ing" and len(stem) > 3 and stem[-1] == stem[-2]:
                found.append(stem[:-1])         # "shipping" -> ship
            if suffix == "t":
                found.append(noun + "en")
    return tuple(dict.fromkeys(w for w in found if len(w) > 2))


def raw_dictionary(path: Path) -> dict[str, dict[str, set]]:
    """Verb lemma -> {"own": types of its own code, "patterns": (type, words) of its block's patterns}.

    An independent reading of the source: every verb line of every ``--- NAME [CODE] ---`` block
    (its ``+``-marked word, else its first word; irregular forms in ``{}`` too), and the codes of
    the block's ``-`` pattern lines.
    """
    from parley.convert.petrarch_verbs import plover_of

    def kind(code: str) -> str | None:
        code = code.split(":")[0].strip()
        try:
            return plover_of(code)["type"] if code and code != "---" else None
        except Exception:
            try:
                return plover_of(code[:3])["type"]
            except Exception:
                return None

    words: dict[str, dict] = defaultdict(lambda: {"own": set(), "patterns": []})
    block_code, members, in_synset = None, [], False
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        text = raw.split("#")[0].strip()
        if not text:
            continue
        if text.startswith("&"):
            in_synset, block_code = True, None
        elif text.startswith("---"):
            found = re.search(r"\[([^\]]*)\]", text)
            in_synset, block_code, members = False, found.group(1) if found else None, []
        elif in_synset or block_code is None or text.startswith("~"):
            continue
        elif text.startswith("-"):
            found = re.search(r"\[([^\]]*)\]", text)
            if found and kind(found.group(1)):
                needed = {w.lower() for w in re.findall(r"[A-Za-z]+", text[1:found.start()])}
                for lemma in members:
                    words[lemma]["patterns"].append((kind(found.group(1)), needed))
        else:
            body, _, rest = text.partition("[")
            verb, _, forms = body.partition("{")
            parts = verb.strip().split("_")
            head = next((w for w in parts if w.startswith("+")), parts[0]).lstrip("+").lower()
            code = rest.split("]")[0] if "]" in rest else block_code
            lemmas = [head] + [f.replace("+", "").lower() for f in forms.strip(" }").split() if "_" not in f]
            for lemma in lemmas:
                if kind(code):
                    words[lemma]["own"].add(kind(code))
                members.append(lemma)
    return words


def converted_types(index, lemma: str, words: set[str] | None = None) -> set[str]:
    """The PLOVER types the converted dictionary gives a verb lemma: its own codes, and the codes
    of its patterns whose every word (object, prepositions and their objects, subject) is among
    ``words`` (all patterns when ``words`` is None)."""
    found = {e["type"] for _, e in index.defaults.get(lemma, ()) if e}
    for bucket in index.patterns.get(lemma, {}).values():
        for compiled in bucket:
            if compiled.entry is None or compiled.entry["type"] in found:
                continue
            slots = [s for s in (compiled.object, compiled.subject, *(s for _, s in compiled.preps)) if s]
            if words is None or (all(s.heads & words for s in slots)
                                 and all(p in words for p, _ in compiled.preps)):
                found.add(compiled.entry["type"])
    return found


def pattern_support(verbs_path: Path) -> dict[str, int]:
    """How the converted dictionary's patterns stand with the parse-based matcher (no dev data).

    :param verbs_path: ``cameo_verbs.jsonl``.
    """
    counts = Counter()
    for line in verbs_path.read_text(encoding="utf-8").splitlines():
        for pattern in json.loads(line)["patterns"]:
            counts["patterns"] += 1
            slots = [pattern["object"] or {}] + [p["object"] or {} for p in pattern["preps"]]
            if pattern["cameo"] is None:
                counts["null code: says the phrase is no event"] += 1
            elif not (pattern["plover"] or {}).get("type"):
                counts["code with no PLOVER type (CAMEO 01)"] += 1
            if not pattern["object"] and not pattern["subject"] and not pattern["particle"] and pattern["preps"] \
                    and all(p["object"] is None for p in pattern["preps"]):
                counts["bare preposition: not used (too weak a cue)"] += 1
            if {"source", "target"} & set(pattern["markers"]):
                counts["source/target markers: read as subject = actor"] += 1
            if any(s.get("head", "").startswith("&") for s in slots):
                counts["synset slot: expanded"] += 1
    return dict(counts.most_common())


def _kind(compiled) -> str:
    """A compiled pattern's slots, for counting what each kind of pattern codes."""
    if compiled.entry.get("roles", {}).get("subj") == "recipient":
        return "received"
    return "object" if compiled.object is not None else "prep_object" if any(s for _, s in compiled.preps) \
        else "subject" if compiled.subject is not None else "particle_or_prep"


def matcher_subclass(token, lexicon, gold_type: str) -> str:
    """Where the parse-based matcher let a dictionary verb of the gold type go."""
    from parley.events.nesting import find_matches
    from parley.events.triggers import MODIFIER_CLAUSES, match_token

    if token.pos_ != "VERB":
        return "nominal" if token.pos_ in ("NOUN", "PROPN") else "other_pos"
    match = match_token(token, lexicon)
    if match is not None and match.entry["type"] != gold_type:
        return "read_as_other_type"
    if match is not None:
        # hidden by the sentence's nesting rules (content, aim, setting, description), or
        # dropped while the event is built (parties, modality, the two-party guard)
        found = next((m for m in find_matches(token.sent, lexicon) if m.token.i == token.i), None)
        return "read_then_hidden_by_nesting" if found is None or found.hidden else "read_then_dropped_by_coder"
    if lexicon.verbs.get(token.lemma_.lower()):
        return "parley_entry_declined"
    if any(c.dep_ == "auxpass" for c in token.children):
        return "passive"
    if token.dep_ in MODIFIER_CLAUSES or (token.tag_ == "VBG" and token.dep_ == "advcl"):
        return "modifier_or_adjunct"
    return "pattern_slot_or_guard"


def classify(tokens, gold_type: str, lexicon, raw) -> tuple[str, str, str]:
    """Return ``(class, sub-class, word)`` for a gold event of ``gold_type`` carried by one of ``tokens``."""
    index = lexicon.cameo
    derived = []        # (token, verb lemma, via a nominal derivation)
    words = {w for t in (tokens[0].doc if tokens else ()) for w in (t.lower_, t.lemma_.lower())}
    for token in sorted(tokens, key=lambda t: t.pos_ != "VERB"):
        lemma = index.lemma_of(token) if token.pos_ == "VERB" else token.lemma_.lower()
        verbs = nominal_verbs(lemma) if token.pos_ in ("NOUN", "PROPN") else (lemma,)
        derived += [(token, verb) for verb in verbs if verb in raw or verb in index.defaults or verb in index.patterns]
    for token, verb in derived:
        if gold_type in converted_types(index, verb, words if token.pos_ == "VERB" else set()):
            return "iii_matcher", matcher_subclass(token, lexicon, gold_type), f"{token.lower_}->{verb}"
    def raw_types(token, verb) -> set[str]:
        plain = {w for word in words for w in (word, word + "s", word + "es")}
        return raw[verb]["own"] | {t for t, needed in raw[verb]["patterns"]
                                   if token.pos_ == "VERB" and needed <= plain}

    for token, verb in derived:
        if gold_type in raw[verb]["own"] and verb in index.generic:
            return "iii_matcher", "generic_verb_excluded", f"{token.lower_}->{verb}"
        if gold_type in raw_types(token, verb):
            return "ii_converter", "type_lost", f"{token.lower_}->{verb}"
    coded = [(t, v) for t, v in derived if raw_types(t, v)]
    if coded:
        token, verb = coded[0]
        return "iv_disagreement", "other_types_only", f"{token.lower_}->{verb}"
    words = [t.lemma_.lower() for t in tokens if t.pos_ in ("VERB", "NOUN")]
    return "i_absent", "no_dictionary_word", "/".join(words[:3])


def carriers(sdoc, record: dict, raw_record: dict | None) -> list:
    """The tokens that may carry the act: the gold's event words, else the labelled sentence's content words."""
    offset = record.get("target_offset") or 0
    tokens = [t for t in sdoc if t.idx >= offset and t.pos_ in CONTENT_POS and t.is_alpha and not t.is_stop]
    if raw_record is not None:
        said = {w.lower() for e in raw_record.get("events") or []
                for w in re.findall(r"[A-Za-z]+", e.get("event_text") or "")}
        return [t for t in tokens if t.lower_ in said] or tokens
    return tokens


def main() -> None:
    """Classify every no-trigger and wrong-type error of the dev sets and write the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip", default="fresh5",
                        help="sets kept unseen (comma-separated; events_round7.UNSEEN_SETS are always left out)")
    args = parser.parse_args()
    from parley.evaluate import is_negated, plover_gold, read_jsonl, resolve_texts
    from parley.events import CODE_STAGES, code_records
    from parley.events.lexicon import load_lexicon
    from parley.model import load_model
    from parley.pipeline import Pipeline

    lexicon, raw, nlp = load_lexicon(), raw_dictionary(CAMEO_SOURCE), load_model()
    names = dev_set_names(args.skip)
    raw_records, gold = {}, {}
    for name in names:
        if name == "plover":
            raw_records[name] = read_jsonl(SHARED / "devsets" / "plover_gsr_dev.jsonl")
            gold[name] = [plover_gold(r) for r in raw_records[name]]
        else:
            gold[name] = resolve_texts(read_jsonl(DEVSETS / f"{NEWS_SETS[name]}.jsonl"), BENCH_NEWS)
    predicted: dict[str, dict[str, list]] = {}
    for variant, config in VARIANTS.items():
        pipeline = Pipeline.build(CODE_STAGES, config=config)
        for name in names:
            predicted.setdefault(variant, {})[name] = [
                [e for e in record["events"] if not is_negated(e)] for record in code_records(gold[name], pipeline)]
    classes, subclasses = Counter(), Counter()
    by_type: dict[str, Counter] = defaultdict(Counter)
    words: dict[str, Counter] = defaultdict(Counter)
    errors = Counter()
    groups: dict[str, Counter] = defaultdict(Counter)
    layers: dict[str, Counter] = defaultdict(Counter)     # which knowledge layer coded each predicted event
    verb_codes = {e["id"] for entries in lexicon.cameo.defaults.values() for _, e in entries if e}
    pattern_kinds = {c.entry["id"]: _kind(c) for table in lexicon.cameo.patterns.values()
                     for bucket in table.values() for c in bucket if c.entry}
    for name in names:
        for i, record in enumerate(gold[name]):
            wanted = Counter(e["event_type"] for e in record["events"])
            got = Counter(e["event_type"] for e in predicted["A"][name][i])
            missed, extra = wanted - got, got - wanted
            left = Counter(wanted)
            for event in predicted["A"][name][i]:
                pattern = (event.get("trigger") or {}).get("pattern") or ""
                layer = "parley" if not pattern.startswith("cameo") else \
                    "cameo_verb_code" if pattern in verb_codes else \
                    "cameo_pattern/" + pattern_kinds.get(pattern, "other")
                if left[event["event_type"]] > 0:
                    left[event["event_type"]] -= 1
                    verdict = "true"
                else:
                    verdict = "false_wrong_type" if missed else "false_extra" if wanted else "false_no_event"
                layers[layer][verdict] += 1
            if not missed:
                continue
            recovered = {t for variant in ("no_actor", "all", "all_no_actor") for t in missed
                         if (wanted - Counter(e["event_type"] for e in predicted[variant][name][i]))[t] < missed[t]}
            sdoc = nlp(record["text"])
            tokens = carriers(sdoc, record, raw_records[name][i] if name == "plover" else None)
            for gold_type, count in missed.items():
                if gold_type in recovered:
                    continue        # an actor or a parse candidate, not the dictionary
                kind = "miss_wrong_type" if extra else "miss_no_trigger"
                triggers = [e for e in predicted["A"][name][i] if e["event_type"] in extra]
                if kind == "miss_wrong_type":
                    # the word the coder read as another type is the carrier
                    spans = {(e.get("trigger") or {}).get("char_start") for e in triggers}
                    tokens_here = [t for t in sdoc if t.idx in spans] or tokens
                else:
                    tokens_here = tokens
                label, sub, word = classify(tokens_here, gold_type, lexicon, raw)
                errors[kind] += count
                classes[label] += count
                groups["plover (event words given)" if name == "plover" else "news (sentence words)"][label] += count
                subclasses[f"{label}/{sub}"] += count
                by_type[label][gold_type] += count
                words[f"{label}/{sub}"][f"{gold_type}:{word}"] += count
                if name == "plover":
                    words[f"plover:{label}"][f"{gold_type}:{word}"] += count
    from parley.events.cameo import VERBS_PATH

    report = {"sets": names, "dictionary": {"patterns": pattern_support(VERBS_PATH),
                                            "compiled_pattern_registrations": lexicon.cameo.count},
              "errors": dict(errors), "classes": dict(classes.most_common()),
              "subclasses": dict(subclasses.most_common()),
              "by_carrier": {g: dict(c.most_common()) for g, c in groups.items()},
              "predicted_by_layer": {k: dict(c.most_common()) for k, c in layers.items()},
              "by_gold_type": {c: dict(t.most_common()) for c, t in by_type.items()},
              "words": {c: dict(w.most_common(40)) for c, w in words.items()}}
    write_report("events_coverage", report)
    print({k: report[k] for k in ("errors", "classes", "subclasses", "by_carrier", "predicted_by_layer")})


if __name__ == "__main__":
    main()
