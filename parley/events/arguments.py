"""Who did it and to whom: actor and recipient mentions of a trigger from the dependency parse.

Arguments are read from *slots*: the trigger's subject, object, dative, passive agent,
prepositional objects ("met with", "called on", "demanded from"), possessor and adjectival
modifiers of nominal triggers ("Turkish withdrawal", "Syria's demand"), and prepositions on
the object of a light verb ("held talks with"). Each slot is mapped to actor, recipient or
nothing by the predicate entry's ``roles`` over :data:`DEFAULT_ROLES`. A slot's phrase yields
the mentions it names, following coordination ("Russia, Türkiye and Iran" gives three) and
"of" phrases ("representatives of Turkey"); pronouns, relative pronouns and group nouns ("the
sides") fall back to the actors the text named before (see :meth:`ArgumentReader.refer`).
"""

from __future__ import annotations

from parley.events.hardnews import forceful_sectors, indefinite_people, policed_protest, repressed_protest
from parley.events.reference import PERSON_PRONOUNS, THING_PRONOUNS, Antecedents
from parley.events.words import rule_words

DEFAULT_ROLES: dict[str, dict[str, str]] = {
    "verb": {"subj": "actor", "obj": "recipient", "dative": "recipient", "agent": "actor"},
    "noun": {"poss": "actor", "amod": "actor", "prep:by": "actor", "prep:between": "actor",
             "prep:among": "actor", "prep:with": "recipient", "subj": "actor"},
    "adj": {"subj": "actor"},
}
MODIFIER_DEPS = ("poss", "compound", "amod", "nmod", "npadvmod", "nummod")
PARTY_PREPS = rule_words("party_preps")
# Prepositions whose gerund shares the clause's subject ("before meeting X", "by test-firing");
# not "of", "for", "with", whose gerund is often the object's act ("accused X of restoring").
ADJUNCT_PREPS = rule_words("adjunct_preps")
# Verbs whose infinitive takes the subject even with an object between ("promised Iran to ...").
SUBJECT_CONTROL = rule_words("subject_control_verbs")
GROUP_DETERMINERS = rule_words("group_determiners")
# Verbs whose passive says its subject takes part in the act named after "in" ("were embroiled in clashes").
PARTAKING_PASSIVES = rule_words("partaking_passives")
OCCASION_PREPS = rule_words("occasion_preps")     # "during a visit by", "after an attack by"
SUBJECT_CONTROL_NOUNS = rule_words("subject_control_nouns")   # "an attempt by X to ...": X acts


def subject_of(verb):
    """Return ``(subject_token, passive)`` for a verb or predicate, following control and coordination.

    ``passive`` is True only when the trigger itself is passive ("was hosted by").

    :param verb: a spaCy token.
    """
    current = verb
    for _ in range(8):
        for child in current.children:
            if child.dep_ in ("nsubj", "csubj"):
                return child, False
            if child.dep_ == "nsubjpass":
                return child, current == verb
        for child in current.children:
            # a mis-parsed proper-noun subject ("Turkey massed troops": npadvmod)
            if child.dep_ == "npadvmod" and child.pos_ == "PROPN" and child.i < current.i:
                return child, False
        if current.dep_ == "xcomp" and current.head.lemma_.lower() not in SUBJECT_CONTROL:
            objects = [c for c in current.head.children if c.dep_ == "dobj" and c.i < current.i]
            if objects:
                return objects[0], False    # "prompted Trump to accuse", "urged Iran to stop"
        if current.dep_ in ("xcomp", "conj", "acomp", "pcomp") and current.head != current:
            current = current.head
            continue
        if current.dep_ == "prep" and current.lower_ in ADJUNCT_PREPS and current.head.pos_ in ("VERB", "AUX"):
            current = current.head      # "before meeting X", "after signing": the clause's subject
            continue
        if current.dep_ == "advcl" and current.tag_ == "VBG" and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in current.children):
            current = current.head      # "while endorsing", "calling for ...": a subjectless
            continue                    # participle adjunct shares its clause's subject
        if current.dep_ == "advcl" and not any(c.dep_ == "mark" for c in current.children):
            current = current.head      # "Arguing that ..., the negotiator responded"
            continue
        if current.dep_ == "relcl":
            return current.head, False
        if current.dep_ == "acl":       # "its efforts to restore ties": the noun's possessor acts
            owners = [c for c in current.head.children if c.dep_ == "poss"]
            if not owners and current.head.lemma_.lower() in SUBJECT_CONTROL_NOUNS and \
                    any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children):
                # "a failed effort by the navy to board the ship": the noun's "by" phrase; not "a
                # call by the UN to free them", whose infinitive others are asked to do
                owners = [p for c in current.head.children if c.dep_ == "prep" and c.lower_ == "by"
                          for p in c.children if p.dep_ == "pobj"]
            if owners:
                return owners[0], False
            if current.tag_ == "VBG" and current.head.dep_ == "dobj" and current.head.head.pos_ == "VERB":
                current = current.head.head     # "signed an order imposing sanctions": the signer
                continue
            return None, False
        break
    return None, False


def _stray_agents(verb, prep, lexicon) -> list:
    """The agent of a passive verb that the parser hung on the object of one of its adjuncts
    ("the plan was rejected at that point by Quito", "the pact was condemned in a joint letter by
    Lima"): a "by" phrase there names who did the act, when the verb has no agent of its own.

    Not when the object is an occasion or an act of its own, whose "by" phrase names that act's
    doer: after a preposition of time or occasion ("detained during a visit by the Pope",
    "expelled after an attack by militants"), or an event noun after another preposition than
    "in" ("hurt at a rally by students"). After "in" the noun is the act's means or the act
    itself ("wounded in a raid by troops"), as a text is what the act is told in ("in a statement
    by Iran"); not a gathering, which is held by others than those who harm at it ("hurt in a
    rally by students": governors classes ``protest`` and ``meeting``).

    :param verb: the trigger verb.
    :param prep: a ``prep`` child of the verb.
    :param lexicon: the loaded lexicon (its event nouns and ``publication_nouns``).
    """
    if not any(c.dep_ == "auxpass" for c in verb.children) or any(c.dep_ == "agent" for c in verb.children) \
            or prep.lower_ in OCCASION_PREPS:
        return []
    texts = lexicon.word_set("publication_nouns")
    classes = lexicon.governors["classes"]
    gatherings = set(classes["protest"]) | set(classes["meeting"])

    def own_act(noun) -> bool:
        lemma = noun.lemma_.lower()
        if lemma in texts or lemma not in lexicon.nouns:
            return False
        return prep.lower_ != "in" or lemma in gatherings

    return [p for pobj in prep.children if pobj.dep_ == "pobj" and not own_act(pobj)
            for by in pobj.children if by.dep_ == "prep" and by.lower_ == "by"
            for p in by.children if p.dep_ == "pobj"]


def _after_in(noun, verb) -> bool:
    """Whether a noun is the object of the verb's own "in" ("embroiled in clashes and riots"),
    directly or as a conjunct of that object."""
    while noun.dep_ == "conj" and noun.head != noun:
        noun = noun.head
    return noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head == verb


def _attachment_twin(slot: str) -> str:
    """The same preposition attached to the verb or to its object ("shared intelligence with Iraq")."""
    if slot.startswith("prep:"):
        return "obj." + slot[5:]
    if slot.startswith("obj."):
        return "prep:" + slot[4:]
    return slot


def _governing_verb(token):
    """The verb a nominal trigger depends on through objects and prepositions, or None."""
    current = token
    for _ in range(6):
        if current.dep_ not in ("dobj", "pobj", "prep", "attr", "nsubj", "conj", "appos"):
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None


def _mention_key(mention: dict) -> tuple:
    return (mention.get("char_start"), mention.get("char_end"))


class ArgumentReader:
    """Reads actor and recipient mentions around triggers in one parsed document.

    Example::

        reader = ArgumentReader(spacy_doc, mentions, lexicon)
        actors, recipients, via = reader.arguments(token, "verb", entry)
    """

    def __init__(self, spacy_doc, mentions: list[dict], lexicon) -> None:
        self.lexicon = lexicon
        self.by_token: dict[int, dict] = {}
        # each mention's span, made once here and for the antecedents
        spans = [spacy_doc.char_span(m["char_start"], m["char_end"], alignment_mode="expand") for m in mentions] \
            if spacy_doc is not None else []
        for mention, span in zip(mentions, spans):
            if span is None:
                continue
            for i in range(span.start, span.end):
                current = self.by_token.get(i)
                if current is None or len(mention["text"]) > len(current["text"]):
                    self.by_token[i] = mention
        self.pronouns = lexicon.word_set("pronouns")
        self.group_nouns = lexicon.word_set("group_nouns")
        self.recent_actors: list[dict] = []       # actors of the last event with any
        self.recent_group: list[dict] = []        # actors of the last event with two or more
        self.frame_reporters: list[dict] = []     # reporters of the event being read
        self.antecedents = Antecedents(spacy_doc, mentions, lexicon.governors.get("references"), spans) \
            if spacy_doc is not None else None

    def set_places(self, spacy_doc, places: list[dict]) -> None:
        """Index place spans, for predicates whose recipient may be named by a place ("visited Baghdad").

        :param spacy_doc: the parsed document.
        :param places: ``doc.places``.
        """
        self.places_by_token = {}
        for place in places:
            span = spacy_doc.char_span(place["char_start"], place["char_end"], alignment_mode="expand")
            for token in span or ():
                self.places_by_token[token.i] = place

    def place_actor(self, token, countries_only: bool = False) -> list[dict]:
        """Return the state a place stands for, as a mention-like dict, or an empty list.

        :param token: the head token of an argument phrase.
        :param countries_only: only a place that is a country itself counts.
        """
        place = getattr(self, "places_by_token", {}).get(token.i)
        if not place or not place.get("country") or (countries_only and place.get("feature") != "country"):
            return []
        return [{"text": place["text"], "char_start": place["char_start"], "char_end": place["char_end"],
                 "sentence": place.get("sentence"), "actor_id": place["country"], "name": place.get("name"),
                 "country": place["country"], "sector": "GOV", "cameo": place["country"] + "GOV",
                 "type": "state", "via": "place"}]

    def remember(self, actors: list[dict]) -> None:
        """Record the actors of a coded event, for later pronouns and group nouns.

        :param actors: the event's actor mentions.
        """
        if actors:
            self.recent_actors = actors
            if len(actors) > 1:
                self.recent_group = actors

    def mention_at(self, token) -> dict | None:
        """Return the mention covering ``token``, or None."""
        return self.by_token.get(token.i)

    def phrase(self, token, depth: int = 0) -> tuple[list[dict], bool]:
        """Return the mentions named by the phrase headed by ``token`` and whether any came by reference.

        :param token: the head token of an argument phrase.
        :param depth: recursion depth through "of" phrases.
        """
        found: list[dict] = []
        referred = False
        for head in [token, *token.conjuncts]:
            mention = self.by_token.get(head.i)
            if mention is not None and not mention.get("country") and mention.get("type") in ("group", "other") \
                    and self.antecedents is not None:
                # "the rebels" named without a country: the group the text named before
                mention = next(iter(self.antecedents.resolve(head)), mention)
            if mention is not None:
                found.append(mention)
                continue
            inner = self._modifiers(head)
            if not inner and depth < 2:
                for child in head.children:
                    if child.dep_ == "prep" and child.lower_ in ("of", "from", "like", "including"):
                        for pobj in child.children:
                            if pobj.dep_ == "pobj":
                                sub, ref = self.phrase(pobj, depth + 1)
                                inner.extend(sub)
                                referred |= ref
            if not inner:
                for child in head.children:
                    if child.dep_ == "appos" and child.i in self.by_token:
                        inner.append(self.by_token[child.i])
            if not inner:
                inner = self.refer(head)
                for child in head.children:
                    if not inner and child.dep_ == "poss":
                        inner = self.refer(child)      # "the three sides' foreign ministers"
                referred |= bool(inner)
            found.extend(inner)
        unique: dict[tuple, dict] = {}
        for mention in found:
            unique.setdefault(_mention_key(mention), mention)
        return list(unique.values()), referred

    def _modifiers(self, head) -> list[dict]:
        found = []
        for child in head.children:
            if child.dep_ in MODIFIER_DEPS:
                for part in [child, *child.conjuncts]:
                    mention = self.by_token.get(part.i)
                    if mention is not None and mention not in found:
                        found.append(mention)
        return found

    def refer(self, token) -> list[dict]:
        """Resolve a pronoun, relative pronoun or group noun to actors named before.

        :param token: a token that names no actor itself.
        :returns: the mentions it stands for, or an empty list.
        """
        lower = token.lower_
        if lower in ("which", "who", "that") and token.head.dep_ == "relcl":
            return self.phrase(token.head.head)[0]
        if token.tag_ == "WP" and token.head.dep_ in ("ccomp", "xcomp", "pobj", "pcomp") and \
                token.head.head.dep_ != "relcl":
            # "find out who planted the bomb": a question asks for the doer, it names no one (not
            # "Johnson, who he said raised it": a relative pronoun out of a reported clause)
            return []
        if token.pos_ == "PRON" and lower in self.pronouns:
            personal = lower in PERSON_PRONOUNS or lower in THING_PRONOUNS
            if self.frame_reporters and (not personal or all(
                    Antecedents.fits(m, lower in PERSON_PRONOUNS) for m in self.frame_reporters)):
                return list(self.frame_reporters)
            found = self.antecedents.resolve(token) if self.antecedents is not None else []
            if found or personal and self.antecedents is not None:
                return found
            # outside a report, only a subject pronoun is taken to continue the last actor
            return list(self.recent_actors) if token.dep_ in ("nsubj", "nsubjpass") else []
        if indefinite_people(token) and not any(c.dep_ == "prep" for c in token.children):
            # "Kurdish protesters massed at the border and thousands crossed it": a number or part
            # of the people the sentence named before it
            return self._people_named_before(token)
        if token.lemma_.lower() in self.group_nouns and token.tag_ in ("NNS", "NNPS"):
            if any(c.lower_ in GROUP_DETERMINERS or c.dep_ == "nummod" for c in token.children):
                if self.recent_group:
                    return list(self.recent_group)
        return self.antecedents.resolve(token) if self.antecedents is not None else []

    def _people_named_before(self, token) -> list[dict]:
        """The nearest mention before ``token`` that names people in the plural and no state, person
        or international body, in a clause joined to ``token``'s by "and" ("Kurdish protesters massed
        at the border, and thousands crossed it"), as a list, or an empty list. Not forces, police
        or criminals ("protesters clashed with police and thousands fled"); not across "while" or a
        report ("doctors said hundreds had ...": the hundreds are not the reporters).

        :param token: a subject naming people by number or part ("thousands", "many").
        """
        verb = token.head
        first = verb.head
        if verb.dep_ != "conj" or first is verb or not any(
                c.dep_ == "cc" and c.lower_ == "and" for c in (*first.children, *verb.children)):
            return []
        forces = forceful_sectors(self.lexicon)
        for i in range(token.i - 1, token.sent.start - 1, -1):
            mention = self.by_token.get(i)
            named = token.doc[i]
            if mention is not None and mention.get("type") not in ("state", "person", "igo", "organ") and \
                    mention.get("sector") not in forces and named.tag_ in ("NNS", "NNPS") and \
                    (named is first or first in named.ancestors) and verb not in named.ancestors:
                return [mention]
        return []

    def slots(self, token, kind: str, matched_prt: str | None = None) -> list[tuple[str, object]]:
        """List the ``(slot, head_token)`` pairs around a trigger.

        :param token: the trigger token.
        :param kind: ``"verb"``, ``"noun"`` or ``"adj"``.
        :param matched_prt: a particle the entry's ``prep`` matched ("called on" parsed as prt).
        """
        found: list[tuple[str, object]] = []
        if kind in ("verb", "adj"):
            anchor = token.head if kind == "adj" and token.dep_ in ("acomp", "amod") else token
            subject, passive = subject_of(anchor)
            if subject is not None:
                found.append(("obj" if passive else "subj", subject))
                found.extend(self._sub_slots("subj", subject))
        for child in token.children:
            dep = child.dep_
            if kind == "verb" and dep == "dobj":
                found.append((f"prep:{matched_prt}" if matched_prt else "obj", child))
                found.extend(self._sub_slots("obj", child))
            elif kind == "verb" and dep == "dative":
                # "offered its help to Syria": the parser may make the preposition the dative
                found.extend(("dative", p) for p in ([child] if child.pos_ != "ADP" else
                                                     [c for c in child.children if c.dep_ == "pobj"]))
            elif dep == "agent":
                found.extend(("agent", p) for p in child.children if p.dep_ == "pobj")
            elif dep == "prep":
                found.extend((f"prep:{child.lower_}", p) for p in child.children if p.dep_ == "pobj")
                if kind == "verb":
                    found.extend(("agent", p) for p in _stray_agents(token, child, self.lexicon))
            elif kind == "noun" and dep == "poss":
                found.append(("poss", child))
            elif kind == "noun" and dep in ("amod", "compound", "nmod", "npadvmod") and child.i in self.by_token:
                found.append(("amod", child))
        if kind == "noun":
            verb = _governing_verb(token)
            if verb is not None and verb.lemma_.lower() in (self.lexicon.word_set("disputing_verbs") |
                                                            self.lexicon.word_set("commentary_verbs")):
                verb = None     # "rejected accusations of theft", "called the shooting disturbing":
                                # the subject speaks about the event, others did it
            if verb is not None and (policed_protest(token, self.lexicon) or repressed_protest(token)):
                verb = None     # "police arrested 40 at a rally", "troops crushed the protests": the police
                                # did not rally
            if verb is not None:
                subject, passive = subject_of(verb)
                # "the two militias were embroiled in clashes": a passive of taking part names the
                # parties of the act after its "in"
                passive = passive and not (verb.lemma_.lower() in PARTAKING_PASSIVES and _after_in(token, verb))
                if subject is not None and subject != token and not passive \
                        and not any(t.i == token.i for t in subject.subtree):
                    found.append(("subj", subject))
                    found.extend(self._sub_slots("subj", subject))
                for child in verb.children:
                    # "provided 500 million euros in aid to Ukraine": the verb carries the preposition
                    if child.dep_ == "prep" and not any(t.i == token.i for t in child.subtree):
                        found.extend((f"prep:{child.lower_}", p) for p in child.children if p.dep_ == "pobj")
            if token.dep_ in ("nsubj", "nsubjpass"):
                # "talks are set to resume between X and Y": the parties hang on the aspect verb
                for clause in (c for c in token.head.children if c.dep_ == "xcomp"):
                    found.extend((f"prep:{child.lower_}", p) for child in clause.children
                                 if child.dep_ == "prep" and child.lower_ in PARTY_PREPS
                                 for p in child.children if p.dep_ == "pobj")
        return found

    @staticmethod
    def _sub_slots(prefix: str, head) -> list[tuple[str, object]]:
        found = []
        for child in head.children:
            if child.dep_ == "prep":
                found.extend((f"{prefix}.{child.lower_}", p) for p in child.children if p.dep_ == "pobj")
            elif child.dep_ == "poss":
                found.append((f"{prefix}.poss", child))
        return found

    def arguments(self, token, kind: str, entry: dict, matched_prt: str | None = None):
        """Return ``(actors, recipients, referred)`` mention lists for a matched trigger.

        :param token: the trigger token.
        :param kind: ``"verb"``, ``"noun"`` or ``"adj"``.
        :param entry: the predicate entry (its ``roles`` override :data:`DEFAULT_ROLES`).
        :param matched_prt: see :meth:`slots`.
        """
        roles = dict(DEFAULT_ROLES[kind])
        explicit = entry.get("roles") or {}
        roles.update(explicit)
        if entry.get("speaker_actor") or any(key.startswith("subj.") for key in explicit):
            roles.setdefault("subj", "none")
            if kind == "noun" and "subj" not in explicit:
                roles["subj"] = "none"
        actors: list[dict] = []
        recipients: list[dict] = []
        referred = False
        slots = self.slots(token, kind, matched_prt)
        has_direct_actor = any(roles.get(name) == "actor" for name, _ in slots if name != "subj")
        queue, deferred = list(slots), []
        while queue or (deferred and not actors):
            if not queue:
                # "continued their hunger strike": when the noun's own actor slot named no one
                # (an unresolved possessive), the clause subject acts
                queue, deferred, has_direct_actor = deferred, [], False
            name, head = queue.pop(0)
            role = roles.get(name) or roles.get(_attachment_twin(name), "none")
            if role == "none":
                continue
            if kind == "noun" and name == "subj" and has_direct_actor:
                deferred.append((name, head))
                continue
            if name == "amod":
                mentions, ref = [self.by_token[head.i]], False
            else:
                mentions, ref = self.phrase(head)
            if not mentions:
                # a country the actor stage left unresolved still names its state; any place
                # does for predicates whose recipient is where one goes ("visited Baghdad")
                anywhere = entry.get("place_recipient") and role == "recipient"
                mentions = self.place_actor(head, countries_only=not anywhere)
            target = actors if role == "actor" else recipients
            for mention in mentions:
                if mention not in actors and mention not in recipients:
                    target.append(mention)
            referred |= ref and bool(mentions)
        return actors, recipients, referred
