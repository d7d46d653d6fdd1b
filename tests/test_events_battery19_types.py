"""The session-19 battery of PLOVER types and modes as newswire says them (evtypes19, issue 19).

Every sentence of ``tests/battery19_types_sentences.py`` was written for it: each mode of PROTEST,
THREATEN, AID, CONCEDE and MOBILIZE (the types whose recall the hidden PLOVER gold finds weakest)
and of RETREAT, told with the verbs, nouns and light verbs reporters use, and sentences in sports,
markets, idiom and metaphor that hold no event. Each runs through the real pipeline (nlp, times,
places, actors, events). A sentence the coder still gets wrong stays, marked as a known failure
with its reason (strict: it fails the run once it starts passing). ``bench/events_battery18.py --battery
19types`` prints the pass rates by type.
"""

from __future__ import annotations

import pytest

from tests import battery19_types_sentences
from tests.battery18_sentences import battery_tests, coded
from tests.battery19_types_sentences import EVENT_CASES, NO_EVENT_TEXTS

# sentence -> why the coder still fails it (session 19)
KNOWN_FAILURES = {
    "Villagers blocked the road to the gold mine in protest at the pollution.":
        "'in protest at X' as a phrase of the verb drops the road blockade (block-roads codes without it); "
        "the cause was not traced",
    "Truckers threatened to blockade the capital if fuel taxes rose.":
        "'truckers' with no state named is recognised as no actor",
    "The interior minister threatened to jail anyone who joined the banned march.":
        "a relative clause on 'anyone' (a hypothetical act) is coded as a protest held",
    "French special forces freed four hostages held by jihadists in Burkina Faso.":
        "freeing captives held by another party is a rescue (AID), not a release; only 'rescue' is read so",
    "Taiwan scrambled fighter jets after Chinese aircraft entered its air defence zone.":
        "the parser reads 'scrambled' as an adjective of 'fighter jets' (the subject of 'entered'), so "
        "scramble-jets has no verb to match",
    "The government declared an amnesty for rebels who laid down their arms.":
        "the relative clause that states who the amnesty covers is coded as a disarmament done",
}

test_types_battery_sentence_codes_its_type, test_types_battery_no_event_sentence_codes_nothing = \
    battery_tests(battery19_types_sentences, KNOWN_FAILURES)


def test_types_battery_covers_the_weak_types_and_their_modes():
    kinds = {item.plover for item in EVENT_CASES}
    assert {"PROTEST", "THREATEN", "AID", "CONCEDE", "MOBILIZE", "RETREAT"} <= kinds
    assert len(EVENT_CASES) >= 120 and len(NO_EVENT_TEXTS) >= 20


# ---------------------------------------------------------------- the constructions session 19 fixed, exactly
@pytest.mark.parametrize("text, expected", [
    ("Bolivian miners downed tools on Monday.", [("PROTEST", "143")]),
    ("Jailed Kurdish activists refused food for a week in a Turkish prison.", [("PROTEST", "142")]),
    ("Protesters toppled a statue of the former dictator in Tirana.", [("PROTEST", "145")]),
    ("Demonstrators daubed the Chinese consulate in Lyon with slogans.", [("PROTEST", "145")]),
    ("Activists occupied the offices of the Peruvian energy ministry.", [("PROTEST", "144")]),
    ("Hundreds of Chileans gathered in Valparaiso to denounce the pension reform.", [("PROTEST", "141")]),
    ("Spain forgave 200 million euros of Cuban debt.", [("AID", "071")]),
    ("The World Bank disbursed $300 million to Ghana on Thursday.", [("AID", "071")]),
    ("Germany paid reparations to Namibia.", [("AID", "071")]),
    ("China extended a $2 billion credit line to Pakistan.", [("AID", "071")]),
    ("Uganda sent troops to help the Somali government.", [("AID", "074")]),
    ("Iran restored internet access in Tehran on Friday.", [("CONCEDE", "081")]),
    ("Washington unfroze Iranian assets held in South Korea.", [("CONCEDE", "085")]),
    ("The Kenyan president commuted the sentences of 20 convicts.", [("CONCEDE", "082")]),
    ("The Peruvian government ended the curfew in Lima.", [("CONCEDE", "081")]),
    ("The Nigerian government withdrew the disputed tax bill.", [("CONCEDE", "080")]),
    ("Russia stationed Iskander missiles in Kaliningrad.", [("MOBILIZE", "150")]),
    ("Ukraine handed over twenty Russian prisoners to Moscow.", [("RETREAT", "0841")]),
    ("French troops left Mali in August.", [("RETREAT", "0874")]),
    ("The Bolivian government called in the army after a week of riots.", [("MOBILIZE", "154")]),
    ("The Chilean president called out the army in Santiago.", [("MOBILIZE", "154")]),
    ("Pyongyang launched a cruise missile into the sea.", [("MOBILIZE", "150")]),
    ("The World Bank released a $400 million tranche to Kenya.", [("AID", "071")]),
    ("Jordan reopened its border crossing with Syria.", [("RETREAT", "0863")]),
    ("Poland's governing party expelled the former deputy minister.", [("SANCTION", "166")]),
    ("Kenya withdrew from the regional mediation effort in Sudan.", [("SANCTION", "135")]),
    ("The European Union froze the assets of the Belarusian state airline.", [("SANCTION", "163")]),
    ("Washington blacklisted two Iranian shipping firms.", [("SANCTION", "163")]),
    ("Military aid from Britain arrived in Kyiv on Monday.", [("AID", "072")]),
    ("An aid convoy from Turkey arrived in Idlib.", [("AID", "073")]),
    ("A demonstration by Kenyan teachers brought Nairobi to a halt.", [("PROTEST", "141")]),
    ("A strike by Belgian rail workers paralysed Brussels on Monday.", [("PROTEST", "143")]),
    ("An air strike by Israeli jets hit Gaza.", [("ASSAULT", "195")]),
    ("Chad deployed 500 soldiers to Mali as part of the UN peacekeeping mission.", [("AID", "074")]),
    ("A Cairo court issued an arrest warrant in absentia for the fugitive tycoon.", [("THREATEN", "137")]),
    ("The Nigerian government set up a commission of inquiry into the shootings.", [("ACCUSE", "090")]),
    ("The Malian junta gave France 72 hours to withdraw its troops.", [("THREATEN", "139")]),
])
def test_fixed_construction_codes_exactly(code_pipeline, text, expected):
    assert sorted((kind, code) for kind, code, _ in coded(code_pipeline, text)) == expected


@pytest.mark.parametrize("text", [
    # the senses stay apart: a bomb site restored, a player released, a market rally, an official dismissed
    "Crews restored the bomb site within hours.",
    "The striker was released by his club in June.",
    "Investors staged a late rally that lifted the index to a record.",
    "Ships from the navy refused food parcels from the tourists.",
    "The coach gave the players two days off.",
    # troops sent for an exercise are no peacekeepers
    "France sent troops to Estonia as part of a NATO exercise.",
    # a tranche of documents released is a publication, as before
    "The French ministry released a second tranche of emails on Friday.",
    # a state expelling persons deports them (COERCE), as before
    "Kuwait expelled hundreds of Egyptian workers.",
])
def test_fixes_leave_the_other_senses(code_pipeline, text):
    kinds = {kind for kind, _, _ in coded(code_pipeline, text)}
    assert not kinds & {"PROTEST", "AID", "CONCEDE", "RETREAT", "THREATEN", "SANCTION"}, kinds


def test_dismissed_official_is_no_rejection(code_pipeline):
    kinds = {kind for kind, _, _ in coded(code_pipeline, "The Kenyan president dismissed the interior minister.")}
    assert "REJECT" not in kinds


# ---------------------------------------------------------------- the session's senses kept narrow (review)
@pytest.mark.parametrize("text, expected", [
    # a "side" or a "team" is a party to talks unless what it signs or releases is a player or a coach:
    # these code as they did before the sports sense
    ("The Russian side released 40 Ukrainian soldiers on Monday.", [("RETREAT", "0841")]),
    ("The two sides signed an accord on fishing rights in Oslo.", [("SUPPORT", "057")]),
    ("The Georgian side signed the truce in Geneva.", [("SUPPORT", "057")]),
    ("The Italian side signed a young striker from Brazil.", []),
    ("The club sacked its coach after a string of defeats.", []),
    # a gathering to express solidarity or grief is no protest; to express anger it is one
    ("Foreign ministers gathered in Berlin to express their solidarity with Ukraine.", [("CONSULT", "040")]),
    ("Mourners gathered in Oslo to voice their grief over the victims.", []),
    ("Thousands gathered in Tbilisi to express their anger at the government.", [("PROTEST", "141")]),
    # leaders, ministers or governments who gather to condemn or demand hold a meeting (040); crowds,
    # civilians and students who do so demonstrate (141)
    ("Arab foreign ministers gathered in Cairo to denounce the annexation plan.", [("CONSULT", "040")]),
    ("African leaders assembled in Addis Ababa to demand debt relief.", [("CONSULT", "040")]),
    ("Hundreds of farmers gathered outside parliament to demand higher prices.", [("PROTEST", "141")]),
    ("Angry residents gathered in the square to denounce the mayor.", [("PROTEST", "141")]),
    # a "club" is a sports club only with a player or a coach as object: a creditors' club signs deals
    ("The London Club signed a restructuring deal with Ecuador.", [("SUPPORT", "057")]),
    ("The club signed a new striker from Ajax.", []),
    # food or water refused to others, or by a state or its forces, is withheld: a refusal (120);
    # prisoners who refuse food go on hunger strike (142)
    ("The Syrian regime refused food to the starving villages.", [("REJECT", "120")]),
    ("Egypt refused water to the Gaza border crossing.", [("REJECT", "120")]),
    ("The army refused the besieged town food.", [("REJECT", "120")]),
    ("The imprisoned opposition leader refused food to protest his detention.", [("PROTEST", "142")]),
    # forces sent to protect another party protect it (AID 074); sent to guard one's own embassy or
    # base they are deployed (MOBILIZE 154)
    ("The Pentagon sent troops to protect the embassy in Kabul.", [("MOBILIZE", "154")]),
    ("France sent soldiers to guard its military base in Niger.", [("MOBILIZE", "154")]),
    ("France sent troops to protect the population of Mali.", [("AID", "074")]),
    ("Britain sent troops to help Estonia.", [("AID", "074")]),
])
def test_session_senses_need_their_own_arguments(code_pipeline, text, expected):
    assert sorted((kind, code) for kind, code, _ in coded(code_pipeline, text)) == expected
