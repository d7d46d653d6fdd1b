"""Find numeric claims in one document: the ``parley_claims`` stage."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable

from parley.claims.rules import (CLAUSE_BREAK, DATA_FILE, GENERIC_CONFLICT, GENERIC_COUNTRY, GENERIC_MEETING,
                                 GENERIC_MONEY, ClaimRules, count_words, finite, load_months, load_rules,
                                 ordinal_suffix, ordinal_value, read_number, word_value, words_pattern)
from parley.document import Document, doc_text


def _most_cued(rules: ClaimRules, text: str) -> str | None:
    """The conflict whose cues occur most often in ``text`` (the first listed on a tie), or None."""
    best, hits = None, 0
    for key, spec in rules.data["conflicts"].items():
        n = count_words(tuple(spec["cues"]), text)
        if n > hits:
            best, hits = key, n
    return best


class _Context:
    """What a document is about, computed once per document: its conflict, rounds, dates."""

    def __init__(self, text: str, rules: ClaimRules, published: date | None):
        self.rules, self.published, self.text = rules, published, text
        best = _most_cued(rules, text)
        self.conflict = best or GENERIC_CONFLICT
        self.country = rules.data["conflicts"][best]["country"] if best else GENERIC_COUNTRY
        self._rounds: list[tuple[int, str]] | None = None
        self.talks = bool(words_pattern(tuple(rules.data["talk_cues"])).search(text))

    def conflict_of(self, sentence: str, near: str | None = None) -> str:
        """The conflict a figure is about: the one its sentence names, else the document's when
        the sentence speaks of a war, else none; and none for an incident near the figure
        ("an attack killed 15 people").

        :param sentence: the sentence of the figure.
        :param near: the text around the figure (default: the sentence).
        """
        rules, best = self.rules, _most_cued(self.rules, sentence)
        if words_pattern(tuple(rules.data["incident_words"])).search(sentence if near is None else near):
            return GENERIC_CONFLICT
        if best:
            return best
        war = words_pattern(tuple(rules.data["contexts"]["war"]["words"])).search(sentence)
        return self.conflict if war else GENERIC_CONFLICT

    @property
    def rounds(self) -> list[tuple[int, str]]:
        """Ordinal rounds named in the text ("20th round", "Astana-4"), found when first needed."""
        if self._rounds is None:
            self._rounds = [(m.start(), m["n"] or m["w"] or m["a"]) for m in self.rules.rounds.finditer(self.text)]
        return self._rounds

    def meeting(self, pos: int) -> str:
        """The round a count of participants is about: the last one named before it."""
        if not self.talks:
            return GENERIC_MEETING
        before = [r for r in self.rounds if r[0] <= pos]
        chosen = (before or self.rounds or [(0, None)])[-1 if before else 0][1]
        if chosen is None:
            return GENERIC_MEETING
        n = ordinal_value(chosen, self.rules)
        return f"{n}{ordinal_suffix(n)} round"

    def dated(self, name: str, sentence: str) -> str:
        """Name an event like the earthquakes by the month and year the sentence gives."""
        months = load_months()
        m = months.pattern.search(sentence)
        if not m:
            years = re.findall(r"\b((?:19|20)\d{2})\b", sentence)
            return f"{years[0]} {name}" if years else name
        month = months.number(m.group(1))
        year = int(m.group(2)) if m.group(2) else None
        if year is None and self.published:
            year = self.published.year if month <= self.published.month else self.published.year - 1
        label = months.names[month - 1]
        return f"{label} {year} {name}" if year else f"{label} {name}"


def _nearest_trigger(sentence: str, start: int, end: int, rules: ClaimRules) -> tuple[str | None, str | None]:
    """Find the measure whose trigger governs the number between ``start`` and ``end``.

    :returns: ``(right after it, else nearest)``: "215 soldiers were killed" gives deaths first.
    """
    after, before, anywhere = None, None, None
    offset = max(0, start - 60)
    sentence, start, end = sentence[offset:end + 60], start - offset, end - offset
    for pattern, name in rules.triggers:
        for m in pattern.finditer(sentence):
            gap_after = sentence[end:m.start()]
            gap_before = sentence[m.end():start]
            if m.start() >= end and re.fullmatch(r"\s+(?:(?!and\b|or\b|but\b)\w+\s+)?", gap_after):
                if after is None or m.start() < after[0]:
                    after = (m.start(), name)
            elif m.end() <= start and len(gap_before) <= 40 and not CLAUSE_BREAK.search(gap_before):
                if before is None or m.end() > before[0]:
                    before = (m.end(), name)
            elif m.start() >= end and len(gap_after) <= 25 and not CLAUSE_BREAK.search(gap_after):
                if anywhere is None or m.start() - end < anywhere[0]:
                    anywhere = (m.start() - end, name)
    nearest = next((found[1] for found in (before, anywhere) if found), None)
    return (after[1] if after else None), nearest


def _context_for(measure: str, sentence: str, pos: int, ctx: _Context, rules: ClaimRules, near: str) -> str:
    spec = rules.data["measures"][measure]
    kind = spec.get("context")
    if kind == "meeting":
        return ctx.meeting(pos)
    if kind == "country":
        return ctx.country
    if kind == "money":
        for key, words in rules.data.get("money_contexts", {}).items():
            if words_pattern(tuple(words)).search(sentence):
                return key
        return GENERIC_MONEY
    for name, event in rules.data["contexts"].items():
        if not event.get("conflict") and words_pattern(tuple(event["words"])).search(sentence):
            return ctx.dated(name, sentence) if event.get("dated") else name
    return ctx.conflict_of(sentence, near)


def _scope_for(measure: str, sentence: str, rules: ClaimRules) -> str | None:
    for scope in rules.data["scopes"]:
        if measure in scope["measures"] and (words_pattern(tuple(scope.get("phrases") or [])).search(sentence) or any(
                re.search(p, sentence, re.IGNORECASE) for p in scope.get("patterns", []))):
            return scope["key"]
    return None


def _refine(measure: str, sentence: str, rules: ClaimRules) -> str:
    for rule in rules.data["measures"][measure].get("refine", []):
        if words_pattern(tuple(rule["phrases"])).search(sentence):
            return rule["measure"]
    return measure


def _speaker(spacy_doc: Any, start: int, end: int, sentence: str, rules: ClaimRules) -> str | None:
    """Return who the sentence says gives the figure: "according to X" or the subject of "say"."""
    m = re.search(r"\baccording\s+to\s+(?P<who>[^,.;:]+?)(?=\s*(?:[,.;:]|$|\bthough\b|\bwhich\b))", sentence)
    if m:
        return re.sub(r"^the\s+", "", m["who"].strip())
    if spacy_doc is None:
        return None
    span = spacy_doc.char_span(start, end, alignment_mode="expand")
    if span is None or not spacy_doc.has_annotation("DEP"):
        return None
    verbs = set(rules.data["speech_verbs"])
    root = span.root
    sent = root.sent
    candidates = [t for t in root.ancestors if t.lemma_.lower() in verbs]
    candidates += [t for t in sent.root.children if t.dep_ in ("parataxis", "ccomp", "advcl")
                   and t.lemma_.lower() in verbs]
    if sent.root.lemma_.lower() in verbs:
        candidates.append(sent.root)
    for verb in candidates:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and not (child.idx <= start < child.idx + len(child)):
                words = [t for t in child.subtree]
                if root in words:
                    continue
                text = doc_text(spacy_doc)[words[0].idx:words[-1].idx + len(words[-1])]
                if text.lower() in ("it", "he", "she", "they", "we", "i", "this"):
                    continue
                return re.sub(r"^the\s+", "", text)
    return None


def _counting_noun(sentence: str, end: int, rules: ClaimRules) -> tuple[int | None, str | None]:
    """Find a counting noun among the three words after a number ("3.5 million Syrian refugees")."""
    run = re.match(r"(?:\s+[\w-]+){1,3}", sentence[end:])
    for m in re.finditer(r"\s+([\w-]+)", run.group() if run else ""):
        word = m.group(1).lower()
        if word in ("and", "or", "but"):
            break
        if word in rules.nouns:
            return end + m.end(), rules.nouns[word]
    return None, None


def _sentence_spans(text: str, sentences: Iterable[Any]) -> list[tuple[int, int, int]]:
    spans = [(s.get("index", i), s["char_start"], s["char_end"]) if isinstance(s, dict)
             else (s.index, s.char_start, s.char_end) for i, s in enumerate(sentences or [])]
    return spans or [(0, 0, len(text))]


def _hypothetical(sentence: str, pos: int, rules: ClaimRules) -> bool:
    window = sentence[max(0, pos - 40):pos]
    tail = CLAUSE_BREAK.split(window)[-1]
    return bool(words_pattern(tuple(rules.data["hypothetical"])).search(tail))


def _as_of(published: date | None, times: list[dict] | None, s_start: int, s_end: int,
           sentence: str) -> str | None:
    """The date a figure holds at: an "as of"/"by" date in the sentence, else publication."""
    for t in times or []:
        if s_start <= t.get("char_start", -1) < s_end and t.get("end"):
            lead = sentence[:t["char_start"] - s_start][-20:]
            if re.search(r"\b(?:as\s+of|by|until|through|up\s+to|at\s+the\s+end\s+of)\s*$", lead, re.IGNORECASE):
                return str(t["end"])[:10]
    return published.isoformat() if published else None


def extract_claims(text: str, sentences: Iterable[Any], spacy_doc: Any = None,
                   published: date | None = None, *, outlet: str | None = None,
                   times: list[dict] | None = None, rules: ClaimRules | None = None) -> list[dict]:
    """Find the numeric claims of a text.

    :param text: the clean document text.
    :param sentences: :class:`~parley.document.Sentence` objects or dicts with ``char_start``,
        ``char_end`` (and ``index``); the whole text is one sentence when empty.
    :param spacy_doc: the parsed text, used to find who says a figure; optional.
    :param published: the publication date, the default as-of date.
    :param outlet: the source when the sentence names no speaker.
    :param times: the document's time spans (``doc.times``) for "as of" dates.
    :param rules: the vocabulary (default :func:`load_rules`).
    :returns: claim dicts per the claim contract: span keys plus ``quantity``, ``subject``,
        ``value``, ``low``, ``high``, ``high_literal``, ``qualifier``, ``unit``, ``as_of``, ``source``.
    """
    rules = rules or load_rules()
    if spacy_doc is not None and doc_text(spacy_doc) != text:
        spacy_doc = None  # offsets would point elsewhere
    doc = _Where(text, rules, _Context(text, rules, published), spacy_doc, published, outlet, times or [])
    claims: list[dict] = []
    for index, s_start, s_end in _sentence_spans(text, sentences):
        if rules.may_hold_claim(text[s_start:s_end]):
            claims += doc.sentence_claims(index, s_start, s_end)
    return claims


@dataclass
class _Where:
    """One document being read, and the claims of one of its sentences."""

    text: str
    rules: ClaimRules
    ctx: _Context
    spacy_doc: Any
    published: date | None
    outlet: str | None
    times: list[dict]

    def sentence_claims(self, index: int, s_start: int, s_end: int) -> list[dict]:
        rules, sentence = self.rules, self.text[s_start:s_end]
        out, taken = [], []
        for m in rules.age.finditer(sentence):
            if m["ord"]:
                if not words_pattern(tuple(rules.data["contexts"]["war"]["words"])).search(sentence):
                    continue
                high = float(ordinal_value(m["ord"], rules))
                value, low = high, high - 1
            else:
                value = word_value(m["n"] or m["n2"], rules)
                low, high = value, value + 1
            if 0 < value < 1000:
                taken.append(m.span())
                found = {"value": value, "low": low, "high": high, "high_literal": high, "unit": "year"}
                out.append(self.claim(index, s_start, sentence, m.start(), m.end(), "age",
                                      self.ctx.conflict_of(sentence), None, found, None))
        for m in rules.number.finditer(sentence):
            found = None if any(a < m.end() and m.start() < b for a, b in taken) else read_number(m, rules)
            if found is None:
                continue
            noun_end, noun_measure = (None, None) if found["form"] == "share" else \
                _counting_noun(sentence, m.end(), rules)
            end = noun_end or m.end()
            if found["unit"] in set(rules.data["currencies"].values()):
                measure = "money"
            elif (found["form"] in ("numeral", "word") and noun_end is None and not found.get("scaled")
                  and not m["qual"]) or (found["form"] == "share" and not found.get("base")) \
                    or (noun_end is None and self.counts_something_else(s_start + m.end())):
                continue  # "2017", "50% support", "30,000 emails": not a count of people
            else:
                after, nearest = _nearest_trigger(sentence, m.start(), end, rules)
                measure = (after if noun_measure != "deaths" and after else None) or noun_measure or nearest
            if measure is None or _hypothetical(sentence, m.start(), rules):
                continue
            measure = _refine(measure, sentence[max(0, m.start() - 20):end + 40], rules)
            if measure == "population" and found["unit"] == "share":
                continue  # "half of the population" with no verb saying what happened to it
            found["unit"] = found["unit"] or rules.data["measures"][measure]["unit"]
            context = _context_for(measure, sentence, s_start + m.start(), self.ctx, rules,
                                   sentence[max(0, m.start() - 80):end + 80])
            scope = _scope_for(measure, sentence[max(0, m.start() - 60):end + 60], rules)
            qualifier = re.sub(r"\s+", " ", m["qual"].lower()) if m["qual"] else None
            out.append(self.claim(index, s_start, sentence, m.start(), end, measure, context, scope, found,
                                  qualifier))
        return out

    def counts_something_else(self, pos: int) -> bool:
        """True when the noun after a number (past "of") is one it cannot count: "30,000 emails"."""
        words = re.match(r"\s+(?:of\s+)?([A-Za-z-]+)", self.text[pos:pos + 40])
        if not words:
            return False
        word = words.group(1).lower()
        if word in self.rules.stop_nouns:
            return True
        if self.spacy_doc is None or word in self.rules.nouns or words.group(1)[0].isupper():
            return False  # "10,000 Yemenis": peoples are capitalised
        token = self.spacy_doc.char_span(pos + words.start(1), pos + words.end(1), alignment_mode="expand")
        return token is not None and token[0].pos_ == "NOUN" and not any(
            p.search(word) for p, _ in self.rules.triggers)

    def claim(self, index: int, s_start: int, sentence: str, start: int, end: int, measure: str,
              context: str, scope: str | None, found: dict, qualifier: str | None) -> dict:
        a, b = s_start + start, s_start + end
        speaker = _speaker(self.spacy_doc, a, b, sentence, self.rules)
        subject = self.rules.data["measures"][measure]["label"].format(context=context)
        claim = {"text": self.text[a:b], "char_start": a, "char_end": b, "sentence": index,
                 "quantity": f"{measure}|{context}" + (f"|{scope}" if scope else ""),
                 "subject": subject + (f" ({scope})" if scope else ""),
                 "measure": measure, "context": context, "scope": scope, "value": finite(found["value"]),
                 "low": finite(found["low"]), "high": finite(found["high"]),
                 "high_literal": finite(found["high_literal"]), "qualifier": qualifier, "unit": found["unit"],
                 "as_of": _as_of(self.published, self.times, s_start, s_start + len(sentence), sentence),
                 "source": speaker or self.outlet,
                 "source_kind": "reported" if speaker else ("outlet" if self.outlet else None),
                 "specific": self.rules.data["measures"][measure].get("compare", True)
                 and context not in (GENERIC_CONFLICT, GENERIC_COUNTRY, GENERIC_MEETING)}
        if found.get("base"):
            claim["base"] = found["base"]
        return claim


def make_claims(rules_path: str | None = None) -> Any:
    """Build the ``parley_claims`` component, which sets ``doc.claims``.

    :param rules_path: another vocabulary file (default ``parley/data/claims.yaml``).
    :returns: a callable ``component(doc) -> doc``.
    """
    rules = load_rules(rules_path or DATA_FILE)

    def parley_claims(doc: Document) -> Document:
        doc.claims = extract_claims(doc.text, doc.sentences, doc.spacy_doc, doc.published,
                                    outlet=doc.outlet, times=doc.times, rules=rules)
        for claim in doc.claims:
            claim["doc_id"] = doc.id
            if claim["source_kind"] == "reported":
                # the actor the speaker names, when parley_actors found one in that sentence
                claim["source_actor"] = next(
                    (m.get("actor_id") for m in doc.mentions if m.get("sentence") == claim["sentence"]
                     and m.get("actor_id") and m.get("text") and m["text"] in claim["source"]), None)
        return doc

    return parley_claims
