"""The nlp stage: spaCy sentences for every document, parses where events can be.

``make_nlp()`` returns a component that sets ``doc.sentences`` (with character offsets into
``doc.text``) and ``doc.spacy_doc``. The spaCy model is loaded once per process and shared by
every component built with the same model name.

Two ways to parse (``parse``):

- ``"all"``: the model's full pipeline on whole documents; the parser sets the sentences.
- ``"candidates"``: the cheap sentence recogniser (``senter``) splits all text, and the full
  pipeline (tagger, parser, entities) runs only on the sentences that can carry an event
  (``docs/design.md``, "Stages", nlp): those with an actor cue (a knowledge-base name, demonym or sector
  word, a pronoun or group noun of the event lexicon, or a capitalised word past the first)
  and a predicate word of the event lexicon (any
  inflection; for light verbs like "hold" only with one of their objects). The other
  sentences keep tokens and sentence boundaries but no tags, parse or entities; the events
  stage skips them. ``spacy_doc.user_data["parsed_sentences"]`` lists the parsed ones.

In both a line break always starts a sentence, so headlines never run into the text.

Where names come from (``ner``): ``"rules"`` (the default) skips the model's entity recogniser,
which costs more than its tagger and parser together, and sets ``doc.ents`` with
:class:`parley.names.NameFinder`; ``"all"`` runs the recogniser on all text; ``"parsed"`` on the
parsed sentences only. With ``parse="candidates"`` the attribute ruler and lemmatizer are
replaced by :class:`Attributes`, which gives the same values from a memo.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator

import numpy
from spacy.attrs import (DEP, ENT_IOB, ENT_TYPE, HEAD, IS_ALPHA, IS_SPACE, LEMMA, LOWER, MORPH, NORM, ORTH, POS,
                         SENT_START, SPACY, TAG)
from spacy.matcher import Matcher
from spacy.language import Language
from spacy.tokens import Doc, Span

from parley.document import Document, Sentence, token_columns, token_texts
from parley.model import DEFAULT_MODEL, after_line_breaks, common_words, line_breaks, load_model, reset_tree_edges
from parley.pipeline import NER_MODES, PARSE_MODES

if TYPE_CHECKING:  # imported on first use at run time: parley.names loads the actors and places modules
    from parley.names import NameFinder

DEFAULT_BATCH_SIZE = 64
# Annotations copied from the parsed sentences into the whole document.
_PARSED_ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE]

_FILTERS: dict[str, "CandidateFilter"] = {}
_ATTRIBUTES: dict[tuple[str, str], "Attributes"] = {}
_FINDERS: dict[str, "NameFinder"] = {}


_DASHES = frozenset({"-", "--", "–", "—"})


def mark_datelines(sdoc: Doc) -> Doc:
    """Make a dateline ("ASTANA –", "WASHINGTON (Reuters) -") a sentence of its own.

    The parser splits these off by itself; the sentence recogniser runs them into the first
    sentence, where the place would read as its subject.
    """
    for i in ([0] if len(sdoc) else []) + after_line_breaks(sdoc):
        if i == 0 or sdoc[i].is_sent_start:
            end = _dateline_end(sdoc, i)
            if end is not None and end < len(sdoc) and not sdoc[end].is_space:
                sdoc[end].is_sent_start = True
    return sdoc


def _dateline_end(sdoc: Doc, start: int) -> int | None:
    """The index after the dash of a dateline beginning at ``start``, or None."""
    depth, capitals, qualifier = 0, False, False
    for token in sdoc[start:start + 10]:
        text = token.text
        if text in _DASHES:
            return token.i + 1 if capitals else None
        if text in "()":
            depth += 1 if text == "(" else -1
        elif depth == 0:
            if text == ",":
                qualifier = capitals     # "KABUL, Afghanistan (AP) -": a country or state follows
            elif text.isalpha() and text.isupper() or text == "/" and capitals:
                capitals = True          # "MONTREAL/RIYADH (Reuters) -"
            elif not (qualifier and text[:1].isupper() and text.rstrip(".").isalpha()):
                return None
    return None


class CandidateFilter:
    """Decides cheaply, from tokens alone, whether a sentence can carry an event.

    Built once per process from the actors knowledge base and the event lexicon; word forms
    are memoised, so a sentence costs a few dictionary look-ups per token.

    Example::

        keep = CandidateFilter(load_model())
        keep(sdoc[0:9])      # True for "Russia and Iran met in Astana on Tuesday."
    """

    def __init__(self, nlp: Language) -> None:
        from parley.actors.kb import load_kb, token_key
        from parley.actors.mentions import case_ok
        from parley.events.lexicon import load_lexicon

        kb, lexicon = load_kb(), load_lexicon()
        self._key, self._case_ok = token_key, case_ok
        # first significant word of each name -> its case rules ("The Hague" starts at "hague";
        # "US" must be in capitals, so "us" is no cue)
        self.name_starts: dict[str, set[int]] = {}
        self.needs = _predicate_needs(lexicon)
        # trigger lemma -> the types of actor one of its entries needs named nearby ("quit": igo) ...
        self.needs_actor = {lemma: frozenset(w[len(ACTOR_CUE):] for w in words if w.startswith(ACTOR_CUE))
                            for lemma, words in self.needs.items() if words}
        self.needs_actor = {lemma: kinds for lemma, kinds in self.needs_actor.items() if kinds}
        # ... and the first words of those actors' names with their case rules ("igo": "NATO", "United
        # Nations"), for the entries that name their object by the actor it is ("actor:igo": "quit UNESCO")
        wanted = frozenset().union(*self.needs_actor.values())
        self.type_starts: dict[str, dict[str, set[int]]] = {}
        self._typed: dict[tuple[str, str], bool] = {}
        stop = nlp.Defaults.stop_words
        for key, entries in kb.names.items():
            at = next((i for i, k in enumerate(key) if k not in stop), 0)
            self.name_starts.setdefault(key[at], set()).update(flags[at] for flags, _ in entries if at < len(flags))
            for flags, entry in entries:
                kind = kb.actors.get(entry[1], {}).get("type") if entry[0] == "actor" else None
                if kind in wanted and at < len(flags):
                    self.type_starts.setdefault(kind, {}).setdefault(key[at], set()).add(flags[at])
        # pronouns and group nouns ("the two sides") stand for actors named before
        self.sector_starts = frozenset(kb.first_words) | lexicon.word_set("pronouns")
        # and persons the news leaves unnamed ("a gunman", "police") are parties of hard-news acts
        self.group_nouns = lexicon.word_set("group_nouns") | lexicon.word_set("participant_nouns")
        # nouns of violence are reported whoever did it ("a firefight broke out at the checkpoint"):
        # a candidate with no actor cue (events.hardnews codes them without parties)
        self.violence_nouns = frozenset(e["noun"] for e in lexicon.predicates
                                        if e.get("noun") and e["type"] == "ASSAULT")
        tables = nlp.get_pipe("lemmatizer").lookups if "lemmatizer" in nlp.pipe_names else None
        self._rules = [(tables.get_table("lemma_rules").get(pos, []), tables.get_table("lemma_exc").get(pos, {}))
                       for pos in ("verb", "noun", "adj")] if tables else []
        self._forms: dict[str, frozenset[str]] = {}
        self._actor: dict[str, bool] = {}
        self._words: dict[str, tuple[frozenset[str], tuple[str, ...], bool]] = {}

    def lemmas(self, lower: str) -> frozenset[str]:
        """Every lemma a lower-case word form may have (verb, noun or adjective).

        :param lower: a lower-case token.
        :returns: the form itself and what the lemmatizer's rules and exceptions make of it.
        """
        found = self._forms.get(lower)
        if found is None:
            forms = {lower}
            for rules, exceptions in self._rules:
                forms.update(exceptions.get(lower, ()))
                forms.update(lower[:len(lower) - len(old)] + new for old, new in rules if lower.endswith(old))
            forms.update([f[:-1] for f in forms if len(f) > 3 and f[-1] == f[-2]])   # "planned", "plann"
            found = self._forms[lower] = frozenset(forms)
        return found

    def is_actor_word(self, text: str) -> bool:
        """Whether a token can begin a knowledge-base name or a sector phrase.

        :param text: the token as written.
        """
        known = self._actor.get(text)
        if known is None:
            key = self._key(text)
            known = self._actor[text] = any(self._case_ok(text, f) for f in self.name_starts.get(key, ())) \
                or text.lower() in self.sector_starts
        return known

    def _word(self, lower: str) -> tuple[frozenset[str], tuple[str, ...], bool]:
        """(lemmas, the trigger lemmas among them, whether one is a group noun) of a lower-case
        word, memoised."""
        forms = self.lemmas(lower)
        found = self._words[lower] = (forms, tuple(f for f in forms if f in self.needs),
                                      not forms.isdisjoint(self.group_nouns))
        return found

    def __call__(self, sent: Span, rows: list[tuple[str, str, bool]] | None = None) -> bool:
        """Whether ``sent`` has an actor cue and a predicate word (with its needed object).

        :param sent: a sentence of a tokenised doc.
        :param rows: :func:`token_rows` of its doc, when the caller reads several sentences of it.
        """
        if rows is None:
            rows = token_rows(sent.doc)
        span = rows[sent.start:sent.end]
        words = self._words
        # (lemmas, trigger lemmas, group noun) of each word; most sentences have no trigger
        found = [words.get(lower) or self._word(lower) for _, lower, _ in span]
        triggers = [trigger for word in found for trigger in word[1]]
        if not triggers:
            return False
        lemmas = set().union(*[word[0] for word in found], _hyphen_joined(span))
        actor = any(word[2] or self.is_actor_word(text) or position and text[:1].isupper() and alpha
                    for position, ((text, _, alpha), word) in enumerate(zip(span, found)))
        if not actor:
            return any(t in self.violence_nouns and (self.needs[t] is None or self.needs[t] & lemmas)
                       for t in triggers)
        return any(self.needs[t] is None or self.needs[t] & lemmas or self._names_actor(t, span) for t in triggers)

    def _names_actor(self, trigger: str, span: list[tuple[str, str, bool]]) -> bool:
        """Whether a word of the sentence begins the name of an actor of a type the trigger needs
        ("quit" and "UNESCO", an international body), with the name's case rules."""
        for kind in self.needs_actor.get(trigger, ()):
            starts = self.type_starts.get(kind, {})
            for text, _, _ in span:
                known = self._typed.get((kind, text))
                if known is None:
                    flags = starts.get(self._key(text), ())
                    known = self._typed[kind, text] = any(self._case_ok(text, f) for f in flags)
                if known:
                    return True
        return False

    def triggers_met(self, sent: Span, rows: list[tuple[str, str, bool]] | None = None) -> list[str]:
        """The trigger lemmas of ``sent`` whose needed words it has (the actor cue is not tested):
        what makes a candidate of it, for measuring which cues cost parses (bench/pipeline_candidates.py).

        :param sent: a sentence of a tokenised doc.
        :param rows: :func:`token_rows` of its doc.
        """
        span = (token_rows(sent.doc) if rows is None else rows)[sent.start:sent.end]
        found = [self._words.get(lower) or self._word(lower) for _, lower, _ in span]
        lemmas = set().union(*[word[0] for word in found], _hyphen_joined(span))
        return sorted({t for word in found for t in word[1]
                       if self.needs[t] is None or self.needs[t] & lemmas or self._names_actor(t, span)})


def _hyphen_joined(span: list[tuple[str, str, bool]]) -> list[str]:
    """The hyphenated words the tokenizer split ("third", "-", "rate"), joined ("third-rate"): an
    entry may need one as a whole word (a label of belittling rank). Spaces around the dash are not
    in the rows; "a - b" with spaces is rare enough to be read the same."""
    return [f"{span[i - 1][1]}-{span[i + 1][1]}" for i in range(1, len(span) - 1) if span[i][1] == "-"]


def token_rows(sdoc: Doc) -> list[tuple[str, str, bool]]:
    """(text, lower-case text, is alphabetic) of every token of ``sdoc``, read from its arrays
    (the filter reads every word of every text: a Token object per word would cost more). The
    texts are :func:`token_texts`, which the later stages read too."""
    strings = sdoc.vocab.strings
    return [(text, strings[lower], bool(alpha))
            for text, lower, alpha in zip(token_texts(sdoc), *token_columns(sdoc, (LOWER, IS_ALPHA)))]


# a need for an actor of a type (an entry's "actor:igo"), among the words a trigger needs nearby
ACTOR_CUE = "actor:"


def _predicate_needs(lexicon) -> dict[str, frozenset[str] | None]:
    """Trigger lemma -> None (a trigger on its own) or the words one of its entries needs nearby.

    Lemmas whose every entry needs an embedded event ("decide", "press", "stop": ``needs_content``)
    are left out: they code nothing unless another trigger is in the sentence, which makes it a
    candidate by itself.
    """
    from parley.events.lexicon import NO_EVENT

    classes = lexicon.governors["classes"]

    def words(spec) -> set[str]:
        out: set[str] = set()
        for item in [spec] if isinstance(spec, str) else spec:
            out.update(classes[item[1:]] if item.startswith("@") else [item])
        # a word with its modifier ("military action") is cued by its head word, the last
        return {word.split()[-1] for word in out}

    needs: dict[str, frozenset[str] | None] = {}
    reporting = lexicon.word_set("report_verbs") | lexicon.word_set("warning_words")
    if getattr(lexicon, "cameo", None) is not None:      # the CAMEO verb dictionary's verbs
        from spacy.lang.en.stop_words import STOP_WORDS

        needs.update(lexicon.cameo.parse_cues(frozenset(STOP_WORDS) | lexicon.word_set("report_verbs")))
    for entry in lexicon.predicates:
        if entry.get("needs_content") or entry["type"] == NO_EVENT:
            continue          # no event of its own, or a sense that names none: no parse cue
        lemma = entry.get("verb") or entry.get("noun") or entry.get("adj")
        key = next((k for k in ("subj", "obj", "pobj", "mod", "prt", "prep", "comp", "label", "host_subj")
                    if entry.get(k)), None)
        if key in (None, "prep", "prt") and entry.get("reported_wrong"):
            # a verb of wrongdoing is an event only in what a speaker says ("said Moscow meddled",
            # "said the minister lied to parliament"): the verb of saying is the word it needs
            # (events.triggers.charge_reporter), a preposition none
            if needs.get(lemma, ()) is not None:
                needs[lemma] = frozenset(needs.get(lemma, frozenset()) | reporting)
        elif key is None or needs.get(lemma, ()) is None:
            needs[lemma] = None
        else:
            needs[lemma] = frozenset(needs.get(lemma, frozenset()) | words(entry[key]))
    # demonstrators doing anything tell a protest (events.nesting.participants_protest)
    needs.update({noun: None for noun in classes["protester"]})
    # "X said Y must ...": an obligation in reported speech is a demand (events.coder). Only
    # "must" is a cue: "should" is as often advice, and the cue costs parses (0.2% of sentences)
    needs["must"] = frozenset(needs.get("must") or ()) | lexicon.word_set("report_verbs")
    return needs


class Attributes:
    """Coarse tags, morphology and lemmas exactly as the model's attribute ruler and lemmatizer
    set them, from two memos.

    The ruler's one-token patterns look only at a token's tag, dependency label, whether it is
    space, and (for a few hundred words) its lower-case form: its result is memoised on those,
    with the form kept only when some pattern names it, so a new name costs nothing. The rule
    lemmatizer sees only the word, its coarse tag and its morphology: its result is memoised on
    those. Pieces where a pattern spans two tokens ("there is", "gonna") go through the real
    components.
    """

    MAX_MEMO = 500_000

    def __init__(self, nlp: Language) -> None:
        self.ruler = nlp.get_pipe("attribute_ruler")
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        self.vocab = nlp.vocab
        self.context = Matcher(nlp.vocab)
        self.words: set[int] = set()        # lower-case forms the one-token patterns name
        self.labels: set[int] = set()       # dependency labels they name
        alternatives = [tokens for rule in self.ruler.patterns for tokens in rule["patterns"]]
        if any(len(tokens) > 1 for tokens in alternatives):
            self.context.add("context", [tokens for tokens in alternatives if len(tokens) > 1])
        # a piece where no token has the form or label that one token of each such pattern
        # names ("gon", "let", an expletive "there") cannot match: the matcher need not run
        self.cues: dict[str, set[int]] | None = {"LOWER": set(), "DEP": set()}
        for tokens in (tokens for tokens in alternatives if len(tokens) > 1):
            cue = next(((key, values) for token in tokens for key, values in [_plain_values(token)] if values), None)
            if cue is None:
                self.cues = None
                break
            self.cues[cue[0]].update(self.vocab.strings.add(v) for v in cue[1])
        for token in (tokens[0] for tokens in alternatives if len(tokens) == 1):
            for key, names in (("LOWER", self.words), ("DEP", self.labels)):
                value = token.get(key)
                spec = value or {}
                words = [value] if isinstance(value, str) else spec.get("IN", []) + spec.get("NOT_IN", [])
                for word in words:
                    names.add(self.vocab.strings.add(word))
        self.ruled: dict[tuple, tuple[int, int, int, int, int]] = {}
        self.lemmas: dict[tuple[int, int, int], int] = {}
        # a whole row -> ((pos, morph, lemma), new tag or 0, new dep or 0)
        self.known: dict[tuple, tuple[tuple[int, int, int], int, int]] = {}

    def real(self, sdoc: Doc) -> Doc:
        """Run the real attribute ruler and lemmatizer over ``sdoc``."""
        return self.lemmatizer(self.ruler(sdoc))

    def _rule(self, token) -> tuple[int, int, int, int, int]:
        """(pos, morph, lemma or 0, tag or 0, dep or 0) the ruler gives ``token`` on its own
        (0 where it sets nothing)."""
        single = Doc(self.vocab, words=[token.text], spaces=[False])
        single[0].tag_, single[0].dep_ = token.tag_, token.dep_
        done = self.ruler(single)[0]
        changed = (done.tag if done.tag != token.tag else 0, done.dep if done.dep != token.dep else 0)
        return done.pos, done.morph.key, done.lemma, *changed

    def __call__(self, sdoc: Doc) -> Doc:
        """Set POS, MORPH and LEMMA (and the ruler's TAG and DEP) on a tagged, parsed ``sdoc``."""
        if len(self.lemmas) > self.MAX_MEMO or len(self.known) > self.MAX_MEMO:
            self.ruled.clear()
            self.lemmas.clear()
            self.known.clear()
        known = self.known
        columns = token_columns(sdoc, (ORTH, TAG, DEP, LOWER, IS_SPACE))
        deps = columns[2]
        values = []                     # one array at the end: a numpy row assignment costs microseconds
        for i, row in enumerate(zip(*columns)):
            done = known.get(row)
            if done is None:
                pos, morph, lemma, new_tag, new_dep = self._attributes(sdoc, i, row)
                done = known[row] = ((pos, morph, lemma), new_tag, new_dep)
            if done[1] or done[2]:          # space tokens: "_SP", "dep"
                token = sdoc[i]
                token.tag, token.dep = done[1] or row[1], done[2] or row[2]
                deps[i] = token.dep
            values.append(done[0])
        cued = self.cues is None or not self.cues["LOWER"].isdisjoint(columns[3]) \
            or not self.cues["DEP"].isdisjoint(deps)
        for _, start, end in self.context(sdoc) if cued else ():   # the two-token patterns, on the tokens they span
            values[start:end] = self._in_context(sdoc[start:end])
        sdoc.from_array([POS, MORPH, LEMMA], numpy.array(values, dtype="uint64").reshape(len(sdoc), 3))
        return sdoc

    def _attributes(self, sdoc: Doc, i: int, row: tuple) -> tuple[int, int, int, int, int]:
        """(pos, morph, lemma, new tag or 0, new dep or 0) of token ``i``, whose ``row`` is
        (orth, tag, dep, lower, is space): what the ruler gives its tag, label and form, and the
        lemma the lemmatizer gives its word with that coarse tag and morphology (both memoised)."""
        orth, tag, dep, lower, space = row
        key = (tag, dep if dep in self.labels else -1 if dep else 0, lower if lower in self.words else 0, space)
        rule = self.ruled.get(key)
        if rule is None:
            rule = self.ruled[key] = self._rule(sdoc[i])
        pos, morph, lemma, new_tag, new_dep = rule
        if new_tag or new_dep:
            token = sdoc[i]
            token.tag, token.dep = new_tag or tag, new_dep or dep
        if not lemma:
            lemma = self.lemmas.get((orth, pos, morph))
            if lemma is None:
                token = sdoc[i]
                token.pos, token.lemma = pos, 0
                token.set_morph(morph or None)
                lemma = self.lemmas[(orth, pos, morph)] = self.vocab.strings.add(self.lemmatizer.lemmatize(token)[0])
        return pos, morph, lemma, new_tag, new_dep

    def _in_context(self, span: Span) -> list[tuple[int, int, int]]:
        """(pos, morph, lemma) of each token of ``span`` by the real components, run on it alone."""
        piece = Doc(self.vocab, words=[t.text for t in span], spaces=[bool(t.whitespace_) for t in span])
        for token, original in zip(piece, span):
            token.tag, token.dep = original.tag, original.dep
        return [(t.pos, t.morph.key, t.lemma) for t in self.real(piece)]


def _plain_values(token: dict) -> tuple[str, list[str]]:
    """``(key, values)``: the lower-case forms (``LOWER``) or labels (``DEP``) a token pattern
    requires, one of them given as a string or an ``IN`` list; ``("", [])`` when neither is."""
    for key in ("DEP", "LOWER"):
        value = token.get(key)
        if isinstance(value, str):
            return key, [value]
        if isinstance(value, dict) and set(value) == {"IN"}:
            return key, list(value["IN"])
    return "", []


def attributes(model: str = DEFAULT_MODEL, matmul: str = "numpy") -> Attributes:
    """Return the :class:`Attributes` for the model :func:`load_model` gives for ``model`` and
    ``matmul`` (their strings live in its vocabulary), built on first use in this process."""
    found = _ATTRIBUTES.get((model, matmul))
    if found is None:
        found = _ATTRIBUTES[(model, matmul)] = Attributes(load_model(model, matmul))
    return found


def name_finder(model: str = DEFAULT_MODEL):
    """Return the :class:`parley.names.NameFinder` for ``model``, built on first use in this process.

    Its common words, which do not start a name at the head of a sentence, are the model's
    stop words and every word its lemmatizer knows.
    """
    found = _FINDERS.get(model)
    if found is None:
        from parley.names import NameFinder

        found = _FINDERS[model] = NameFinder(common_words(model), lemmas=candidate_filter(model).lemmas)
    return found


def candidate_filter(model: str = DEFAULT_MODEL) -> CandidateFilter:
    """Return the :class:`CandidateFilter` for ``model``, built on first use in this process.

    :param model: an installed spaCy package name.
    """
    found = _FILTERS.get(model)
    if found is None:
        found = _FILTERS[model] = CandidateFilter(load_model(model))
    return found


class NLP:
    """Sentences and parses for documents.

    Example::

        nlp = make_nlp()
        doc = nlp(Document.from_text("Russia and Iran met in Astana. Talks resume today."))
        [s.text for s in doc.sentences]
    """

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = DEFAULT_BATCH_SIZE,
                 parse: str = "candidates", ner: str = "rules", matmul: str = "numpy") -> None:
        if parse not in PARSE_MODES:
            raise ValueError(f"parse must be one of {PARSE_MODES}, not {parse!r}")
        if ner not in NER_MODES:
            raise ValueError(f"ner must be one of {NER_MODES}, not {ner!r}")
        self.model = model
        self.batch_size = batch_size
        self.parse = parse
        self.ner = ner
        self.nlp = load_model(model, matmul)
        self.filter = candidate_filter(model) if parse == "candidates" else None
        self.attributes = attributes(model, matmul) if parse == "candidates" else None
        self.names = name_finder(model) if ner == "rules" else None

    def __call__(self, doc: Document) -> Document:
        """Set ``doc.sentences`` and ``doc.spacy_doc``.

        :param doc: the document; its ``text`` is the clean text.
        :returns: the same document.
        """
        return next(self._run([doc]))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Process ``docs`` through ``nlp.pipe`` in batches of ``batch_size``.

        :param docs: documents.
        :returns: the documents, in order, with sentences and spaCy docs set.
        """
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= self.batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, batch: list[Document]) -> Iterator[Document]:
        texts = [d.text for d in batch]
        if self.filter is None:
            parsed = self.nlp.pipe(texts, batch_size=self.batch_size, disable=["ner"] if self.names else [])
        else:
            parsed = self._parse_candidates(texts)
        for doc, sdoc in zip(batch, parsed):
            sdoc.user_data["text"] = doc.text
            if self.names is not None:
                self.names(sdoc, doc.published)
            yield self._set(doc, sdoc)

    def _parse_candidates(self, texts: list[str]) -> list[Doc]:
        """Split every text, then run the full model on the runs of candidate sentences only."""
        sdocs = list(self.nlp.get_pipe("senter").pipe(self.nlp.tokenizer.pipe(texts), batch_size=self.batch_size))
        for sdoc, text in zip(sdocs, texts):
            sdoc.user_data["text"] = text
        if self.ner == "all":
            sdocs = list(self.nlp.get_pipe("ner").pipe(sdocs, batch_size=self.batch_size))
        runs: list[tuple[int, int, int]] = []      # (doc, first token, end token) of adjacent candidates
        for n, sdoc in enumerate(sdocs):
            mark_datelines(line_breaks(sdoc))
            rows = token_rows(sdoc)
            for sent in sdoc.sents:
                if self.filter(sent, rows):
                    if runs and runs[-1][0] == n and runs[-1][2] == sent.start:
                        runs[-1] = (n, runs[-1][1], sent.end)
                    else:
                        runs.append((n, sent.start, sent.end))
        # each run is parsed as a doc of its own: heads and entities cannot leave it
        # line breaks are marked already; attributes come from the memo
        disable = ["parley_line_breaks", "attribute_ruler", "lemmatizer"] + (["ner"] if self.ner != "parsed" else [])
        pieces = self.nlp.pipe(_pieces(sdocs, runs), batch_size=4 * self.batch_size, disable=disable)
        merged: dict[int, list] = {}
        for (n, a, b), piece in zip(runs, pieces):
            merged.setdefault(n, []).append((a, b, self.attributes(piece)))
        for n, parts in merged.items():
            _merge(sdocs[n], parts, _PARSED_ATTRS if self.ner == "parsed" else _PARSED_ATTRS[:-2])
        for n, sdoc in enumerate(sdocs):
            if n not in merged:     # setting heads in _merge rebuilt the edges of the others
                reset_tree_edges(sdoc)
        for sdoc in sdocs:      # the parser labels every token of what it parsed
            sdoc.user_data["parsed_sentences"] = [i for i, sent in enumerate(sdoc.sents) if sent[0].dep]
        return sdocs

    @staticmethod
    def _set(doc: Document, sdoc) -> Document:
        doc.spacy_doc = sdoc
        text = doc.text     # spaCy keeps the text it was given: a sentence's text is its slice
        doc.sentences = [Sentence(i, s.start_char, s.end_char, text[s.start_char:s.end_char])
                         for i, s in enumerate(sdoc.sents)]
        return doc


def _pieces(sdocs: list[Doc], runs: list[tuple[int, int, int]]) -> Iterator[Doc]:
    """Each run ``(doc, start, end)`` of tokens as a doc of its own, with their words, spaces,
    norms (the tokenizer's exceptions set some: "n't" is "not") and sentence starts: all the
    tagger and parser read. (``Span.as_doc`` copies every annotation of the whole doc for each
    span, which cost more than the tagger.)"""
    arrays: dict[int, tuple[list[str], numpy.ndarray]] = {}
    for n, start, end in runs:
        if n not in arrays:
            arrays = {n: (token_texts(sdocs[n]), sdocs[n].to_array([SPACY, NORM, SENT_START]))}
        words, values = arrays[n]
        piece = Doc(sdocs[n].vocab, words=words[start:end], spaces=values[start:end, 0].astype(bool).tolist())
        piece.from_array([NORM, SENT_START], values[start:end, 1:])
        yield piece


def _merge(sdoc: Doc, parts: list[tuple[int, int, Doc]], attrs: list[int]) -> None:
    """Copy ``attrs`` of parsed pieces ``(start, end, piece)`` into ``sdoc``.

    Setting heads recomputes sentence starts from the trees, which unparsed sentences lack,
    so the starts are written back afterwards (the parser's inside the pieces).
    """
    values = sdoc.to_array(attrs)
    starts = sdoc.to_array([SENT_START])
    for start, end, piece in parts:
        values[start:end] = piece.to_array(attrs)
        starts[start:end] = piece.to_array([SENT_START])
    sdoc.from_array(attrs, values)
    sdoc.from_array([SENT_START], starts)


def make_nlp(model: str = DEFAULT_MODEL, batch_size: int = DEFAULT_BATCH_SIZE, parse: str = "candidates",
             ner: str = "rules", matmul: str = "numpy") -> NLP:
    """Build the nlp stage.

    :param model: installed spaCy model name.
    :param batch_size: documents per ``nlp.pipe`` batch.
    :param parse: ``"all"`` parses every sentence; ``"candidates"`` only those that can carry
        an event (see the module docstring).
    :param ner: where names come from: ``"rules"`` (default) finds them in every sentence from
        the knowledge base, the place index and capitalisation (:mod:`parley.names`), without
        the statistical recogniser; ``"all"`` runs the model's recogniser on all text (about
        2.4 times the CPU of the whole default pipeline); ``"parsed"``, with
        ``parse="candidates"``, runs it on the parsed sentences only.
    :param matmul: the model's matrix library, ``"numpy"`` or ``"blis"`` (see :func:`load_model`).
    :returns: an :class:`NLP` component.
    """
    return NLP(model=model, batch_size=batch_size, parse=parse, ner=ner, matmul=matmul)
