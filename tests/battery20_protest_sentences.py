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
    case("Crowds of marchers packed the avenue in front of the cathedral in Valletta.", "PROTEST", "14"),
    case("Several hundred Georgian demonstrators camped in tents near the opera house.", "PROTEST", "14"),
    case("Protesters in Lima waved flags and sang the national anthem.", "PROTEST", "14"),
    case("The marchers reached the presidential palace in Caracas by noon.", "PROTEST", "14"),
    case("Several hundred protesters stayed in the square overnight despite the curfew in Bishkek.", "PROTEST", "14"),
    case("Protesters carrying banners walked from the university to the city hall in Seoul.", "PROTEST", "14"),
    case("A retired judge and two bishops were among the marchers in Kampala on Monday.", "PROTEST", "14"),
    case("The demonstrators grew violent after dark.", "PROTEST", "14"),
    # protesters done to are the act's target, no protest of their own
    case("Police in Nairobi arrested 30 protesters on Tuesday.", "COERCE", "17"),
    case("Soldiers kicked protesters kneeling on the road outside the palace.", "ASSAULT", "18 19"),
    # (b) "not only X but Y": Y keeps its own polarity whatever negation X carries
    case("Not only has the junta not freed the reporters, but it has also arrested three more journalists "
         "in Niamey.", "COERCE", "17"),
    case("The militia not only refused to hand over its weapons but also ambushed a police patrol near Bunia.",
         "ASSAULT", "18 19", "REJECT"),
    case("Belgrade not only refuses to recognize Kosovo but has also asked other states to withdraw their "
         "recognition.", "REQUEST", "02", "REJECT"),
]

NO_EVENT_TEXTS = [
    # demonstrators leaving end their protest; a present relative clause describes them
    "Most of the demonstrators went home after the rain began.",
    "The demonstrators left the square before midnight.",
    "The strikers at the port returned to work on Thursday.",
    "Student protesters who want free tuition are angry.",
    # what demonstrators think or wish is no act of theirs
    "Many protesters in Minsk believe the vote was rigged.",
    "Protesters in Lebanon hope to force the government out.",
    # what demonstrators undergo, flee, wait for or number is no protest act (fixpair20)
    "One marcher lost a finger when a flare exploded.",
    "The demonstrators scattered when the troops fired into the air.",
    "The protesters escaped through a side street.",
    "The demonstrators numbered roughly 2,000.",
    "Protesters queued for hours to cast their ballots.",
    "Several strikers waited outside the labour court for the verdict.",
    "The marchers got hungry and went home.",
    # being among demonstrators is membership only with the copula (fixpair20)
    "Soldiers discovered knives among the demonstrators in Harare.",
    "Fear spread among the marchers in Tashkent.",
]
