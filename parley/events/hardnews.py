"""The constructions of hard news: acts with unnamed parties, tolls, and deaths no one caused.

Violence, protest and coercion are reported whoever did them: "a gunman shot two officers",
"eight people were injured", "protests erupted in the capital". The coder otherwise needs a
resolved actor or recipient; these rules say when such an act is coded without one, and
when a report of deaths is no act at all ("the hurricane killed 30").

Word lists are in ``parley/data/events/governors.yaml`` (``anonymous_types``,
``participant_nouns``, ``occurrence_verbs``, ``natural_causes``).
"""

from __future__ import annotations

from parley.events.reference import described_state
from parley.events.words import rule_words, verb_particles

# Phrasal verbs of occurrence: the particle or object each needs ("broke out", "took place").
OCCURRENCE_PARTS = verb_particles("occurrence")
CAUSATION_PARTS = verb_particles("causation")
VERB_PARTY_SLOTS = frozenset({"subj", "obj", "agent", "dative", "prep:on", "prep:against", "prep:at"})
NOUN_PARTY_SLOTS = frozenset({"prep:of", "prep:by", "prep:on", "prep:against", "prep:between"})
# Prepositions that make a nominal event the setting of another report ("after the attack").
SETTING_PREPS = rule_words("report_setting_preps")
PERSONAL_PRONOUNS = rule_words("personal_pronouns")
CONFLICT_TYPES = frozenset({"THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
# "poses a threat", "constitutes a threat", "represents a danger": saying what X is, not an act
CHARACTERIZING_VERBS = rule_words("characterizing_verbs")
CITING_VERBS = rule_words("citing_verbs")
# Prepositions that date a report by an earlier event: the event named is its setting.
BACKGROUND_PREPS = rule_words("background_preps")
PRESS_WORDS = rule_words("press_words")
RESPONSIBILITY_WORDS = rule_words("responsibility_words")
# Verbs by which a party owns responsibility for an act ("claimed responsibility for the bombing").
OWNING_VERBS = rule_words("owning_verbs")
# Verbs whose object is the weapon used ("used chemical weapons", "dropped chlorine bombs").
WEAPON_VERBS = rule_words("weapon_verbs")
# Subjects that are the means of a killing, not its doer ("a sarin attack killed dozens").
INSTRUMENT_SUBJECTS = rule_words("instrument_subjects")
# Verbs of a count changing or reaching a figure: the events they count are a statistic.
TREND_VERBS = rule_words("trend_verbs")
QUANTITY_NOUNS = rule_words("quantity_nouns")
DEATH_CAUSE_PREPS = rule_words("death_cause_preps")  # "killed in a crash"
# A count by a rate ("each year", "every day", "per week", "annually"): a statistic (tally).
RATE_UNITS = rule_words("rate_units")
RATE_DETERMINERS = rule_words("rate_determiners")
RATE_PREPS = rule_words("rate_preps")
RATE_ADVERBS = rule_words("rate_adverbs")
NOBODY = rule_words("nobody_words")      # "no one", "none of the guests", "nobody"
TOLL_WORDS = rule_words("toll_words")
TOLL_PREPS = rule_words("toll_preps")      # "the death toll from the bombing"
# Determiners that make a noun phrase definite: "the students arrested" are particular students.
DEFINITE_DETERMINERS = rule_words("definite_group_determiners")
INSTRUMENT_PREPS = rule_words("instrument_preps")      # "an attack with sarin", "using chlorine"
# Verbs whose object act is their subject's own doing ("announced sanctions", "renewed its warnings").
SUPPORT_VERBS = rule_words("support_verbs")
STATE_BRANCHES = rule_words("state_branches")      # "the executive branch"


def _heads(token) -> list:
    """The token, its conjuncts, and the "of" object of a number or quantity ("dozens of people")."""
    found = [token, *token.conjuncts]
    for head in list(found):
        if head.like_num or head.pos_ == "NUM" or head.lemma_.lower() in QUANTITY_NOUNS:
            found += [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"]
    return found


def _governing_verb(token):
    """The verb a noun phrase hangs on, through prepositions ("rose *to* 216 arrests": rose)."""
    current = token
    for _ in range(6):
        if current.head == current or current.pos_ in ("VERB", "AUX"):
            break
        current = current.head
    return current


def names_persons(token, lexicon) -> bool:
    """Whether an argument phrase names persons without naming who they are: a participant
    noun ("a gunman", "two officers", "dozens of protesters") or a bare number ("killing seven")."""
    nouns = lexicon.word_set("participant_nouns")
    for head in _heads(token):
        if head.lemma_.lower() in nouns or head.lower_ in nouns:
            return True
        if (head.pos_ == "NUM" or head.lemma_.lower() in QUANTITY_NOUNS) and \
                head.dep_ in ("dobj", "nsubjpass", "nsubj", "pobj"):
            return True       # "killing seven", "wounded dozens"
        if head.lower_ == "others" and any(c.dep_ == "nummod" or c.lemma_.lower() in QUANTITY_NOUNS
                                           for c in head.children):
            return True       # "three others were wounded": counted others are persons
    return False


def occurs(token, lexicon) -> bool:
    """Whether a nominal event is the subject of a verb of occurrence ("protests erupted",
    "fighting broke out", "clashes took place") or of existential "there is" ("there were
    clashes"), the object of a verb of causing ("sparked
    protests") or of a verb of taking part ("attended a rally"), or the head of a verbless
    headline: the sentence reports that it happened."""
    if token.dep_ == "ROOT" and not any(t.pos_ in ("VERB", "AUX") for t in token.sent):
        return True       # a headline of a report ("Thousands rally in Hong Kong ...", "Clashes in Tripoli")
    measure = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    if measure is not None and (measure.lemma_.lower() in lexicon.word_set("partitive_nouns") or
                                measure.lemma_.lower() in lexicon.word_set("duration_nouns")):
        # "a string of assassinations", "the fourth day of protests": the measure stands for them
        return (measure.dep_ == "attr" and measure.head.dep_ == "ROOT") or occurs(measure, lexicon)
    if token.tag_ in ("NNS", "NNPS") and any(c.dep_ == "nummod" and c.like_num for c in token.children) \
            and _governing_verb(token).lemma_.lower() not in TREND_VERBS:
        return True       # "resulted in 13 arrests", "carried out two attacks": counted, so they happened
                          # (not "arrests rose to 216": a statistic)
    if existential(token):
        return True       # "there were clashes in Lagos", "there have been protests since Friday"
    if lexicon.in_class(token.lemma_.lower(), "@protest") and voices_demand(token, lexicon, past=True):
        return True       # "the demonstrations called on police to ...": a protest that voiced demands took place
    if token.dep_ == "pobj" and token.head.lower_ == "in" and casualties_of(token.head.head, lexicon):
        return True       # "four people died in the attack", "no one was hurt in the bombing"
    if token.dep_ == "pobj" and token.head.lower_ in TOLL_PREPS and token.head.head.lemma_.lower() in TOLL_WORDS:
        return True       # "the death toll from the bombing", "dozens of casualties in the shelling": its
                          # harm told, the act took place
    verb = token.head
    if token.dep_ == "dobj" and verb.pos_ == "VERB":
        # "the verdict sparked protests", "touched off an uprising": caused, so it happened
        lemma = verb.lemma_.lower()
        if lemma in lexicon.word_set("witness_verbs") and not any(
                c.dep_ == "aux" and (c.lower_ == "to" or c.tag_ == "MD") for c in verb.children):
            return True   # "the city has witnessed a wave of attacks", "a rally that saw vandalism"
        if lemma in lexicon.word_set("participation_verbs") and not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return True   # "attended a rally", "organised the march": it took place, with them
        return lemma in lexicon.word_set("causation_verbs") and (
            lemma not in CAUSATION_PARTS or any(c.lower_ == CAUSATION_PARTS[lemma] for c in verb.children))
    if token.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX"):
        return False
    lemma = verb.lemma_.lower()
    if lexicon.in_class(token.lemma_.lower(), "@protest") and verb.pos_ == "VERB" and (
            verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.lemma_ in ("have", "be") and c.tag_ != "VB"
                                      for c in verb.children)) and \
            not any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return True       # "the demonstration has resulted in arrests", "a protest was building": it took place
    if lemma in lexicon.word_set("casualty_verbs") and any(
            c.dep_ == "dobj" or (c.dep_ == "oprd" and c.lemma_.lower() in TOLL_WORDS) for c in verb.children):
        return True       # "an explosion killed two soldiers", "the attack left five dead": what it did
                          # says it happened
    if lemma in lexicon.word_set("causation_verbs") and verb.tag_ in ("VBD", "VBN") and \
            any(c.dep_ == "dobj" for c in verb.children) and \
            not any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in verb.children) and \
            any(c.dep_ in ("prep", "poss") for c in token.children):
        # "the killing of the journalist sparked outrage": what it caused says it happened; a bare
        # "the killing" refers back to an act told before
        return True
    if lemma in OCCURRENCE_PARTS:
        part = OCCURRENCE_PARTS[lemma]
        return part is None or any(c.lower_ == part and c.dep_ in ("prt", "dobj", "advmod", "prep")
                                   for c in verb.children)
    return lemma in lexicon.word_set("occurrence_verbs")


def voices_demand(noun, lexicon, past: bool = False) -> bool:
    """Whether a noun voices a demand by a clause of its own ("placards demanding safer staffing", "banners
    demanding lower prices", "the rallies called on police to release the video"; the parser
    often hangs such a verb on its subject as a modifier). With ``past``, only a clause told in
    the past that says what was demanded (not "the rally that was called for Sunday").

    :param noun: a noun token.
    :param lexicon: the loaded lexicon.
    """
    demanding = lexicon.word_set("protest_demand_verbs")
    for clause in noun.children:
        if clause.dep_ not in ("acl", "relcl") or clause.lemma_.lower() not in demanding:
            continue
        if not past or (clause.tag_ in ("VBD", "VBN") and not any(c.dep_ == "auxpass" for c in clause.children)
                        and any(c.dep_ in ("prep", "dobj") for c in clause.children)):
            return True
    return False


def existential(token) -> bool:
    """Whether a noun is what existential "there was" says there was ("there were clashes", "there
    has been a bombing"): it took place; a predicate noun otherwise characterizes. Past or perfect
    only: "there are many airstrikes that ..." says what is, not what happened."""
    verb = token.head
    return token.dep_ in ("attr", "nsubj") and verb.lemma_ == "be" and \
        any(c.dep_ == "expl" for c in verb.children) and \
        (verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children))


def casualties_of(verb, lexicon) -> bool:
    """Whether a clause tells the dead or the hurt of an act named in its "in" phrase without
    reporting the act itself: a verb of dying ("four people died in the attack") or a wounding
    denied (:func:`harm_denied`). The act took place; a wounding told of persons is an act of its
    own (:func:`anonymous_parties`), so the nominal is left to it there."""
    return verb.lemma_.lower() in lexicon.word_set("death_verbs") or harm_denied(verb, lexicon)


def harm_denied(verb, lexicon) -> bool:
    """Whether a verb of wounding or killing is denied ("no one was hurt in the bombing", "was not
    injured in the blast", "nobody was killed"): the harm did not happen, the act in its "in"
    phrase did."""
    if verb.lemma_.lower() not in lexicon.word_set("casualty_verbs"):
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(s.lower_ in NOBODY or any(d.dep_ == "det" and d.lower_ == "no" for d in s.children)
               for s in subjects)


def anonymous_parties(match, slots: list, lexicon) -> bool:
    """Whether a hard-news act may be coded though no slot named a known actor.

    :param match: the trigger's :class:`~parley.events.triggers.Match`.
    :param slots: ``(slot, head)`` pairs of the trigger (:meth:`ArgumentReader.slots`).
    :param lexicon: the loaded lexicon.
    """
    if accused_in_passive(match, slots, lexicon):
        return True
    if match.entry["type"] not in lexicon.word_set("anonymous_types"):
        return False
    if match.entry.get("source") == "cameo" and match.entry.get("bare"):
        return False      # a CAMEO verb without its pattern is too weak without parties
    if match.kind == "noun":
        token = match.token
        if match.entry["type"] == "PROTEST" and (policed_protest(token, lexicon) or repressed_protest(token)):
            return True   # "police detained 200 people during a demonstration", "troops crushed the
                          # protests": it took place
        if assault_told_with_toll(match, lexicon):
            return True   # "after a shooting spree that left six dead": its toll says it took place
        if token.dep_ == "pobj" and token.head.lower_ in SETTING_PREPS:
            return False  # "after the shooting of two officers": the setting of another report
        # the noun's own slots only: the subject of the verb it hangs on may be no party
        # ("police increased patrols following the attacks")
        own = [head for name, head in slots if name in NOUN_PARTY_SLOTS and head.head.head == token or
               name == "poss" and head.head == token]
        return any(names_persons(head, lexicon) for head in own) or occurs(token, lexicon)
    token = match.token
    if any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in token.children):
        return False      # "women are killed with such frequency": what happens, not a report
    if tally(token):
        return False
    if reduced_passive_on_persons(match, lexicon) or passive_gerund_of_time(match):
        return True
    # what is deployed or sent ("sending troops") is no party: a show of force needs its doer
    aspect = token.dep_ == "xcomp" and token.head.lemma_.lower() in lexicon.word_set("aspect_verbs")
    if match.kind != "noun" and not aspect and (any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
                                                or token.dep_ in ("acl", "pcomp", "xcomp", "csubj")):
        return False      # an infinitive or a gerund names an aim or a topic ("an ultimatum to halt
                          # attacks", "the decision of sending troops"): its doer must be named
    if match.entry.get("source") != "cameo" and (match.entry.get("subj") or (
            match.entry.get("obj") and match.entry["type"] == "ASSAULT") or (
            match.entry["type"] == "PROTEST" and any(c.dep_ in ("dobj", "nsubjpass") and lexicon.in_class(
                c.lemma_.lower(), "@protest") for c in token.children))):
        # the entry's subject or object names the weapon or the act itself ("a bomb exploded",
        # "rockets were fired at the airport", "launched an offensive"), or the protest taken part
        # in ("attended a rally"; not "blocked a street", which tanks do too)
        return True
    names = VERB_PARTY_SLOTS if match.entry["type"] != "MOBILIZE" else ("subj", "agent")
    if match.entry["type"] == "MOBILIZE" and any(c.dep_ == "auxpass" for c in token.children):
        names = ("obj", "agent")      # "troops were deployed": the passive subject is the force
    if any(names_persons(head, lexicon) for name, head in slots if name in names):
        return True
    if named_patient(token, slots, lexicon):
        return True
    # a person or group the text named before ("he shot again", "they were arrested") for the
    # concrete acts of violence and coercion (an entry with a mode: firearms, arrest, ...)
    return match.entry.get("mode") is not None and match.entry["type"] in ("ASSAULT", "COERCE") and \
        any(head.lower_ in PERSONAL_PRONOUNS for name, head in slots if name in names)


# Prepositions that put a protest at the time and place of another act ("during a march", "at a rally").
SCENE_OF_ACT_PREPS = rule_words("scene_of_act_preps")


def policed_protest(token, lexicon) -> bool:
    """Whether a protest noun is the scene of what police or troops did ("police detained 200
    people during a demonstration", "officers used pepper spray at a march in Portland"): the
    report of the force used there reports the protest too, done by others than the police. Only
    where the verb's subject is a force of order (@order_forces) and the verb is past; "Trump
    spoke at a rally" or "police will be on duty at the march" report no protest.

    :param token: a noun of the @protest class.
    :param lexicon: the loaded lexicon.
    """
    if token.dep_ != "pobj" or token.head.lower_ not in SCENE_OF_ACT_PREPS or \
            not lexicon.in_class(token.lemma_.lower(), "@protest"):
        return False
    verb = token.head.head
    if verb.pos_ != "VERB" or not (verb.tag_ == "VBD" or any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)):
        return False
    doers = [c for c in verb.children if c.dep_ == "nsubj"] + \
        [a for c in verb.children if c.dep_ == "agent" for a in c.children if a.dep_ == "pobj"]
    return any(lexicon.in_class(d.lemma_.lower(), "@order_forces") for doer in doers for d in _heads(doer))


REPRESSION_VERBS = rule_words("repression_verbs")


def repressed_protest(token) -> bool:
    """Whether a protest noun is what a verb of repression ended, in the past ("troops crushed the
    demonstrations", "the rally was broken up", "fired tear gas to quell the protests"): the protest
    took place, done by others than the force that ended it. A repression asked for or to come
    ("demanded that troops suppress protests") tells no protest.

    :param token: a noun a PROTEST entry matched.
    """
    if token.dep_ not in ("dobj", "nsubjpass") or token.head.lemma_.lower() not in REPRESSION_VERBS:
        return False
    verb = token.head
    if verb.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        verb = verb.head      # the aim of an act: "fired tear gas to quell the protests"
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and (c.lemma_ == "have" or c.tag_ == "VBD")
                                     for c in verb.children)


# Prepositions of time whose passive gerund tells what was done ("after being shot").
TIME_GERUND_PREPS = rule_words("time_gerund_preps")


def passive_gerund_of_time(match) -> bool:
    """Whether a verb of force is a passive gerund under a preposition of time ("returned to work a
    year after being shot", "has been silent since being detained", "before being deployed
    to Iraq"): what was done to the clause's subject, told as the time of something else, and
    reported all the same. Not after other prepositions ("without being arrested", "fear of being
    arrested"), which say it was not or may not be done; not releases ("fixed before being
    released", said of products and of hopes as often as of prisoners).

    :param match: the trigger's :class:`~parley.events.triggers.Match`.
    """
    token = match.token
    if match.entry["type"] not in ("ASSAULT", "COERCE", "MOBILIZE"):
        return False
    return token.dep_ == "pcomp" and token.tag_ == "VBN" and token.head.lower_ in TIME_GERUND_PREPS and any(
        c.dep_ == "auxpass" and c.lower_ == "being" for c in token.children)


def reduced_passive_on_persons(match, lexicon) -> bool:
    """Whether a past participle of coercion modifying a noun of persons is a passive clause
    reduced ("the 40 students arrested at the rally", "five journalists detained in Cairo"):
    English drops "who were" and keeps the report of what was done to them, as "Maria Lopez was
    arrested" does (:func:`named_patient`). Only for counted or definite persons ("people
    detained without charge" are any such people) and for coercion: a killing told so ("the 12
    people killed in the bombing") is the toll of an attack the sentence names, coded by its noun.
    Not a present participle or an infinitive ("protesters demanding", "troops to be sent").

    :param match: the trigger's :class:`~parley.events.triggers.Match`.
    :param lexicon: the loaded lexicon.
    """
    token = match.token
    if match.entry["type"] != "COERCE" or token.dep_ != "acl" or token.tag_ != "VBN" or \
            any(c.dep_ in ("aux", "auxpass") for c in token.children):
        return False
    noun = token.head
    counted = any(c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS)
                  or c.dep_ == "poss" for c in noun.children) or \
        (noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in QUANTITY_NOUNS)
    offices = lexicon.word_set("unnamed_party_nouns") | lexicon.word_set("relation_nouns")
    return (counted and (names_persons(noun, lexicon) or noun.lemma_.lower() in offices)) or (
        noun.pos_ == "PROPN" and noun.ent_type_ in ("", "PERSON"))


def named_patient(token, slots: list, lexicon) -> bool:
    """Whether a verb in the passive with no agent has a person for its subject, named ("Maria
    Lopez was arrested", "Liu and Ramos were shot"), by office ("three opposition leaders have
    been detained") or by relation ("his brother was killed"): news reports what was done to
    someone and often leaves the doer unsaid (the police, the courts, an unknown gunman). Only for
    the ``anonymous_types`` that reach this test.

    :param token: the trigger verb.
    :param slots: ``(slot, head)`` pairs of the trigger (:meth:`ArgumentReader.slots`).
    :param lexicon: the loaded lexicon.
    """
    if not any(c.dep_ == "auxpass" for c in token.children) or any(c.dep_ == "agent" for c in token.children):
        return False
    offices = lexicon.word_set("unnamed_party_nouns") | lexicon.word_set("relation_nouns")
    patients = [word for name, head in slots if name == "obj" and head.head == token for word in _heads(head)]
    # a name no place or body list knows is a person's ("Maria Lopez"; not "Madrid", "the Senate");
    # an office or a relation names one too ("three opposition leaders", "his son")
    return any(word.lemma_.lower() in offices or word.pos_ == "PROPN" and word.ent_type_ in ("", "PERSON")
               for word in patients)


def done_to_what_entry_names(match, lexicon) -> bool:
    """Whether a measure is told in the passive with no agent, of the very thing the entry's
    object constraint names ("military aid was suspended", "the curfew was lifted", "new
    sanctions were imposed"): news leaves the government that took it unsaid, and the act is
    reported all the same. Only for parley's own entries with an object constraint and the
    ``passive_measure_types`` (measures, not words: "a deal was reached" is left out).

    :param match: the trigger's :class:`~parley.events.triggers.Match`.
    :param lexicon: the loaded lexicon.
    """
    token, entry = match.token, match.entry
    if match.kind != "verb" or entry.get("source") == "cameo" or not entry.get("obj") or \
            entry["type"] not in lexicon.word_set("passive_measure_types"):
        return False
    if not any(c.dep_ == "auxpass" for c in token.children) or any(c.dep_ == "agent" for c in token.children):
        return False
    if any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in token.children):
        return False      # "aid is suspended whenever ...": what happens, not a report
    return any(c.dep_ == "nsubjpass" for c in token.children)


def accused_in_passive(match, slots: list, lexicon) -> bool:
    """Whether an accusation is told in the passive with no accuser, of a person ("Smith was
    accused of ...", "two officers were charged with ..."): the charge is reported, though
    news leaves who made it unsaid (the courts, the police, the press)."""
    token = match.token
    if match.entry["type"] != "ACCUSE" or match.kind != "verb" or match.entry.get("mode") != "allege" \
            or not any(c.dep_ == "auxpass" for c in token.children) or any(c.dep_ == "agent" for c in token.children):
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubjpass"]
    return any(names_persons(s, lexicon) or s.pos_ == "PROPN" for s in subjects)   # a name, or persons


def unnamed_party(match, slots: list, lexicon) -> bool:
    """Whether an act's doer is named only by its office or kind ("the ministry summoned the
    ambassador", "a spokesman condemned the attack", "was criticised by officials"): the clause
    subject or passive agent of a verb (or the "by" phrase of a noun) is one of the
    ``unnamed_party_nouns``. The actors stage gives such a phrase no country, so it names no
    actor; the act is still reported. A CAMEO verb without its pattern stays too weak alone.

    :param match: the trigger's :class:`~parley.events.triggers.Match`.
    :param slots: ``(slot, head)`` pairs of the trigger (:meth:`ArgumentReader.slots`).
    :param lexicon: the loaded lexicon.
    """
    if match.entry.get("source") == "cameo" and match.entry.get("bare"):
        return False
    token = match.token
    aspect = token.dep_ == "xcomp" and token.head.lemma_.lower() in lexicon.word_set("aspect_verbs")
    if match.kind != "noun" and not aspect and (any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
                                                or token.dep_ in ("acl", "pcomp", "xcomp", "csubj")):
        return False      # "the union wants to organise a march": an aim, whose doer must be named
    names = ("subj", "agent") if match.kind != "noun" else ("prep:by", "subj")
    nouns = lexicon.word_set("unnamed_party_nouns")
    for name, head in slots:
        if name not in names or (name == "subj" and match.kind == "noun" and not light_verb_subject(token, head)):
            continue
        reporter = _reporter(head) if head.lower_ in PERSONAL_PRONOUNS | {"it", "we"} else None
        head = reporter or head   # "the ministry said it had expelled ...": the speaker
        if head.lemma_.lower() in nouns or head.lower_ in nouns or state_description(head, lexicon):
            return True
        if reporter is None and unknown_doer(match, head, lexicon):
            return True
    return False


def light_verb_subject(noun, head) -> bool:
    """Whether ``head`` is the subject of the verb whose direct object a nominal event is ("he
    announced sanctions", "the ministry renewed its warnings", "they launched an offensive"):
    the verb that takes the act as its object does it, its subject is the act's doer. Not the
    subject of a verb the noun hangs on through a preposition ("he spoke about the sanctions").

    :param noun: the nominal trigger.
    :param head: the head of a subject phrase.
    """
    return noun.dep_ == "dobj" and head.dep_ == "nsubj" and head.head == noun.head and \
        noun.head.lemma_.lower() in SUPPORT_VERBS


def state_description(head, lexicon) -> bool:
    """Whether a phrase names a state or a branch of it by a description ("the kingdom", "the
    socialist state", "the executive branch"): a definite noun of the ``references`` ``state``
    list ("state" itself only as :func:`~parley.events.reference.described_state` allows), or
    "branch" with one of ``state_branches``. Where the text named the state before,
    :class:`~parley.events.reference.Antecedents` resolves the description; alone, it is still
    the state's act, as an unnamed office's is.

    :param head: the head of a subject or agent phrase.
    :param lexicon: the loaded lexicon.
    """
    if head.tag_ not in ("NN", "NNS") or not any(c.dep_ == "det" and c.lower_ in ("the", "this")
                                                  for c in head.children):
        return False
    lemma = head.lemma_.lower()
    if lemma == "branch":
        return any(c.dep_ == "amod" and c.lower_ in STATE_BRANCHES for c in head.children)
    words = (lexicon.governors.get("references") or {}).get("state") or ()
    return lemma in words and (lemma != "state" or described_state(head))


def unknown_doer(match, head, lexicon) -> bool:
    """Whether the trigger's own subject or passive agent is a party the actors stage cannot
    name: a name it does not know ("Cuomo called on ...", "SPJ condemned ...") or a personal
    pronoun with no antecedent in the text ("he threatened to ...", "we sent ... aid"). The
    act is reported by a named doer all the same. Only for parley's own entries (or a CAMEO
    pattern that refines the code of one, "condemned the bombing"): a CAMEO pattern alone is too
    weak without a known party; only for the trigger's own clause
    subject, not one borrowed from a governing verb ("said ..., condemning ..."); and not for
    the ``anonymous_types`` of hard news, whose doers :func:`anonymous_parties` reads ("they
    attacked him in an interview" is no violence).

    :param match: the trigger's :class:`~parley.events.triggers.Match`.
    :param head: the head of its subject or agent phrase.
    :param lexicon: the loaded lexicon.
    """
    if (match.entry.get("source") == "cameo" and match.refines is None) or \
            match.entry["type"] in lexicon.word_set("anonymous_types"):
        return False
    if match.kind == "noun":
        # "he announced tariffs", "she renewed her warnings": the light verb's pronoun subject
        return light_verb_subject(match.token, head) and head.lower_ in PERSONAL_PRONOUNS | {"we"}
    own = head.head == match.token or (head.head.dep_ == "agent" and head.head.head == match.token)
    return own and (head.pos_ == "PROPN" or head.lower_ in PERSONAL_PRONOUNS | {"we"} or (
        indefinite_people(head) and _act_of_unnamed_people(match)))


def _act_of_unnamed_people(match) -> bool:
    """Whether people named by number or part ("thousands", "many", "others") do the trigger's act:
    an accusation, a call or a demand, a defiance or a rejection told as done (``indefinite_doer_types``),
    not a stance or an opinion ("many support the idea", "others oppose it", "some welcomed the news",
    "thousands signed a petition"), nor what they do as a habit in the simple present ("many refuse
    to accept the result")."""
    return match.entry["type"] in INDEFINITE_DOER_TYPES and match.token.tag_ not in ("VBP", "VBZ")


def indefinite_people(head) -> bool:
    """Whether a subject names people by number or part only ("some have accused him", "others
    said", "thousands defied the ban", "thousands of Kurds marched"): a party the sentence does not
    name, whose act is still reported; with an "of" phrase only of a people or a name ("of Kurds"),
    since "hundreds of companies" may be no party at all; not when counted ("three others").

    :param head: the head of the trigger's subject phrase.
    """
    if head.lower_ not in INDEFINITE_PEOPLE or any(c.dep_ == "nummod" for c in head.children):
        return False      # "three others signed": persons counted one by one, no party
    groups = [o for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    return all(o.ent_type_ in ("NORP", "GPE", "ORG") or o.pos_ == "PROPN" for o in groups)


def _reporter(pronoun):
    """The subject of the reporting verb a pronoun's clause is the complement of ("the ministry
    said *it* would ...": the ministry), or None."""
    clause = pronoun.head
    while clause.dep_ in ("conj", "xcomp") and clause.head != clause:
        clause = clause.head
    if clause.dep_ != "ccomp":
        return None
    return next((c for c in clause.head.children if c.dep_ == "nsubj"), None)


def tally(verb) -> bool:
    """Whether a present-perfect clause counts over a period ("28 people have been killed this
    year", "... so far", "... since 2011"), or a clause of any tense counts by a rate ("thousands
    are killed each year", "were killed every day", "per week", "die annually"): a statistic, not
    the report of one event."""
    if any(c.dep_ == "npadvmod" and c.lemma_.lower() in RATE_UNITS and _rate_determined(c, verb) or
           c.dep_ == "advmod" and c.lower_ in RATE_ADVERBS or
           c.dep_ == "prep" and c.lower_ in RATE_PREPS and any(
               p.dep_ == "pobj" and p.lemma_.lower() in RATE_UNITS for p in c.children)
           for c in verb.children):
        return True       # ("per week" is a preposition and its object: "are killed per week")
    if not any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in verb.children):
        return False
    for child in verb.children:
        words = {t.lower_ for t in child.subtree}
        if child.dep_ == "npadvmod" and "this" in words or child.dep_ == "advmod" and words >= {"so", "far"} \
                or child.dep_ == "prep" and child.lower_ == "since":
            return True
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in child.children):
            return True   # "... have killed 35,000 since the insurgency began"
    return False


def _rate_determined(unit, verb) -> bool:
    """Whether a unit of time counts a rate by its determiner: "each year", "every day" anywhere,
    "a year" after the verb ("kill 30,000 a year"); "a day after the attack" measures a distance in
    time. ("per week" is a prepositional phrase, read by :func:`tally`.)"""
    determiners = [d.lower_ for d in unit.children if d.dep_ == "det"]
    return any(d in RATE_DETERMINERS and (d != "a" or unit.i > verb.i) for d in determiners)


def natural_cause(match, slots: list, lexicon) -> bool:
    """Whether the deaths an ASSAULT trigger reports have a cause that is no one's act: its
    subject, agent or cause phrase is a storm, a disease, a crash ("the hurricane killed 30",
    "were killed in a car crash")."""
    if match.entry["type"] != "ASSAULT":
        return False
    if match.kind == "noun" and match.entry.get("mode") == "explosives" and any(
            c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in lexicon.word_set("accidental_blast_sources")
            for c in match.token.children):
        return True       # "a gas explosion", "a boiler blast": an accident
    causes = lexicon.word_set("natural_causes")
    summary = lexicon.word_set("summary_causes")
    if match.kind == "verb" and any(name in ("subj", "prep:in") and head.lemma_.lower() in summary
                                    for name, head in slots):
        return True       # "the war killed thousands", "thousands were killed in the war": a whole conflict's toll
    if match.kind == "verb" and match.token.lemma_.lower() in lexicon.word_set("casualty_verbs") and tally(match.token):
        return True       # "Boko Haram has killed 35,000 people since 2009": a statistic over a period
    for name, head in slots:
        if name in ("subj", "agent") or (name.startswith("prep:") and name[5:] in DEATH_CAUSE_PREPS):
            if head.lower_ in ("which", "that") and head.head.dep_ == "relcl":
                head = head.head.head      # "Hurricane Katrina, which killed 1,833"
            names = [h for h in (head, *head.conjuncts)]
            names += [c for h in names for c in h.children if c.dep_ == "compound"]   # "Hurricane Katrina"
            if any(h.lemma_.lower() in causes for h in names):
                return True
    return False


def abstract_target(match, slots: list, lexicon) -> bool:
    """Whether an ASSAULT verb fights an abstraction ("efforts to fight terrorism", "battle
    corruption", "attack the problem"): a policy or a figure of speech, not violence."""
    if match.entry["type"] != "ASSAULT" or match.kind != "verb":
        return False
    abstract = lexicon.word_set("abstract_targets")
    return any(head.lemma_.lower() in abstract for name, head in slots if name in ("obj", "prep:against"))


def owned_act(token) -> bool:
    """Whether a nominal event is the act a party claims, takes or assumes responsibility for
    ("claimed responsibility for the bombing"): the doer's own word that the act took place."""
    responsibility = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "for" else None
    return responsibility is not None and responsibility.lemma_.lower() in RESPONSIBILITY_WORDS and \
        responsibility.dep_ == "dobj" and responsibility.head.lemma_.lower() in OWNING_VERBS


def named_not_reported(match, lexicon) -> bool:
    """Whether a nominal event is named, not reported: the predicate of a copula ("has become
    a threat", "this was an attack on ...", "imports constitute a threat": a characterization),
    the act a response answers ("in response to the test"), or the "of" object of a noun
    of place or aftermath ("at the scene of a shooting", "victims of the attack")."""
    token = match.token
    if match.kind != "noun":
        return False
    if assault_told_with_toll(match, lexicon):
        return False      # "responsible for a bombing that killed 14", "what he calls an attack that killed 40"
    if match.entry["type"] in CONFLICT_TYPES and (
            token.dep_ in ("attr", "oprd") and not existential(token) or
            (token.dep_ == "dobj" and token.head.lemma_.lower() in CHARACTERIZING_VERBS)):
        return True       # (a verdict as predicate, "called it a surprise", is an act of its speaker)
    if token.dep_ == "pobj" and token.head.lower_ == "for" and \
            token.head.head.lemma_.lower() in RESPONSIBILITY_WORDS and not owned_act(token):
        return True       # "those responsible for the attacks": an event known, whose doer is sought
    if token.dep_ == "dobj" and token.head.lemma_.lower() in CITING_VERBS:
        return True       # "citing domestic opposition", "cited growing clashes": a reason named
    if token.dep_ == "pobj" and token.head.lower_ in BACKGROUND_PREPS and match.entry["type"] in CONFLICT_TYPES:
        return True       # "following the invasion of X", "since last month's attack": the time of another report
    if token.dep_ == "pobj" and token.head.lower_ in ("to", "for") and match.entry["type"] in CONFLICT_TYPES \
            and lexicon.in_class(token.head.head.lemma_.lower(), "@retaliation"):
        return True       # "in response to the missile test", "in retaliation for the raid": the cause, told before
    if token.dep_ == "pobj" and token.head.lower_ in ("in", "of") and \
            token.head.head.lemma_.lower() in lexicon.word_set("trend_nouns"):
        return True       # "a sharp increase in arrests", "a drop in attacks": a statistic
    if match.entry["type"] in CONFLICT_TYPES and _topic_named(token, lexicon):
        return True       # "knew of the attack", "a hearing on the bombing", "the bombing inquiry"
                          # (talks one tells of are still talks held: meetings are left alone)
    return token.dep_ == "pobj" and token.head.lower_ == "of" and \
        token.head.head.lemma_.lower() in lexicon.word_set("setting_nouns")


def _topic_named(token, lexicon) -> bool:
    """Whether an event noun is the topic of a word of telling, learning or examining: the
    "of/on/about/into/over" object of one ("told the BBC of the raid", "a hearing on the
    bombing"), also when the parser hangs it on the one told ("informed the court's clerk of the
    arrest"), or a modifier of such a noun ("the bombing inquiry"). Hung on the one told, an act
    told with its own count, place or date ("told reporters of the arrest of four men in Lyon on
    Friday") is the news the telling brings, and stays (:func:`told_with_participants`)."""
    topic_words = lexicon.word_set("topic_words")
    if token.dep_ == "pobj" and token.head.lower_ in lexicon.word_set("topic_preps"):
        told = token.head.head
        if told.dep_ == "dobj" and told.head.lemma_.lower() == "tell" and token.head.lower_ in ("of", "about"):
            return not told_with_participants(token)   # the parser hangs the topic on the one told
        return told.lemma_.lower() in topic_words
    return token.dep_ == "compound" and token.head.pos_ == "NOUN" and token.head.lemma_.lower() in topic_words


def generic_when(clause) -> bool:
    """Whether a clause is a generic "when" in the present ("when your army is killing
    children, ..."): a condition that holds in general, not a report. A past "when" clause
    ("when a gunman shot two officers") still dates a real event."""
    if clause.dep_ != "advcl" or not any(c.dep_ == "advmod" and c.lower_ in ("when", "whenever")
                                         for c in clause.children):
        return False
    auxiliaries = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    tags = [clause.tag_] + [a.tag_ for a in auxiliaries]
    return any(t in ("VBZ", "VBP") for t in tags) and not any(t in ("VBD", "MD") for t in tags)


# Conjunctions of a time clause: in the simple present under a modal or future clause it states
# when something would happen ("will leave once the rebels agree"), not what has happened.
# ("as" is left out: it more often marks manner or cause, "as she has done before")
TIME_CLAUSE_MARKS = rule_words("time_clause_marks")


def future_time_clause(clause, lexicon) -> bool:
    """Whether a clause is a time clause in the simple present under a clause with a modal or
    future auxiliary ("troops would leave after the rebels agree to a truce", "the embargo
    will stay until Iran releases the crew"): English puts a future act in the present there;
    the act has not happened. A past time clause ("left after the rebels agreed") still reports."""
    if clause.dep_ != "advcl" or not any(c.dep_ in ("mark", "advmod") and c.lower_ in TIME_CLAUSE_MARKS
                                         for c in clause.children):
        return False
    auxiliaries = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    tags = [clause.tag_] + [a.tag_ for a in auxiliaries]
    if not any(t in ("VBZ", "VBP") for t in tags) or any(t in ("VBD", "MD") for t in tags):
        return False
    modal = lexicon.word_set("future_aux") | lexicon.word_set("hypothetical_aux") | lexicon.word_set("demand_aux")
    return any(c.dep_ == "aux" and c.lower_ in modal for c in clause.head.children)


def press_only(recipients: list[dict]) -> bool:
    """Whether a meeting's only counterpart is the press ("spoke to reporters"), which makes it
    a public statement (CAMEO 01), no consultation."""
    return bool(recipients) and all(m.get("sector") in ("JRN", "MED") or m.get("cameo") == "MED"
                                    for m in recipients)


def press_event(token) -> bool:
    """Whether a nominal meeting is one held for the press ("a news conference", "a press
    briefing"): a public statement (CAMEO 01), no consultation."""
    return any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ in PRESS_WORDS for c in token.children)


def publication(match, lexicon) -> bool:
    """Whether a release is of a text or a record, not of persons ("released a statement",
    "in a video released by the group", "the figures released on Monday")."""
    if match.entry.get("mode") != "release" and match.token.lemma_.lower() != "release":
        return False
    token = match.token
    # (a text as the active subject is a participle misparsed: "polls released this week show")
    things = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
    if token.dep_ in ("acl", "amod", "relcl"):
        things.append(token.head)
    parts = through_partitive(things, lexicon)      # "released a first tranche of documents"
    # funds released ("released a $1 billion tranche"): the entry named money, so only what the
    # money word is a part of can be a text
    things = parts if match.entry["type"] == "AID" else things + parts
    nouns = lexicon.word_set("publication_nouns")
    return any(t.lemma_.lower() in nouns for thing in things for t in (thing, *thing.conjuncts))


def implicit_objects(verb, objects: list) -> list:
    """What a verb acts on when its object is not its own child: the passive subject of the
    verb it is coordinated with ("strikes were ordered but were halted"), the subject the parser
    gives its infinitive clause ("allowed inspectors to visit"), or the noun a relative clause
    modifies ("the sanctions that Washington will roll out")."""
    found = []
    if any(c.dep_ == "auxpass" for c in verb.children) and not any(o.dep_ == "nsubjpass" for o in objects):
        head = verb
        while head.dep_ == "conj" and head.head != head:
            head = head.head
            found += [c for c in head.children if c.dep_ == "nsubjpass"]
    if not any(o.dep_ == "dobj" for o in objects):
        # "allowed inspectors to visit": the parser makes the verb's object the subject of its
        # infinitive clause; in English "V NP to VP" the NP is V's object
        found += [s for c in verb.children if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ == "to"
                                                                          for a in c.children)
                  for s in c.children if s.dep_ == "nsubj"]
    clause = verb
    while clause.dep_ == "xcomp" and clause.head != clause:
        clause = clause.head
    relative = ("that", "which", "who", "whom")
    if clause.dep_ == "relcl" and clause.head.pos_ in ("NOUN", "PROPN"):
        direct = [o for o in objects if o.dep_ == "dobj"]
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        # the noun is the clause's object when the relative pronoun is, or when the clause
        # has a subject of its own ("the sanctions Washington imposed"), not when it is the subject
        if (direct and all(o.lower_ in relative for o in direct)) or \
                (not direct and subjects and all(c.lower_ not in relative for c in subjects)):
            found.append(clause.head)
    return found


def not_until(token, chain) -> bool:
    """Whether a negated clause is bounded by "until" ("did not launch an inquiry until May",
    "was not released until Friday"): English asserts the act, at that time."""
    for verb in (token, *chain):
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("until", "till"):
                return True
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("until", "till")
                                             for m in child.children):
                return True
    return False


def compelled(token, lexicon) -> bool:
    """Whether a verb says its subject was made to do something ("would be forced to
    retaliate", "was compelled to withdraw"): the complement is the subject's own act, the
    passive verb no coercion the sentence reports."""
    return token.lemma_.lower() in lexicon.word_set("necessity_verbs") and \
        any(c.dep_ == "auxpass" for c in token.children) and any(c.dep_ == "xcomp" for c in token.children)


def toll_of(match, at: dict, lexicon) -> bool:
    """Whether a casualty verb reports the toll of an attack its own clause names ("ten people
    were killed after a student opened fire"): the attack is the event, coded once."""
    token = match.token
    if match.entry["type"] != "ASSAULT" or token.lemma_.lower() not in lexicon.word_set("casualty_verbs") \
            or match.kind != "verb":
        return False
    for child in token.children:
        if child.dep_ == "advcl" and child.i in at and not at[child.i].hidden \
                and at[child.i].entry["type"] == "ASSAULT":
            return True
        if child.dep_ == "nsubj" and child.i in at and at[child.i].kind == "noun" and not at[child.i].hidden \
                and at[child.i].entry["type"] == "ASSAULT":
            return True   # "clashes killed twelve": the clashes are the event, the deaths their toll
    if token.dep_ == "acl" and token.head.i in at and not at[token.head.i].hidden \
            and at[token.head.i].entry["type"] == "ASSAULT":
        return True       # "an attack killing twelve", or the same sentence parsed as a headline
    # "the ambush left three dead and four wounded": the wounded are the toll of the act that left them
    carrier = token
    for _ in range(3):
        if carrier.dep_ not in ("conj", "oprd", "advcl") or carrier.head == carrier:
            break
        carrier = carrier.head
        if carrier.lemma_.lower() in lexicon.word_set("casualty_verbs") and any(
                c.dep_ == "nsubj" and c.i in at and at[c.i].kind == "noun" and at[c.i].entry["type"] == "ASSAULT"
                for c in carrier.children):
            return True
    # "two air raids in which 20 people were killed": the relative clause is the raids' toll
    clause = token
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in lexicon.word_set("report_verbs"):
        clause = clause.head      # "raids in which it said 20 were killed"
    antecedent = clause.head if clause.dep_ == "relcl" else None
    if antecedent is not None and antecedent.i not in at:
        # "an attack on Douma on May 2 that killed 40": the clause hung on the attack's date
        antecedent = relative_antecedent(antecedent)
        if not tells_its_toll(antecedent, lexicon):
            return False
    return antecedent is not None and antecedent.i in at and at[antecedent.i].entry["type"] == "ASSAULT"


def _unconventional_weapon(token, slots: list, lexicon) -> bool:
    """Whether an act of violence is done with chemical, biological or radiological weapons:
    named in the trigger's modifiers ("a sarin attack", "chemical strikes"), its instrument
    ("attacked with chlorine", "an attack using nerve agents") or its object or subject
    ("used chemical weapons", "a chemical weapons attack killed"); not in its target ("an
    attack on a chemical plant")."""
    weapons = lexicon.word_set("unconventional_weapons")
    heads = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod")]
    for name, head in slots:
        if name in ("prep:with", "prep:using") or (name == "obj" and token.lemma_.lower() in WEAPON_VERBS) or (
                name == "subj" and (token.pos_ != "VERB" or head.lemma_.lower() in INSTRUMENT_SUBJECTS)):
            heads.append(head)
    heads += [c for c in token.children if c.dep_ in ("advcl", "acl") and c.lemma_.lower() == "use"
              for c in c.children if c.dep_ == "dobj"]
    if token.dep_ == "relcl" and relative_pronoun_subject(token):
        # "an attack with sarin that killed 1,400": the weapon is the antecedent's
        antecedent = relative_antecedent(token.head)
        heads += [c for c in antecedent.children if c.dep_ in ("compound", "amod", "nmod")]
        heads += [c for c in antecedent.children if c.dep_ == "prep" and c.lower_ in INSTRUMENT_PREPS]
    return any(t.lemma_.lower() in weapons for head in heads for t in head.subtree)


SETTING_ENTITIES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})
TIME_WORDS = rule_words("time_words")


def relative_antecedent(noun):
    """The noun a relative clause describes when the parser hangs it on the date or place that
    closes that noun's phrase ("a gas attack on Douma on March 3 that killed 40"): a date or a
    place does no act, so the clause belongs to the noun the date's or place's phrase qualifies
    (the nearest object of the verb it hangs on, when the parser hangs it there). The weapon of an
    attack is read through it (:func:`_unconventional_weapon`).

    :param noun: the token the parser gives the relative clause as its head.
    """
    for _ in range(4):
        if noun.dep_ != "pobj" or not (noun.ent_type_ in SETTING_ENTITIES or noun.like_num or
                                       noun.pos_ == "PROPN" or noun.lower_ in TIME_WORDS):
            return noun
        head = noun.head.head
        if head.pos_ == "VERB":
            objects = [c for c in head.children if c.dep_ in ("dobj", "oprd") and c.i < noun.i]
            if not objects:
                return noun
            head = objects[-1]      # the nearest: "calls what ... a chemical attack on May 2 that"
        noun = head
    return noun


INDEFINITE_ARTICLES = rule_words("indefinite_articles")


def relative_pronoun_subject(clause) -> bool:
    """Whether a relative clause's subject is its relative pronoun ("an attack that killed 40",
    "raids which hit the town"): the clause tells of its antecedent's own act."""
    return any(c.dep_ == "nsubj" and (c.tag_ == "WDT" or c.lower_ == "that") for c in clause.children)


def assault_told_with_toll(match, lexicon) -> bool:
    """Whether a match is an attack told with its casualties by a relative clause of its own
    (:func:`tells_its_toll`: "a bombing that killed 14"), which asserts that it took place."""
    return match.entry["type"] == "ASSAULT" and tells_its_toll(match.token, lexicon)


def tells_its_toll(noun, lexicon) -> bool:
    """Whether an indefinite nominal attack is told with its casualties by a relative clause of
    its own, in the past ("after a shooting spree that left six people dead", "blamed for a
    bombing that killed 14"): the clause asserts that the attack took place, whatever phrase the
    noun sits in. A definite noun ("the raid that killed him") names an attack already known.

    :param noun: a nominal trigger.
    :param lexicon: the loaded lexicon.
    """
    if not any(c.dep_ == "det" and c.lower_ in INDEFINITE_ARTICLES for c in noun.children):
        return False
    casualty = lexicon.word_set("casualty_verbs")
    for clause in noun.sent:
        if clause.dep_ != "relcl" or clause.i < noun.i or clause.tag_ != "VBD" \
                or clause.lemma_.lower() not in casualty or any(c.dep_ == "neg" for c in clause.children):
            continue
        if relative_pronoun_subject(clause) and any(c.dep_ in ("dobj", "oprd") for c in clause.children) and \
                relative_antecedent(clause.head) == noun:
            return True
    return False


UNDERGOER_PREPS = rule_words("undergoer_preps")


def told_with_participants(noun) -> bool:
    """Whether a nominal event carries what makes it a report of its own rather than a name for a
    known event: a count of those it was done to ("the killing of three aid workers", "the release
    of 50 prisoners"), the named country or place where it happened, after a preposition of place
    ("in South Sudan", "near Kabul"), or its date ("on Monday"). "The Iraq war", "the killing of
    Khashoggi" name an event the reader knows; so does an act named by the country it was done to
    ("the invasion of Iraq", "the occupation of the West Bank"): "of" gives the undergoer, not a place."""
    return any(prep.dep_ == "prep" and _place_phrase(prep) for prep in noun.children) or told_with_count_or_date(noun)


def told_with_count_or_date(noun) -> bool:
    """Whether a nominal event carries a count of those it was done to ("the release of 40
    prisoners") or its date ("on Monday"): of :func:`told_with_participants`, the parts a
    backdrop or a known cause may carry too ("amid the clashes between two militias in the valley")."""
    for prep in noun.children:
        if prep.dep_ != "prep":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            if prep.lower_ in UNDERGOER_PREPS and any(c.dep_ == "nummod" for c in obj.children):
                return True
            if obj.ent_type_ in ("DATE", "TIME"):
                return True
    return False


VERBAL_ATTACK_WORDS = rule_words("verbal_attack_words")
SPEAKING_PERSON_SECTORS = rule_words("speaking_person_sectors")
SPEAKING_BODY_SECTORS = rule_words("speaking_body_sectors")
ATTACK_TARGET_PREPS = rule_words("attack_target_preps")


def _speaking_party(mention: dict) -> bool:
    """Whether a party acts by speech: a person of office, party, court or press, or a party,
    legislature or press body (not a state, its executive, forces, police or armed group)."""
    if mention.get("type") == "person":
        return mention.get("sector") in SPEAKING_PERSON_SECTORS
    return mention.get("type") != "state" and mention.get("sector") in SPEAKING_BODY_SECTORS


def _speaking_person(mention: dict) -> bool:
    """Whether a party is a person who acts by speech: of a speaking sector (office, party, court,
    press); a person of no known sector may as well be a brawler."""
    return mention.get("type") == "person" and mention.get("sector") in SPEAKING_PERSON_SECTORS


def verbal_attack(match, actors: list[dict], recipients: list[dict], lexicon) -> str | None:
    """How to read an attack, a fight or a clash among parties who act by speech: "criticism"
    when it is aimed at such parties only ("the senator attacked the governor's plan", "Trump's
    attacks on the press"; CAMEO 111) or is between them ("the two candidates clashed"), "none"
    when it is aimed at nothing ("Trump's attacks", "he will attack back": a criticism of no one
    is no event), None when force may be meant (a state, forces or armed group takes part, or an
    unnamed target is aimed at: "Obama's attack on the air base"). Also "criticism" for an attack
    told with its reason (:func:`reasoned_attack`) and for a person named by name attacked by a
    person who speaks ("the senator attacked Jane Doe").

    :param match: an ASSAULT trigger's :class:`~parley.events.triggers.Match`.
    :param actors: its actor mentions.
    :param recipients: its recipient mentions.
    :param lexicon: the loaded lexicon.
    """
    token = match.token
    if reasoned_attack(match, actors, recipients, lexicon):
        return "criticism"
    if token.lemma_.lower() not in VERBAL_ATTACK_WORDS or not actors:
        return None
    targets = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")] + \
        [o for c in token.children if c.dep_ == "prep" and c.lower_ in ATTACK_TARGET_PREPS for o in c.children]
    if targets and all(t.ent_type_ == "PERSON" for t in targets) and all(_speaking_person(m) for m in actors) \
            and _told_without_force(token):
        return "criticism"    # "the senator attacked Jane Doe": a person by name, by one who speaks
    if not all(_speaking_party(m) for m in actors):
        return None
    if recipients:
        return "criticism" if all(_speaking_party(m) for m in recipients) else None
    if targets:
        return None
    # "Johnson and Hunt clashed over the envoy": each criticises the other
    return "criticism" if len(actors) > 1 else "none"


def reasoned_attack(match, actors: list[dict], recipients: list[dict], lexicon) -> bool:
    """Whether an attack is one in words told with its reason: a verb of attack (or "came under
    fire") with a reason phrase ("over its budget", "for saying ...", "on moral grounds"), aimed at
    a person or a party that speaks or governs, by a doer who acts by speech (a speaking sector, or
    any unarmed party when the reason is what the target said or did: "for its pension reform") or
    is a person's name the actors stage does not know, and told with no weapon ("with") and no one
    hurt. Force is used for reasons too, but by states, forces and armed groups, on places and
    people hurt: any of those keeps the attack force. "Came under fire" is criticism only of a
    person or a party that speaks, for its words or deeds, and not from armed men.

    :param match: an ASSAULT trigger's :class:`~parley.events.triggers.Match`.
    :param actors: its actor mentions.
    :param recipients: its recipient mentions.
    :param lexicon: the loaded lexicon (``duration_nouns``, ``armed_sectors``).
    """
    token = match.token
    lemma = token.lemma_.lower()
    drawn = lemma == "come" and any(
        c.dep_ == "prep" and c.lower_ == "under" and any(o.lower_ == "fire" for o in c.children)
        for c in token.children)
    if lemma not in VERBAL_ATTACK_WORDS and not drawn:
        return False
    if not _reason_phrase(token, lexicon) or not _told_without_force(token):
        return False
    forceful = forceful_sectors(lexicon)
    if any(m.get("sector") in forceful for m in (*actors, *recipients)):
        return False
    if drawn:
        return _fire_drawn_by_words(token, recipients, lexicon)
    # its objects only: "on" here brings the grounds ("attacked him on moral grounds"), not a target
    # as in verbal_attack ("attacks on the press")
    targets = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if actors:
        # parties that speak; a state may attack with its forces, unless what it attacks is a text,
        # a decision or a stance ("the treaty was attacked by Iran for its limits"); other unarmed
        # parties (farmers, villagers) attack in words only for what the target said or did
        texts = targets and all(lexicon.in_class(t.lemma_.lower(), "@criticizable") for t in targets)
        speakers = all(_speaking_party(m) or m.get("type") == "state" and texts for m in actors)
        blaming_deeds = not any(m.get("type") == "state" for m in actors) and \
            _reason_phrase(token, lexicon, verbal=True)
        if not (speakers or blaming_deeds):
            return False
    else:
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.ent_type_ != "PERSON":
            return False
    return bool(recipients) or any(
        t.ent_type_ in ("PERSON", "ORG", "NORP") or lexicon.in_class(t.lemma_.lower(), "@criticizable")
        for t in targets)


def _fire_drawn_by_words(token, recipients: list[dict], lexicon) -> bool:
    """Whether "came under fire" tells of criticism: its subject a party that can be blamed (a
    person by name, a named state, government or body, or an office or body named by its noun
    alone: "the minister", "the government"; not troops, police or gunmen), its reason what was
    said or done ("for his remarks", "over its arms sales", "for failing to ..."), and no armed
    party named in its "from" phrase ("came under fire from gunmen" is shooting). The caller has
    already set aside armed, police and criminal parties among the named ones.

    :param token: the verb "come".
    :param recipients: its recipient mentions (the subject's parties).
    :param lexicon: the loaded lexicon.
    """
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None or not (subject.ent_type_ == "PERSON" or recipients or _unarmed_office(subject, lexicon)):
        return False
    sources = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "from"
               for o in c.children if o.dep_ == "pobj"]
    if any(_armed_noun(o, lexicon) for o in sources):
        return False
    return _reason_phrase(token, lexicon, verbal=True)


def _armed_noun(noun, lexicon) -> bool:
    """Whether a noun names those who bear arms: forces, police or security, or culprits."""
    lemma = noun.lemma_.lower()
    return any(lexicon.in_class(lemma, spec) for spec in ("@forces", "@order_forces", "@culprit"))


def addressed(token, lexicon) -> bool:
    """Whether an offer names the one it is made to: a "to", "with" or "between" phrase with its
    object on the verb or on its direct object ("proposed a deal to the nurses", "proposed a pact
    with Seoul", "a truce between the two armies"; ``addressee_preps``).

    :param token: the verb of offering.
    :param lexicon: the loaded lexicon.
    """
    preps = lexicon.word_set("addressee_preps")
    heads = [token, *(c for c in token.children if c.dep_ == "dobj")]
    return any(c.dep_ == "prep" and c.lower_ in preps and any(o.dep_ == "pobj" for o in c.children)
               for head in heads for c in head.children)


def official_doer(slots: list, actors: list[dict], lexicon) -> bool:
    """Whether the doer of an act of a state's power (a fine) holds that power: a state, an
    international body, a party of government, court or legislature (``official_sectors``), or an
    office named by its noun as subject or passive agent ("regulators", "the judge", "the watchdog"),
    not one that bears arms: police at the roadside fine as a routine, a referee or a league in sport.

    :param slots: ``(slot, head)`` pairs of the trigger (:meth:`ArgumentReader.slots`).
    :param actors: its actor mentions.
    :param lexicon: the loaded lexicon.
    """
    official = lexicon.word_set("official_sectors")
    if any(m.get("type") in ("state", "igo") or m.get("sector") in official for m in actors):
        return True
    return any(name in ("subj", "agent") and _unarmed_office(head, lexicon) for name, head in slots)


def _unarmed_office(noun, lexicon) -> bool:
    """Whether a noun names a party by its office or kind ("the minister", "the ministry") and not
    one that bears arms ("the army", "police")."""
    return noun.lemma_.lower() in lexicon.word_set("unnamed_party_nouns") and not _armed_noun(noun, lexicon)


def _told_without_force(token) -> bool:
    """Whether an attack is told with no weapon ("with a machete") and no one hurt in its sentence
    (a verb of harm: "leaving him wounded", "stabbed him"): what words can be blamed for."""
    return not any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children) and \
        not any(t.lemma_.lower() in HARM_VERBS for t in token.sent)


def forceful_sectors(lexicon) -> frozenset[str]:
    """The actor sectors whose attacks are force: the armed ones, the police and criminals.

    :param lexicon: the loaded lexicon (``armed_sectors``).
    """
    return lexicon.word_set_with("armed_sectors", FORCE_USING_SECTORS)


def _reason_phrase(token, lexicon, verbal: bool = False) -> bool:
    """Whether a verb carries a reason: "over" or "for" a deed, words or a stance (not a place, a
    span of time or an amount: "for hours", "for the second time", "for much of the night", "over
    the border"), or "on ... grounds". With ``verbal``, only what a party said or did: a clause
    ("for saying ..."), a noun with its owner ("for his remarks") or a text or a stance ("over the
    bill").

    :param token: the attack verb.
    :param lexicon: the loaded lexicon.
    :param verbal: whether the reason must be a party's words or deeds.
    """
    for prep in token.children:
        if prep.dep_ != "prep":
            continue
        objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        if prep.lower_ in REASON_PREPS and any(
                o.dep_ == "pcomp" or (not _span_or_place(o, lexicon) and (not verbal or any(
                    c.dep_ == "poss" for c in o.children) or lexicon.in_class(o.lemma_.lower(), "@criticizable")))
                for o in objects):
            return True
        if prep.lower_ == "on" and any(o.lemma_.lower() in GROUNDS_NOUNS for o in objects):
            return True
    return False


def _span_or_place(noun, lexicon) -> bool:
    """Whether a preposition's object names a place, a date, an amount or a span of time ("three
    days", "the second time", "much of the night", "a stretch of road"), not a reason."""
    spans = lexicon.word_set_with("duration_nouns", SPAN_NOUNS)
    parts = [noun] + [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                      for o in c.children if o.dep_ == "pobj"]
    return noun.ent_type_ in PLACE_OR_AMOUNT_ENTITIES or any(p.lemma_.lower() in spans for p in parts) or \
        any(c.ent_type_ == "ORDINAL" for c in noun.children)


REASON_PREPS = rule_words("reason_preps")
GROUNDS_NOUNS = rule_words("grounds_nouns")
HARM_VERBS = rule_words("harm_verbs")
FORCE_USING_SECTORS = rule_words("force_using_sectors")
INDEFINITE_PEOPLE = rule_words("indefinite_people")
SPAN_NOUNS = rule_words("span_nouns")
INDEFINITE_DOER_TYPES = rule_words("indefinite_doer_types")
PLACE_OR_AMOUNT_ENTITIES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT"})


HELD_GROUND_NOUNS = rule_words("held_ground_nouns")
STANCE_PREPS = rule_words("stance_preps")
GROUND_PLACE_PREPS = rule_words("ground_place_preps")


def attacked_held_ground(match, actors: list[dict], recipients: list[dict], lexicon) -> bool:
    """Whether an attack read as criticism of a stance is aimed at ground held by force: "positions"
    (no question they are a stance on) whose holders, the attack's recipients, are all armed groups
    or forces ("Israel attacked Hezbollah positions", "the US attacked Islamic State positions near
    Mosul"), or that an armed group or force attacks ("Hezbollah attacked Israeli positions"): CAMEO
    190, unless the attacker acts by speech alone. "Attacked the party's position on taxes" stays
    criticism."""
    token = match.token
    if token.lemma_.lower() not in VERBAL_ATTACK_WORDS or (actors and all(_speaking_party(m) for m in actors)):
        return False
    grounds = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in HELD_GROUND_NOUNS]
    if not grounds or any(p.dep_ == "prep" and p.lower_ in STANCE_PREPS for g in grounds for p in g.children):
        return False
    armed = lexicon.word_set("armed_sectors")
    if any(parties and all(m.get("sector") in armed for m in parties) for parties in (recipients, actors)):
        return True
    # a state's attack on positions (plural: stances are held one at a time) placed in a country or a
    # region ("attacked US positions in Iraq")
    return bool(actors) and all(m.get("type") == "state" for m in actors) and any(g.tag_ == "NNS" for g in grounds) \
        and any(_place_phrase(p) for g in (*grounds, token) for p in g.children if p.dep_ == "prep")


def _place_phrase(prep) -> bool:
    """Whether a preposition places something in a country, region or site named ("in Iraq", "near
    Donetsk")."""
    return prep.lower_ in GROUND_PLACE_PREPS and any(
        o.dep_ == "pobj" and o.ent_type_ in ("GPE", "LOC", "FAC") for o in prep.children)


def unconventional_code(cameo: str, match, slots: list, actors: list[dict], recipients: list[dict],
                        lexicon) -> str:
    """The CAMEO code of an act of violence by who does it (CAMEO 1.1b3: FIGHT 19 is conventional
    force "typically by organized armed groups", ASSAULT 18 unconventional violence).

    A generic 19 code (``conventional_force_codes``) stays when a state or its forces act
    ("Turkey attacked", "soldiers opened fire"), when an armed group acts on an armed party or on
    no named one ("rebels attacked an army post"), or when the words name combat or military
    weapons ("clashes", "rockets were fired"); otherwise it is 18: a gunman's shooting, a
    militant group's killing of journalists, an attack no one is named for ("were killed in the
    shooting"). Killing verbs take 1823 (kill by physical assault), other acts 180.

    :param cameo: the event's CAMEO code.
    :param match: the trigger's :class:`~parley.events.triggers.Match`.
    :param slots: ``(slot, head)`` pairs of the trigger.
    :param actors: the event's actor mentions; ``recipients``: its recipient mentions.
    :param lexicon: the loaded lexicon.
    """
    token = match.token
    if cameo[:2] in ("18", "19") and _unconventional_weapon(token, slots, lexicon):
        return "2041"
    if cameo not in lexicon.word_set("conventional_force_codes"):
        return cameo
    combat = lexicon.word_set("combat_words") | lexicon.word_set("military_weapons")
    words = {token.lemma_.lower()} | {t.lemma_.lower() for _, head in slots for t in head.subtree}
    words |= {t.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod", "nsubj", "dobj")
              for t in c.subtree}
    # two-word weapons ("air strikes", "drone strike"): a noun with its compound modifier
    tokens = [token] + [t for _, head in slots for t in head.subtree]
    words |= {f"{c.lemma_.lower()} {t.lemma_.lower()}" for t in tokens for c in t.children if c.dep_ == "compound"}
    if words & combat:
        return cameo

    def sectors(mention: dict) -> set[str]:
        code = mention.get("cameo") or ""
        found = {mention.get("sector") or ""}
        found |= {code[i:i + 3] for i in range(0, len(code), 3)}
        return found - {""}

    state, armed = lexicon.word_set("state_sectors"), lexicon.word_set("armed_sectors")
    unconventional = "1823" if token.lemma_.lower() in lexicon.word_set("killing_verbs") else "180"
    police = lexicon.word_set("police_sectors")
    if actors and all(sectors(m) & police and not sectors(m) & armed for m in actors) \
            and not any(sectors(m) & (armed | state) for m in recipients):
        return unconventional     # police shooting persons ("police shot dead a protester"): no war
    subject = next((head for name, head in slots if name == "subj"), None)
    if subject is not None and subject.lower_ in PERSONAL_PRONOUNS | {"it", "we"}:
        reporter = _reporter(subject)       # "the army said it had killed ...": the army's act
        if reporter is not None and lexicon.in_class(reporter.lemma_.lower(), "@forces"):
            return cameo
    if any(name in ("subj", "agent") and lexicon.in_class(head.lemma_.lower(), "@forces") for name, head in slots):
        return cameo      # "forces attacked ...", "troops opened fire": a military subject, named or not

    def lone(mention: dict) -> bool:
        # one unidentified armed person ("a gunman", "an attacker": UAF) is no organised armed group
        start, end = mention.get("char_start", -1), mention.get("char_end", -1)
        return sectors(mention) == {"UAF"} and any(start <= head.idx < end and head.tag_ == "NN" for _, head in slots)

    if any(sectors(m) & state or (m.get("type") == "state" and not m.get("sector")) for m in actors):
        return cameo
    if any((sectors(m) & armed and not lone(m)) or (m.get("cameo") or "").startswith("IMG") for m in actors) and (
            (not recipients and not _unarmed_target(token, slots, lexicon)) or
            any(sectors(m) & (armed | state) for m in recipients)):
        return cameo
    return unconventional


TARGET_SLOTS = frozenset({"obj", "prep:on", "prep:against"})


def _unarmed_target(token, slots: list, lexicon) -> bool:
    """Whether an act of violence is done to persons who bear no arms or to the police, told by the
    target's noun: a nationality, religious or political group ("killing Christians"), a noun of
    ``unarmed_targets`` ("villagers", "a church") or a noun the police modify ("a police station")."""
    unarmed = lexicon.word_set("unarmed_targets")
    for name, head in slots:
        if name not in TARGET_SLOTS or head.head.i not in (token.i, *(c.i for c in token.children)):
            continue
        for noun in _heads(head):
            if noun.ent_type_ == "NORP" or noun.lemma_.lower() in unarmed or noun.lower_ in unarmed or any(
                    c.dep_ in ("compound", "amod") and c.lemma_.lower() == "police" for c in noun.children):
                return True
    return False


def through_partitive(nouns: list, lexicon) -> list:
    """The nouns that quantity and collection words stand for: "a new round *of sanctions*",
    "thousands *of protesters*" (the "of" object of a noun in the ``partitive`` class)."""
    found = []
    for noun in nouns:
        lemma = noun.lemma_.lower()
        if lemma in lexicon.word_set("partitive_nouns") or lemma in lexicon.word_set("duration_nouns") \
                or noun.like_num:
            found += [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"]
    return found
