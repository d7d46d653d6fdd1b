"""The session-20 battery (evnoun20, issue 19): event nouns as background, and the light verbs and
aspectual heads that carry a noun's event.

Every sentence was written for this file; none comes from a dev set, a seed or a reference corpus.
Cases use :func:`tests.battery18_sentences.case` (PLOVER type, CAMEO roots, allowed extras) and pass
as the session-18 battery's do. A nominal act that a reaction answers, that a cause is named by or
whose cause is asked, that a view is held of, that someone comes from, that is avoided, that a
copula lays at a party's door ("was behind the attack") or that one tells someone of is background:
the sentence reports something else (``NO_EVENT_TEXTS`` must code nothing, and the event cases must
code no type beyond their own). Told with its own count, place or date, the same noun is news
(session 19's line for a reaction's subject). Light verbs and aspectual heads over an event noun
report the noun's event.
"""

from __future__ import annotations

from tests.battery18_sentences import case

EVENT_CASES = [
    # a background noun beside the sentence's own act: only the act is coded
    case("Seoul responded to the missile launch by recalling its ambassador from Beijing.", "SANCTION", "16"),
    case("Chad reacted to the border raid by expelling the Sudanese ambassador.", "SANCTION", "16"),
    case("The unrest, prompted by the killing of a student by police, led Kenya to deploy troops in Kisumu.",
         "MOBILIZE", "15", "PROTEST"),
    case("The riots, prompted by the shooting of a teenager by Senegalese police, spread to two other towns.",
         "PROTEST", "14"),
    case("Lebanon's prime minister saw the Israeli air strikes as a warning and recalled his envoy from Damascus.",
         "SANCTION", "16"),
    # a report told to someone is still a report; only the topic of the telling is background
    case("Police raided the senator's home, a retired judge told NBC's evening anchor.", "COERCE", "17"),
    # a deed laid at a party's door is the accusation's topic; told with its toll, news as well
    case("Iraq said the Islamic State was behind the bombing in Baghdad.", "ACCUSE", "11"),
    case("Afghan officials said the Taliban were responsible for a bombing that killed 30 people in Kabul.",
         "ACCUSE", "11", "ASSAULT"),
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
    "Investigators are still trying to learn what prompted the shooting at the school.",
    # a deed a party is said, doubted or denied to be behind
    "Moscow doubts that the Syrian army was behind the gas attack near Douma.",
    # the topic of a telling, whichever word the parser hangs it on
    "A retired judge told NBC's evening anchor of the FBI raid on the senator's home.",
    # the thing a view is held of
    "Many residents saw the demonstrations as a turning point for the city.",
    "Some economists regard the American tariffs on Chinese steel as a tax on consumers.",
    # where someone had been
    "A photographer was robbed while walking home from a protest against the Serbian government.",
    # an act avoided
    "Tehran has been careful to avoid attacks on American ships.",
]
