"""The session-20 battery (evnoun20, issue 19): event nouns as background, and the light verbs and
aspectual heads that carry a noun's event.

Every sentence was written for this file; none comes from a dev set, a seed or a reference corpus.
Cases use :func:`tests.battery18_sentences.case` (PLOVER type, CAMEO roots, allowed extras) and pass
as the session-18 battery's do. A nominal act that a reaction answers, that a cause is named by or
whose cause is asked, that a view is held of, a gathering someone comes from, an act avoided, a
deed that a claimed, denied or doubted clause lays at a party's door ("denies that X was behind
the attack") or that one tells someone of is background:
the sentence reports something else (``NO_EVENT_TEXTS`` must code nothing, and the event cases must
code no type beyond their own). Told with its own count, place, date or doer, or new (indefinite),
the same noun is news (session 19's line for a reaction's subject); so is a deed the writer states
("X was behind the attack") and an act one flees or returns from. Light verbs and aspectual heads over an event noun
report the noun's event.
"""

from __future__ import annotations

from tests.battery18_sentences import case

EVENT_CASES = [
    # a background noun beside the sentence's own act: only the act is coded
    case("Seoul responded to the missile launch by recalling its ambassador from Beijing.", "SANCTION", "16"),
    case("Chad reacted to the border raid by expelling the Sudanese ambassador.", "SANCTION", "16"),
    case("The riots, prompted by the shooting of a taxi driver, spread to three other towns.", "PROTEST", "14"),
    case("Lebanon's prime minister saw the Israeli air strikes as a warning and recalled his envoy from Damascus.",
         "SANCTION", "16"),
    case("Kenya's president saw the Somali raids as a provocation and recalled his envoy from Mogadishu.",
         "SANCTION", "16"),
    # a report told to someone is still a report; only the topic of the telling is background
    case("Troops raided the seminary, the archbishop told parishioners.", "COERCE", "17"),
    # told with its own count, place and date, the act one tells someone of is the news told
    case("The mayor told reporters of the arrest of three suspects in Lyon on Friday.", "COERCE", "17"),
    # a deed laid at a party's door is the accusation's topic; told with its toll, news as well
    case("Iraq said the Islamic State was behind the bombing in Baghdad.", "ACCUSE", "11"),
    case("Nigerian police said Boko Haram was responsible for a suicide bombing that killed 12 worshippers in "
         "Maiduguri.", "ACCUSE", "11", "ASSAULT"),
    # stated by the writer, not claimed, denied or doubted, the deed and its doer are news (review20)
    case("Al-Shabaab was behind the abduction of four aid workers.", "ASSAULT", "18"),
    case("The separatists were behind the bombing of a bus in Quetta on Sunday.", "ASSAULT", "18"),
    case("Boko Haram was behind the deadly raid on the market.", "COERCE", "17"),
    # what one flees or returns from is no gathering one attended: the act stays news (review20)
    case("Hundreds of families fled from attacks by the Russian air force.", "ASSAULT", "19"),
    case("Villagers fled from the clashes between the militia and the army.", "ASSAULT", "19"),
    case("Farmers fled from the shelling of Donetsk.", "ASSAULT", "19"),
    case("The Turkish president returned from a visit to Qatar.", "CONSULT", "04"),
    # a new act reacted to (indefinite, or told with its doer) is news beside the reaction (review20)
    case("Niger responded to a deadly attack by Boko Haram by closing its border with Nigeria.",
         "ASSAULT", "19", "COERCE"),
    case("Troops responded to a riot in the prison by firing rubber bullets.", "PROTEST", "14", "COERCE"),
    # a party that says it was behind an act owns it: the act is news
    case("The Shabaab militia said it was behind the bombing of the army checkpoint in Mogadishu.", "ASSAULT", "18"),
    # told with its own count, place or date, a reacted-to act is news too
    case("Jakarta reacted angrily to the arrest of 12 Indonesian fishermen off Darwin.", "COERCE", "17"),
    # light verbs and aspectual heads carry the noun's event
    case("Protests against the fuel tax continued in Lagos on Tuesday.", "PROTEST", "14"),
    case("Protests against the new constitution spread to Kumasi on Wednesday.", "PROTEST", "14"),
    case("The Zambian opposition followed up with protests in Lusaka.", "PROTEST", "14"),
    case("The Thai foreign minister took part in talks with his Cambodian counterpart in Siem Reap.", "CONSULT", "04"),
    case("Armenian and Azerbaijani troops engaged in heavy fighting along the border on Sunday.", "ASSAULT", "19"),
    case("Egypt renewed its warning to Ethiopia over the filling of the dam.", "THREATEN", "13"),
    case("The Nigerian army carried out airstrikes on militant camps in Borno.", "ASSAULT", "19"),
    case("Dockworkers in Durban staged a strike over unpaid wages on Monday.", "PROTEST", "14"),
]

NO_EVENT_TEXTS = [
    # what a reaction answers
    "Pyongyang reacted angrily to the new sanctions.",
    "Officials in Manila have yet to respond to the shooting.",
    # the act whose cause is asked
    "Detectives want to know what triggered the shooting at the depot.",
    # a deed a party is said, doubted or denied to be behind
    "Ankara doubts that Kurdish militants were behind the bombing of the rail line.",
    "Kyiv questioned whether Belarusian troops were behind the shelling of the border post.",
    # the topic of a telling, whichever word the parser hangs it on
    "The archbishop told parishioners of the army's raid on the seminary.",
    # the thing a view is held of
    "Opposition leaders saw the crackdown as a sign of weakness.",
    "Some economists regard the American tariffs on Chinese steel as a tax on consumers.",
    # a gathering someone had attended
    "A student lost his wallet while walking home from a protest against the Chilean government.",
    # an act avoided
    "The rebels have chosen to avoid attacks on United Nations convoys.",
]
