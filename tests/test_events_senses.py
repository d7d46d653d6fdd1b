"""Word sense: the type a verb takes from the class of its object, subject or prepositional object
(``parley/data/events/senses.yaml``, compiled by ``parley.events.lexicon.load_senses``).

Every sentence here was written for this file. Each sense is tested beside the verb's other
sense, so that a rule that fired on every use of its verb would fail. Documents are parsed by the
real model and given hand-made actor mentions (tests/test_events_coder.py ``hand_doc``).
"""

from __future__ import annotations

import pytest

from parley.events.lexicon import GOVERNORS_PATH, PREDICATES_PATH, load_lexicon, load_senses
from parley.knowledge import KnowledgeError
from tests.test_events_coder import code, codes


def kinds(events: list[dict]) -> list[tuple[str, str]]:
    return sorted((e["event_type"], e["cameo"]) for e in events if e.get("modality") != "negated")


@pytest.mark.parametrize("text,expected", [
    # blocking a text or a nomination is refusing it; blocking a road a protest
    ("Russia and China blocked the draft resolution at the Security Council.", [("REJECT", "120")]),
    ("Hundreds of protesters blocked the main highway into the capital.", [("PROTEST", "144")]),
    # pressing a party is a demand on it, whatever it is pressed to do; "press" alone is no event
    ("The United States pressed Pakistan to do more against the smugglers.", [("REQUEST", "100")]),
    ("Germany pressured Turkey to explain the delay.", [("REQUEST", "100")]),
    ("Iran will press ahead with the new reactor.", []),
    # a weapon tested or test-fired is a show of force; rockets fired at a place an attack
    ("Iran tested a new cruise missile in the Gulf on Sunday.", [("MOBILIZE", "150")]),
    ("Pakistan test-fired a nuclear-capable missile on Tuesday.", [("MOBILIZE", "150")]),
    ("Hamas fired rockets at Israel overnight.", [("ASSAULT", "194")]),
    # arming or funding a party "with" weapons or money is aid; backing a plan is support
    ("Iran provided the rebels with rockets and ammunition.", [("AID", "072")]),
    ("Qatar helped Egypt with a loan of two billion dollars.", [("AID", "071")]),
    ("Germany backed the French plan for a new border force.", [("SUPPORT", "050")]),
    # forces that support others in the field give military aid
    ("Russian troops supported the Syrian army in the battle for the city.", [("AID", "072")]),
    # forcing a body or a mission out of a country expels it; forcing persons out coerces them
    ("Egypt forced the United Nations mission out of the country.", [("SANCTION", "166")]),
    # opening or launching talks is negotiating
    ("Armenia and Azerbaijan launched talks on the border in Geneva.", [("CONSULT", "046")]),
    # "hit out at", "lashed out at" are criticism; "hit" with a projectile is violence
    ("Turkey hit out at France over the new law.", [("ACCUSE", "111")]),
    ("Israel lashed out at the United Nations for its report.", [("ACCUSE", "111")]),
    # protesters who storm or attack a building riot; the rebels who attack a post assault it
    ("The protesters stormed the parliament building on Saturday.", [("PROTEST", "145")]),
    ("The rebels attacked an army post near the border.", [("ASSAULT", "180")]),
    # the forces of order firing on a crowd repress it (CAMEO 175), the deaths are its toll
    ("Israeli police opened fire on the demonstrators, killing two.", [("COERCE", "175")]),
    # hackers who attack, or an attack on a network, is a cyber attack
    ("Iranian hackers attacked the computer network of the ministry.", [("COERCE", "176")]),
    # protesters who disrupt or occupy obstruct; troops who occupy a village seize it
    ("The protesters disrupted the session of the parliament in Kyiv.", [("PROTEST", "144")]),
    ("Thousands of demonstrators occupied the central square.", [("PROTEST", "144")]),
    ("Russian troops occupied the village on Monday.", [("COERCE", "192")]),
    # troops or police patrolling show their power
    ("Turkish troops patrolled the streets of the border town.", [("MOBILIZE", "150")]),
    # a weapons test named by its noun is a show of force
    ("Pakistan carried out a missile test over the sea.", [("MOBILIZE", "150")]),
    # revoking a restriction eases it; reversing one's decision yields
    ("Egypt revoked the curfew in the northern towns.", [("CONCEDE", "081")]),
    ("Jordan reversed its order on the border crossing.", [("CONCEDE", "080")]),
    # sending peacekeepers is peacekeeping (AID 074), sending troops a deployment
    ("The United Nations sent peacekeepers to the border with Syria.", [("AID", "074")]),
    ("Russia sent more troops to the border with Ukraine.", [("MOBILIZE", "154")]),
    # approving a loan gives it; approving a plan is no aid
    ("Qatar approved a loan of one billion dollars for Egypt.", [("AID", "071")]),
    # easing censorship eases a restriction; agreeing to a demand accedes to it
    ("Egypt eased censorship of the press on Tuesday.", [("CONCEDE", "081")]),
    ("Jordan agreed to the demand of the protesters for new elections.", [("CONCEDE", "083")]),
    # a vow whose clause promises a price or a response is a threat; one that promises help is AGREE
    ("Iran vowed that Israel would pay a heavy price for the raid.", [("THREATEN", "130")]),
    ("Germany pledged that it would keep its embassy in Kyiv open.", [("AGREE", "030")]),
])
def test_a_verb_takes_its_sense_from_its_argument(spacy_nlp, text, expected):
    assert kinds(code(spacy_nlp, text)) == expected


def test_a_sense_gives_the_roles_of_its_rule(spacy_nlp):
    demand, = code(spacy_nlp, "The United States pressed Pakistan to do more against the smugglers.")
    assert codes(demand["actor"]) == {"USAGOV"} and codes(demand["recipient"]) == {"PAKGOV"}
    aid, = code(spacy_nlp, "Iran provided the rebels with rockets and ammunition.")
    assert codes(aid["actor"]) == {"IRNGOV"} and codes(aid["recipient"]) == {"SYRREB"}


def test_sense_rules_become_entries_of_every_verb_they_name():
    lexicon = load_lexicon()
    ids = {entry["id"] for entry in lexicon.verbs["block"]}
    assert "sense-refusal-block" in ids and "block-roads" in ids
    refusal = next(e for e in lexicon.verbs["block"] if e["id"] == "sense-refusal-block")
    assert (refusal["type"], refusal["cameo"], refusal["obj"]) == ("REJECT", "120", "@blockable")
    assert lexicon.in_class("nomination", "@blockable") and lexicon.in_class("ent:gpe", "@party")


def _senses(tmp_path, text: str):
    path = tmp_path / "senses.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_sense_file_with_an_unknown_meaning_or_a_redefined_class_is_refused(tmp_path):
    header = "source: t\nclasses:\n  mine: [a]\nmeanings:\n  cut: {type: SANCTION, cameo: '161'}\nsenses:\n"
    unknown = _senses(tmp_path, header + "- {meaning: nothing, verbs: [cut], obj: '@mine'}\n")
    with pytest.raises(KnowledgeError, match=r"senses.yaml:7: senses.0.meaning: unknown meaning 'nothing'"):
        load_senses(unknown, {})
    with pytest.raises(KnowledgeError, match=r"class 'mine' is already a class of governors.yaml"):
        load_senses(_senses(tmp_path, header + "- {meaning: cut, verbs: [cut], obj: '@mine'}\n"), {"mine": []})
    with pytest.raises(KnowledgeError, match=r"needs the class of a slot"):
        load_senses(_senses(tmp_path, header + "- {meaning: cut, verbs: [cut], prt: down}\n"), {})
    with pytest.raises(KnowledgeError, match=r"senses.0.object: unknown key 'object'"):
        load_senses(_senses(tmp_path, header + "- {meaning: cut, verbs: [cut], object: '@mine'}\n"), {})


def test_a_sense_naming_an_unknown_class_is_refused_like_a_predicate(tmp_path):
    text = ("source: t\nclasses: {}\nmeanings:\n  cut: {type: SANCTION, cameo: '161'}\n"
            "senses:\n- {meaning: cut, verbs: [cut], obj: '@nowhere'}\n")
    load_lexicon.cache_clear()
    try:
        with pytest.raises(KnowledgeError, match=r"sense-cut-cut: unknown word class @nowhere"):
            load_lexicon(PREDICATES_PATH, GOVERNORS_PATH, _senses(tmp_path, text))
    finally:
        load_lexicon.cache_clear()


def test_the_act_a_response_answers_is_its_cause_not_a_report(spacy_nlp):
    # "in response to the test", "in retaliation for the raid": the act answered was told before
    events = code(spacy_nlp, "China limited fuel exports to Pakistan in response to its latest missile test.")
    assert "MOBILIZE" not in {e["event_type"] for e in events}
    events = code(spacy_nlp, "Pakistan carried out a missile test on Monday.")
    assert [e["event_type"] for e in events] == ["MOBILIZE"]
