"""The session-21 doer battery (evdoer21, issue 19): attacks in words, and people named by number or part.

Every sentence was written for this file; none comes from a dev set, a seed or a reference corpus.
Cases use :func:`tests.battery18_sentences.case` and pass as the session-18 battery's do.

- An attack in words is criticism (PLOVER ACCUSE:disapprove, CAMEO 111), not force: a verb of attack
  or "came under fire" told with its reason ("over the budget", "for his remarks", "on moral
  grounds"), aimed at a person or a party, by one who acts by speech, with no weapon and no one hurt
  (``hardnews.reasoned_attack``); and a person named, attacked by a person who speaks
  (``hardnews.verbal_attack``). An attack for a span of time, by armed parties, the police or with
  a weapon stays force (PLOVER ASSAULT).
- People named by number or part ("some", "others", "thousands", "dozens", "thousands of Tamils")
  do the act their verb tells: the act is reported though the sentence names no party
  (``hardnews.unknown_doer``). Such a subject of no act, or of a noun of things ("hundreds of
  companies" is no party the coder knows), codes nothing new.
"""

from __future__ import annotations

from tests.battery18_sentences import case

EVENT_CASES = [
    # an attack in words, with its reason
    case("Senator Elena Varga attacked Governor Tom Reilly over the state budget.", "ACCUSE", "11"),
    case("Boris Johnson came under fire from opposition leaders for his remarks about Brussels.", "ACCUSE", "11"),
    case("Unions attacked the government for its pension reform.", "ACCUSE", "11"),
    case("Nikki Haley targeted Vivek Ramaswamy for his comments about Ukraine.", "ACCUSE", "11"),
    case("Senator Sherrod Brown attacked Mitch McConnell on moral grounds.", "ACCUSE", "11"),
    # "came under fire" for words or deeds, its subject an office or a state named by its noun
    # alone, not only a person by name (fixq21)
    case("The Danish government came under fire over its gas deals with Moscow.", "ACCUSE", "11"),
    case("Belgium came under fire for its silence on the arrests.", "ACCUSE", "11"),
    case("The health minister came under fire for her remarks about nurses.", "ACCUSE", "11"),
    case("The mayor came under fire for his handling of the heatwave.", "ACCUSE", "11"),
    case("The interior minister came under fire for refusing to resign.", "ACCUSE", "11"),
    # a person by name, attacked by a person who speaks
    case("Senator Ted Cruz has attacked Joe Biden.", "ACCUSE", "11"),
    # force stays force: for a span of time, by armed parties or the police, with a weapon
    case("The rebels attacked the town for three days.", "ASSAULT", "18 19"),
    case("Taliban fighters attacked the base for hours.", "ASSAULT", "18 19"),
    case("Police attacked the students for refusing to leave.", "ASSAULT", "18 19", also="COERCE"),
    case("A man attacked his neighbour with a knife over a parking dispute.", "ASSAULT", "18 19"),
    case("The convoy came under fire for two hours near Kandahar.", "ASSAULT", "18 19"),
    case("Gunmen attacked the mayor of Tijuana over a land dispute, wounding two of his guards.",
         "ASSAULT", "18 19"),
    # a person unknown to the actors stage attacking another is force; a convoy or a patrol
    # under fire for a span of time, over a place or from gunmen is shot at (fixev21)
    case("Witnesses said Carlos Ruiz attacked Miguel Torres with a knife outside his home.", "ASSAULT", "18 19"),
    case("Police say Carlos Ruiz attacked Miguel Torres and fled the scene.", "ASSAULT", "18 19"),
    case("The convoy came under fire for the third time this month.", "ASSAULT", "18 19"),
    case("The town came under fire for much of the day.", "ASSAULT", "18 19"),
    case("The patrol came under fire over the frontier.", "ASSAULT", "18 19"),
    case("The reporter came under fire from gunmen for his articles.", "ASSAULT", "18 19"),
    case("The minister came under fire from militants on the road to the airport.", "ASSAULT", "18 19"),
    case("The governor came under fire from gunmen for his campaign against the cartels.", "ASSAULT", "18 19"),
    case("The ministry came under fire for two hours on Sunday.", "ASSAULT", "18 19"),
    case("Farmers attacked the grain traders over the price of wheat.", "ASSAULT", "18 19"),
    # people named by number or part
    case("Some have accused the Chinese government of hiding the outbreak.", "ACCUSE", "11"),
    case("Others have called for a new round of talks with Tehran.", "REQUEST", "02 10"),
    case("Many have criticised the Kenyan president's handling of the drought.", "ACCUSE", "11"),
    case("Dozens rejected the mayor's offer to relocate the market.", "REJECT", "12"),
    case("Thousands of Tamils defied the curfew in Jaffna on Sunday.", "REJECT", "12"),
]

NO_EVENT_TEXTS = [
    "Hundreds of companies reported higher profits this quarter.",
    "Some say the weather will improve next week.",
    "Many died in the floods that hit the province last week.",
    "Critics attacked the film for its length.",
    "Thousands watched the final on giant screens in the main square.",
    "Others prefer to travel by train.",
    # a stance or an opinion of unnamed people is no act (fixev21)
    "Many support the idea of a truce.",
    "Some back the plan, while others oppose it.",
    "Many welcomed the decision.",
    "Others warned of a new war in the region.",
    "Many refuse to accept the outcome of the vote.",
]
