"""What a pronoun or a definite description stands for: antecedents among the document's actors.

News names a party once and then refers to it: "he", "it", "the two leaders", "the
administration", "the kingdom", "the alliance". The actors stage resolves names; this module
links such words back to the actor mentions before them, for the event coder's arguments
(:class:`parley.events.arguments.ArgumentReader` asks it when a phrase names no actor):

- **personal pronouns** by animacy: "he", "she", "his", "her" take a person, "it" and "its"
  a state, body or group. The antecedent is the first fitting mention earlier in the same
  sentence ("North Korea denied it, even as *it* blamed ..."), else the subject (or, when the
  sentence is unparsed, the first fitting mention) of the nearest of the previous sentences
  that has one: a pronoun continues the topic of the text before it;
- **"the two" / "both" + a plural** ("the two leaders", "both sides", "the two met"): the two
  last distinct parties named in this sentence or the two before it;
- **a person's "his country", "her government"**: the state of the person the possessive stands
  for (session 19);
- **definite descriptions** (governors.yaml ``references``): "the administration", "the
  regime", "the kingdom" take the state of the nearest state, office holder or state organ
  ("Syria's army"), else the state the document names most; "the alliance", "the bloc" the
  nearest international body; "the rebels", "the group" the nearest armed or social group;
  "the president" the nearest person. An object never refers back to its own clause's
  subject ("Turkey accused the regime" is not Turkey's regime).

Only words with no actor of their own reach here, so a name always wins over a reference.
"""

from __future__ import annotations

from collections import Counter

from parley.clauses import SUBJECT_DEPS, in_main_subject, main_subject
from parley.events.words import pair_types, rule_words

PERSON_PRONOUNS = rule_words("person_pronouns")
THING_PRONOUNS = rule_words("thing_pronouns")
PAIR_WORDS = rule_words("pair_words")
PLURAL_PRONOUNS = rule_words("plural_subject_pronouns")
PAIR_TYPES = pair_types()
COMPASS_WORDS = rule_words("compass_words")   # not a nationality
LOOKBACK = 2            # sentences before the reference's own that may hold its antecedent
NON_PERSON_TYPES = frozenset({"state", "igo", "group", "org", "ngo", "organ"})
KIND_TYPES = {"state": frozenset({"state"}), "igo": frozenset({"igo"}), "group": frozenset({"group"}),
              "person": frozenset({"person"})}
STATE_DESCRIBERS = rule_words("state_describers")     # "the socialist state", "the reclusive state"


def described_state(token) -> bool:
    """Whether a "state" noun says by an adjective what kind of country it is ("the socialist
    state", "the reclusive state"). A bare "the state" names no country: in US news it is mostly
    a US state ("the state sued the company"), so it never stands for a foreign country named
    before. Other words of the ``references`` state list ("the regime") need no adjective.

    :param token: the head of a noun phrase whose lemma is "state".
    """
    return any(c.dep_ == "amod" and c.lower_ in STATE_DESCRIBERS for c in token.children)


class Antecedents:
    """Finds the actor mentions that pronouns and descriptions in one document stand for.

    Example::

        antecedents = Antecedents(spacy_doc, doc.mentions, lexicon.governors.get("references"))
        antecedents.resolve(token)      # [] or the mentions "he" / "the two sides" stand for
    """

    def __init__(self, spacy_doc, mentions: list[dict], references: dict | None = None,
                 spans: list | None = None) -> None:
        """:param spans: the mentions' token spans (``char_span``, expanded), when the caller has them."""
        self.doc = spacy_doc
        self.sentence_starts = [s.start for s in spacy_doc.sents]
        self.entries: list[tuple[int, int, dict]] = []    # (sentence, root token index, mention)
        if spans is None:
            spans = [spacy_doc.char_span(m["char_start"], m["char_end"], alignment_mode="expand") for m in mentions]
        for mention, span in zip(mentions, spans):
            if span is None or not len(span):
                continue
            self.entries.append((self._sentence_of(span.root.i), span.root.i, mention))
        self.entries.sort(key=lambda entry: entry[1])
        self.description_kinds: dict[str, str] = {}
        for kind, words in (references or {}).items():
            for word in words:
                self.description_kinds[word] = kind

    def _sentence_of(self, index: int) -> int:
        low, high = 0, len(self.sentence_starts) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self.sentence_starts[middle] <= index:
                low = middle
            else:
                high = middle - 1
        return low

    def resolve(self, token) -> list[dict]:
        """Return the mentions a pronoun, "the two ..." or a definite description stands for.

        :param token: the head of a phrase that names no actor itself.
        :returns: the antecedent mentions (new mention dicts for descriptions), or [].
        """
        lower = token.lower_
        if token.pos_ == "PRON" and lower in PERSON_PRONOUNS:
            return self.pronoun(token, person=True)
        if token.pos_ == "PRON" and lower in THING_PRONOUNS and token.dep_ in ("nsubj", "nsubjpass", "poss"):
            # "it" as an object is mostly the thing talked about ("rejected it"), not a party
            return self.pronoun(token, person=False)
        if token.pos_ == "PRON" and lower in PLURAL_PRONOUNS and token.dep_ in SUBJECT_DEPS:
            found = self.plural(token)
            if found:
                return found
        if self._pair(token):
            return self.pair(token)
        kind = self.description_kinds.get(token.lemma_.lower()) or self.description_kinds.get(lower)
        if token.lemma_.lower() == "state" and not described_state(token):
            return []
        if kind and token.tag_.startswith("NN") and self._bare_description(token):
            return self.description(token, kind)
        if kind == "state" and token.tag_ == "NN":
            return self.possessor_state(token)
        return []

    def possessor_state(self, token) -> list[dict]:
        """The state a person's "his country", "her government" stands for as a clause's subject:
        the country of the person the possessive pronoun refers to ("The Brazilian president said
        his country would join": Brazil), when that person is named with one; [] otherwise. Elsewhere
        the phrase is mostly the person's own side in the person's own act ("directed his
        administration to act", "Trump and his administration"), no second party."""
        owners = [c for c in token.children if c.dep_ == "poss"]
        if token.dep_ not in SUBJECT_DEPS or len(owners) != 1 or owners[0].pos_ != "PRON" or \
                owners[0].lower_ not in PERSON_PRONOUNS or any(
                    c.dep_ in ("compound", "nmod", "appos", "prep") or (c.dep_ == "amod" and c.text[:1].isupper())
                    for c in token.children):
            return []
        people = [m for m in self.pronoun(owners[0], person=True, titled=True)
                  if m.get("country") and not m.get("country_inferred")]
        if not people:
            return []
        return [self._as_reference(people[0], token.doc[token.left_edge.i:token.i + 1], "state")]

    @staticmethod
    def _bare_description(token) -> bool:
        """Whether a noun phrase is "the" + common adjectives + noun: a name, an "of" phrase or
        a capitalised modifier ("the Azerbaijani republic of Nakhichevan") says which party
        is meant, and that is the actors stage's to resolve, not a reference back."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return False
        for child in token.children:
            if child.dep_ == "prep" and not any(c.dep_ == "pobj" for c in child.children):
                continue        # "accused the regime of breaking ...": the verb's, not a name
            if child.dep_ in ("prep", "compound", "poss", "nmod", "appos", "relcl", "acl"):
                return False
            if child.dep_ == "amod" and child.text[:1].isupper() and child.lower_ not in COMPASS_WORDS:
                return False
        return True

    @staticmethod
    def fits(mention: dict, person: bool, titled: bool = False) -> bool:
        """Whether a mention can be the antecedent of a personal (he/she) or neuter (it) pronoun;
        with ``titled``, a state named by its office holder's title ("the Brazilian president")
        stands for a person too."""
        kind = mention.get("type")
        if person and titled and kind == "state" and mention.get("role"):
            return True
        return kind == "person" if person else kind in NON_PERSON_TYPES

    def _before(self, token, window: int = LOOKBACK):
        """Mentions before ``token``, grouped by sentence, nearest sentence first."""
        here = self._sentence_of(token.i)
        for sentence in range(here, max(-1, here - window - 1), -1):
            yield sentence, [(index, mention) for s, index, mention in self.entries
                             if s == sentence and index < token.i]

    def pronoun(self, token, person: bool, depth: int = 0, titled: bool = False) -> list[dict]:
        """The antecedent of a personal or neuter pronoun (see the module docstring); ``titled``:
        a title with no name ("the Brazilian president") may be a person's (:meth:`fits`)."""
        here = self._sentence_of(token.i)
        ahead = self._fronted_clause_subject(token, person)
        if ahead:
            return ahead
        for sentence, found in self._before(token):
            if sentence != here and depth < 3:
                # "He also said ...": a pronoun subject of the sentence before continues the chain
                subject = self._root_subject(sentence)
                if subject is not None and subject.pos_ == "PRON" and \
                        subject.lower_ in (PERSON_PRONOUNS if person else THING_PRONOUNS):
                    chained = self.pronoun(subject, person, depth + 1, titled)
                    if chained:
                        return chained
            fitting = [(index, m) for index, m in found if self.fits(m, person, titled)]
            if not fitting:
                continue
            if sentence == here:
                # a possessive belongs to its clause's subject where that fits ("Pakistan has
                # urged its citizens"), else to the nearest party ("accused Iran of hiding its
                # programme"); a subject pronoun continues the sentence's first party ("North
                # Korea denied it, even as it blamed ...")
                if token.dep_ == "poss":
                    owner = self._clause_subject(token)
                    owned = [m for index, m in fitting if owner is not None and index == owner.i]
                    return owned or [fitting[-1][1]]
                return [fitting[0][1]]
            subjects = [m for index, m in fitting if in_main_subject(self.doc[index])]
            return [subjects[0] if subjects else fitting[0][1]]
        return []

    def _own_subject(self, token) -> set[int]:
        """Token indices of the subject of the clause a non-subject phrase stands in: an object
        or complement does not refer back to its own clause's subject."""
        if token.dep_ in SUBJECT_DEPS:
            return set()
        subject = self._clause_subject(token)
        return {t.i for t in subject.subtree} if subject is not None else set()

    def plural(self, token, depth: int = 0) -> list[dict]:
        """The antecedent of "they" as a subject: the parties of the main-clause subject of the
        sentence just before, where that subject names two or more of them ("Iran and Iraq
        signed a deal. They also agreed ...") or one plural group ("Taliban fighters ... They
        attacked"); through a "they" subject there, the one before it. Nothing where that subject
        names one party in the singular, or none: "they" then stands for no party the rule can
        name (the coder keeps the parties of its last event)."""
        here = self._sentence_of(token.i)
        clause = token.head if token.head.dep_ != "conj" else token.head.head
        if here == 0 or depth > 2 or clause.dep_ != "ROOT":
            return []     # "they" in a subordinate clause is as often the things just named
        subject = self._root_subject(here - 1)
        if subject is None:
            return []
        if subject.pos_ == "PRON" and subject.lower_ in PLURAL_PRONOUNS:
            return self.plural(subject, depth + 1)
        heads = {subject.i} | {c.i for c in subject.conjuncts}     # not "of Oregon" in "Wyden of Oregon"
        found = [m for s, index, m in self.entries if s == here - 1 and index in heads]
        if len(found) >= 2 and len(heads) >= 2 or len(found) == 1 and subject.tag_ in ("NNS", "NNPS") and \
                found[0].get("type") in NON_PERSON_TYPES:
            return found
        return []

    def _root_subject(self, sentence: int):
        """The subject token of a sentence's main clause, or None (also for unparsed sentences)."""
        return main_subject(self.doc[self.sentence_starts[sentence]].sent)

    def _fronted_clause_subject(self, token, person: bool) -> list[dict]:
        """"As he meets X, Obama will ...": a pronoun subject of a subordinate clause placed
        before its main clause stands for the main clause's subject."""
        if token.dep_ not in SUBJECT_DEPS or token.head.dep_ != "advcl" or token.head.i > token.head.head.i:
            return []
        main = token.head.head
        subject = next((c for c in main.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None:
            return []
        found = [m for _, index, m in self.entries if index == subject.i and self.fits(m, person)]
        return found[:1]

    @staticmethod
    def _clause_subject(token):
        """The subject (its head token) of the clause a possessive pronoun stands in, or None."""
        current = token.head
        for _ in range(6):
            if current.pos_ in ("VERB", "AUX"):
                for child in current.children:
                    if child.dep_ in SUBJECT_DEPS:
                        return child
                if current.dep_ not in ("conj", "xcomp"):
                    return None
                # "has refused ... and has urged its citizens": the conjoined verb's subject
            if current.head == current:
                return None
            current = current.head
        return None

    def _pair(self, token) -> bool:
        if token.lower_ == "both" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
            return True
        words = {token.lower_} | {c.lower_ for c in token.children if c.dep_ in ("nummod", "det", "predet")}
        if token.lower_ == "two":
            return any(c.lower_ == "the" for c in token.children)
        return token.tag_ in ("NNS", "NNPS") and bool(words & PAIR_WORDS)

    def pair(self, token) -> list[dict]:
        """The two last distinct parties named before "the two ..." or "both ...": persons for
        "the two leaders", states for "the two countries", any party for "the two sides";
        never the subject of the clause the words stand in ("X urged the two countries")."""
        found: list[dict] = []
        keys: set = set()
        types = PAIR_TYPES.get(token.lemma_.lower(), frozenset({"person", "state", "igo", "group"}))
        skip = self._own_subject(token)
        for _, mentions in self._before(token):
            for index, mention in reversed(mentions):
                if index in skip:
                    continue
                key = mention.get("actor_id") or mention.get("country") or mention.get("text")
                if mention.get("type") in types and key not in keys:
                    keys.add(key)
                    found.append(mention)
                if len(found) == 2:
                    return found[::-1]
        return []

    def description(self, token, kind: str) -> list[dict]:
        """The party a definite description ("the regime", "the alliance") stands for."""
        types = KIND_TYPES.get(kind, frozenset())
        span = token.doc[token.left_edge.i:token.i + 1]
        skip = self._own_subject(token)     # "Turkey accused the regime": not Turkey's
        here = self._sentence_of(token.i)

        def fits(mention: dict) -> bool:
            return mention.get("type") in types or (kind == "state" and mention.get("type") in ("person", "organ")
                                                    and mention.get("country"))

        for sentence, mentions in self._before(token):
            fitting = [(index, m) for index, m in reversed(mentions) if index not in skip and fits(m)]
            if not fitting:
                continue
            if sentence != here:
                # the sentence before: its subject is the topic the description continues
                # ("Obama called Netanyahu. The administration later ..." is Obama's)
                subjects = [m for index, m in fitting if in_main_subject(self.doc[index])]
                if subjects:
                    return [self._as_reference(subjects[0], span, kind)]
            return [self._as_reference(fitting[0][1], span, kind)]
        if kind == "state":
            counts = Counter(m.get("country") for _, index, m in self.entries
                             if index < token.i and m.get("type") == "state" and m.get("country"))
            if counts:
                country = counts.most_common(1)[0][0]
                mention = next(m for _, index, m in self.entries if m.get("country") == country)
                return [self._as_reference(mention, span, kind)]
        return []

    @staticmethod
    def _as_reference(mention: dict, span, kind: str) -> dict:
        """A mention dict for the description's own words, standing for ``mention``'s party."""
        record = dict(mention)
        record.update(text=span.text, char_start=span.start_char, char_end=span.end_char, via="reference")
        if kind == "state" and mention.get("type") in ("person", "organ"):
            country = mention["country"]
            record.update(actor_id=country, name=country, sector="GOV", cameo=country + "GOV", type="state")
        return record
