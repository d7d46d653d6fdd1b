"""The session-21 "propose" battery (evcontent21, issue 19): proposing an act to another party is an
offer (PLOVER AGREE, CAMEO 03); proposing a policy of one's own is no agreement with anyone.

Every sentence was written for this file; none comes from a dev set, a seed or a reference corpus.
Cases use :func:`tests.battery18_sentences.case` (PLOVER type, CAMEO roots, allowed extras) and pass
as the session-18 battery's do. The ``propose`` entry of ``predicates.yaml`` codes AGREE only when
what is proposed is an act the coder reads (talks, a meeting, a ceasefire, an exchange, mediation),
as its object or its verb ("proposed to host a summit", "proposed holding talks"). A tax, a rule, a
law, a cut or a rate rise proposed is the proposer's own plan (``NO_EVENT_TEXTS``), and so is a
policy named by a relative clause of its proposing. Other acts of the sentence still code.
"""

from __future__ import annotations

from tests.battery18_sentences import case

EVENT_CASES = [
    # an act proposed to another party: talks, a meeting, a summit, a ceasefire, an exchange
    case("Japan proposed talks with China on the disputed islands.", "AGREE", "03"),
    case("The Colombian government proposed a ceasefire to the ELN rebels.", "AGREE", "03"),
    case("Egypt proposed to host a summit of Sudan's warring factions in Cairo.", "AGREE", "03"),
    case("Turkey proposed a meeting between the foreign ministers of Armenia and Azerbaijan.", "AGREE", "03"),
    case("Kenya proposed holding peace talks with the Somali government in Nairobi.", "AGREE", "03"),
    case("Norway proposed a prisoner exchange between Russia and Ukraine.", "AGREE", "03"),
    case("Qatar proposed to mediate between the Taliban and the Afghan government.", "AGREE", "03"),
    # a deal, a compromise, a truce or a settlement offered is an offer too (fixev21)
    case("Moscow proposed a peace deal to Kyiv.", "AGREE", "03"),
    case("The mediators proposed a compromise to the two parties.", "AGREE", "03"),
    case("Qatar proposed a new truce agreement between Israel and Hamas.", "AGREE", "03"),
    case("The health ministry proposed a settlement to the striking nurses.", "AGREE", "03"),
    # a deal with another party named, and a plan for peace by what it is (fixq21)
    case("Ankara proposed a grain deal to Moscow and Kyiv.", "AGREE", "03"),
    case("Brazil proposed a peace plan for Ukraine.", "AGREE", "03"),
    # a truce proposed keeps its own code (CAMEO 0356) through the "propose" entry (fixq21)
    case("The Ethiopian prime minister proposed a truce in the north.", "AGREE", "03"),
    # a "that" clause after "propose" is what is proposed, not an act done (fixev21)
    case("Pakistan proposed that the two countries resume their dialogue on Kashmir.", "AGREE", "03"),
    case("France proposed to Germany that the two governments hold joint talks.", "AGREE", "03"),
    case("The rebels proposed that both armies withdraw their forces from the valley.", "AGREE", "03"),
    case("The EU proposed that Serbia and Kosovo sign a new trade agreement.", "AGREE", "03"),
    # told in the passive, the subject is what is proposed (fixev21)
    case("A summit of the Gulf states was proposed by Kuwait.", "AGREE", "03"),
    case("A truce in the north was proposed by the Omani mediators.", "AGREE", "03"),
    # a policy proposed codes nothing, the other act of the sentence still codes
    case("The finance minister proposed higher taxes on tobacco, and the opposition rejected the plan.",
         "REJECT", "12"),
]

NO_EVENT_TEXTS = [
    # a policy of one's own proposed: a tax, a rule, a law, a cut, a rate rise
    "The union proposed new rules on overtime pay.",
    "The finance minister proposed higher taxes on tobacco.",
    "The Indian government proposed a new law on data privacy.",
    "Brazil's central bank proposed raising interest rates by half a point.",
    "The governor proposed cutting the state's education budget.",
    # a deal with no other party named: a union's pay deal, a company's settlement (fixq21)
    "The teachers' union proposed a new wage deal on Friday.",
    "The carmaker proposed a deal to settle the emissions lawsuit.",
    # a framework for some policy is a plan of one's own (fixq21)
    "The Canadian government proposed a framework for regulating online platforms.",
    # a policy named by the relative clause of its proposing
    "The levy on foreign films that the culture minister has proposed worries cinema owners.",
]
