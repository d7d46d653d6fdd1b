"""The session-21 vocabulary battery (evvocab21, issue 19): legal and verbal acts that the benchmark
corpus reports of political actors most often among the words no entry read (``bench/events_vocabulary.py``).

Every sentence was written for this file; none comes from a dev set, a seed, the benchmark corpus or a
reference corpus. Cases use :func:`tests.battery18_sentences.case` (PLOVER type, CAMEO roots, allowed
extras) and pass as the session-18 battery's do. ``NO_EVENT_TEXTS`` must code nothing: the same words
in another sense, said of no act, or denied.
"""

from __future__ import annotations

from tests.battery18_sentences import case

EVENT_CASES = [
    # impeaching is a legislature's charge against an official; prosecuting is bringing to trial
    # (PLOVER ACCUSE:allege "sue, indict, charge; bring to trial"; CAMEO 1121 as "indict")
    case("The Peruvian Congress impeached President Vizcarra on Monday.", "ACCUSE", "11"),
    case("Lawmakers in Seoul impeached the prime minister over the martial law decree.", "ACCUSE", "11"),
    case("Turkish prosecutors prosecuted the mayor of Istanbul for insulting officials.", "ACCUSE", "11"),
    case("The Egyptian government has prosecuted dozens of journalists since 2013.", "ACCUSE", "11"),
    # a refused prosecution is a refusal, not a charge (parley codes the refusal REJECT)
    case("The Kenyan attorney general declined to prosecute the minister.", "REJECT", "12"),
    # a subpoena compels evidence for an investigation (CAMEO 090)
    case("The Senate intelligence committee subpoenaed the former national security adviser.", "ACCUSE", "09"),
    # "rail against" is to criticise (CAMEO 111)
    case("The Iranian president railed against Washington in a speech in Tehran.", "ACCUSE", "11"),
    case("Venezuela's foreign minister railed against the European Union's sanctions.", "ACCUSE", "11"),
    # a fine is an administrative penalty (CAMEO 172); "fined" is lemmatised "fin" by the tagger
    case("A court in Moscow fined the opposition leader 30,000 roubles.", "COERCE", "17"),
    case("The Chinese government fined three Canadian companies on Tuesday.", "COERCE", "17"),
    # ... imposed by a state's power: a regulator or a judge named by office, an international body (fixq21)
    case("The Dutch competition regulator fined four supermarket chains on Monday.", "COERCE", "17"),
    case("The shipping company was fined by the European Commission for breaking competition rules.", "COERCE", "17"),
]

NO_EVENT_TEXTS = [
    # the same words in another sense
    "The weather in Ankara was fine on Saturday.",
    "The new rail link between Nairobi and Kampala opened in March.",
    "Passengers waited on the rail platform in Lagos.",
    # said of no act: denied, or never done
    "Prosecutors in Lima said they would not prosecute the former president.",
    "The Brazilian senate has never impeached a judge.",
    "The fine print of the trade agreement worried Mexican officials.",
    # a fine in sport or on the road is no act of a state (fixq21)
    "The referee fined the goalkeeper for time-wasting.",
    "The football league fined the club for the fans' behaviour.",
    "The taxi driver was fined 300 euros for speeding near Lyon.",
    "Traffic police fined dozens of motorists over the Easter weekend.",
    # what prosecutors do as a rule, in the simple present with a recurring span (fixq21)
    "Prosecutors in the capital prosecute thousands of theft cases every year.",
    "The commission fines a handful of banks each year.",
]
