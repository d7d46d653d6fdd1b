"""Which of a sentence's trigger matches are coded, and how they nest (:func:`find_matches`).

A nominal trigger inside another trigger's phrase is hidden ("attend *the talks*"); absorbing
predicates ("agree to", "call for", "refuse to") take the nearest embedded trigger as their
content; a casualty verb under an attack is its toll; the aim of an act of the same type is the
act; triggers whose event the sentence does not assert are hidden (:func:`hide_unasserted`).
Token matching is :mod:`parley.events.triggers`; coding a match, :mod:`parley.events.coder`.
"""

from __future__ import annotations

from spacy.attrs import DEP, LEMMA, POS
from spacy.symbols import ADJ, NOUN, PROPN, VERB, ccomp

from parley.document import token_columns
from parley.events.hardnews import (
    assault_told_with_toll,
    compelled,
    harm_denied,
    owned_act,
    policed_protest,
    repressed_protest,
    through_partitive,
    told_with_count_or_date,
    told_with_participants,
    toll_of,
)
from parley.events.lexicon import Lexicon
from parley.events.triggers import (TIME_WORDS, Match, charge_reporter, labels_given, match_token, proposal_heads,
                                    time_phrase)
from parley.events.words import rule_words

CAUSE_PREPS = rule_words("cause_preps")
REACTION_TYPES = rule_words("reaction_types")
VIOLENT_REPRESSION = "175"      # CAMEO: force used on a crowd; its deaths are its toll
# Nouns whose compound modifier is the act they are a run of ("a shooting spree", "a bombing campaign").
SERIES_NOUNS = rule_words("series_nouns")
SCENE_PREPS = rule_words("scene_preps")
PROTEST_LEAVING_WORDS = rule_words("protest_leaving_words")
PROTEST_ACTS = rule_words("protest_acts")
BECOMING_VERBS = rule_words("becoming_verbs")
UNRULY_STATES = rule_words("unruly_states")
ATTEMPT_VERBS = rule_words("attempt_verbs")
DEFINITE = rule_words("definite_determiners")
DEICTIC_TIME = rule_words("deictic_time")    # "last year": a date
# Prepositions that give an event's setting (time, place, occasion), never its content.
SETTING_PREPS = rule_words("setting_preps")
# Prepositions and phrases that set an act against a backdrop ("during", "in violation of"), or
# after, before or in answer to another act ("following", "in response to"): :func:`_circumstance`.
BACKDROP_PREPS = rule_words("backdrop_preps")
BACKDROP_PHRASES = rule_words("backdrop_phrases")
SEQUENCE_PREPS = rule_words("sequence_preps")
SEQUENCE_PHRASES = rule_words("sequence_phrases")
PROTEST_PLACE_PREPS = rule_words("protest_place_preps")    # "a rally in Yerevan, where ..."
MEETING_SCENE_PREPS = rule_words("meeting_scene_preps")    # "at a summit", "during talks"
# Clauses that tell an act of their own beside or after the verb they hang on: a conjunct ("meddled
# in the vote and shelled a post"), a clause of purpose or time ("exploited a gap to attack"), a
# relative or a parenthetical clause (a "that" clause of a lie is what it said: content).
OWN_CLAUSES = ("conj", "advcl", "xcomp", "relcl", "parataxis")
# Verbs of using a thing for an end: with a purpose clause, the end is what the use did ("exploited a
# gap in the fence to attack the depot", "abused his office to reward allies").
USING_VERBS = rule_words("using_verbs")
SPAN_NOUNS = rule_words("span_nouns")    # "the first time they met": a time, as "the day" is
CONTENT_NOUNS = rule_words("content_nouns")    # "the news that ...": a "that" clause of content
# Verbs that tell a content clause to someone ("confessed to the agents that ...", "told them that ...").
ADDRESSED_SPEECH_VERBS = rule_words("addressed_speech_verbs")


def find_matches(sent, lexicon: Lexicon, columns: tuple[list, list, list] | None = None) -> list[Match]:
    """Match every token of a sentence, hide nested nominal triggers, and resolve absorption.

    :param sent: a spaCy sentence span.
    :param lexicon: the loaded lexicon.
    :param columns: the POS, DEP and LEMMA columns of the whole doc (:func:`doc_columns`), read
        once per document; made here when not given.
    :returns: all matches; the ones to code have ``hidden`` False.
    """
    # over columns of the sentence's tokens: only a verb, or a noun or adjective some entry
    # names, can match, and only a clausal complement can be a reported obligation or
    # attribution; a Token object for every word cost more than matching the few that can
    doc, strings, nouns, adjs = sent.doc, sent.doc.vocab.strings, lexicon.nouns, lexicon.adjs
    parts, deps, lemmas = columns or doc_columns(doc)
    span = range(sent.start, sent.end)
    maybe = [i for i in span if parts[i] == VERB or (parts[i] in (NOUN, PROPN) and strings[lemmas[i]].lower() in nouns)
             or (parts[i] == ADJ and strings[lemmas[i]].lower() in adjs)]
    clauses = [doc[i] for i in span if deps[i] == ccomp]
    matches = [m for m in (match_token(doc[i], lexicon) for i in maybe)
               if m is not None and not compelled(m.token, lexicon)]
    matches = [m for m in matches if _content_listed(m, matches, lexicon)]
    told = participants_protest(sent, matches, lexicon)
    if told is not None:
        matches = [m for m in matches if m.token.i != told.token.i] + [told]
    at = {m.token.i: m for m in matches}
    for token in clauses:
        # a bare CAMEO verb ("must ensure security") is weaker evidence than the obligation
        own = at.get(token.i)
        weak = own is not None and own.entry.get("source") == "cameo" and own.entry.get("bare")
        if (own is None or weak) and _reported_obligation(token, lexicon) and \
                not any(t.i in at and not _in_setting(t, token, SCENE_PREPS) and not (
                    at[t.i].kind == "noun" and _background_noun(t, lexicon)) for t in token.subtree if t.i != token.i):
            if weak:
                matches.remove(own)
            at[token.i] = Match(token, OBLIGATION, "verb")
            matches.append(at[token.i])
    for token in clauses:
        deed = _attributed_deed(token, at, lexicon)
        if deed is not None and token.i not in at:
            # "Russia said Ukraine was behind the attack": Russia accuses Ukraine of it
            at[token.i] = Match(token, ATTRIBUTION, "verb")
            matches.append(at[token.i])
            # the deed is the accusation's content, unless told with its toll ("responsible for an
            # attack that killed 40" asserts the attack)
            deed.hidden = not (deed.kind == "noun" and assault_told_with_toll(deed, lexicon))
    for match in matches:
        # a bare CAMEO verb over a nominal event is its aspect or light verb ("talks resumed",
        # "the release was delayed"): the noun is the event
        governor = _governing_trigger(match.token, at) if match.kind == "noun" else None
        if governor is not None and governor.entry.get("source") == "cameo" and (
                governor.entry.get("bare") or (governor.entry.get("on_subject") and
                                               match.token.dep_ in ("nsubj", "nsubjpass"))):
            governor.hidden = True
        elif governor is not None and governor.kind == "verb" and match.token.dep_ == "dobj" and \
                match.token.head == governor.token and match.entry["type"] == governor.entry["type"] and \
                len(match.entry["cameo"]) == 4 and len(governor.entry["cameo"]) == 3:
            # "carried out a suicide bombing", "launched a chemical attack": the light verb's code is
            # generic, its object names the kind of act (CAMEO 1831, 2041): the act takes the noun's code
            governor.entry = {**governor.entry, "cameo": match.entry["cameo"], "mode": match.entry.get("mode"),
                              "context": match.entry.get("context") or governor.entry.get("context")}
    for match in matches:
        # "the aid Japan has provided", "the sanctions Washington imposed": a relative clause that
        # says who did the act its noun names is the same act; the verb carries the doer
        antecedent = at.get(match.token.head.i) if match.kind == "verb" and match.token.dep_ == "relcl" and any(
            c.dep_ == "nsubj" and c.lower_ not in ("that", "which", "who") for c in match.token.children) else None
        if antecedent is not None and antecedent.kind == "noun" and antecedent.entry["type"] == match.entry["type"]:
            antecedent.hidden = True
    for match in matches:
        if match.kind != "noun":
            continue
        current = match.token
        for _ in range(10):
            if current.head == current:
                break
            current = current.head
            if current.i in at and not at[current.i].hidden:
                if match.token.head.head == current and match.token.head.lower_ == "in" and \
                        harm_denied(current, lexicon):
                    break     # "no one was hurt in the bombing": the bombing is the report
                if match.token.dep_ == "nsubj" and match.token.head == current and \
                        current.lemma_.lower() in lexicon.word_set("causation_verbs"):
                    break     # "the killing sparked outrage": a cause is an event of its own
                if match.token.dep_ in ("nsubj", "nsubjpass") and match.token.head == current and \
                        at[current.i].entry["type"] in REACTION_TYPES and told_with_participants(match.token):
                    match.reacted_to = True
                    break     # "the killing of three aid workers in Juba drew condemnation": the act is news too
                if match.token.head.head == current and match.entry["type"] == "PROTEST" and \
                        policed_protest(match.token, lexicon):
                    break     # "police detained 200 during a march": the march is an event of its own
                if match.entry["type"] == "PROTEST" and match.token.head == current and repressed_protest(match.token):
                    break     # "troops crushed the demonstrations": the protest crushed took place, done by others
                if assault_told_with_toll(match, lexicon):
                    break     # "arrested after a shooting spree that left six dead": told as news
                if owned_act(match.token):
                    break     # "claimed responsibility for the bombing": the doer's word that it took place
                if match.entry["type"] == "CONSULT" and match.token.dep_ == "pobj" and \
                        match.token.head.lower_ in MEETING_SCENE_PREPS and match.token.head.head == current and \
                        (not _named_again(match.token) or told_with_participants(match.token)
                         or told_with_doer(match.token)):
                    match.scene = True
                    break     # "at a summit in Lisbon, the leaders agreed ...": the meeting the doers held
                              # is where they acted, not what they acted on ("at the meeting" names one
                              # told before)
                match.hidden = True
                break
            if current.pos_ in ("VERB", "AUX"):
                break
    casualty = lexicon.word_set("casualty_verbs")
    for match in matches:
        # "shelled the town, killing 12": the killing is the shelling's toll, the same event; so
        # for violent repression ("opened fire on protesters, killing two": CAMEO 175)
        head = at.get(match.token.head.i)
        if match.entry["type"] == "ASSAULT" and match.token.lemma_.lower() in casualty \
                and match.token.dep_ in ("advcl", "conj", "xcomp") and head is not None \
                and head is not match \
                and (head.entry["type"] == "ASSAULT" or head.entry["cameo"] == VIOLENT_REPRESSION):
            match.hidden = True
        elif toll_of(match, at, lexicon):
            match.hidden = True      # "ten were killed after a gunman opened fire": the shooting codes
    for match in matches:
        # "a rally in Yerevan, where students demanded ...", "held placards demanding ...": a demand
        # voiced in a demonstration or written on its signs is the protest's (PLOVER REQUEST)
        if match.entry["type"] == "REQUEST" and match.kind == "verb" and match.token.dep_ in ("relcl", "acl") \
                and _voiced_by_protest(match.token.head, at, lexicon):
            match.hidden = True
    for match in matches:
        # demands voiced by a demonstration are part of the PROTEST (PLOVER REQUEST definition);
        # the aim of an act that is itself of the act's type is the same event ("began a
        # hunger strike to protest ...")
        if match.token.dep_ not in ("xcomp", "advcl") or match.kind != "verb" or match.entry.get("reported_wrong"):
            continue      # (a wrong striven at is what a speaker charges: "said X was working to undermine it")
        governor = _purpose_of(match.token, at)
        if governor is not None and governor.entry.get("reported_wrong") and \
                governor.token.lemma_.lower() in USING_VERBS:
            continue      # "said X exploited a gap in the fence to attack the depot": a wrong use of a thing is
                          # how the act was done, which the speaker reports as done (not "interfered in the
                          # vote to undermine democracy": an aim)
        if governor is None or governor is match:
            if _purpose_clause(match.token) and any(a.i in at for a in match.token.ancestors):
                match.hidden = True      # the aim of an act coded higher up ("turned out to march to denounce")
            continue
        # a participle adjunct that says again what its clause did is the same act too
        # ("lodged a protest with Albania, charging it with ...")
        same_code = match.entry["cameo"] == governor.entry["cameo"]
        if (match.entry["type"] == "REQUEST" and governor.entry["type"] == "PROTEST") or \
                ((match.entry["type"] == governor.entry["type"] or same_code) and
                 (any(c.dep_ == "aux" and c.lower_ == "to" for c in match.token.children)
                  or (match.token.dep_ == "advcl" and match.token.tag_ == "VBG"))):
            # "used tear gas to disperse crowds" (one CAMEO 175 act): parley's own entry types it
            keep_aim = same_code and match.entry["type"] != governor.entry["type"] and \
                governor.entry.get("source") == "cameo" and match.entry.get("source") != "cameo"
            (governor if keep_aim else match).hidden = True
        elif _purpose_clause(match.token):
            # "sent troops to repel the army", "opened fire to disperse the crowd": an infinitive of
            # purpose states what the act was for; the act is the event, its aim is not yet done
            match.hidden = True
    hide_unasserted(matches, at, lexicon)
    for match in matches:
        # "proposed a resolution to condemn X": the text's act is the proposer's, the proposing
        # itself no agreement with anyone
        texts = [c for c in match.token.children if c.dep_ in ("dobj", "nsubjpass") and _adopted(c, lexicon)]
        clauses = {t.i for text in texts for c in text.children if c.dep_ in ("acl", "relcl") for t in c.subtree}
        if match.kind == "verb" and any(m.token.i in clauses and not m.hidden for m in matches):
            match.hidden = True
    negating = lexicon.word_set("negating_verbs")
    for match in sorted(matches, key=lambda m: -_depth(m.token)):
        if not match.entry.get("absorb") and match.token.lemma_.lower() not in negating:
            continue
        if match.token.lemma_.lower() in lexicon.word_set("mandative_verbs") and _indicative_claim(match.token):
            match.hidden = True      # "insisted that it had asked": a claim; what it reports codes alone
            continue
        if match.token.lemma_.lower() in lexicon.word_set("refusal_verbs") and any(
                c.dep_ == "xcomp" and c.lemma_.lower() in lexicon.word_set("double_negation_verbs")
                for c in match.token.children):
            match.hidden = True      # "refused to rule out a strike": the act is left open, nothing refused
            continue
        content = _nearest_content(match, matches)
        if content is None:
            if match.entry.get("needs_content"):
                match.hidden = True
            continue
        if content.entry.get("reported_wrong") and charge_reporter(content.token, lexicon) == match.token:
            match.hidden = True      # "warned that Moscow was meddling": the warning is the charge it states
            continue
        if match.entry.get("proposal") and not _proposed(match, content.token):
            match.hidden = True      # "suggested the answer to the talks is ...": no act proposed
            continue
        if match.token.lemma_.lower() in negating and not match.entry.get("absorb"):
            match.hidden = True      # "denied attending": the embedded event carries the negation
            continue
        match.content = content
        content.hidden = True
    for match in matches:
        # "issued a demand that X leave": a light verb's own event noun, the object its entry names,
        # with what it asks, is the event
        if match.kind != "verb" or match.hidden or not match.entry.get("obj"):
            continue
        nouns = [m for m in matches if m.kind == "noun" and m.content is not None and m.token.head == match.token
                 and m.token.dep_ in ("dobj", "nsubjpass") and m.entry["type"] == match.entry["type"]
                 and lexicon.in_class(m.token.lemma_.lower(), match.entry["obj"])]
        if nouns and match.content in (None, nouns[0]):
            match.hidden, match.content, nouns[0].hidden = True, None, False
    return matches


# A protest told through its participants: "protesters blocked the bridge", "thousands of
# demonstrators gathered in the capital", "marchers chanting slogans". Their doer is the
# protesters' own (the group the actors stage names them by), else unnamed.
PARTICIPANTS = {"id": "protest-participants", "type": "PROTEST", "mode": "demo", "cameo": "141",
                "allow_no_actor": True, "roles": {"subj": "actor", "obj": "none", "dative": "none", "agent": "none"}}


def participants_protest(sent, matches: list[Match], lexicon: Lexicon) -> "Match | None":
    """A PROTEST told by what its participants did, when no entry of the sentence names the protest.

    Demonstrators doing what demonstrators do as a protest (``protest_acts``: gathering, marching,
    blocking, chanting, waving flags, throwing stones; turning violent; trying or going on to do
    one of these) are the protest. The act is the verb whose own subject they are, in the active
    voice, that no entry of its own reads, or a participle on them when they are the subject of
    their clause ("marchers carrying torches crossed the bridge", "protesters trying to block the
    road were detained"), or being among them ("the novelist was among the demonstrators"). Not
    a participle on demonstrators another verb acts on ("police beat protesters sitting on the
    road": its doer would be read as the police), nor leaving the protest ("marched home"), the
    present tense of a relative clause ("protesters who block roads ...") or a to-infinitive (an
    aim). One per sentence: its verbs tell one protest ("gathered and marched").

    :param sent: the spaCy sentence.
    :param matches: the sentence's matches so far.
    :param lexicon: the loaded lexicon.
    """
    if any(m.entry["type"] == "PROTEST" for m in matches):
        return None
    # (the demonstrators are a noun of the sentence: without one, no verb of it can be theirs)
    if not any(lexicon.in_class(t.lemma_.lower(), "@protester") for t in sent):
        return None
    # a CAMEO verb without its pattern is too weak to name the act ("filled the square" is no concession)
    matched = {m.token.i for m in matches if not (m.entry.get("source") == "cameo" and m.entry.get("bare"))}
    for token in sent:
        if token.i in matched or any(c.dep_ in ("auxpass", "nsubjpass") or (c.dep_ == "aux" and c.lower_ == "to")
                                     for c in token.children):
            continue
        if token.dep_ == "relcl" and token.tag_ in ("VBZ", "VBP"):
            continue
        if token.lemma_.lower() in PROTEST_LEAVING_WORDS or any(
                c.dep_ in ("advmod", "npadvmod") and c.lower_ in PROTEST_LEAVING_WORDS for c in token.children):
            continue      # "the demonstrators went home": the protest ends
        if protest_participants(token, lexicon) and (token.lemma_ == "be" or _protest_act(token)):
            return Match(token, PARTICIPANTS, "verb")
    return None


def _protest_act(verb) -> bool:
    """Whether ``verb`` (a verb of demonstrators) names something demonstrators do as a protest:
    a ``protest_acts`` verb, becoming unruly ("got violent"), or trying or going on to do such an
    act ("attempting to disrupt")."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB":
        return False
    if lemma in BECOMING_VERBS:
        return any(c.dep_ in ("acomp", "oprd") and c.lemma_.lower() in UNRULY_STATES for c in verb.children)
    if lemma in ATTEMPT_VERBS:
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in PROTEST_ACTS for c in verb.children)
    return lemma in PROTEST_ACTS


def continues_protest(match: Match, lexicon: Lexicon) -> bool:
    """Whether ``match`` is a protest told through participants named as ones already met ("the
    protesters then walked to the ministry", "these demonstrators"): after a protest the document
    has told, the same protest again, not a second one."""
    return match.entry is PARTICIPANTS and any(
        c.dep_ == "det" and c.lower_ in DEFINITE for d in protest_participants(match.token, lexicon)
        for c in d.children)


def protest_participants(verb, lexicon: Lexicon) -> list:
    """The demonstrators ``verb`` tells of as doers: its subject, the noun a participle on its
    subject describes ("marchers carrying torches"), or, for the copula, the demonstrators its
    subject is among ("was among the protesters"; not among those done to, "among the
    demonstrators arrested"). Empty when none are demonstrators."""
    def participants(noun) -> bool:
        return any(lexicon.in_class(n.lemma_.lower(), "@protester")
                   for n in [noun, *through_partitive([noun], lexicon)])

    if verb.lemma_ == "be":
        return [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "among" for p in c.children
                if p.dep_ == "pobj" and participants(p) and not any(a.dep_ == "acl" and a.tag_ == "VBN"
                                                                    for a in p.children)]
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ in ("nsubj", "nsubjpass"):
        doers.append(verb.head)
    return [d for d in doers if participants(d)]


# "X said Y must/should do Z": X demands it of Y, whatever Z is (CAMEO 100). The speaker is the
# actor, the obliged party the recipient; both must be actors and differ ("said it must" is
# the speaker's own resolve, no demand).
OBLIGATION = {"id": "reported-obligation", "type": "REQUEST", "cameo": "100", "speaker_actor": True,
              "needs_recipient": True, "roles": {"subj": "recipient", "obj": "none", "dative": "none",
                                                 "agent": "none"}}


# "X said Y was behind / responsible for the attack": X accuses Y of the act (CAMEO 112); the
# speaker is the actor, the one named the recipient; both must be actors and differ.
ATTRIBUTION = {"id": "reported-attribution", "type": "ACCUSE", "mode": "allege", "cameo": "112",
               "speaker_actor": True, "needs_recipient": True,
               "roles": {"subj": "recipient", "obj": "none", "dative": "none", "agent": "none", "acomp": "none"}}
DEED_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "SANCTION", "MOBILIZE"})


def _attributed_deed(token, at: dict, lexicon: Lexicon) -> "Match | None":
    """The nominal act a reported copula lays at its subject's door ("said Ukraine *was behind*
    the attack", "claims the rebels *were responsible for* the shelling"), or None. A pronoun
    subject is left alone: it is mostly the speaker owning the act ("said it was behind ...")."""
    if token.lemma_ != "be" or token.dep_ != "ccomp" or \
            token.head.lemma_.lower() not in lexicon.word_set("report_verbs") | {"believe", "suspect"}:
        return None
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    for prep in _holding_preps(token):
        for obj in prep.children:
            deed = at.get(obj.i)
            if obj.dep_ == "pobj" and deed is not None and deed.kind == "noun" and deed.entry["type"] in DEED_TYPES:
                return deed
    return None


def _holding_preps(verb) -> list:
    """The prepositions by which a copula lays an act at its subject's door: "*behind*" ("was
    behind the attack") and the "for" of "responsible" or "culpable" ("were responsible for")."""
    if verb.lemma_ != "be":
        return []
    holders = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "behind"]
    return holders + [p for c in verb.children if c.dep_ == "acomp" and c.lemma_.lower() in ("responsible", "culpable")
                      for p in c.children if p.dep_ == "prep" and p.lower_ == "for"]


def _attributed(noun) -> bool:
    """Whether a nominal act is the deed a copula lays at someone's door in a clause that is
    claimed, denied or doubted ("rejected claims that its navy *was behind* the sinking", "no
    evidence that the militia was responsible for the ambush"): the topic of an attribution, not
    its report. The copula must be the content of a verb or a noun (a "that" clause); a main
    clause ("the rebels were behind the ambush") states the deed and its doer, and stays news.
    A pronoun subject is left alone, as :func:`_attributed_deed` leaves it; so is an act told with
    its own place, date or count (:func:`~parley.events.hardnews.told_with_participants`)."""
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    verb = prep.head.head if prep.head.dep_ == "acomp" else prep.head
    clause = verb
    while clause.dep_ == "conj":
        clause = clause.head
    if clause.dep_ not in ("ccomp", "acl"):
        return False      # "the rebels were behind the ambush": stated, the deed is news
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    # "Hamas said it was behind the attack": a pronoun is mostly the speaker owning the act, as in
    # _attributed_deed
    return subject is not None and subject.pos_ != "PRON" and prep in _holding_preps(verb) and \
        not told_with_participants(noun)


def _reported_obligation(token, lexicon: Lexicon) -> bool:
    """Whether ``token`` is the verb of an obligation put on another party in reported speech."""
    if token.pos_ not in ("VERB", "AUX") or token.dep_ != "ccomp" or \
            token.head.lemma_.lower() not in lexicon.word_set("report_verbs"):
        return False
    # "must", "should", or "has to", "will have to", "needed to" with the obliged act as infinitive
    periphrastic = token.lemma_.lower() in ("have", "need") and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in token.children)
    if not periphrastic and not any(c.dep_ == "aux" and c.lower_ in lexicon.word_set("demand_aux")
                                    for c in token.children):
        return False
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.pos_ != "PRON"


def _proposed(match: Match, act) -> bool:
    """Whether ``act`` is what a proposal trigger proposes: its object ("suggested a meeting"), its
    verb ("suggested resuming talks", "proposed to meet", "proposed that the two sides meet") or that
    verb's object ("suggested holding talks"), not an act named further down ("suggested the answer
    to the talks is a shutdown", "proposed rules under which records are released")."""
    direct = proposal_heads(match.token, match.entry)
    return act in direct or any(act.head is c and act.dep_ == "dobj" and c.dep_ in ("xcomp", "ccomp") for c in direct)


def doc_columns(sdoc) -> tuple[list, list, list]:
    """The POS, DEP and LEMMA ids of every token of ``sdoc``, for :func:`find_matches`."""
    return tuple(token_columns(sdoc, (POS, DEP, LEMMA)))


def _content_listed(match: Match, matches: list[Match], lexicon: Lexicon) -> bool:
    """Whether a predicate that codes only the content its table lists has such content in its
    clause ("prepared to attack" is a show of force; "prepared the ground for talks" is none)."""
    table = match.entry.get("absorb")
    if table not in lexicon.word_set("strict_content"):
        return True
    rows = lexicon.governors["content"][table]
    inside = {t.i for c in match.token.children if c.dep_ in ("xcomp", "ccomp") for t in c.subtree}
    return any(m.token.i in inside and m.entry["type"] in rows for m in matches)


def _voiced_by_protest(noun, at: dict, lexicon: Lexicon) -> bool:
    """Whether a noun is a protest coded in the sentence, the place of one ("a rally in Yerevan,
    where ..."), or a sign held up in one ("held signs")."""
    def protest(token) -> bool:
        return token.i in at and at[token.i].entry["type"] == "PROTEST"
    place_of = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in PROTEST_PLACE_PREPS else None
    return protest(noun) or (place_of is not None and protest(place_of)) or (
        lexicon.in_class(noun.lemma_.lower(), "@protest_signs") and protest(noun.head))


def _purpose_of(token, at: dict) -> "Match | None":
    """The trigger a purpose or manner clause belongs to: its head verb, or the event noun that
    verb takes as object ("continued their hunger strike *to demand* ...")."""
    head = token.head
    if head.i in at:
        return at[head.i]
    objects = [at[c.i] for c in head.children if c.dep_ == "dobj" and c.i in at]
    return objects[0] if objects else None


def _obliged(token, lexicon: Lexicon) -> bool:
    """Whether the clause ``token`` sits in is an obligation ("should", "must" on its verb)."""
    verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and any(c.dep_ == "aux" and c.lower_ in lexicon.word_set("demand_aux")
                                    for c in verb.children)


def _purpose_clause(verb) -> bool:
    """Whether a verb heads an infinitive of purpose: an adverbial "to" clause with no subject of
    its own ("sent troops *to repel* them"; not "a deadline for X *to sign*")."""
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
        and not any(c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ == "mark" and c.lower_ == "for")
                    for c in verb.children)


def _background_noun(token, lexicon: Lexicon) -> bool:
    """Whether a nominal event is named as the setting of the sentence's report, not reported:
    the measure of a duration in a setting phrase ("after five days *of fighting*") or an
    event dated by a possessive ("last month's *invasion*")."""
    measure = token.head.head
    if token.dep_ == "pobj" and token.head.lower_ == "of" and \
            measure.lemma_.lower() in lexicon.word_set("duration_nouns") and \
            measure.dep_ == "pobj" and measure.head.lower_ in SETTING_PREPS | {"for", "within", "over"}:
        return True
    # dated by a possessive or a date before it ("last month's invasion", "the March 15 shootings"):
    # an event the reader knows, named again
    durations = lexicon.word_set("duration_nouns")
    return any(c.dep_ in ("poss", "compound", "nmod", "nummod", "amod") and c.i < token.i and
               (c.ent_type_ in ("DATE", "TIME") or (c.dep_ != "poss" and c.lower_ in TIME_WORDS) or
                _is_year(c)) and   # "a 2012 attack"
               not (c.lemma_.lower() in durations and c.i > 0 and c.doc[c.i - 1].text == "-")   # "a six-day visit"
               for c in token.children)


def _in_document_clause(token, lexicon: Lexicon) -> bool:
    """Whether ``token`` sits in a clause that states the content of a text ("a resolution that
    seeks to widen the embargo", "a plan to withdraw troops"): a provision, not an event."""
    documents = lexicon.word_set("document_nouns")
    current = token
    for _ in range(12):
        if current.head == current:
            return False
        if current.dep_ in ("relcl", "acl"):
            if _adopted(current.head, lexicon):
                return False      # "adopted a resolution condemning X": the body's own condemnation
            # "the right to defend itself", "the capacity to strike": a possibility, not an act
            return current.head.lemma_.lower() in documents or (
                current.dep_ == "acl" and current.head.lemma_.lower() in
                lexicon.word_set("possibility_nouns") | lexicon.word_set("intention_nouns") |
                lexicon.word_set("invitation_words"))
        if current.dep_ in ("advcl", "ccomp", "parataxis"):
            return False      # another clause: the text's provisions end here
        current = current.head
    return False


def clause_top(token):
    """The first of a run of coordinated verbs ("for arming X and collaborating with Y")."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


def hide_unasserted(matches: list[Match], at: dict, lexicon: Lexicon) -> None:
    """Hide triggers whose event the sentence does not assert its subject performed.

    - the complement of a persuasion or permission verb, a reluctance word or a verb of
      deliberation ("to convince X to support Y", "allowed X to use its bases", "reluctant to
      attack Y", "considering raising tariffs", "weighing new sanctions"): the aim of an effort,
      an act made possible, held back or an option, not an act
      (the persuading itself may still be an event);
    - the grounds of an accusation ("denounced X for arming Y"): the alleged act belongs to
      the accusation, which PLOVER codes as the event;
    - a participle used as an attributive modifier ("X-backed projects"): it describes the
      noun, it reports no event;
    - a definite nominal event named as the cause of another act ("over the attack"):
      an event the reader already knows, not a new report;
    - a clause marked as habitual ("when fighting typically peaks"): a generic statement
      about what tends to happen, not a report that it happened;
    - a "for X to do" clause ("a deadline for Canada to sign"): what is required or wanted,
      never what was done;
    - support as a participle on its noun ("Maduro, backed by Russia, ..."): a standing
      alliance that describes the party, not a new act;
    - a nominal event whose end is asked or offered ("an end to the killings"): the content
      of the demand or offer, not a report of its own;
    - a nominal event a verb of avoidance takes as object ("chose to avoid clashes with the
      navy"), and one that is the background of a reaction, a cause or a view
      (:func:`_background_of_reaction`) unless told with its own participants or doer;
    - a nominal event named as the backdrop of something else ("during heavy fighting", "in
      violation of sanctions") or as the known act it came after or answered ("before the detention
      of her deputy", "in the wake of the riots"): :func:`_circumstance`;
    - the act of a restrictive relative clause that picks out its noun by what was done to or for
      it ("a company the regulator fined": :func:`_identified_by_act`), as :func:`_identifying_clause`
      does for what the noun did.
    """
    deliberation = lexicon.word_set("deliberation_verbs")
    avoidance = lexicon.word_set("avoidance_verbs")
    embedding = lexicon.word_set("persuasion_verbs") | lexicon.word_set("permission_verbs") | \
        lexicon.word_set("reluctance_words") | avoidance | \
        lexicon.word_set("advice_verbs") | lexicon.word_set("invitation_words") | deliberation
    habitual = lexicon.word_set("habitual_adverbs")
    recurring = lexicon.word_set("frequency_determiners")
    unreal = lexicon.word_set("unreal_modifiers")
    for match in matches:
        token = match.token
        if match.kind == "noun" and assault_told_with_toll(match, lexicon):
            continue      # "a June 4 raid that killed 75", "what rebels call a raid that wounded 12":
                          # the clause asserts it, whatever frames the noun
        named_kind = token.dep_ == "compound" and token.head.lemma_.lower() not in SERIES_NOUNS
        if match.kind == "noun" and (named_kind or any(
                c.dep_ in ("amod", "det", "compound", "predet") and c.lower_ in unreal for c in token.children)):
            # "possible attacks", "such attacks": a possibility or a kind; "the protest leader",
            # "the bombing suspect": a noun modifier says what kind of thing its head is
            match.hidden = True
            continue
        if _prevented(token, lexicon) or _alleged(token, at):
            match.hidden = True
            continue
        if match.kind == "verb" and match.entry["type"] in ("ASSAULT", "COERCE") and any(
                c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in token.children) and not any(
                t.ent_type_ in ("DATE", "TIME") or t.lower_ in TIME_WORDS for t in token.subtree):
            match.hidden = True      # "suspects are killed without due process": what happens, not a report
            continue
        clause = token.head if token.dep_ in ("nsubj", "nsubjpass", "csubj") else token
        if any(c.dep_ == "advmod" and c.lower_ in habitual for c in (*token.children, *clause.children)) \
                or _recurring_present(token, recurring):
            match.hidden = True
            continue
        if match.kind != "noun" and (token.dep_ == "amod" or (
                token.tag_ == "VBN" and token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"))):
            match.hidden = True      # a participle as a noun's modifier, or as a noun ("the wounded")
            continue
        if match.kind != "noun" and any(c.dep_ == "mark" and c.lower_ == "for" for c in token.children) \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            match.hidden = True
            continue
        if match.kind == "verb" and token.dep_ == "acl" and token.tag_ == "VBG" and \
                token.lemma_.lower() in lexicon.word_set("aiming_verbs"):
            match.hidden = True      # "protests targeting the president": what the noun is aimed at
            continue
        if match.kind == "verb" and token.dep_ == "acl" and (
                (match.entry["type"] in ("SUPPORT", "ACCUSE") and token.tag_ == "VBN") or
                (match.entry["type"] == "SUPPORT" and token.tag_ == "VBG")):
            # "Maduro, backed by Russia", "two men suspected of", "a committee backing the president"
            match.hidden = True      # says who they are, not a new act
            continue
        if match.kind == "noun" and token.dep_ == "pobj" and token.head.lower_ in ("to", "of") \
                and token.head.head.lemma_.lower() in lexicon.word_set("end_nouns") and token.head.head.i not in at:
            match.hidden = True
            continue
        if (match.kind == "noun" and _background_noun(token, lexicon)) or _in_document_clause(token, lexicon):
            match.hidden = True
            continue
        if match.kind == "noun" and token.dep_ == "pobj" and token.head.lower_ == "for" and \
                token.head.head.pos_ in ("NOUN", "PROPN") and token.head.head.i not in at and \
                not any(a.i in at and at[a.i].entry.get("absorb") for a in token.ancestors) and \
                not _obliged(token, lexicon) and not owned_act(token):
            # "a climate for talks", "his case for more aid": what a thing is for; under a
            # predicate that takes content ("agree to a timeline for the withdrawal") or an
            # obligation ("X should set a timeline for the withdrawal") it is what is asked
            match.hidden = True
            continue
        if match.kind == "noun" and token.dep_ == "dobj" and token.head.lemma_.lower() in avoidance:
            match.hidden = True      # "chose to avoid clashes with the navy": as "avoided fighting", not done
            continue
        if match.kind == "noun" and _anticipated(token, lexicon):
            match.hidden = True      # "braced for an attack", "is preparing a major offensive": expected, not done
            continue
        if match.kind == "noun" and _label(token, lexicon):
            match.hidden = True      # "called the decision an attack on the press": a label, no act
            continue
        if match.kind == "noun" and _topic_of_comment(token, lexicon):
            match.hidden = True      # "the raid was illegal", "the killing helped people see": a comment
            continue                 # on a known event, no report of it
        if match.kind == "noun" and _attributed(token):
            match.hidden = True      # "denied that it was behind the attack": whose deed, not the deed
            continue
        if match.kind == "noun" and _background_of_reaction(token, at, lexicon):
            if told_with_participants(token) or told_with_doer(token):
                match.reacted_to = True      # "reacted to the arrest of 40 students on Monday": news too
            else:
                match.hidden = True          # "reacted angrily to the sanctions": the known act answered
                continue
        if match.kind == "noun" and _circumstance(token, lexicon):
            match.hidden = True      # "retired during heavy fighting", "after the detention
            continue                 # of her deputy": when or why something else happened, not news
        if match.kind == "noun" and token.head.dep_ == "prep" and token.head.lower_ in CAUSE_PREPS \
                and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children):
            match.hidden = True      # "expelled them over the attack": a known event, the cause
            continue
        if match.kind == "noun" and token.dep_ == "dobj" and (token.head.lemma_.lower() in deliberation or (
                token.head.dep_ in ("xcomp", "ccomp", "pcomp") and token.head.head.lemma_.lower() in deliberation)):
            match.hidden = True      # "is weighing new sanctions", "considering upping tariffs": an option
            continue
        if match.kind == "noun" and token.dep_ in ("dobj", "pobj"):
            # a nominal act named by a verb that is no trigger stands in that verb's clause ("invited
            # Ukraine to address the meeting", "persuaded them to join the protest")
            verb = token.head if token.dep_ == "dobj" else token.head.head
            if verb.pos_ == "VERB" and verb.i not in at:
                token = verb
        top = clause_top(token)
        head = top.head
        if match.kind == "verb" and _depicted_gerund(top, lexicon):
            match.hidden = True      # "described fighting X as idiocy": the act spoken of, as a noun is
            continue
        if match.kind == "verb" and _dated_background(top, lexicon):
            match.hidden = True      # "a year after Trump withdrew from the deal": history, not news
            continue
        if match.kind == "verb" and _identifying_clause(top):
            match.hidden = True      # "the officer who shot him was charged": who is meant, not news
            continue
        if _identified_by_act(top, at, lexicon) and not (
                token.i != top.i and any(c.dep_ == "dobj" for c in token.children)):
            match.hidden = True      # "a company the regulator fined", "a town they had held": which one;
            continue                 # a verb joined to it with its own object is an act of its own
        if top.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in embedding \
                and not (head.i in at and at[head.i].entry.get("absorb")):
            match.hidden = True
        elif top.dep_ == "pcomp" and head.lower_ in ("for", "of") and head.head.i in at \
                and at[head.head.i] is not match and at[head.head.i].entry["type"] == "ACCUSE":
            match.hidden = True


PAST_PERFECT_AUX = rule_words("past_perfect_aux")


def _identifying_clause(verb) -> bool:
    """Whether a verb heads a restrictive relative clause that tells which thing a definite noun
    means by what it did or underwent ("*the officer who shot* the teenager was charged", "the
    group that carried out the attacks is linked to ...", "the judge who has halted the
    programme"): a definite description presupposes its clause, an act the reader is taken to
    know; the sentence reports something else. The relative pronoun is the clause's subject, the
    verb is past or perfect (not progressive, modal or present), and no comma sets the clause off
    (", who attacked ..." adds news about a party named already)."""
    if verb.dep_ != "relcl" or verb.tag_ not in ("VBD", "VBN"):
        return False
    noun = verb.head
    if noun.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children):
        return False
    first = verb.left_edge
    if first.i == 0 or first.i <= noun.i or verb.doc[first.i - 1].is_punct:
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i == first.i and
               (c.tag_ in ("WP", "WDT") or c.lower_ == "that") for c in verb.children):
        return False
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return all(a in PAST_PERFECT_AUX for a in auxiliaries) and (verb.tag_ == "VBD" or bool(auxiliaries))


def _identified_by_act(verb, at: dict, lexicon: Lexicon) -> bool:
    """Whether a verb heads a restrictive relative clause that picks out a thing or a person by what
    was done to it or for it: its object ("a company *that the regulator fined*", "a town *they had
    held* for a month") or the object of a preposition that names a party to the act or its ground
    ("the remarks *for which he is being tried*", "the rival *against whom she had campaigned*"). As
    with the doer's clause (:func:`_identifying_clause`), the description presupposes its act; the
    sentence reports something else. Not so, and the act is told as news, when the clause:

    - is set off by a comma, or hangs on an appositive ("-- a move both parties had condemned");
    - describes an event, a text, a publication or a span of time ("scuffles in which youths threw
      stones", "a motion that the union filed", "a film in which soldiers fire on a crowd", "the
      first time they met": the clause tells the event, what the text or the footage holds, or when);
    - gives the scene of its act ("the square where police fired", "the hall in which they met":
      a setting preposition, :data:`SETTING_PREPS`);
    - has its own date ("a motion that the union filed this week");
    - is not past, perfect or passive ("a firm the agency will fine", "a firm it fines", "the case
      she is investigating": news of now or to come);
    - has an object of its own or an open clause that holds the gap ("a measure they refused to
      adopt": the refusal is told).

    A "that" after the one a speaker addresses or after a noun of content is left alone: it opens
    what was said or held ("admitted to the inspectors that she had spoken with ...", "his plea
    that he had spoken with ..."), though the parser often takes it for a relative.
    """
    if verb.dep_ != "relcl":
        return False
    noun = verb.head
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or noun.dep_ == "appos" or noun.i in at or lemma in lexicon.nouns or \
            lemma in lexicon.word_set("document_nouns") | lexicon.word_set("publication_nouns") | \
            lexicon.word_set("duration_nouns") | SPAN_NOUNS | TIME_WORDS:
        return False
    first = verb.left_edge
    if first.i <= noun.i or verb.doc[first.i - 1].is_punct:
        return False      # ", which it had seized": a clause set off tells news of a noun already known
    relatives = [t for t in verb.subtree if first.i <= t.i < verb.i and
                 (t.tag_ in ("WP", "WP$", "WDT", "WRB") or t.lower_ == "that")]
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or any(s in relatives for s in subjects):
        return False      # no subject of its own, or the relative is the subject: the noun is the doer
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if not relatives:
        # "a town they had held": the object left out is the noun's place; not when a clause under
        # the verb holds it ("a measure they refused to adopt": the refusal is told)
        if passive or any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in verb.children):
            return False
    else:
        relative = relatives[0]
        if relative.dep_ == "dobj" and relative.head == verb:
            if passive or (relative.lower_ == "that" and (_addressee(noun) or lemma in CONTENT_NOUNS)) or \
                    any(c.dep_ == "dobj" and c != relative for c in verb.children):
                return False      # a second object: the relative is another verb's ("the wall he seeks funds to build")
        elif not (relative.dep_ == "pobj" and relative.head.dep_ == "prep" and relative.head.head == verb
                  and relative.head.lower_ not in SETTING_PREPS):
            return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.lower_ == "to" for a in auxiliaries) or \
            not (verb.tag_ == "VBD" or (verb.tag_ == "VBN" and auxiliaries)):
        return False      # past, perfect or passive only: "the case she is investigating" is news of now
    return not any(_dating(t, lexicon) for t in verb.subtree if t.i > verb.i)


def _addressee(noun) -> bool:
    """Whether a noun is the one a speaker addresses: the "to" object of a verb of telling
    ("explained to reporters", "confessed to the agents"), or the object of "tell", "inform" or
    "assure"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "to":
        return noun.head.head.lemma_.lower() in ADDRESSED_SPEECH_VERBS
    return noun.dep_ in ("dobj", "dative") and noun.head.lemma_.lower() in ADDRESSED_SPEECH_VERBS


def _dating(token, lexicon: Lexicon) -> bool:
    """Whether a token dates the clause it sits in: a date or time, a year, a day or month word, or
    a span of time made a date by a deictic ("this month", "last week"); a span after "for" ("for a
    week") is how long, not when."""
    if token.dep_ == "pobj" and token.head.lower_ == "for" or \
            token.head.dep_ == "pobj" and token.head.head.lower_ == "for":
        return False
    return token.ent_type_ in ("DATE", "TIME") or token.lower_ in TIME_WORDS or _is_year(token) or (
        token.lemma_.lower() in lexicon.word_set("duration_nouns") and
        any(c.lower_ in DEICTIC_TIME for c in token.children))


def _is_year(token) -> bool:
    """Whether a token is a calendar year of the last two centuries ("2011")."""
    return token.text.isdigit() and len(token.text) == 4 and token.text[:2] in ("19", "20")


def _dated_background(verb, lexicon: Lexicon) -> bool:
    """Whether a verb tells a past act that another is dated from, not news: an "after", "before"
    or "since" clause at a distance of a year or more ("came *a year after* Trump withdrew from the
    deal", "decades after they signed the treaty"), a "since" clause dated by its year ("since the
    last troops withdrew in 2011"), or a "when" clause on the year a period opens ("since 2012, when
    dozens were killed"). A clause a few days or weeks before ("days after police shot a man") is
    the news that led to the report, and stays."""
    dating = [c for c in verb.children if c.dep_ == "mark" and c.lower_ in lexicon.word_set("dating_marks")]
    marks = {c.lower_ for c in dating}
    if verb.dep_ == "advcl" and dating:
        units = lexicon.word_set("long_time_units")
        # a distance stands before the mark, on the clause or on the word before it ("higher a year
        # after ..."); a date inside the clause ("after the FBI raided him last year") is no distance
        first = min(m.i for m in dating)
        measures = [c for c in verb.children if c.dep_ == "npadvmod" and c.i < first]
        measures += [verb.doc[first - 1]] if first > 0 and verb.doc[first - 1].dep_ == "npadvmod" else []
        if any(t.lemma_.lower() in units and not any(d.lower_ in DEICTIC_TIME for d in t.children)
               for t in measures):
            return True
        return "since" in marks and any(
            c.dep_ == "prep" and c.lower_ == "in" and any(_is_year(o) for o in c.children) for c in verb.children)
    year = verb.head
    return verb.dep_ == "relcl" and _is_year(year) and year.dep_ == "pobj" and year.head.lower_ == "since"


def _anticipated(noun, lexicon: Lexicon) -> bool:
    """Whether a nominal event is what someone prepares for, awaits or fears ("residents braced
    for an attack", "the army is preparing a major offensive", "prepared immigrants for a
    crackdown"): an event expected, which has not taken place."""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "for" else \
        noun.head if noun.dep_ == "dobj" else None
    return verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() in lexicon.word_set("anticipation_verbs")


def _topic_of_comment(noun, lexicon: Lexicon) -> bool:
    """Whether a nominal event is the topic of a comment, not reported: the subject of a
    judgment or of a verb of significance ("the raid was illegal", "the attack is the latest
    incident to ...", "the killing helped Americans see ...", "two attacks fit this category"),
    or the object of a verb that speaks about or depicts it ("characterize the attacks", "a film
    depicting the assassination"). Such predicates take the event as given; the sentence's news
    is what is said of it. Verbs of occurrence ("protests erupted") and effects ("the blast
    killed two") are not among them."""
    head = noun.head
    lemma = head.lemma_.lower()
    if noun.dep_ in ("nsubj", "nsubjpass"):
        if lemma == "be":
            return any(c.dep_ in ("acomp", "attr") for c in head.children)
        if any(c.dep_ == "prep" and c.lower_ == "to" and any(p.lemma_.lower() in lexicon.word_set("halt_nouns")
                                                             for p in c.children if p.dep_ == "pobj")
               for c in head.children):
            return False      # "the strike brought the port to a standstill": an effect of the act
        return lemma in lexicon.word_set("significance_verbs")
    return noun.dep_ == "dobj" and lemma in lexicon.word_set("depiction_verbs") and head.pos_ == "VERB"


def _background_of_reaction(noun, at: dict, lexicon: Lexicon) -> bool:
    """Whether a nominal event is the background of another act or view, not a new act: a
    definite act a reaction answers ("reacted coolly to the new tariffs"), a definite cause an act
    is said to be brought about by ("looting triggered by the beating of a vendor"), an act whose
    cause is asked ("wanted to know what set off the riot"), a definite act a view is held of
    ("regarded the strikes as blackmail"), or a gathering someone had attended ("cycled home from
    a rally"). Such a noun names an act the sentence takes as given; an indefinite one ("responded
    to a riot in the port") is a new act. In the caller, session 19's test of a reaction's subject
    (:func:`~parley.events.hardnews.told_with_participants`: a count, a place, a date) or a named
    doer (:func:`told_with_doer`) tells when it is told as news all the same. A word that is
    itself a trigger takes its noun by the nesting of :func:`find_matches` instead."""
    head = noun.head
    if head.i in at:
        return False
    if noun.dep_ == "pobj":
        verb = head.head
        if verb.i in at or verb.pos_ != "VERB":
            return False
        lemma = verb.lemma_.lower()
        if head.lower_ == "to" and lemma in lexicon.word_set("reaction_verbs"):
            return _named_again(noun)
        if head.dep_ == "agent" and verb.tag_ == "VBN" and lemma in lexicon.word_set("causation_verbs"):
            return _named_again(noun)
        # "on her way home from a rally": a gathering one attended is where one was; any other act
        # after "from" is what one flees or comes back from, and is told as it is ("fled the shelling")
        return head.lower_ in lexicon.word_set("presence_preps") and \
            noun.lemma_.lower() in lexicon.word_set("gathering_nouns")
    if noun.dep_ == "dobj" and head.lemma_.lower() in lexicon.word_set("causation_verbs") and head.dep_ != "relcl" \
            and any(c.dep_ == "nsubj" and c.lower_ == "what" for c in head.children):
        return True       # "asked what had set off the riot": its cause is asked, the act is given
    # "viewed the strikes as a provocation", "regards the levies as theft": a view of a known act
    return noun.dep_ == "dobj" and head.pos_ == "VERB" and _named_again(noun) and \
        head.lemma_.lower() in lexicon.word_set("labelling_verbs") and noun not in labels_given(head) and \
        any(c.dep_ == "prep" and c.lower_ == "as" for c in head.children)


def _named_again(noun) -> bool:
    """Whether a nominal act is named as one the reader knows, made definite by a determiner or a
    possessor ("the sanctions", "Moscow's annexation"). An indefinite act ("responded to a riot in
    the port") is a new one, told as news."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE or c.dep_ == "poss" for c in noun.children)


def _circumstance(noun, lexicon: Lexicon) -> bool:
    """Whether a nominal event is named as the backdrop, the time or the cause of something else,
    not reported. Two kinds of preposition, and the phrases that work as one, take such a noun:

    - a backdrop (:data:`BACKDROP_PREPS`, :data:`BACKDROP_PHRASES`: "during", "amid", "despite",
      "in the course of", "in light of", "in violation of") sets the sentence's act against a state
      of things, whatever the noun's determiner: "retired during heavy fighting between
      militias", "kept shipping oil in violation of the embargo", "amid the protests";
    - a sequence or an answer (:data:`SEQUENCE_PREPS`, :data:`SEQUENCE_PHRASES`: "after",
      "before", "following", "since", "in the wake of", "in response to") places it after, before or
      in answer to another act, and that act is background when the noun names it as one the reader
      knows (:func:`_named_again`: "was polled before the detention of her deputy", "in the wake of
      the riots"); an indefinite act there ("after heavy fighting", "in response to rocket fire") is
      a new step of the story, told as news, as "reacted to a riot" is (:func:`_background_of_reaction`).

    A meeting or a visit (``@meeting``) is never only a backdrop: what was said or done "during a
    meeting with X" or "after the talks" was said or done there, and tells that the meeting took
    place, as what police did at a protest tells the protest. A noun joined to such an object is in
    the same phrase ("before her speech and the detention of her deputy"). Told with its own date
    or with the count of those it was done to ("following the release of 40 prisoners", "after the
    raid on Monday") the act is news of its own and stays
    (:func:`~parley.events.hardnews.told_with_count_or_date`), and so does a protest where police or
    troops acted ("detained 40 students during a march": :func:`policed_protest`). Only a noun: a
    clause in the same place ("after troops shelled a market") tells its act, and is reported.
    """
    phrase = clause_top(noun)
    prep = phrase.head
    # ("following" is often parsed as a verb, its noun as its object)
    if prep.dep_ != "prep" or not (phrase.dep_ == "pobj" or phrase.dep_ == "dobj" and prep.lower_ == "following"):
        return False
    words = f"{prep.head.lower_} {prep.lower_}" if prep.head.dep_ == "pobj" else ""
    if words in BACKDROP_PHRASES or words in SEQUENCE_PHRASES:
        backdrop = words in BACKDROP_PHRASES
        if prep.head.head.dep_ != "prep":
            return False      # "in light of", "in response to" hang as one preposition
    elif prep.lower_ in BACKDROP_PREPS or prep.lower_ in SEQUENCE_PREPS:
        backdrop = prep.lower_ in BACKDROP_PREPS
    else:
        return False
    if not (backdrop or _named_again(noun)) or lexicon.in_class(noun.lemma_.lower(), "@meeting"):
        return False      # "pressed them during a meeting with X": what was done there tells the meeting
    return not (told_with_count_or_date(noun) or any(c.dep_ == "prep" and time_phrase(c) for c in noun.children)
                or policed_protest(noun, lexicon))


def told_with_doer(noun) -> bool:
    """Whether a nominal act names its doers: a "by" phrase ("the raid by Somali gunmen") or the
    parties of a fight ("the clashes between rebels and troops"). Like a count, a place or a date
    (:func:`~parley.events.hardnews.told_with_participants`), they tell the act as news."""
    return any(c.dep_ == "prep" and c.lower_ in ("by", "between") and
               any(o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN") for o in c.children)
               for c in noun.children)


def _depicted_gerund(verb, lexicon: Lexicon) -> bool:
    """Whether a verb is a gerund clause that a verb of speaking about or depicting takes as its
    object ("described fighting the rebels and seeking talks at once as folly", "a film
    depicting storming the palace"): the act is spoken of, as a nominal event is by
    :func:`_topic_of_comment`. A finite clause of such a verb ("explained that X had attacked",
    "explained that he is backing X") is reported speech and stays."""
    return verb.tag_ == "VBG" and verb.dep_ in ("xcomp", "dobj", "ccomp") and verb.head.pos_ == "VERB" \
        and verb.head.lemma_.lower() in lexicon.word_set("depiction_verbs") and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)


def _label(noun, lexicon: Lexicon) -> bool:
    """Whether a nominal event is the label a verb of labelling gives something: its object
    predicative ("called the decision *an attack* on the press", "branded the vote *a
    provocation*", or in quotes, parsed as an apposition: 'called the move "a direct attack"')
    or its "as" phrase ("denounced the law *as a declaration* of war"). The sentence says what
    something is called; the act named is no event."""
    verb = noun.head if noun.dep_ in ("oprd", "dobj") else noun.head.head if noun.dep_ in ("pobj", "appos") else None
    return verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() in lexicon.word_set("labelling_verbs") \
        and noun in labels_given(verb)


def _adopted(noun, lexicon: Lexicon) -> bool:
    """Whether a text is the object of a verb by which a body makes it its own ("adopted a
    resolution", "proposed a bill", "a motion was tabled")."""
    return noun.lemma_.lower() in lexicon.word_set("document_nouns") and noun.dep_ in ("dobj", "nsubjpass") \
        and noun.head.lemma_.lower() in lexicon.word_set("adoption_verbs")


def _recurring_present(verb, determiners: frozenset[str]) -> bool:
    """Whether a verb in the simple present is told with a span that recurs ("prosecute thousands
    of cases every year", "meets each month"): what happens as a rule, no report that it happened.

    :param verb: the trigger token.
    :param determiners: ``frequency_determiners`` ("every", "each").
    """
    return verb.tag_ in ("VBP", "VBZ") and any(
        c.dep_ in ("npadvmod", "advmod") and any(d.dep_ == "det" and d.lower_ in determiners for d in c.children)
        for c in verb.children)


def _prevented(token, lexicon: Lexicon) -> bool:
    """Whether a verb is the "from" gerund of a verb of prevention ("kept Obama *from waiving*
    sanctions", "barred from entering"): an act kept from happening."""
    top = clause_top(token)
    return top.dep_ == "pcomp" and top.head.lower_ == "from" and \
        top.head.head.lemma_.lower() in lexicon.word_set("prevention_verbs") | lexicon.word_set("avoidance_verbs")


# Nouns whose "that" clause is what someone alleges, whether or not the noun is coded itself.
ALLEGATION_NOUNS = rule_words("allegation_nouns")
# Prepositions of what an accusation alleges ("accused X of", "blamed X for", "charged with").
ALLEGATION_PREPS = rule_words("allegation_preps")


def _alleging(token, at: dict) -> bool:
    """Whether ``token`` is a trigger of alleging ("accused", "alleges", "blamed")."""
    governor = at.get(token.i)
    return governor is not None and governor.entry["type"] == "ACCUSE" and governor.entry.get("mode") == "allege"


def _continues_allegation(predicate, at: dict) -> bool:
    """Whether a predicate without a subject of its own continues the "that" clause of a verb of
    alleging it follows ("alleges that he was stopped, *searched* and *jailed* for a night"): the
    parser hangs such a list on the verb of alleging, as a conjunct or, for a bare participle, as
    an adverbial or complement clause."""
    verb = predicate.head
    return (predicate.dep_ == "conj" or (predicate.dep_ in ("advcl", "xcomp") and predicate.tag_ == "VBN")) \
        and _alleging(verb, at) and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in predicate.children) \
        and any(c.dep_ == "ccomp" and c.i < predicate.i for c in verb.children)


def _alleged(token, at: dict) -> bool:
    """Whether a trigger is in the clause an allegation states ("alleges that guards kicked
    him in his cell", "accused him of ...", "the allegation that he assaulted her"): the grounds
    of the accusation, which PLOVER codes as the event, not acts the sentence reports. The grounds
    are also the gerund or noun of the accusation's preposition ("accused the rebels *of using*
    gas", "blamed Iran *for the attack*"), and a predicate coordinated after its "that" clause
    with no subject of its own ("alleges that guards had stopped him, *kicked* him and *jailed* him"),
    and the means of a wrong a speaker charges a party with ("said Moscow meddled *by hacking* the
    count": ``reported_wrong``); the verb of a clause of its own on the charged verb (a conjunct, a
    purpose) tells an act reported beside the charge."""
    current = token
    for _ in range(12):
        if current.head == current:
            return False
        charge = at.get(current.head.i)
        if charge is not None and charge.token.i != token.i and charge.entry.get("reported_wrong") and \
                (current.dep_ not in OWN_CLAUSES or current != token):
            return True       # "said Moscow meddled by hacking the count": how the charge says the party did
                              # wrong; not an act a clause of its own tells by its verb, beside the wrong
                              # ("meddled in the vote and shelled a post") or done by it ("exploited a gap in
                              # the fence to attack the depot"); a noun in that clause is the wrong's gain
                              # ("exploited the crisis to win concessions")
        if owned_act(current):
            return False      # "claimed responsibility for the bombing": an admission, no allegation
        if current.dep_ in ("pcomp", "pobj") and current.head.lower_ in ALLEGATION_PREPS:
            accused = current.head.head
            if _alleging(accused, at) or (accused.dep_ == "dobj" and _alleging(accused.head, at)):
                return True
        if _continues_allegation(current, at):
            return True
        if current.dep_ == "ccomp" or (current.dep_ == "acl" and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in current.children)):
            # the clause of a verb of alleging, or the "that" clause of a noun ("her allegation
            # that he assaulted her")
            if current.dep_ == "acl" and current.head.lemma_.lower() in ALLEGATION_NOUNS:
                return True
            return _alleging(current.head, at)
        if current.dep_ in ("relcl", "advcl", "parataxis"):
            return False
        current = current.head
    return False


def _governing_trigger(token, at: dict) -> "Match | None":
    """The trigger a nominal trigger hangs under (through its heads, up to the first verb)."""
    current = token
    for _ in range(10):
        if current.head == current:
            return None
        current = current.head
        if current.i in at:
            return at[current.i]
        if current.pos_ in ("VERB", "AUX"):
            return None
    return None


def _depth(token) -> int:
    depth = 0
    while token.head != token and depth < 50:
        token = token.head
        depth += 1
    return depth


def _nearest_content(governor: Match, matches: list[Match]) -> Match | None:
    token = governor.token
    excluded: set[int] = set()
    # a proposal's passive subject is what is proposed ("a summit was proposed by Egypt")
    subjects = ("nsubj", "csubj") if governor.entry.get("proposal") else ("nsubj", "nsubjpass", "csubj")
    for child in token.children:
        if child.dep_ in subjects:
            excluded.update(t.i for t in child.subtree)
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            excluded.update(t.i for t in child.subtree)     # a coordinated clause is an act of its own
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in SCENE_PREPS - {"before"} | {"when", "because"}
                                         for m in child.children):
            excluded.update(t.i for t in child.subtree)     # "suspended aid after ... were hit": its time
    for t in token.subtree:
        if t != token and (t.dep_ == "relcl" or (t.dep_ == "acl" and t.tag_ == "VBN")):
            # a relative clause or participle describes its noun ("the plane that was shot
            # down", "the plane shot down"): never what is agreed, demanded or rejected
            excluded.update(d.i for d in t.subtree)
    inside = {t.i for t in token.subtree} - excluded - {token.i}
    if governor.kind == "noun" and token.dep_ == "dobj":
        # "reiterated its demand that X ...": the parser hangs the noun's clause on the verb
        inside |= {t.i for c in token.head.children if c.dep_ == "ccomp" for t in c.subtree}
    candidates = [m for m in matches if m.token.i in inside and m.content is not governor
                  and not (m.hidden and m.content is None and m.entry.get("needs_content"))
                  and not _in_setting(m.token, token)]
    if not candidates:
        return None
    base = _depth(token)
    return min(candidates, key=lambda m: (_depth(m.token) - base, abs(m.token.i - token.i)))


def _in_setting(token, governor, preps: frozenset[str] | None = None) -> bool:
    """Whether ``token`` hangs off ``governor`` through a setting preposition ("in the first round"),
    or through one of ``preps`` only (the scene of an obliged act: "over the demonstrations")."""
    current = token
    while current != governor and current.head != current:
        if current.dep_ == "prep" and (current.lower_ in preps if preps is not None
                                       else current.lower_ in SETTING_PREPS or time_phrase(current)):
            return True
        current = current.head
    return False


def _indicative_claim(verb) -> bool:
    """Whether a mandative verb ("insist") takes a clause in the indicative ("insisted that
    Iran *had complied*", "insists it *has* nothing to do with"): it asserts a fact, where the
    subjunctive or "should" ("insisted that Iran *comply*") demands an act."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    if not clauses:
        return False
    clause = clauses[0]
    auxiliaries = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("should", "must", "shall") for a in auxiliaries):
        return False
    if any(a.tag_ in ("VBD", "VBZ", "VBP") and a.lemma_ in ("have", "be", "do") for a in auxiliaries):
        return True
    return not auxiliaries and clause.tag_ in ("VBD", "VBZ", "VBP")
