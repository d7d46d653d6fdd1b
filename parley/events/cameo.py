"""The CAMEO verb dictionary (PETRARCH-2, converted) matched on the dependency parse.

:func:`load_cameo` compiles ``cameo_verbs.jsonl`` once: every pattern of a verb block is
indexed by each verb lemma of the block and by its *anchor* -- the object head, preposition,
particle or subject word it needs -- so a trigger token only tries the patterns whose anchor
it has among its parse children. :meth:`CameoIndex.match` binds the pattern's slots to parse
children: the object slot to the direct object (or the passive subject: "sanctions were
imposed"), a prepositional slot to a ``prep`` child of the verb or of its object ("held talks
*with* X"), a particle to a ``prt`` child, the subject slot to the clause subject. The most
specific pattern wins; a verb with no matching pattern falls back to its own code unless it
is too general to name an event by itself (``generic_verbs`` in governors.yaml).

Each compiled pattern carries an entry in the shape of ``predicates.yaml`` entries (type,
mode, cameo, roles), so the coder reads actors, modality and dates for it the same way.

Example::

    index = load_cameo(lexicon)
    hit = index.match(token, subject_of(token)[0])    # (entry, specificity) or None
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from parley.codebooks import PLOVER_TYPES
from parley.events.words import ordered_rule_words
from parley.knowledge import KnowledgeError, data_path

VERBS_PATH = data_path("events", "cameo_verbs.jsonl")
SYNSETS_PATH = data_path("events", "cameo_synsets.json")
# Prepositions on a light verb's object that name whom the event is aimed at or shared with.
TARGET_PREPS = ordered_rule_words("target_preps")
# Heads of compound synset members that name something else alone ("fighter" of "stealth fighter").
COMPOUND_ONLY_HEADS = frozenset(ordered_rule_words("compound_only_heads"))
# Dependents that make a verb a copula with a predicate ("remain calm", "became a threat").
PREDICATE_DEPS = frozenset({"acomp", "attr", "oprd"})
PARTICLE_DEPS = ("prt", "advmod", "prep", "acomp", "dobj", "npadvmod")


def word_forms(word: str) -> frozenset[str]:
    """The forms a dictionary word may take in a lemma or a token: itself and its singular.

    :param word: a lower-case word as the dictionary writes it ("rallies", "talks").
    """
    forms = {word}
    if word.endswith("ies") and len(word) > 4:
        forms.add(word[:-3] + "y")
    if word.endswith("es") and len(word) > 3:
        forms.add(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        forms.add(word[:-1])
    return frozenset(forms)


@dataclass(frozen=True)
class Slot:
    """A noun slot of a pattern: acceptable head forms and required modifier forms."""

    heads: frozenset
    mods: tuple = ()        # one frozenset of forms per required modifier

    def accepts(self, token) -> bool:
        """Whether ``token`` heads a phrase this slot accepts."""
        if token.lemma_.lower() not in self.heads and token.lower_ not in self.heads:
            return False
        if not self.mods:
            return True
        words = {w for c in token.subtree if c.i < token.i or c.head == token for w in (c.lower_, c.lemma_.lower())}
        return all(words & forms for forms in self.mods)


@dataclass(frozen=True)
class Compiled:
    """One pattern compiled for one verb: its constraints and the entry it codes."""

    particle: str | None
    object: Slot | None
    preps: tuple          # (preposition, Slot or None) pairs
    subject: Slot | None
    entry: dict | None    # None: the pattern says "no event" (null or dropped code)
    specificity: int
    line: int = 0         # the pattern's line in the dictionary: ties go to the first listed


class CameoIndex:
    """The compiled verb dictionary: ``lemma -> anchor -> patterns`` and verb defaults."""

    def __init__(self, synsets: dict, generic: frozenset[str], referring: frozenset[str] = frozenset()) -> None:
        self.synsets = synsets
        self.generic = generic
        self.referring = referring
        self.patterns: dict[str, dict[tuple, list[Compiled]]] = {}
        self.defaults: dict[str, list[tuple[str | None, dict | None]]] = {}
        self.forms: dict[str, str] = {}
        self.count = 0
        self._form_cache: dict[str, frozenset] = {}

    # ---------------------------------------------------------------- compiling
    def _slot(self, noun: dict | None) -> Slot | None:
        if noun is None:
            return None
        return Slot(self._forms(noun["head"]), tuple(self._forms(m) for m in noun["mods"]))

    def _forms(self, word: str) -> frozenset[str]:
        cached = self._form_cache.get(word)
        if cached is not None:
            return cached
        if word.startswith("&"):
            members = self.synsets.get(word.upper(), {}).get("words", [])
            singles = {member for member in members if " " not in member}
            heads = {member.split()[-1] for member in members}
            heads -= COMPOUND_ONLY_HEADS - singles
            forms = frozenset(f for head in heads for f in word_forms(head))
        else:
            forms = word_forms(word)
        self._form_cache[word] = forms
        return forms

    def add_block(self, block: dict) -> None:
        """Compile one verb block: its patterns for every verb of the block, and the verbs' defaults."""
        by_particle: dict[str | None, list[str]] = {}
        for verb in block["verbs"]:
            lemma = verb["lemma"]
            for form in verb["forms"]:
                if " " not in form and form != lemma:
                    self.forms.setdefault(form, lemma)
            own = _entry(f"cameo:{verb['line']}", verb["cameo"], verb["plover"], verb["particle"])
            if own is not None:
                # a bare verb's target is its object, or whom it is done against or with
                own.update(bare=True, constraints=0, roles={"prep:against": "recipient", "prep:with": "recipient"})
            if lemma not in self.generic or verb["particle"]:
                self.defaults.setdefault(lemma, []).append((verb["particle"], own))
            by_particle.setdefault(verb["particle"], []).append(lemma)
        surface = {form: v["lemma"] for v in block["verbs"] for form in [v["lemma"], *v["forms"]]}
        for particle, lemmas in by_particle.items():
            for pattern in block["patterns"]:
                compiled = self._compile(pattern, particle)
                if compiled is None:
                    continue
                self.count += 1
                anchors = _anchors(compiled)
                targets = lemmas
                noted = surface.get((pattern.get("noted_verb") or "").split("_")[0])
                if _bare(compiled):
                    # a bare preposition or particle belongs to the verb it was written for
                    # ("press on"), not to the block's synonyms ("demand on"); a pattern with a
                    # noun slot ("* (ON CHARGES)", "COURT *") is the block's, as in PETRARCH
                    targets = [noted] if noted in lemmas else ([] if noted else lemmas)
                elif noted in lemmas:
                    # a verb of reference names the act its object names, it does not do it: "cited
                    # the attack", "mentioned the sanctions" do not take the codes written for
                    # "reported an attack" or "announced sanctions" (governors.yaml reference_verbs)
                    targets = [lemma for lemma in lemmas if lemma == noted or lemma not in self.referring]
                for lemma in dict.fromkeys(targets):
                    table = self.patterns.setdefault(lemma, {})
                    for anchor in anchors:
                        table.setdefault(anchor, []).append(compiled)

    def sort(self) -> None:
        """Order every anchor's patterns most specific first (after all blocks are added)."""
        for table in self.patterns.values():
            for bucket in table.values():
                bucket.sort(key=lambda c: (-c.specificity, c.line))

    def _compile(self, pattern: dict, verb_particle: str | None) -> Compiled | None:
        particle = pattern["particle"] or verb_particle
        obj = self._slot(pattern["object"])
        preps = tuple((p["prep"], self._slot(p["object"])) for p in pattern["preps"])
        subject = self._slot(pattern["subject"][-1]) if pattern["subject"] else None
        if obj is None and not preps and subject is None and particle == verb_particle:
            return None       # the same as the verb's own code
        if any(not s.heads for s in (obj, subject) if s is not None):
            return None
        if obj is None and subject is None and preps and all(slot is None for _, slot in preps):
            return None       # a bare preposition ("come to", "return to") is too weak a cue alone
        roles = {}
        if obj is not None:
            roles["obj"] = "none"
            roles.update({f"obj.{p}": "recipient" for p in TARGET_PREPS})
            roles["obj.between"] = "actor"
        if subject is not None:
            # the subject names the actor ("troops withdrew"), or is the event itself whose
            # modifiers name who ("talks between X and Y resumed")
            roles.update({"subj": "actor", "subj.between": "actor", "subj.among": "actor", "subj.poss": "actor",
                          "subj.with": "recipient"})
        for prep, slot in preps:
            roles[f"prep:{prep}"] = "none" if slot is not None else "recipient"
            roles[f"obj.{prep}"] = roles[f"prep:{prep}"]
        code, plover = pattern["cameo"], pattern["plover"]
        received = code is None and pattern.get("reciprocal") is not None
        if received:
            # "[:B]": the subject undergoes B ("came under fire", "received aid from X",
            # "appeared before a court"); who does it is the preposition's object or the agent
            code, plover = pattern["reciprocal"]["cameo"], pattern["reciprocal"]["plover"]
            swap = {"actor": "recipient", "recipient": "actor"}
            roles = {key: swap.get(role, role) for key, role in roles.items()}
            roles.update({"subj": "recipient", "prep:from": "actor", "prep:by": "actor", "obj.from": "actor",
                          "obj.by": "actor", "agent": "actor"})
        entry = _entry(f"cameo:{pattern['line']}", code, plover, particle, roles)
        specificity = (obj is not None) + len(obj.mods if obj else ()) + len(preps) \
            + sum(1 for _, s in preps if s is not None) + (subject is not None) + (particle is not None)
        if entry is not None:
            entry["constraints"] = min(specificity, 4)
            # "(TO)": the preposition's object is the pattern's target; without one, no event
            entry["needs_target"] = obj is None and any(slot is None for _, slot in preps) and not received
            entry["on_subject"] = subject is not None and obj is None
        return Compiled(particle, obj, preps, subject, entry, specificity, pattern["line"])

    def parse_cues(self, skip: frozenset[str] = frozenset()) -> dict[str, frozenset[str] | None]:
        """Verb lemma -> the object words one of its patterns needs ("impose" -> sanction, curfew, ...).

        For the nlp stage's choice of sentences to parse (:class:`parley.nlp.CandidateFilter`).
        A verb's own code is not a cue: it needs two actors, and such sentences are nearly
        always parsed for another cue; neither are patterns anchored only on a preposition or
        particle, words that are in nearly every sentence. Parsing every sentence a bare CAMEO
        verb could code would parse seven sentences in ten and break the ingest budget.
        Generic verbs ("hold", "take": their light-verb uses are parley's own entries) and the
        lemmas or object words in ``skip`` (reporting verbs, stop words) are no cues either.

        :param skip: words that are never cues.
        """
        cues: dict[str, frozenset[str] | None] = {}
        for lemma, table in self.patterns.items():
            if lemma in skip or lemma in self.generic or not lemma.isalpha():
                continue
            words = {form for (kind, form), bucket in table.items() if kind == "obj" and form.isalpha()
                     and len(form) > 3 and form not in skip and any(c.entry is not None for c in bucket)}
            if words:
                cues[lemma] = frozenset(words)
        for form, lemma in self.forms.items():
            if lemma in cues and form not in cues:
                cues[form] = cues[lemma]
        return cues

    # ---------------------------------------------------------------- matching
    def lemma_of(self, token) -> str:
        """The dictionary lemma of a verb token (irregular forms the tagger mislemmatised)."""
        lemma = token.lemma_.lower()
        if lemma in self.patterns or lemma in self.defaults:
            return lemma
        return self.forms.get(token.lower_, lemma)

    def has_patterns(self, token) -> bool:
        """Whether a verb token's lemma has patterns (only they read the clause subject)."""
        return bool(self.patterns.get(self.lemma_of(token)))

    def match(self, token, subject=None) -> tuple[dict | None, int] | None:
        """Return ``(entry, specificity)`` of the best pattern or default for a verb token.

        ``entry`` is None when the best match says the phrase is no event ("look forward").
        Returns None when the verb is not in the dictionary or nothing applies.

        :param token: a spaCy token tagged VERB.
        :param subject: the clause subject token, if any.
        """
        lemma = self.lemma_of(token)
        table = self.patterns.get(lemma)
        words = _child_words(token)
        if table:
            objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
            objects += [c for o in objects for c in o.conjuncts]
            keys = {("prt", w) for w in words} | {("prep", w) for w in words}
            for o in objects:
                keys |= {("obj", o.lemma_.lower()), ("obj", o.lower_)}
                keys |= {("prep", c.lower_) for c in o.children if c.dep_ == "prep"}
            if subject is not None:
                keys |= {("subj", subject.lemma_.lower()), ("subj", subject.lower_)}
            # sorted on (specificity, dictionary line): the order of ``keys`` (a set) must not
            # decide between patterns, or a run's result would depend on the hash seed
            candidates = sorted({id(c): c for key in keys for c in table.get(key, ())}.values(),
                                key=lambda c: (-c.specificity, c.line))
            for compiled in candidates:
                if _satisfies(compiled, token, objects, subject, words):
                    return compiled.entry, compiled.specificity
        best = None
        for particle, entry in self.defaults.get(lemma, ()):
            if particle is None:
                best = best or (entry, 0)
            elif all(w in words for w in particle.split()):
                return entry, 1
        return best


def _child_words(token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in PARTICLE_DEPS}


def _bare(compiled: Compiled) -> bool:
    """Whether a pattern names no noun: only a preposition or a particle ("* (TO)", "* ON")."""
    return compiled.object is None and compiled.subject is None and all(slot is None for _, slot in compiled.preps)


def _anchors(compiled: Compiled) -> list[tuple]:
    if compiled.object is not None:
        return [("obj", form) for form in compiled.object.heads]
    if compiled.preps:
        return [("prep", compiled.preps[0][0])]
    if compiled.particle:
        return [("prt", compiled.particle.split()[0])]
    return [("subj", form) for form in compiled.subject.heads]


def _satisfies(compiled: Compiled, token, objects: list, subject, words: set[str]) -> bool:
    if compiled.particle and not all(w in words for w in compiled.particle.split()):
        return False
    if compiled.object is not None and not any(compiled.object.accepts(o) for o in objects):
        return False
    if compiled.subject is not None and (subject is None or not compiled.subject.accepts(subject)):
        return False
    if compiled.subject is not None and compiled.object is None and not compiled.preps and not compiled.particle \
            and any(c.dep_ in PREDICATE_DEPS for c in token.children):
        return False      # "troops remain locked in a war", "soldiers remain a threat": a copula says what the
                          # subject is; the dictionary codes copular uses by their complement ("* SILENT")
    for prep, slot in compiled.preps:
        holders = [token] + [o for o in objects if compiled.object is not None and compiled.object.accepts(o)]
        found = [c for h in holders for c in h.children
                 if c.dep_ in ("prep", "agent", "dative", "prt") and c.lower_ == prep]
        if not found:
            return False
        if slot is not None and not any(slot.accepts(p) for c in found for p in c.children if p.dep_ == "pobj"):
            return False
    return True


def _entry(entry_id: str, cameo: str | None, plover: dict | None, particle: str | None,
           roles: dict | None = None) -> dict | None:
    if cameo is None or not plover or plover.get("type") not in PLOVER_TYPES:
        return None
    entry = {"id": entry_id, "type": plover["type"], "mode": plover.get("mode"),
             "cameo": cameo, "source": "cameo"}
    if particle:
        entry["prt"] = particle.split()[0]
    if roles:
        entry["roles"] = roles
    return entry


@lru_cache(maxsize=4)
def load_cameo(generic: frozenset[str] = frozenset(), verbs_path: Path = VERBS_PATH,
               synsets_path: Path = SYNSETS_PATH, referring: frozenset[str] = frozenset()) -> CameoIndex:
    """Read and compile the converted CAMEO verb dictionary (once per process).

    :param generic: verbs too general to code an event without a pattern (governors.yaml).
    :param referring: verbs of reference (governors.yaml ``reference_verbs``): a block's noun
        patterns written for another of its verbs are not theirs.
    :param verbs_path: ``cameo_verbs.jsonl``.
    :param synsets_path: ``cameo_synsets.json``.
    :raises ~parley.knowledge.KnowledgeError: naming the file and line of a block that does not validate.
    """
    synsets = json.loads(Path(synsets_path).read_text(encoding="utf-8"))
    index = CameoIndex(synsets, generic, referring)
    with open(verbs_path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                block = json.loads(line)
                index.add_block(block)
            except (ValueError, KeyError, TypeError) as error:
                raise KnowledgeError(verbs_path, repr(error), number) from None
    index.sort()
    return index
