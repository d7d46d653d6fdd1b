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
undermines, and the writer's own statement with no speaker.
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
]
