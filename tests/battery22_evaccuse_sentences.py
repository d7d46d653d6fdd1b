"""The session-22 battery of charges told as speech (evaccuse22, issue 19): a speaker saying a named
party did wrong charges it (ACCUSE, CAMEO 112), the speaker the actor and the party the recipient.

Every sentence was written for this file; none comes from a dev set, a seed or a reference corpus.
Cases use :func:`tests.battery18_sentences.case` and pass as the session-18 battery's do. The verb of
the clause is one whose meaning is a judgement that its subject did wrong (meddle, interfere, lie to,
mislead, cheat, exploit, undermine, abuse an office, play politics ...), told in the clause of a verb
of saying or warning, or striven at there ("sought to manipulate", "was working to undermine"). A
speaker praising codes its own event and no charge. ``NO_EVENT_TEXTS`` must code nothing: a denial
("did not meddle", a quoted "never"), a forecast or a possibility ("would interfere", "could
undermine", "will exploit"), a speaker saying a party helped, the trade sense of "exploit", an
impersonal "it was announced", a speaker misled (the wronged, not the wrongdoer), a thing that
undermines, and the writer's own statement with no speaker. The review fixes (fixev22) add acts told
beside a charge or done by the wrong (reported as well), a state's opposition charging its government,
and no charge for the verbs' senses of no wrong (a bridge rigged with explosives, a place lying to the
east, a chance exploited, an advance obstructed), for a state's own side or the enemy wronged, or in an
admission ("acknowledged that").
"""

from __future__ import annotations

from tests.battery18_sentences import case

EVENT_CASES = [
    # a verb of wrongdoing in the clause of a verb of saying: the speaker charges the party
    case("The Estonian prime minister said Russia had meddled in the country's local elections.", "ACCUSE", "11"),
    case("Ukraine's foreign ministry said Hungary had exploited the crisis to win concessions.", "ACCUSE", "11"),
    case("The Georgian president argued that Moscow had lied to European monitors about its troop numbers.",
         "ACCUSE", "11"),
    case("Armenia claimed that Azerbaijan had violated the rights of prisoners held since the war.", "ACCUSE", "11"),
    case("Kenyan opposition leaders said President Ruto had abused his office to reward allies.", "ACCUSE", "11"),
    case("Japan's defence minister suggested that China played politics with the fishing dispute.", "ACCUSE", "11"),
    case("South Korea said North Korea had deceived inspectors at the nuclear site.", "ACCUSE", "11"),
    case("Colombia's foreign minister wrote that Venezuela had misled the regional mediators.", "ACCUSE", "11"),
    # ... in a quotation the speaker is said after
    case('"Iran cheated on every inspection," the Israeli prime minister told reporters.', "ACCUSE", "11"),
    # ... striven at, and under a verb of warning
    case("The Greek government said Turkey sought to manipulate the migrants for political gain.", "ACCUSE", "11"),
    case("Officials in Warsaw warned that Belarus was working to undermine the border agreement.", "ACCUSE", "11"),
    # ... with what the party is charged with doing as its content, not an act done
    case("Romania's president said Russia had interfered in the Moldovan vote by funding fake parties.",
         "ACCUSE", "11"),
    # a speaker praising: its own event, no charge
    case("Portugal praised Spain for its handling of the wildfire crisis, saying Madrid had acted quickly.",
         "SUPPORT", "05"),
    # (fixev22) an act told by a clause of its own beside the charge, or done by the wrong, is reported too
    # (the charge, ACCUSE, is coded beside it: the tests pin both)
    case("The Latvian interior minister said Belarus had meddled in the referendum and shelled a border post.",
         "ASSAULT", "18 19", "ACCUSE"),
    case("Georgia's defence ministry said Russia had exploited a breach in the fence to attack a police station.",
         "ASSAULT", "18 19", "ACCUSE"),
    # ... a state's opposition charges its government; a count rigged; lying to people or to a body
    case("The Zambian opposition said the government had lied to voters about the debt.", "ACCUSE", "11"),
    case("Armenia said Azerbaijan had rigged the count in the disputed district.", "ACCUSE", "11"),
    case("Slovakia's foreign minister said Hungary had lied to the Commission about the funds.", "ACCUSE", "11"),
]

NO_EVENT_TEXTS = [
    "Lithuania said Moscow did not meddle in the vote.",
    '"Latvia has never meddled in anyone\'s election," the Latvian foreign minister said.',
    "Chile warned that Argentina would interfere in the fishing dispute.",
    "Canada said Mexico could undermine the trade deal.",
    "The Austrian chancellor said Hungary will exploit the crisis.",
    "The Peruvian president said Bolivia had helped the flood victims.",
    "Norway's energy minister said the Netherlands had exploited the gas field for forty years.",
    "It was announced on Monday that Hungary had misled the European Commission over its budget.",
    "The Danish minister said he had been misled by Sweden about the bridge costs.",
    "Iceland said the new quotas undermine the fishing agreement.",
    "The report said the storm undermined the sea wall near Riga.",
    "Russia meddled in the Estonian local elections through a network of fake accounts.",
    "Finland's president said Sweden would never betray its Nordic neighbours.",
    # (fixev22) the verbs in senses that judge no wrong: a bridge rigged with explosives, a place that lies
    # to the east, a chance exploited, an army's advance obstructed in war
    "Kyiv said Moscow had rigged the Nova Kakhovka bridge with explosives.",
    "Japanese officials said Taiwan lies to the east of the Chinese coast.",
    "Armenia's prime minister said Georgia had exploited the opportunity to expand its port.",
    "The Polish defence minister said Ukraine had obstructed the advance of Russian columns near Kupiansk.",
    # ... a state's own side, or the enemy wronged; an admission
    "The Lithuanian defence minister said Vilnius was working to undermine Russia's disinformation network.",
    "The Estonian defence minister said Ukraine was working to undermine the enemy's supply lines.",
    "The European Commission acknowledged that Hungary had misled its auditors about the funds.",
]
