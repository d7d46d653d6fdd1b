"""The session-22 leaving battery (evleave22, issue 19): leaving an agreement or an international body
is SANCTION (CAMEO 161), and the foreign-affairs acts of named parties the benchmark news reports most
often with no entry: a call to a counterpart (CONSULT 041), persons captured (COERCE 173; by pirates
or an armed group, ASSAULT 181), a protest or a rising crushed (COERCE 175), lawmakers lobbied
(REQUEST 020).

Every sentence was written for this file; none comes from a dev set, a seed or a reference corpus.
Cases use :func:`tests.battery18_sentences.case` and pass as the session-18 battery's do. The near
misses are event cases of another type (troops withdrawn retreat; calling for something asks; calling
someone a liar criticises) or ``NO_EVENT_TEXTS``, which must code nothing: leaving a room, a city or a
meeting, a candidate withdrawn, a name or a moment that is no one captured, a rival crushed in sport,
an agreement left in place.
"""

from __future__ import annotations

from tests.battery18_sentences import case

EVENT_CASES = [
    # leaving an agreement or an international body (SANCTION, CAMEO 161)
    case("Burundi withdrew from the International Criminal Court in 2017.", "SANCTION", "16"),
    case("Qatar withdrew from OPEC at the start of 2019.", "SANCTION", "16"),
    case("Venezuela quit the Organization of American States in April.", "SANCTION", "16"),
    case("Nicaragua pulled out of the Central American trade pact last week.", "SANCTION", "16"),
    case("Britain formally left the European Union on Friday.", "SANCTION", "16"),
    case("Mali exited the regional defence alliance after the coup.", "SANCTION", "16"),
    case("The Bolivian government abandoned the water-sharing treaty with Chile.", "SANCTION", "16"),
    case("Washington walked away from the arms control accord with Moscow in 2019.", "SANCTION", "16"),
    case("Ecuador backed out of the fisheries agreement with Peru.", "SANCTION", "16"),
    case("Israel quit UNESCO at the end of 2018.", "SANCTION", "16"),
    # near misses: forces withdrawn from ground retreat (CAMEO 0874)
    case("Armenia withdrew its troops from the border village.", "RETREAT", "08"),
    case("The Serbian army pulled out of the town.", "RETREAT", "08"),
    # a call to a counterpart (CONSULT 041); calling for something asks, calling someone a liar criticises
    case("The Kenyan president called his Ugandan counterpart on Sunday.", "CONSULT", "04"),
    case("Indian Prime Minister Narendra Modi called Japanese Prime Minister Shinzo Abe on Wednesday.",
         "CONSULT", "04"),
    case("The Chilean foreign minister called for calm after the vote.", "REQUEST", "02 10"),
    case("The Peruvian minister called his rival a liar.", "ACCUSE", "11"),
    # persons captured: detained (COERCE 173), or abducted by pirates or an armed group (ASSAULT 181)
    case("Colombian troops captured a senior rebel commander in the jungle.", "COERCE", "17"),
    case("Police in Lagos captured the suspected kidnappers on Tuesday.", "COERCE", "17"),
    case("Pirates captured six crew members off the coast of Somalia.", "ASSAULT", "18"),
    # a protest or a rising crushed (COERCE 175); the protest crushed took place
    case("Security forces crushed the student protests in Yangon.", "COERCE", "17", also="PROTEST"),
    case("The junta quelled the uprising in the north.", "COERCE", "17"),
    # lawmakers lobbied (REQUEST 020)
    case("Taiwanese diplomats lobbied European lawmakers ahead of the vote.", "REQUEST", "02"),
]

NO_EVENT_TEXTS = [
    "The minister left the room before the vote.",
    "The delegates left the meeting shortly after noon.",
    "The president left Lisbon on Thursday evening.",
    "The party withdrew its candidate from the mayoral race.",
    "The comedian called the actor a genius.",
    "The photographer captured the moment on film.",
    "Congress left the agreement in place.",
    "The home team crushed its rivals in the final.",
    "In the referendum, rural voters voted heavily to leave the union.",
]
