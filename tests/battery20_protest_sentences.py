"""The session-20 battery (evpair20, issue 19): protests told through their participants, and the
polarity of "not only X but Y".

Every sentence was written for this file; none comes from a dev set, a seed or a reference corpus.
Cases use :func:`tests.battery18_sentences.case` (PLOVER type, CAMEO roots, allowed extras) and pass
as the session-18 battery's do. ``NO_EVENT_TEXTS`` must code nothing.
"""

from __future__ import annotations

from tests.battery18_sentences import case

EVENT_CASES = [
    # (a) a protest told through what its participants did (CAMEO 14, PLOVER PROTEST)
    case("Thousands of demonstrators filled the central square of Tbilisi on Saturday.", "PROTEST", "14"),
    case("Hundreds of Armenian protesters spent the night outside the parliament in Yerevan.", "PROTEST", "14"),
    case("Protesters in Lima waved flags and sang the national anthem.", "PROTEST", "14"),
    case("The marchers reached the presidential palace in Caracas by noon.", "PROTEST", "14"),
    case("Several hundred protesters stayed in the square overnight despite the curfew in Bishkek.", "PROTEST", "14"),
    case("Protesters carrying banners walked from the university to the city hall in Seoul.", "PROTEST", "14"),
    case("The opposition leader was among the protesters outside the parliament in Tbilisi.", "PROTEST", "14"),
    # protesters done to are the act's target, no protest of their own
    case("Police in Nairobi arrested 30 protesters on Tuesday.", "COERCE", "17"),
    # (b) "not only X but Y": Y keeps its own polarity whatever negation X carries
    case("Not only did the army never withdraw from the border, but Azerbaijan also shelled two villages in Tavush.",
         "ASSAULT", "19"),
    case("Not only did the rebels refuse to disarm, but they also attacked a UN convoy near Goma.", "ASSAULT",
         "18 19", "REJECT"),
    case("Not only did Serbia never recognize Kosovo, but Belgrade also lobbied other states to withdraw their "
         "recognition.", "REQUEST", "10"),
]

NO_EVENT_TEXTS = [
    # demonstrators leaving end their protest; a present relative clause describes them
    "Most of the demonstrators went home after the rain began.",
    "The demonstrators left the square before midnight.",
    "Student protesters who want free tuition are angry.",
    # what demonstrators think or wish is no act of theirs
    "Many protesters in Minsk believe the vote was rigged.",
    "Protesters in Lebanon hope to force the government out.",
]
