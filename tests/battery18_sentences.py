"""A battery of plain newswire sentences for the event coder (session 18, evbasic18, issue 19).

Every sentence was written for this file; none comes from a dev set, a seed or a reference corpus.
Each event sentence carries the PLOVER type and the CAMEO root(s) a careful coder would give it
(CAMEO 1.1b3 manual, PLOVER 2.0 codebook); ``also`` names the other types a careful coder may
code besides (an attack a condemnation names, a riot a curfew follows). Roots are two digits.
"""

from __future__ import annotations

from typing import NamedTuple


class Case(NamedTuple):
    """One battery sentence: its text, expected PLOVER type and CAMEO roots, and allowed extras."""

    text: str
    plover: str
    roots: tuple[str, ...]
    also: tuple[str, ...] = ()


def coded_events(pipeline, text: str) -> list[dict]:
    """Every event record ``pipeline`` codes for ``text`` (one document dated 2019-05-01)."""
    from parley.events import code_records

    record, = code_records([{"id": "b", "text": text, "date": "2019-05-01"}], pipeline)
    return record["events"]


def coded(pipeline, text: str) -> list[tuple[str, str, str]]:
    """The (type, CAMEO code, trigger pattern) of the events ``pipeline`` codes for ``text``, those
    that say the act did not happen left out (a refusal coded REJECT stays, as ``parley eval`` counts it)."""
    from parley.evaluate import is_negated

    return [(e["event_type"], e["cameo"], (e.get("trigger") or {}).get("pattern", ""))
            for e in coded_events(pipeline, text) if not is_negated(e)]


def case_passes(events: list[tuple[str, str, str]], item: Case) -> bool:
    """Whether the coded events give the case's type with one of its roots and no type outside its
    type and its allowed extras."""
    hit = any(kind == item.plover and code[:2] in item.roots for kind, code, _ in events)
    allowed = {item.plover, *item.also}
    return hit and all(kind in allowed for kind, _, _ in events)


def battery_tests(battery, known_failures: dict[str, str] | None = None):
    """The two tests a battery module runs, parametrized over its sentences: each of its
    ``EVENT_CASES`` codes its type (:func:`case_passes`), each of its ``NO_EVENT_TEXTS`` codes nothing.
    A test file assigns them to names starting with ``test_`` so that pytest collects them.

    :param battery: a module with ``EVENT_CASES`` and ``NO_EVENT_TEXTS``.
    :param known_failures: sentence -> why the coder still fails it (a strict expected failure).
    :returns: (event-sentence test, no-event-sentence test), each taking the ``code_pipeline`` fixture.
    """
    import pytest

    cases = {item.text: item for item in battery.EVENT_CASES}
    known_failures = known_failures or {}

    @pytest.mark.parametrize("text", strict_xfail_params(list(cases), known_failures))
    def event_sentence_codes_its_type(code_pipeline, text):
        """The event of the sentence's PLOVER type with one of its CAMEO roots, and no other type."""
        item = cases[text]
        events = coded(code_pipeline, text)
        assert case_passes(events, item), (item.plover, item.roots, events)

    @pytest.mark.parametrize("text", strict_xfail_params(battery.NO_EVENT_TEXTS, known_failures))
    def no_event_sentence_codes_nothing(code_pipeline, text):
        """No event at all."""
        assert coded(code_pipeline, text) == []

    return event_sentence_codes_its_type, no_event_sentence_codes_nothing


def case(text: str, plover: str, roots: str, also: str = "") -> Case:
    """Build a :class:`Case` from space-separated root and extra-type strings."""
    return Case(text, plover, tuple(roots.split()), tuple(also.split()))


EVENT_CASES: list[Case] = [
    # AGREE: intents, promises and offers to cooperate; future meetings (CAMEO 03)
    case("Iran agreed to resume nuclear talks with European powers next month.", "AGREE", "03"),
    case("Japan pledged to work closely with South Korea on regional security.", "AGREE", "03"),
    case("The rebel commander offered to negotiate with the government in Bamako.", "AGREE", "03"),
    case("Turkey and Russia agreed to cooperate on energy projects.", "AGREE", "03"),
    case("The Brazilian president said his country would join the regional trade pact.", "AGREE", "03"),
    case("Chinese Premier Li Qiang will visit Berlin next week.", "AGREE", "03 04"),
    case("Ethiopia promised to provide food aid to drought-hit Somalia.", "AGREE", "03"),
    case("The two Koreas agreed to hold military talks at the border village.", "AGREE", "03"),
    case("Pakistan offered to mediate between Iran and Saudi Arabia.", "AGREE", "03"),
    case("The Ghanaian government said it would cooperate with the UN inquiry.", "AGREE", "03"),
    # CONSULT: meetings, visits, calls, talks (CAMEO 04)
    case("Russian Foreign Minister Sergei Lavrov met his Turkish counterpart in Ankara on Tuesday.", "CONSULT", "04"),
    case("French President Emmanuel Macron visited Beirut on Thursday.", "CONSULT", "04"),
    case("German Chancellor Olaf Scholz spoke by telephone with Vladimir Putin on Monday.", "CONSULT", "04"),
    case("Indian and Chinese officials held talks in New Delhi on the border dispute.", "CONSULT", "04"),
    case("The Saudi king hosted the Egyptian president in Riyadh on Sunday.", "CONSULT", "04"),
    case("Talks between Sudan and South Sudan opened in Addis Ababa on Wednesday.", "CONSULT", "04"),
    case("Nigerian officials discussed border security with their Chadian counterparts in N'Djamena.",
         "CONSULT", "04"),
    case("Colombia's government negotiated with the rebels in Havana for four years.", "CONSULT", "04"),
    case("The U.S. envoy held a meeting with Taliban leaders in Doha.", "CONSULT", "04"),
    case("Kenya's president received the Ugandan foreign minister at State House.", "CONSULT", "04"),
    # SUPPORT: praise, endorsement, signed agreements, recognition, apology (CAMEO 05). The codebook's
    # prose counts regret as CONCEDE, but its code table maps 055 to SUPPORT and so does the PLOVER
    # dev gold (coding apology CONCEDE lowered plover dev F1 0.843 -> 0.838, session 18)
    case("Japan apologized to China for its wartime atrocities.", "SUPPORT", "05"),
    case("The European Union praised Tunisia's new constitution.", "SUPPORT", "05"),
    case("Egypt welcomed the agreement between the Palestinian factions.", "SUPPORT", "05"),
    case("Israel and the United Arab Emirates signed a peace agreement in Washington.", "SUPPORT", "05"),
    case("Canada recognized the opposition leader as the country's interim president.", "SUPPORT", "05"),
    case("The United States expressed support for Ukraine's territorial integrity.", "SUPPORT", "05"),
    case("The Arab League endorsed the Saudi peace plan.", "SUPPORT", "05"),
    case("The Ghanaian president commended the security forces for their courage.", "SUPPORT", "05"),
    case("India and Bangladesh signed a border agreement in Dhaka on Saturday.", "SUPPORT", "05"),
    case("Moscow backed the Syrian government's demand for a UN vote.", "SUPPORT", "05"),
    # CONCEDE: eased restrictions, pardons, amnesties, declared ceasefires, apologies (CAMEO 08, 05 for apology)
    case("The military junta lifted the curfew in the capital.", "CONCEDE", "08"),
    case("The president pardoned 200 political prisoners on Independence Day.", "CONCEDE", "08", "RETREAT"),
    case("The government declared a ceasefire in the southern provinces.", "CONCEDE", "08"),
    case("Thailand eased restrictions on foreign journalists.", "CONCEDE", "08"),
    case("The Ethiopian government granted amnesty to thousands of rebels.", "CONCEDE", "08"),
    case("Authorities lifted the state of emergency in the province.", "CONCEDE", "08"),
    case("The opposition called off its planned general strike.", "CONCEDE", "08"),
    case("The United States eased sanctions on Venezuela's oil sector.", "CONCEDE", "08"),
    case("Israel said it would withdraw its troops from the border town.", "CONCEDE", "03 08"),
    # COOPERATE: joint exercises and patrols, shared intelligence, judicial cooperation (CAMEO 06)
    case("Russia and China held joint naval exercises in the East China Sea.", "COOPERATE", "06"),
    case("Indian and Japanese warships conducted joint drills in the Bay of Bengal.", "COOPERATE", "06"),
    case("France and Germany exchanged intelligence on the suspected attackers.", "COOPERATE", "06"),
    case("Argentina extradited the former banker to Spain.", "COOPERATE", "06"),
    case("Colombian and Ecuadorian troops carried out joint patrols along the border.", "COOPERATE", "06"),
    case("Kenya handed over the two suspects to Ugandan authorities.", "COOPERATE", "06"),
    case("Saudi Arabia and Russia coordinated cuts in oil output.", "COOPERATE", "06"),
    case("Turkish and Azerbaijani troops staged joint military exercises near Baku.", "COOPERATE", "06"),
    # AID: money, arms, relief, asylum (CAMEO 07)
    case("Japan sent 50 tonnes of humanitarian aid to earthquake victims in Nepal.", "AID", "07"),
    case("The World Bank provided a $500 million loan to Egypt.", "AID", "07"),
    case("The United States delivered anti-tank missiles to Ukraine.", "AID", "07"),
    case("Germany granted asylum to the Turkish journalist.", "AID", "07"),
    case("China donated one million vaccine doses to Cambodia.", "AID", "07"),
    case("Saudi Arabia deposited $3 billion in Pakistan's central bank.", "AID", "07"),
    case("The UN refugee agency distributed food to displaced families in Darfur.", "AID", "07"),
    case("Russia supplied fighter jets to the Syrian government.", "AID", "07"),
    case("The European Union gave 20 million euros in emergency aid to Mozambique.", "AID", "07"),
    # RETREAT: withdrawals, releases, disarmament, access, resignations (CAMEO 08)
    case("Israeli troops withdrew from the southern Gaza Strip on Sunday.", "RETREAT", "08"),
    case("The Houthi rebels released 15 Saudi prisoners on Thursday.", "RETREAT", "08"),
    case("Kidnappers freed two Italian aid workers in northern Mali.", "RETREAT", "08"),
    case("The prime minister of Peru resigned on Wednesday.", "RETREAT", "08"),
    case("Armenian forces pulled out of the disputed district.", "RETREAT", "08"),
    case("The government allowed UN inspectors into the nuclear facility.", "RETREAT", "08"),
    case("Rebel fighters handed over their weapons to peacekeepers in Bangui.", "RETREAT", "08"),
    case("The army released the detained protesters on Friday.", "RETREAT", "08"),
    case("Moroccan authorities returned the seized fishing boats to Spain.", "RETREAT", "08"),
    # REQUEST: demands, appeals, requests (CAMEO 10, appeals 02)
    case("The United Nations called on both sides to stop the fighting.", "REQUEST", "02 10"),
    case("Ukraine demanded that Russia withdraw its troops from Crimea.", "REQUEST", "10"),
    case("Nigeria asked the United States for military assistance against Boko Haram.", "REQUEST", "02 10"),
    case("The opposition urged the electoral commission to recount the votes.", "REQUEST", "02 10"),
    case("The European Union demanded the immediate release of the detained activists.", "REQUEST", "10"),
    case("Iraq requested international help to rebuild Mosul.", "REQUEST", "02 10"),
    case("Beijing demanded an apology from Tokyo over the shrine visit.", "REQUEST", "10"),
    case("Afghanistan's government appealed for international aid after the floods.", "REQUEST", "02 10"),
    case("The African Union called for an immediate ceasefire in Sudan.", "REQUEST", "02 10"),
    # ACCUSE: criticism, accusations, investigations (CAMEO 11, 09)
    case("China accused the United States of interfering in its internal affairs.", "ACCUSE", "11"),
    case("Iran condemned the Israeli air strikes in Syria.", "ACCUSE", "11", "ASSAULT"),
    case("The opposition leader criticized the government's handling of the crisis.", "ACCUSE", "11"),
    case("Russia blamed Ukraine for the shelling of the power plant.", "ACCUSE", "11", "ASSAULT"),
    case("Human rights groups denounced the arrests of journalists in Egypt.", "ACCUSE", "11", "COERCE"),
    case("Pakistan accused India of violating the ceasefire in Kashmir.", "ACCUSE", "11"),
    case("The UN launched an investigation into the killing of civilians in Mali.", "ACCUSE", "09", "ASSAULT"),
    case("Venezuela's foreign minister slammed the new U.S. sanctions.", "ACCUSE", "11", "SANCTION"),
    case("Kenyan prosecutors charged the former governor with corruption.", "ACCUSE", "11"),
    # REJECT: refusals, rejections, vetoes (CAMEO 12)
    case("North Korea rejected the South's offer of talks.", "REJECT", "12"),
    case("The rebels refused to lay down their arms.", "REJECT", "12"),
    case("Hungary vetoed the EU statement on China.", "REJECT", "12"),
    case("Israel dismissed the ceasefire proposal.", "REJECT", "12"),
    case("The Ethiopian government turned down a mediation offer from Kenya.", "REJECT", "12"),
    case("Iran's supreme leader ruled out negotiations with Washington.", "REJECT", "12"),
    case("The president refused to meet the opposition delegation.", "REJECT", "12"),
    case("Britain rejected Spain's claim to Gibraltar.", "REJECT", "12"),
    # boycotting a meeting is refusing to meet (REJECT:meet, CAMEO 125; PROTEST:boycott allowed)
    case("Arab states boycotted the summit in Doha.", "REJECT", "12", "PROTEST"),
    # THREATEN: threats, warnings of the warner's own act, ultimatums (CAMEO 13)
    case("North Korea threatened to conduct a seventh nuclear test.", "THREATEN", "13"),
    case("The United States threatened Turkey with sanctions over the missile purchase.", "THREATEN", "13"),
    case("Iran warned that it would close the Strait of Hormuz if attacked.", "THREATEN", "13"),
    case("The rebels threatened to attack government positions in the east.", "THREATEN", "13"),
    case("Russia warned it would retaliate against any NATO deployment in Finland.", "THREATEN", "13"),
    case("The president threatened to expel the German ambassador.", "THREATEN", "13"),
    case("Israel vowed to strike Hezbollah if the rocket fire continued.", "THREATEN", "13"),
    case("China threatened to cut trade ties with Lithuania.", "THREATEN", "13"),
    case("The militia gave government forces an ultimatum to leave the town by Friday.", "THREATEN", "13"),
    # PROTEST: demonstrations, strikes, boycotts, blockades (CAMEO 14)
    case("Thousands of Kurds demonstrated in Diyarbakir on Saturday.", "PROTEST", "14"),
    case("Students staged a protest outside the parliament in Dhaka.", "PROTEST", "14"),
    case("Teachers went on strike across Nigeria on Monday.", "PROTEST", "14"),
    case("Opposition supporters rallied in central Caracas against the government.", "PROTEST", "14"),
    case("Political prisoners began a hunger strike in the Turkish prison.", "PROTEST", "14"),
    case("Hundreds of farmers blocked highways in Punjab to protest the new laws.", "PROTEST", "14"),
    case("Protesters clashed with police in Hong Kong on Sunday.", "PROTEST", "14", "ASSAULT"),
    case("A demonstration against the war drew tens of thousands in London.", "PROTEST", "14"),
    case("Dockworkers walked off the job in Chilean ports on Tuesday.", "PROTEST", "14"),
    case("Opposition parties boycotted the parliamentary elections in Bangladesh.", "PROTEST", "14"),
    # SANCTION: sanctions, expulsions, severed ties, suspended aid (CAMEO 16)
    case("The European Union imposed sanctions on Russian oil companies.", "SANCTION", "16"),
    case("Saudi Arabia expelled the Canadian ambassador.", "SANCTION", "16"),
    case("Bahrain severed diplomatic ties with Qatar.", "SANCTION", "16"),
    case("The United States suspended military aid to Egypt.", "SANCTION", "16"),
    case("Moscow recalled its ambassador from London.", "SANCTION", "16"),
    case("Washington imposed an arms embargo on the junta.", "SANCTION", "16"),
    case("Russia halted gas deliveries to Bulgaria.", "SANCTION", "16"),
    case("The African Union suspended Mali's membership after the coup.", "SANCTION", "16"),
    case("Colombia broke off relations with Venezuela.", "SANCTION", "16"),
    # MOBILIZE: deployments, alerts, mobilization (CAMEO 15)
    case("Russia deployed thousands of troops along the Ukrainian border.", "MOBILIZE", "15"),
    case("China put its forces on high alert near Taiwan.", "MOBILIZE", "15"),
    case("The government deployed riot police to the capital ahead of the vote.", "MOBILIZE", "15"),
    case("Iran mobilized Revolutionary Guard units near the Iraqi border.", "MOBILIZE", "15"),
    case("Pakistan moved additional troops to the Line of Control.", "MOBILIZE", "15"),
    case("The Indian navy dispatched two warships to the Gulf of Aden.", "MOBILIZE", "15"),
    case("The militia mobilised thousands of fighters in the south.", "MOBILIZE", "15"),
    case("Turkey massed tanks on the Syrian border.", "MOBILIZE", "15"),
    # COERCE: arrests, curfews, censorship, raids, deportations, seizures (CAMEO 17)
    case("Police arrested dozens of opposition activists in Minsk.", "COERCE", "17"),
    case("Egyptian authorities detained a prominent blogger at Cairo airport.", "COERCE", "17"),
    case("The government imposed a curfew in the city after the riots.", "COERCE", "17", "PROTEST"),
    case("Authorities blocked access to Twitter across Turkey.", "COERCE", "17"),
    case("Security forces raided the offices of the opposition newspaper.", "COERCE", "17"),
    case("The government declared martial law in the eastern provinces.", "COERCE", "17"),
    case("Kuwait deported hundreds of foreign workers.", "COERCE", "17"),
    case("Israeli forces demolished the home of a Palestinian attacker.", "COERCE", "17"),
    case("Authorities cut internet services in the Tigray region.", "COERCE", "17"),
    case("Iranian commandos seized a British oil tanker in the Strait of Hormuz.", "COERCE", "17"),
    case("The junta banned all political parties.", "COERCE", "17"),
    # ASSAULT: attacks by states, armies and armed groups; passives, nominals, light verbs, tolls (CAMEO 18-20)
    case("Syrian troops attacked rebel fighters near Idlib on Monday.", "ASSAULT", "18 19"),
    case("Government forces attacked rebel positions in the north on Tuesday.", "ASSAULT", "18 19"),
    case("Kurdish fighters attacked Islamic State positions near Raqqa.", "ASSAULT", "18 19"),
    case("Insurgents attacked an army base in Helmand province on Wednesday.", "ASSAULT", "18 19"),
    case("Separatists attacked a police post in Cameroon's Anglophone region.", "ASSAULT", "18 19"),
    case("Paramilitaries attacked three villages in Darfur.", "ASSAULT", "18 19"),
    case("Two suicide bombers killed 23 people at a market in Maiduguri.", "ASSAULT", "18"),
    case("Israeli warplanes struck targets in Gaza overnight.", "ASSAULT", "19"),
    case("Gunmen kidnapped 30 students from a school in Kaduna state.", "ASSAULT", "18"),
    case("The police station was attacked by Taliban fighters.", "ASSAULT", "18 19"),
    case("An attack on a military convoy killed five soldiers in Niger.", "ASSAULT", "18 19"),
    case("Al-Shabaab militants launched an offensive on the town of Beledweyne.", "ASSAULT", "19"),
    case("A car bomb killed 12 people in Kabul on Thursday.", "ASSAULT", "18"),
    case("Rebels shelled the outskirts of the capital.", "ASSAULT", "19"),
    case("Boko Haram fighters ambushed a Nigerian army patrol near Lake Chad.", "ASSAULT", "18 19"),
    case("Ukrainian forces shot down a Russian helicopter.", "ASSAULT", "19"),
    case("Three policemen were killed when militants stormed a checkpoint in Sinai.", "ASSAULT", "18 19"),
    case("Mexican soldiers clashed with cartel gunmen in Sinaloa.", "ASSAULT", "19"),
    case("A drone strike killed a senior al-Qaeda commander in Yemen.", "ASSAULT", "19"),
    case("Houthi rebels fired a missile at the Saudi city of Jizan.", "ASSAULT", "19"),
    case("Jihadists killed 14 soldiers in an attack in Burkina Faso.", "ASSAULT", "18 19"),
    case("The army bombed militant hideouts in North Waziristan.", "ASSAULT", "19"),
    case("Islamic State claimed responsibility for the bombing of a church in Jolo.", "ASSAULT", "18"),
    case("The Saudi-led coalition carried out air strikes on Sanaa.", "ASSAULT", "19"),
    case("Russian artillery pounded Ukrainian positions around Bakhmut.", "ASSAULT", "19"),
    # second wave: passives, nominal events, light verbs, tolls, group actors and reported speech
    case("The convoy was ambushed by Tuareg rebels near Kidal.", "ASSAULT", "18 19"),
    case("Five Pakistani soldiers were killed by militants in North Waziristan.", "ASSAULT", "18 19"),
    case("Two journalists were arrested by Turkish police in Istanbul.", "COERCE", "17"),
    case("The Danish ambassador was expelled by Iran on Tuesday.", "SANCTION", "16"),
    case("The hostages were freed by their captors after ten days.", "RETREAT", "08"),
    case("The killing of three aid workers in South Sudan drew condemnation.", "ASSAULT", "18", "ACCUSE"),
    case("An air strike on a hospital in Aleppo killed 20 people.", "ASSAULT", "19"),
    case("A rocket attack on the US embassy in Baghdad caused no casualties.", "ASSAULT", "19"),
    case("Thousands of Ethiopians marched in Addis Ababa against foreign interference.", "PROTEST", "14"),
    case("Hundreds of Palestinians protested at the border fence on Friday.", "PROTEST", "14", "ASSAULT"),
    case("Gunmen on motorcycles shot dead eight villagers in Zamfara state.", "ASSAULT", "18"),
    case("Unidentified attackers set fire to a police station in Burundi.", "ASSAULT", "18"),
    case("Suspected jihadists beheaded four Christians in northern Mozambique.", "ASSAULT", "18"),
    case("The Egyptian army launched air strikes against militants in Libya.", "ASSAULT", "19"),
    # a blockade restricts movement: CAMEO 191, which the code table maps to COERCE:restrict
    case("The Philippine navy imposed a blockade on the rebel-held island.", "COERCE", "19", "MOBILIZE"),
    case("Sudan's army said it would hand power to a civilian government.", "CONCEDE", "03 08"),
    case("The Taliban said they would release 200 Afghan soldiers.", "CONCEDE", "03 08"),
    case("North Korea said it would not attend the talks in Geneva.", "REJECT", "12"),
    # an announced expulsion: a sanction to come (a threat when it hangs on a condition)
    case("Venezuela said it would expel the German ambassador.", "SANCTION", "16", "THREATEN"),
    case("The Iraqi prime minister telephoned the Iranian president on Sunday.", "CONSULT", "04"),
    case("Lebanese and Israeli negotiators resumed talks on the maritime border.", "CONSULT", "04"),
    case("The Algerian foreign minister arrived in Tunis for talks with President Saied.", "CONSULT", "04"),
    case("The Netherlands summoned the Turkish ambassador over the remarks.", "ACCUSE", "11 10"),
    case("Seoul lodged a formal protest with Tokyo over the textbook.", "ACCUSE", "11"),
    case("Indonesia offered asylum to the Rohingya refugees.", "AGREE", "03"),
    case("Qatar announced $500 million in aid for the Palestinians.", "AID", "07 03", "AGREE"),
    case("Nigerian troops rescued 60 hostages from Boko Haram in Borno state.", "AID", "07", "ASSAULT RETREAT"),
    # third wave: light verbs and nominals of the weaker types
    case("Chile extended an invitation to the Bolivian president to visit Santiago.", "AGREE", "03"),
    case("Chile invited the Bolivian president to visit Santiago.", "AGREE", "03"),
    case("The Kremlin issued a warning to Georgia over its NATO bid.", "THREATEN", "13"),
    case("Zimbabwe's opposition held a rally in Harare against the election results.", "PROTEST", "14"),
    case("Lebanon made an urgent appeal for fuel donations.", "REQUEST", "02 10"),
    case("The release of 50 political prisoners in Nicaragua was welcomed by the church.", "RETREAT", "08", "SUPPORT"),
    case("Japanese and Australian forces took part in joint air drills over Darwin.", "COOPERATE", "06"),
    case("Jordan dispatched troops to its border with Syria.", "MOBILIZE", "15"),
    case("Cuba refused entry to a delegation of European lawmakers.", "REJECT", "12", "COERCE"),
    case("The Polish president voiced support for Ukraine's bid to join the EU.", "SUPPORT", "05"),
    case("Morocco and Mauritania signed an agreement on fishing rights.", "SUPPORT", "05"),
    # PLOVER codes force against a crowd ASSAULT (mode crowd-control); the code table maps 175 there too
    case("Police fired tear gas at protesters in Santiago.", "ASSAULT", "17 18", "PROTEST"),
    case("A suicide bomber blew himself up at a mosque in Peshawar, killing 30 worshippers.", "ASSAULT", "18"),
    case("Armed men abducted a Catholic priest in southern Nigeria.", "ASSAULT", "18"),
    case("Serbian police detained 12 Kosovo Albanians near the border.", "COERCE", "17"),
    case("The United Nations deployed 2,000 peacekeepers to the Central African Republic.", "AID", "07", "MOBILIZE"),
]

NO_EVENT_TEXTS: list[str] = [
    # sports
    "Real Madrid beat Barcelona 2-1 in the Spanish league on Sunday.",
    "Serena Williams defeated her sister in the Wimbledon final.",
    "The Lakers crushed the Celtics 120-95 on Friday night.",
    "Manchester United signed a Brazilian striker for 60 million pounds.",
    "England attacked relentlessly in the second half but failed to score.",
    "Chelsea's defence held firm against a late Arsenal attack.",
    "The chess champion defended his title in Dubai.",
    "Nadal retired from professional tennis at the age of 38.",
    "The boxer knocked out his opponent in the third round.",
    "The Bulls fired their head coach after a losing season.",
    "Fans celebrated in the streets after the victory.",
    # business and markets
    "Apple reported record quarterly profits on Thursday.",
    "Oil prices rose 3 percent on Monday amid supply concerns.",
    "Shares in Tesla fell sharply after the earnings report.",
    "The central bank kept interest rates unchanged.",
    "Inflation in Turkey reached 80 percent in August.",
    "Kenya's economy grew 5 percent last year.",
    "Microsoft released a new version of Windows on Tuesday.",
    "Bitcoin surged above $60,000 on Tuesday.",
    "The airline cancelled dozens of flights because of the snowstorm.",
    "The company's new phone attacks the premium market.",
    # accidents and nature
    "The hurricane killed 12 people in Florida.",
    "A bus crash killed 20 passengers on a mountain road in Peru.",
    "Rain is expected across the north of the country on Friday.",
    "Scientists discovered a new species of frog in Ecuador.",
    # culture and description
    "The film won the top prize at the Cannes festival.",
    "The museum will reopen to the public in June.",
    "The novel explores the aftermath of the civil war.",
    "The festival drew thousands of visitors to the old city.",
    "The orchestra will perform in Vienna next month.",
    "The author signed copies of her book at the fair.",
    "The minister is 54 years old and has three children.",
    "The stadium holds 60,000 spectators.",
    "The capital has a population of about four million.",
    "The river flows through three countries before reaching the sea.",
    "The governor's term ends in January.",
    # generic, habitual and opinion
    "Elections are held every four years in Ghana.",
    "Diplomats often meet informally on the sidelines of such summits.",
    "Wars rarely end with a clear victory.",
    "Negotiations are a normal part of diplomacy.",
    "Why the West must stand up to tyranny",
    "Opinion: Sanctions never work",
]


def strict_xfail_params(texts, reasons: dict[str, str]) -> list:
    """Each text as a pytest parameter; a known failure (a key of ``reasons``) is a strict expected
    failure with its reason, so that a fix shows as an unexpected pass."""
    import pytest

    return [pytest.param(text, marks=pytest.mark.xfail(reason=reasons[text], strict=True))
            if text in reasons else text for text in texts]
