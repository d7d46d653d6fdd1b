"""The session-22 background battery (evbackground22, issue 19): acts named only as the backdrop,
the time or the cause of another act, and acts in a relative clause that picks a thing out by what
was done to it, are no events of the sentence; the same acts told as news are.

Every sentence was written for this file; none comes from a dev set, a seed or a reference corpus.
Cases use :func:`tests.battery18_sentences.case` and pass as the session-18 battery's do. The event
sentences pair a background act (which must not be coded) with the act the sentence reports, and
the controls tell the same acts as news: with their own date or count, by a clause, at a meeting
or a protest where the reported act took place, in a clause set off by a comma, or dated in the
relative clause. ``NO_EVENT_TEXTS`` must code nothing: their only acts are background.
"""

from __future__ import annotations

from tests.battery18_sentences import case

EVENT_CASES = [
    # a known act named after a preposition of sequence: when the reported act came, not news
    case("Britain summoned Iran's ambassador following the arrest of a British aid worker.", "ACCUSE", "11"),
    # a restrictive relative clause that picks out its noun by what was done to it
    case("The prime minister praised a firm the regulator had fined.", "SUPPORT", "05"),
    case("Activists rallied outside a bank that regulators had fined.", "PROTEST", "14"),
    case("The president pardoned a general whom the court had convicted of torture.", "CONCEDE", "08"),
    # controls: the same acts told as news
    case("Britain summoned Iran's ambassador following the arrest of a British aid worker on Monday.",
         "ACCUSE", "11", "COERCE"),
    case("Britain summoned Iran's ambassador following the arrest of three British aid workers.",
         "ACCUSE", "11", "COERCE"),
    case("Britain summoned Iran's ambassador after Iran arrested a British aid worker.", "ACCUSE", "11", "COERCE"),
    case("Kenya closed the border after gunmen attacked a bus.", "COERCE", "17", "ASSAULT"),
    case("Police arrested two journalists during the protests in Minsk.", "COERCE", "17", "PROTEST"),
    case("The foreign minister condemned the coup during a meeting with the African Union envoy.",
         "ACCUSE", "11", "CONSULT"),
    case("Senators criticized the bank, which regulators had fined for laundering money.", "ACCUSE", "11", "COERCE"),
    case("The company that regulators fined on Monday appealed the ruling.", "COERCE", "17"),
    case("Protesters gathered in the square where police had fired tear gas.", "PROTEST", "14", "COERCE"),
    case("Villagers described clashes in which soldiers burned homes.", "ASSAULT", "17 18 19"),
]

NO_EVENT_TEXTS = [
    # backdrops: "during", "amid", "in violation of", whatever the noun's determiner
    "The judge retired during heavy fighting between rival militias.",
    "Turnout was low during the violent clashes between police and students.",
    "The minister flew to Cairo amid the clashes between police and protesters.",
    "Syria's foreign minister spoke on Monday amid Turkish airstrikes in the north.",
    "Traders kept shipping oil to Syria in violation of the embargo.",
    # acts that pick out a thing: object and "for which" relatives
    "Rebels returned to a village that the army had shelled for weeks.",
    "Lawmakers questioned the executive of a firm the Treasury had sanctioned.",
    "Investors sold shares of a bank that regulators fined for laundering money.",
    "Analysts studied a firm the government had sanctioned for selling arms.",
    "He repeated the remarks for which the court had fined him.",
]
