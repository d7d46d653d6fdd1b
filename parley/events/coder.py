"""Code PLOVER/CAMEO events from a parsed document.

For each sentence: find trigger tokens that match a predicate entry (:func:`match_token`);
drop nominal triggers that sit inside another trigger's phrase ("attend *the talks*"); let
absorbing predicates ("agree to", "call for", "refuse to", "stop") take the nearest embedded
trigger as their content; then read each remaining trigger's actors and recipients
(:mod:`parley.events.arguments`), modality and reporting frame (:mod:`parley.events.modality`),
apply PLOVER's rules for future and refused cooperation, and attach date, place, context,
evidence and confidence (:mod:`parley.events.attach`).

Example::

    events = code_document(doc, load_lexicon())
"""

from __future__ import annotations

import hashlib

from parley.codebooks import cameo_code
from parley.document import doc_text
from parley.events.alerts import announces_act, hazards_named, step_incurred
from parley.events.arguments import ArgumentReader, subject_of
from parley.events.attach import Attacher, actor_record
from parley.events.discards import LEAD_SENTENCES, page_furniture
from parley.events.hardnews import (abstract_target, anonymous_parties, attacked_held_ground, done_to_what_entry_names,
                                    future_time_clause, generic_when, named_not_reported, natural_cause, not_until,
                                    addressed, official_doer,
                                    press_event, press_only, publication, unconventional_code, unnamed_party,
                                    verbal_attack)
from parley.events.lexicon import Lexicon, specificity
from parley.events.modality import ordered, read_modality
from parley.events.nesting import clause_top, continues_protest, doc_columns, find_matches
from parley.events.triggers import ACTOR_TYPES, Match, charge_reporter
from parley.events.words import rule_words

KIND_CONFIDENCE = {"verb": 0.8, "adj": 0.7, "noun": 0.6}
# CAMEO dictionary matches: a verb's own code, and a pattern (plus 0.05 per constraint).
CAMEO_CONFIDENCE = {"default": 0.55, "pattern": 0.6}


# "should China retaliate", "were Iran to attack", "had they agreed": a condition by inversion
INVERTED_CONDITION_AUX = rule_words("inverted_condition_aux")
# Prepositions whose nominal event is reported, not a mere reference to it: where a reported act
# happened ("killed in an attack on a checkpoint", "arrested during a protest against the law"),
# what its subject undergoes ("was under house arrest", "came under attack"), the grounds of a
# charge ("charged for the arrests of").
ACT_SCENE_PREPS = rule_words("act_scene_preps")
# Prepositions of a warning noun that name the warner ("warnings from Ankara that ...").
WARNER_PREPS = rule_words("warner_preps")
# What a withdrawal leaves ("withdrew from Syria", "pulled out of"): a person withdrawing none steps back.
WITHDRAWAL_SOURCE_WORDS = rule_words("withdrawal_source_words")
RELATIVE_WORDS = rule_words("relative_words")
PERSONAL_PRONOUNS = rule_words("personal_pronouns")
# Verbs of sending forces that also tell a soldier's tour ("has deployed to Iraq twice").
DEPLOYMENT_VERBS = rule_words("deployment_verbs")
SERVING_PERSONS = rule_words("serving_persons")
# Meetings of sides by their kind: talks (the plural; a talk is a lecture), negotiations, a summit.
MEETINGS_OF_SIDES = rule_words("meetings_of_sides")


def event_id(doc_id: str, sentence: int, char_start: int, event_type: str) -> str:
    """Return a stable event id from its document, sentence, trigger offset and type."""
    key = f"{doc_id}|{sentence}|{char_start}|{event_type}"
    return "e" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:15]


MILITARY_RETREAT = "0874"      # CAMEO 1.1b3: retreat or surrender militarily


def _describes_party(clause) -> bool:
    """Whether a clause is a relative clause on a person or a named party ("Keane, who devised the
    surge", "whose son was killed", "Georgia, with which Moscow fought"), not on an event or a thing
    ("a raid in which police threw ...", "the deal that ...")."""
    if clause.dep_ != "relcl":
        return False
    relatives = [t for t in clause.subtree if t.i < clause.i and t.tag_ in ("WP", "WP$", "WDT")]
    return any(t.tag_ in ("WP", "WP$") for t in relatives) or (
        clause.head.pos_ == "PROPN" and any(t.lower_ == "which" for t in relatives))


class DocumentCoder:
    """Codes the events of one document; see :func:`code_document`."""

    def __init__(self, doc, lexicon: Lexicon, require_actor: bool = True) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.require_actor = require_actor
        self.reader = ArgumentReader(doc.spacy_doc, doc.mentions, lexicon)
        self.reader.set_places(doc.spacy_doc, doc.places)
        if doc.spacy_doc is not None:
            # the type of the actor each token is part of, for entries that name an object by it
            # ("actor:igo": quitting an international body)
            doc.spacy_doc.user_data[ACTOR_TYPES] = {i: m.get("type") for i, m in self.reader.by_token.items()}
        self.attacher = Attacher(doc, lexicon)
        self.governors = lexicon.governors
        self.threat_types = frozenset(lexicon.governors.get("threat_types") or ())
        self.conditional_threats = frozenset(lexicon.governors.get("conditional_threat_types") or ())
        self.ultimatum_marks = lexicon.word_set("ultimatum_marks")
        self.opinion_openers = lexicon.word_set("opinion_openers")
        self.condition_marks = lexicon.word_set("conditional_marks") | lexicon.word_set("limit_marks")
        self.protests: set[int] = set()      # PROTEST triggers of the sentence being coded

    def _not_a_report(self, sent, text: str) -> bool:
        """Whether a sentence is a question or an opinion headline ("Why X must ..."): no events.

        :param sent: the spaCy sentence.
        :param text: its text.
        """
        if text.rstrip().endswith("?"):
            return True
        first = next((t for t in sent if not t.is_punct and not t.is_space), None)
        return first is None or (first.lower_ in self.opinion_openers and first.tag_ in ("WRB", "WP", "WDT"))

    def _threat_code(self, cameo: str) -> str:
        """The CAMEO 13x code for threatening the act ``cameo`` (longest prefix in threat_codes)."""
        table = self.governors.get("threat_codes") or {}
        for length in range(len(cameo), 1, -1):
            if cameo[:length] in table:
                return str(table[cameo[:length]])
        return "130"

    def _ultimatum(self, modality) -> bool:
        """Whether the event's clause carries an "unless" condition ("will withdraw unless ...")."""
        for token in modality.chain:
            for child in token.children:
                if child.dep_ == "advcl" and child not in modality.chain and any(
                        m.dep_ == "mark" and m.lower_ in self.ultimatum_marks for m in child.children):
                    return True
        return False

    def code(self) -> list[dict]:
        """Return the events of the document, one per coded trigger (not yet clustered)."""
        events = []
        starts = {s.char_start: s.index for s in self.doc.sentences}
        sentences = list(self.doc.spacy_doc.sents)
        discards = self.lexicon.discards
        # a sentence's text is a slice of the doc's: Span.text joins its tokens anew
        text = doc_text(self.doc.spacy_doc)
        if discards is not None and discards.story_hit(
                " ".join(text[s.start_char:s.end_char] for s in sentences[:LEAD_SENTENCES])):
            return []         # a sports or entertainment story (PETRARCH's story-level discards)
        columns = doc_columns(self.doc.spacy_doc)
        deps = columns[1]
        furniture = page_furniture(text)
        protest_told = False      # a protest coded in an earlier sentence
        for position, sent in enumerate(sentences):
            if not any(deps[sent.start:sent.end]):
                continue      # the nlp stage left this sentence unparsed: it carries no event
            sent_text = text[sent.start_char:sent.end_char]
            if discards is not None and discards.sentence_hit(sent_text):
                continue
            if self._not_a_report(sent, sent_text):
                continue
            index = starts.get(sent.start_char, position)
            matches = find_matches(sent, self.lexicon, columns)
            if protest_told:
                matches = [m for m in matches if not continues_protest(m, self.lexicon)]
            self.protests = {m.token.i for m in matches if m.entry["type"] == "PROTEST"}
            for match in matches:
                if match.hidden or any(start <= match.token.idx < end for start, end in furniture):
                    continue      # hidden by another trigger, or in a linked headline or a gallery title
                event = self.build(match, sent, index)
                if event is not None:
                    events.append(event)
                    protest_told = protest_told or (event["event_type"] == "PROTEST" and
                                                    event["modality"] in ("asserted", "reported"))
        return events

    def _declined_statement(self, match: Match) -> bool:
        """Whether a refusal is a refusal to say something ("declined to comment", "refused to
        say whether ..."): CAMEO's "decline comment" (011), a public statement PLOVER does not
        code, not the rejection of a party's proposal or demand."""
        if match.entry["type"] != "REJECT" or match.kind != "verb":
            return False
        saying = self.lexicon.word_set("statement_verbs")
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in saying for c in match.token.children)

    def _question(self, match: Match) -> bool:
        """Whether a verb of asking introduces a question ("asked the minister whether troops
        would stay", "asked if he should resign"): an embedded question is asked, nothing is
        requested of anyone. "Asked X to do" and "asked for help" stay requests."""
        if match.entry["type"] != "REQUEST" or match.kind != "verb" or \
                match.token.lemma_.lower() not in self.lexicon.word_set("question_verbs"):
            return False
        for clause in match.token.children:
            if clause.dep_ in ("ccomp", "advcl") and clause.i > match.token.i and any(
                    c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in clause.children):
                return True
            if clause.dep_ == "ccomp" and any(c.tag_ in ("WP", "WRB", "WDT") and c.i < clause.i
                                              for c in clause.children):
                return True   # "asked what the army would do", "asked why talks had failed"
        return self._asked_about(match.token)

    def _asked_about(self, verb) -> bool:
        """Whether a verb of asking with no act asked of anyone (no "to" clause, no "for" an act)
        asks a question: "asked about the comments", "asked his reaction", "asked for comment",
        "asked why", "the questions they asked", or a quoted question after it ('asked: "What
        will it cost?"')."""
        children = list(verb.children)
        if any(c.dep_ == "xcomp" or (c.dep_ == "ccomp" and any(a.lower_ == "to" for a in c.children))
               for c in children):
            return False      # "asked Iran to release the crew": something is asked of someone
        nouns = self.lexicon.word_set("question_nouns")
        asked = [c for c in children if c.dep_ in ("dobj", "nsubjpass")] + \
            [p for c in children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children if p.dep_ == "pobj"]
        if any(c.lemma_.lower() in nouns for c in asked) or \
                (verb.dep_ == "relcl" and verb.head.lemma_.lower() in nouns):
            return True
        if any(c.dep_ == "prep" and c.lower_ == "about" for c in children) or \
                any(c.tag_ == "WRB" and c.dep_ == "advmod" for c in children):
            return True
        if any(c.dep_ == "prep" and c.lower_ == "for" for c in children):
            return False      # "asked for help": a request
        if any(t.text == "?" for t in verb.sent if t.i > verb.i):
            return True
        # nothing asked of anyone, only whom ("Reid asked on Wednesday", "she asked viewers"): the
        # words asked are the question quoted before it
        asked_whom = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
        return not any(c.dep_ in ("ccomp", "csubj", "advcl") for c in children) and all(
            c.pos_ == "PROPN" or (c.pos_ == "PRON" and c.lower_ not in ("it", "this", "that", "what"))
            for c in asked_whom)

    def _addressee(self, token) -> list[dict]:
        """Who a content-less demand is addressed to: the subject of its clausal complement, of a
        "for X to do" clause ("set a deadline for Chile to reply"), or of a demand noun's "that"
        clause ("renewed its demand that the troops leave")."""
        for child in token.children:
            if child.dep_ in ("ccomp", "xcomp") or (child.dep_ in ("advcl", "acl") and any(
                    m.dep_ == "mark" and m.lower_ in ("for", "that") for m in child.children)):
                subject, _ = subject_of(child)
                if subject is not None and subject.head == child:
                    return self.reader.phrase(subject)[0]
        for child in token.children:
            if child.dep_ == "dobj":
                return self._addressee(child)      # "a deadline for X to ...", "an ultimatum for X"
        return []

    def _own_warning(self, match, actors: list[dict]) -> bool:
        """Whether a warning with a "that" clause warns of the warner's own act (a threat:
        "warned that it would retaliate", "warned that Ankara would respond"), not of what
        others or things may do ("warned that the escalation was dangerous", "that the dispute
        could hurt confidence"), which CAMEO codes as a pessimistic comment (012), no event; nor
        of how things are or of a hazard, an alert (:mod:`parley.events.alerts`)."""
        # a warning noun's "that" clause is its content too ("the warning that X is targeting Y")
        clause = next((c for c in match.token.children if c.dep_ == "ccomp" or (
            match.kind == "noun" and c.dep_ == "acl" and
            any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children))), None)
        if match.content is not None and match.content.kind == "noun" and any(
                c.dep_ in ("amod", "det") and c.lower_ in self.lexicon.word_set("unreal_modifiers")
                for c in match.content.token.children):
            return False      # "warned of possible attacks": a forecast of what may happen
        act = match.content.token if match.content is not None else None
        if clause is None:
            # "warned X against", "warned of retaliation": the entry's own reading; "warned of a
            # storm": a hazard named, no act of anyone's (a warning noun's "of" may name its warner)
            hazards = hazards_named(match.token, self.lexicon, lambda t: bool(self.reader.phrase(t)[0]))
            return act is not None or match.kind != "verb" or not any(
                self.reader.mention_at(hazard) is None for hazard in hazards)
        if not announces_act(clause, act, self.lexicon):
            return False      # "warned that the country is falling behind": how things are, an alert
        if any(step_incurred(verb, self.lexicon) for verb in (clause, *clause.conjuncts)):
            return True       # "warned that Seoul faces a merciless answer": the warner's answer, its target
                              # the subject
        if act is not None and act.dep_ == "nsubj" and act.head == clause and \
                clause.lemma_.lower() not in self.lexicon.word_set("arrival_verbs"):
            return False      # "warned that sanctions could push prices up": what the act would do
        subject, _ = subject_of(act if act is not None else clause)
        if subject is None or subject.pos_ == "PRON" or subject.lemma_.lower() in ("which", "that"):
            return True
        doers = self.reader.phrase(subject)[0]
        if not actors and match.kind == "noun":
            # the warner of a warning noun: "warnings from Ankara that ...", "the warning of the mayor that ..."
            warners = [p for c in match.token.children if c.dep_ == "prep" and c.lower_ in WARNER_PREPS
                       for p in c.children if p.dep_ == "pobj"]
            if not warners:
                return True   # no warner named: the entry's own reading
            actors = [m for w in warners for m in self.reader.phrase(w)[0]]
        own = {m.get("country") or m.get("actor_id") for m in actors} - {None}
        return bool(own & {m.get("country") or m.get("actor_id") for m in doers})

    @staticmethod
    def _person_stepping_back(token, actors: list[dict]) -> bool:
        """Whether a withdrawal is a person's stepping back, not a military retreat (CAMEO 0874 is
        forces leaving ground): its only parties are persons, and it withdraws nothing and from no
        place ("Ms. Rice withdrew", "Buttigieg and Klobuchar withdrew"; not "Trump withdrew from
        Syria", "the general withdrew his troops")."""
        if token.pos_ != "VERB" or not actors or not all(m.get("type") == "person" for m in actors):
            return False
        return not any(c.dep_ in ("dobj", "nsubjpass") or
                       (c.dep_ in ("prep", "prt") and c.lower_ in WITHDRAWAL_SOURCE_WORDS) for c in token.children)

    def _meeting_of_parties(self, match, actors: list[dict], recipients: list[dict]) -> bool:
        """Whether a meeting named by its noun (as the scene of another act, or organised) is a
        consultation: two parties or more hold it ("at a summit, the leaders of Spain and Portugal
        agreed", "organised a meeting of Afghan and American envoys"), or it is a meeting of sides by
        its kind ("during talks in Doha", "at a summit") or by a state or an international body named
        on it ("at an EU meeting"). A party's own meeting, a conference of scholars or a talk by an
        author has one party: no consultation (CAMEO 04 is between parties)."""
        sides = {m.get("country") or m.get("actor_id") for m in actors + recipients} - {None}
        if len(sides) > 1:
            return True
        noun = match.token if match.kind == "noun" else next(
            (c for c in match.token.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if noun is None:
            return False
        if noun.lower_ in MEETINGS_OF_SIDES or noun.lemma_.lower() in MEETINGS_OF_SIDES:
            return True
        # "during a meeting with the Chinese president": the doer and the one met; "a meeting between
        # Giuliani and the envoy's staff": the two sides joined by "and" (named, if not resolved)
        met = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
               if p.dep_ == "pobj"] + \
            [t for c in noun.children if c.dep_ == "prep" and c.lower_ in ("between", "among")
             and any(t.dep_ == "cc" for t in c.subtree) for t in c.subtree if t.dep_ != "prep"]
        if any(q.pos_ in ("PROPN", "PRON") or self.reader.mention_at(q) is not None for q in met):
            return True
        named = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod", "poss")] + \
            [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "between", "among")
             for p in c.children if p.dep_ == "pobj"]
        return any(m.get("type") in ("state", "igo") for t in named for m in self.reader.phrase(t)[0])

    def _tour_of_duty(self, token) -> bool:
        """Whether a deployment is one person's tour of duty, not a state moving forces (CAMEO 15):
        the one deployed (the object, the passive subject, or the subject of "deployed" with no
        object) is a single person ("a medic who deployed to Mali twice", "her son was deployed
        to Kuwait", "he deployed three times", "the general was deployed to Kabul"); troops, units,
        weapons or a party's forces stay a mobilisation, as do soldiers in the plural."""
        if token.lemma_.lower() not in DEPLOYMENT_VERBS:
            return False
        deployed = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")] or \
            [s for s in (subject_of(token)[0],) if s is not None]
        if len(deployed) != 1 or deployed[0].conjuncts:
            return False
        one = deployed[0]
        if one.lower_ in RELATIVE_WORDS and token.dep_ == "relcl":
            one = token.head          # "a medic who deployed": the relative's antecedent
        if one.tag_ in ("NNS", "NNPS") or one.morph.get("Number") == ["Plur"]:
            return False              # "soldiers", "they", "we": forces
        lemma = one.lemma_.lower()
        if lemma in self.lexicon.word_set("relation_nouns") or lemma in SERVING_PERSONS:
            return True               # "her son", "a medic", "the sergeant": one person by relation or rank
        if one.pos_ != "PRON":
            named = self.reader.phrase(one)[0]
        else:
            named = self.reader.refer(one)
            if not named:             # "he deployed twice", "I deployed to Iraq": a person named before or
                return one.lower_ in PERSONAL_PRONOUNS or one.morph.get("Person") == ["1"]   # the speaker
        return bool(named) and all(m.get("type") == "person" for m in named)

    def _leaders_rally(self, token, actors: list[dict], recipients: list[dict]) -> bool:
        """Whether a rally is a campaign's or a government leader's own ("Trump told a rally in
        Ohio", "the president held a campaign rally"): its only parties are persons of a
        government, it is against no one, or a campaign word names it. A rally of a party's
        followers against someone is a demonstration (CAMEO 141)."""
        rallies = [token] if token.lemma_.lower() == "rally" else \
            [c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() == "rally"]
        if not rallies:
            return False
        if any(self.lexicon.in_class(m.lemma_.lower(), "@campaign") for r in rallies for m in r.children
               if m.dep_ in ("compound", "amod")):
            return True
        return bool(actors) and not recipients and all(
            m.get("type") == "person" and m.get("sector") == "GOV" for m in actors)

    def _opinion_over(self, modality) -> bool:
        """Whether an obligation ("should", "must") is the content of a verb of opinion above it
        on the clause chain ("most Kenyans feel the president should resign", "think the army
        must withdraw"): a view held, which CAMEO does not code, not a demand made of anyone."""
        chain = modality.chain
        above = chain[chain.index(modality.demand_verb) + 1:] if modality.demand_verb in chain else []
        return any(t.lemma_.lower() in self.lexicon.word_set("opinion_verbs") for t in above)

    def _unnamed_speaker(self, report_verb) -> bool:
        """Whether the reporting verb's subject names a party by its office or kind only ("lawmakers
        said", "the ministry said") or by a name the actors stage does not resolve: a speaker with
        no actor record, still a party."""
        if report_verb is None:
            return False
        subject, _ = subject_of(report_verb)
        nouns = self.lexicon.word_set("unnamed_party_nouns")
        # a person named by a name the actors stage does not know ("Rep. Peter King told ...")
        return subject is not None and (subject.lemma_.lower() in nouns or subject.lower_ in nouns or
                                        subject.pos_ == "PROPN")

    def _private_trip(self, token, actors: list[dict]) -> bool:
        """Whether a trip is made by no party: its only actors are persons of no office or group, or
        it has none and its subject (or the noun a "who" clause hangs on) is a common noun that names
        no office, body or side ("a student who once visited Peru", "nurses toured the clinic"). A
        name the actors stage does not know ("Macron visited Algeria") may be a party's."""
        if actors:
            return not any(m.get("sector") or m.get("type") != "person" for m in actors)
        subject, _ = subject_of(token)
        candidates = [subject]
        if subject is not None and subject.lower_ in ("who", "that") and token.dep_ == "relcl":
            # the noun a "who" clause hangs on, or the noun whose phrase holds it: the parser may hang
            # "a student of Arabic who visited" on "Arabic"
            noun = token.head
            candidates = [noun] + ([noun.head.head] if noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN" else [])
        elif subject is not None and subject.lower_ in PERSONAL_PRONOUNS and token.dep_ == "advcl" and \
                not any(c.dep_ in ("dobj", "dative", "agent") for c in token.head.children):
            # "nurses were robbed while they visited a clinic": the pronoun of a subordinate
            # clause names the main clause's subject, unless the main clause has an object or agent
            # the pronoun may name ("protesters greeted the minister as he visited")
            candidates = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        offices = self.lexicon.word_set("unnamed_party_nouns") | self.lexicon.word_set("group_nouns")
        return any(c is not None and c.pos_ == "NOUN" and c.lemma_.lower() not in offices for c in candidates)

    def _condition_parties(self, token, modality) -> list[dict]:
        """Whose act a threat is conditional on: the subject of an "if"/"unless" clause or of
        an inverted condition ("should China retaliate") on the threat's clauses. A threat
        is made against the party it is conditional on."""
        complements = [c for c in token.children if c.dep_ in ("xcomp", "ccomp")]
        for clause in [token, *complements, *modality.chain]:
            for child in clause.children:
                if child.dep_ not in ("advcl", "ccomp"):
                    continue
                marked = any(m.dep_ == "mark" and m.lower_ in self.condition_marks for m in child.children)
                subject = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                inverted = subject is not None and any(
                    a.dep_ == "aux" and a.lower_ in INVERTED_CONDITION_AUX and a.i < subject.i
                    for a in child.children)
                if (marked or inverted) and subject is not None:
                    return self.reader.phrase(subject)[0]
        return []

    def build(self, match: Match, sent, sentence_index: int) -> dict | None:
        """Code one trigger into an event dict, or None when it has no actor and needs one.

        :param match: the trigger match (with its absorbed content, if any).
        :param sent: the spaCy sentence.
        :param sentence_index: the sentence's index in ``doc.sentences``.
        """
        entry, token = match.entry, match.token
        modality = read_modality(token, self.lexicon)
        head = clause = clause_top(modality.chain[0] if modality.chain else token)
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in self.condition_marks for m in c.children)
               and not any(m.dep_ == "advmod" and m.lower_ == "even" for m in c.children)
               for c in (head, *modality.chain)):
            return None       # the condition of another event ("if Israel attacked", "if he uses
                              # the army to kill"), not an event
        own_verb = modality.chain[0] if modality.chain else token
        if head.dep_ == "relcl" and _present_description(head) and (own_verb is head or _present_description(own_verb)):
            return None       # a present-tense relative clause describes, it reports nothing
                              # ("Hamas, which advocates ..."; not "which has ... and has threatened to")
        reporters: list[dict] = []
        report_verb = modality.report_verb
        if report_verb is None and entry.get("reported_wrong"):
            report_verb = charge_reporter(token, self.lexicon)    # "warned that X was meddling": the warner
        heads = [subject_of(report_verb)[0] if report_verb is not None else None, modality.according_to]
        for head in heads:
            if head is not None:
                reporters.extend(m for m in self.reader.phrase(head)[0] if m not in reporters)
        self.reader.frame_reporters = reporters
        actors, recipients, referred = self.reader.arguments(token, match.kind, entry, match.matched_prt)
        content = match.content
        if token.lemma_.lower() in self.lexicon.word_set("warning_words") and not self._own_warning(match, actors):
            return None       # "warned that the dispute could hurt growth": a forecast (CAMEO 012), no threat
        if entry["type"] == "REQUEST" and content is None and not recipients:
            recipients = self._addressee(token)
        if content is not None:
            c_actors, c_recipients, c_ref = self.reader.arguments(
                content.token, content.kind, content.entry, content.matched_prt)
            if not actors:
                actors, referred = c_actors, referred or c_ref
            if not recipients:
                # a request is addressed to whoever must act; a rejection to whoever proposed
                proposer = entry["type"] == "REJECT" and content.entry["type"] in ("REQUEST", "AGREE", "THREATEN")
                row = self.governors["content"][entry["absorb"]].get(content.entry["type"]) or ()
                # an order carried out by the orderer's own forces is their act, done to its target
                own_act = len(row) > 2 and row[2] == content.entry["type"]
                take = c_actors if (entry["type"] == "REQUEST" and not own_act) or proposer else c_recipients
                recipients = [m for m in take if m not in actors]
        event_type, mode, cameo = entry["type"], entry.get("mode"), entry["cameo"]
        underlying_type = underlying_mode = None
        if content is not None:
            underlying_type, underlying_mode = content.entry["type"], content.entry.get("mode")
            row = self.governors["content"][entry["absorb"]].get(underlying_type)
            if row is not None and event_type != "PROTEST":     # a protest's demand: the protest's code
                mode, cameo = row[0] if row[0] is not None else mode, row[1]
                event_type = row[2] if len(row) > 2 else event_type
        if entry.get("appeal") and event_type == "REQUEST" and cameo.startswith("10"):
            cameo = appeal_code(cameo)
        flags = set(modality.flags)
        if "negated" in flags and not_until(token, modality.chain):
            flags.discard("negated")      # "did not launch an inquiry until May": it did, in May
        if entry.get("speaker_actor") and reporters and not actors:
            actors, reporters = reporters, []
            flags.discard("reported")
        if modality.demand_verb is not None and not reporters and event_type != "REQUEST" \
                and modality.demand_verb in modality.chain[-1:]:
            return None       # the writer's prescription ("the West must act"), not a reported event
        if modality.demand_verb is not None and not reporters and self._opinion_over(modality):
            return None       # "most voters think he should resign": an opinion held, no act or demand
        if modality.demand_verb is not None and reporters and event_type != "REQUEST":
            if modality.report_verb is not None and modality.report_verb.dep_ == "advcl" \
                    and modality.report_verb.head.i in self.protests:
                return None   # "staged rallies, saying he must resign": the protest's own demand
            subject, _ = subject_of(modality.demand_verb)
            targets = self.reader.phrase(subject)[0] if subject is not None else actors
            if targets and all(m in reporters for m in targets):
                return None   # "Iran said it must defend its borders": resolve, not a demand or an act
            row = self.governors["content"]["REQUEST"].get(event_type, [None, "100"])
            underlying_type, underlying_mode = event_type, mode
            event_type, mode, cameo = "REQUEST", row[0], row[1]
            actors, recipients, reporters = reporters, [m for m in targets if m not in reporters], []
            flags.discard("reported")
        slots = self.reader.slots(token, match.kind, match.matched_prt) if entry["type"] == "ASSAULT" \
            or entry.get("official_actor") or (not actors and not recipients) else []
        if natural_cause(match, slots, self.lexicon) or publication(match, self.lexicon) or \
                named_not_reported(match, self.lexicon) or generic_when(clause) or \
                future_time_clause(clause, self.lexicon) or \
                abstract_target(match, slots, self.lexicon):
            return None       # "the storm killed 30", "released a video", "is a threat", "when X kills"
        verbal = verbal_attack(match, actors, recipients, self.lexicon) if event_type == "ASSAULT" else None
        if not actors and not recipients and self.require_actor and not entry.get("allow_no_actor") \
                and not (content is None and anonymous_parties(match, slots, self.lexicon)) \
                and verbal != "criticism" \
                and not unnamed_party(match, slots, self.lexicon) \
                and not done_to_what_entry_names(match, self.lexicon):
            return None
        if match.kind == "noun" and content is None and not actors and recipients and token.dep_ == "pobj" \
                and token.head.lower_ not in ACT_SCENE_PREPS:
            return None       # "a response to the protests against police", "a package of sanctions on
                              # Iran": an event named by its target alone, as what a phrase refers to
        if entry.get("left_open") and modality.not_ruled_out is not token:
            return None       # "ruled out a strike" excludes the act; only "did not rule out" leaves it open
        if self._declined_statement(match) or self._question(match):
            return None       # "refused to comment" (CAMEO 011, a statement), "asked whether X would":
                              # a question, no request
        if entry["cameo"] == MILITARY_RETREAT and self._person_stepping_back(token, actors):
            return None       # "Ms. Rice withdrew", "the prosecutors all withdrew": no forces leave ground
        if event_type == "MOBILIZE" and match.kind == "verb" and self._tour_of_duty(token):
            return None       # "a medic who deployed to Mali twice": a soldier's service, no state's act
        if event_type == "PROTEST" and self._leaders_rally(token, actors, recipients):
            return None       # "Trump told a rally", "held a campaign rally": a leader's rally, no protest
        if event_type == "CONSULT" and (press_only(recipients) or press_event(token)):
            return None       # "spoke to reporters", "at a news conference": a statement, no consultation
        if event_type == "CONSULT" and (match.scene or entry.get("meeting_of_parties")) and \
                not self._meeting_of_parties(match, actors, recipients):
            return None       # "at a meeting of his party, Erdogan said", "organised a conference on soil
                              # science": one party's meeting, no consultation
        if cameo.startswith("057") and any(
                c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in self.lexicon.word_set("unilateral_documents")
                for c in token.children):
            return None       # signing an order or a law is no agreement with anyone
        if entry.get("needs_recipient") and not (recipients and (actors or self._unnamed_speaker(report_verb))):
            return None
        if entry.get("reported_wrong") and _same_parties(recipients, actors, self.lexicon.word_set("state_sectors")):
            return None       # "he said Lula had lied", "he" read as Lula: no one charges himself, nor a state
                              # its own government or forces
        if entry.get("needs_other_party") and not recipients:
            return None       # "filed a motion against the ruling", "took the matter to court": no one sued
        if entry.get("needs_addressee") and not recipients and not addressed(token, self.lexicon):
            return None       # "the union proposed a pay deal": no one it is offered to
        if entry.get("official_actor") and not official_doer(slots, actors, self.lexicon):
            return None       # "the referee fined the striker", "was fined for speeding": no state acts
        if entry.get("party_visitor") and self._private_trip(token, actors):
            return None       # "a tourist who had visited Peru", "the suspect travelled to Vienna": a trip
                              # no party makes is no visit
        if self.require_actor and entry.get("source") == "cameo" and (
                (entry.get("bare") and not (actors and recipients)) or
                (entry.get("needs_target") and not recipients)):
            # CAMEO events are dyadic: a verb coded by its own code alone, or by a bare
            # preposition ("head to"), needs a target as well as a source
            return None
        if verbal == "none":
            return None       # "Trump's attacks", "he will attack back": criticism of no one
        if verbal == "criticism":
            event_type, cameo, mode = "ACCUSE", "111", cameo_code("111").get("plover_mode")
        if event_type == "ACCUSE" and attacked_held_ground(match, actors, recipients, self.lexicon):
            event_type, cameo, mode = "ASSAULT", "190", cameo_code("190").get("plover_mode")
        if event_type == "ASSAULT":
            cameo = unconventional_code(cameo, match, slots, actors, recipients, self.lexicon)
        date = self.attacher.date(token, modality, sentence_index)
        if date["text"] is None and _undergone_by_kind(clause):
            return None       # "a list of men killed by police", "the villagers that troops had driven
                              # out": a clause that sorts people by what they underwent, no dated act
        if match.kind == "noun" and date["text"] is None and _heading(sent):
            return None       # a heading with no verb and no date ("EMBASSY ATTACK TIMELINE", "Port
                              # Attack Under Scrutiny"): it names a topic; a caption that reports an
                              # act dates it ("students protest in the capital on Monday")
        if (_describes_party(clause) or match.reacted_to) and self.attacher.years_before(date):
            return None       # "Gray-Hopkins, whose son was killed by police in 1999, said": who she is, no news;
                              # "the shelling of the city in 1993 was condemned": a reaction to a past act
        if self.attacher.is_future(date, modality, token):
            flags.add("future")
        if entry.get("reported_wrong"):
            flags.discard("future")       # "said Minsk sought to mislead ...", "warned that X is working to
                                          # undermine next month's vote": a charge is made as it is said
        planned = False
        if event_type in self.threat_types | self.conditional_threats and "hypothetical" in flags \
                and not flags & {"future", "conditional"} and modality.report_verb is None \
                and modality.according_to is None and not (actors and _left_open(token, modality)):
            return None       # "could provoke retaliation": the writer's speculation, no one's threat
        # a refusal is the party's own "will not"; denying a claim that it decided or planned to act
        # ("denied that the U.S. had decided to withdraw") says only that the act is not on the way
        if "negated" in flags and ("future" in flags or event_type == "AGREE") and not modality.denied_claim:
            base = underlying_type if event_type == "AGREE" and underlying_type else event_type
            row = self.governors["refusal_types"].get(base)
            if row is not None:
                underlying_type, underlying_mode = base, underlying_mode if base != event_type else mode
                event_type, mode, cameo = row
        elif event_type not in ("REQUEST", "THREATEN", "REJECT") and self._ultimatum(modality):
            underlying_type, underlying_mode = event_type, mode
            event_type, cameo, mode = "THREATEN", "139", cameo_code("139").get("plover_mode")
        elif actors and _own_announcement(actors, reporters) and (
                (flags & {"future", "conditional", "hypothetical"} and event_type in self.threat_types)
                or (flags & {"conditional", "hypothetical"} and event_type in self.conditional_threats)):
            underlying_type, underlying_mode = event_type, mode
            cameo = self._threat_code(cameo)
            event_type, mode = "THREATEN", cameo_code(cameo).get("plover_mode")
        elif "future" in flags and event_type in self.governors["future_types"]:
            row = self.governors["future_types"][event_type]
            underlying_type, underlying_mode = event_type, mode
            event_type, cameo, mode, planned = row[0], row[1] or cameo, "planned", True
        elif event_type == "AGREE" and underlying_type in self.governors["future_types"]:
            planned = True
        if event_type in ("THREATEN", "REQUEST") and not recipients:
            recipients = self._addressee(token) if event_type == "REQUEST" or cameo == "139" else []
            recipients = recipients or self._condition_parties(token, modality)
        actors, recipients = _dedupe(actors), [m for m in _dedupe(recipients) if m not in actors]
        codebook = cameo_code(cameo)
        mentioned = actors + recipients + reporters
        trigger_tokens = [token] + [c for c in token.children if c.dep_ == "prt"]
        start = min(t.idx for t in trigger_tokens)
        end = max(t.idx + len(t) for t in trigger_tokens)
        if entry.get("source") != "cameo":
            self.reader.remember(actors)     # antecedents of "they", "the sides": the curated layer's
        if entry.get("source") == "cameo":
            confidence = CAMEO_CONFIDENCE["default" if entry.get("bare") else "pattern"] \
                + 0.05 * entry.get("constraints", 0)
        else:
            confidence = entry.get("confidence") or KIND_CONFIDENCE[match.kind] + 0.05 * specificity(entry)
        confidence -= 0.15 if referred else 0.0
        confidence -= 0.25 if not actors else 0.0
        event = {
            "event_id": event_id(self.doc.id, sentence_index, start, event_type),
            "event_type": event_type,
            "mode": mode,
            "context": self.attacher.contexts(sent, entry, codebook, actors + recipients),
            "cameo": cameo,
            "quad_class": codebook["quad_class"],
            "goldstein": codebook["goldstein"],
            "modality": ordered(flags)[0],
            "modalities": ordered(flags),
            "planned": planned,
            "underlying_type": underlying_type,
            "underlying_mode": underlying_mode,
            "actor": [actor_record(m) for m in actors],
            "recipient": [actor_record(m) for m in recipients],
            "reported_by": [actor_record(m) for m in reporters] or None,
            "date": date,
            "location": self.attacher.place(token, modality, sentence_index, mentioned),
            "evidence": {"doc_id": self.doc.id, "sentence": sentence_index, "start": sent.start_char,
                         "end": sent.end_char, "text": sent.text},
            "trigger": {"text": self.doc.text[start:end], "char_start": start, "char_end": end,
                        "sentence": sentence_index, "pattern": entry["id"],
                        "content": content.entry["id"] if content is not None else None},
            "confidence": round(max(0.05, min(0.99, confidence)), 2),
        }
        return event


def appeal_code(demand: str) -> str:
    """The CAMEO appeal (02x) parallel to a demand code (10x): "urged X to withdraw" is an
    appeal to yield (0256), "demanded that X withdraw" a demand (1056). CAMEO 1.1b3 numbers
    the two branches alike; a demand code without an appeal twin falls back to its parent."""
    code = "02" + demand[2:]
    while len(code) > 2:
        try:
            cameo_code(code)
            return code
        except KeyError:
            code = code[:-1]
    return "020"


def _undergone_by_kind(clause) -> bool:
    """Whether a clause describes an uncounted plural ("men", "the villagers") by what was done
    to them ("men killed by police", "the villagers that troops had driven out"): a kind of
    people, not a counted group ("22 people killed") nor what they did ("militants who attacked")."""
    noun = clause.head
    if clause.dep_ not in ("relcl", "acl") or noun.tag_ not in ("NNS", "NNPS") or \
            any(c.dep_ == "nummod" for c in noun.children):
        return False
    if clause.dep_ == "acl":
        return clause.tag_ == "VBN"
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    objects = [c for c in clause.children if c.dep_ == "dobj"]
    return subject is not None and subject.lower_ not in RELATIVE_WORDS and \
        all(o.lower_ in RELATIVE_WORDS for o in objects)


def _heading(sent) -> bool:
    """Whether a sentence is a heading: no verb, and every content word capitalised ("BOMB ATTACKS
    TIMELINE", "Special Report: Port Attack Under Scrutiny"), unlike a headline in sentence case
    whose verb the tagger read as a noun ("Thousands rally in the capital")."""
    if any(t.pos_ in ("VERB", "AUX") for t in sent):
        return False
    words = [t for t in sent if t.is_alpha and t.pos_ not in ("ADP", "DET", "CCONJ", "PART")]
    return bool(words) and all(t.text[0].isupper() for t in words)


def _present_description(verb) -> bool:
    """Whether a relative clause is in the simple present, active or passive ("which advocates",
    "who are deployed there"): it says what a party is or does, it reports no new act."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBZ", "VBP"):
        return not auxiliaries
    return verb.tag_ == "VBN" and len(auxiliaries) == 1 and auxiliaries[0].dep_ == "auxpass" \
        and auxiliaries[0].tag_ in ("VBZ", "VBP")


def _left_open(token, modality) -> bool:
    """Whether the act of ``token`` is what its doer declines to rule out: the object or infinitive
    of a negated or refused "rule out" ("has not ruled out strikes or a blockade"), not an act
    named further off ("has not ruled out terrorism as a motive in the shootings")."""
    ruling = modality.not_ruled_out
    if ruling is None:
        return False
    left = [c for c in ruling.children if c.dep_ in ("dobj", "xcomp")]
    left += [c for o in left for c in o.conjuncts]
    return token in left


def _own_announcement(actors: list[dict], reporters: list[dict]) -> bool:
    """Whether an event is announced by its own actor (or not reported by anyone else)."""
    if not reporters:
        return True
    keys = {m.get("actor_id") or m.get("cameo") or m.get("text") for m in actors}
    codes = {m.get("cameo") for m in actors if m.get("cameo")}
    # a state's ministry announcing what the state will do announces its own act
    return any((m.get("actor_id") or m.get("cameo") or m.get("text")) in keys or m.get("cameo") in codes
               for m in reporters)


def _same_parties(recipients: list[dict], actors: list[dict], state_sectors: frozenset[str]) -> bool:
    """Whether every recipient is a party among the actors: the same actor (by actor id, else by
    name), or the same state, each its government or its forces: of the same country ("the
    Ukrainian defence minister said Kyiv ..."), or a state's organ named by its office alone in the
    words of a state's officials ("Israeli officials said the army ...": their own). A state's
    opposition, courts or parties charge its government as others do."""
    own = {m.get("actor_id") or m.get("text") for m in actors}
    states = {m["country"] for m in actors if m.get("country") and m.get("sector") in state_sectors}
    return bool(recipients) and all(
        (m.get("actor_id") or m.get("text")) in own or
        (states and m.get("sector") in state_sectors and m.get("country") in states | {None})
        for m in recipients)


def _dedupe(mentions: list[dict]) -> list[dict]:
    """Drop repeated mentions of one actor (same id, or same country and sector)."""
    seen: set = set()
    kept = []
    for mention in mentions:
        key = mention.get("actor_id") or (mention.get("country"), mention.get("sector"), mention.get("text"))
        if mention.get("country") and not mention.get("actor_id"):
            key = (mention.get("country"), mention.get("sector"))
        if key not in seen:
            seen.add(key)
            kept.append(mention)
    return kept


def code_document(doc, lexicon: Lexicon, require_actor: bool = True) -> list[dict]:
    """Return the events coded from one parsed document (one per trigger; not clustered).

    :param doc: a :class:`~parley.document.Document` with ``spacy_doc`` and ``mentions``.
    :param lexicon: the loaded lexicon.
    :param require_actor: drop events with neither actor nor recipient (unless the
      predicate allows it, e.g. a postponed meeting).
    """
    if doc.spacy_doc is None:
        return []
    return DocumentCoder(doc, lexicon, require_actor).code()

