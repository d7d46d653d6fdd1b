"""The session-22 word-sense battery (evsense22, issue 19): a verb's object must be of the kind its
event needs, and an event noun under a light verb or in a phrase of place carries its event.

Every sentence was written for this file; none comes from a dev set, a seed, the benchmark corpus or a
reference corpus. Cases use :func:`tests.battery18_sentences.case` (PLOVER type, CAMEO roots, allowed
extras) and pass as the session-18 battery's do. ``NO_EVENT_TEXTS`` must code nothing: "deploy" of a
tactic, a skill, software or one person's tour; "kill" of jobs or of people counted by a rate; "warn"
of a hazard or of how things are. The review fixes (fixev22) add warnings of a party's answer, a blow
at a target or force a party's act would bring (threats); a kind of weapon deployed; meetings named as
the scene of an act that are no consultation (a party's own, a conference of scholars); a lecture or a
party's conference organised; deaths counted "per week"; a general's tour.
"""

from __future__ import annotations

from tests.battery18_sentences import case

EVENT_CASES = [
    # forces and weapons deployed are a mobilisation (CAMEO 15)
    case("Turkey deployed two frigates to the eastern Mediterranean.", "MOBILIZE", "15"),
    case("The Pentagon deployed 2,000 paratroopers to Lithuania.", "MOBILIZE", "15"),
    # one person deployed serves a tour of duty: no mobilisation beside the meeting
    case("A Ukrainian medic who has deployed to the front three times met the German chancellor.", "CONSULT", "04"),
    # people killed are violence; a bill or a plan killed is refused (CAMEO 120, as "blocked" is)
    case("Rebels killed four policemen at a checkpoint near Mosul.", "ASSAULT", "18 19"),
    case("The Senate killed the bill after a heated debate.", "REJECT", "12"),
    # a vow to kill a deal is a threat to refuse it (CAMEO 13), as a vow to block it is
    case("Germany's opposition leader vowed to kill the trade deal with Canada.", "THREATEN", "13"),
    # "a day after" dates the killing: no rate, a report
    case("The bill was introduced in Texas a day after a gunman killed 14 people in Dallas.", "ASSAULT", "18 19"),
    case("Chinese regulators killed the merger plan.", "REJECT", "12"),
    # a warning of an act to come, of a step against another, or a directive is a threat (CAMEO 13)
    case("Iran warned that it would close the Strait of Hormuz if attacked.", "THREATEN", "13"),
    case("China warned Japan not to send warships through the strait.", "THREATEN", "13"),
    case("Moscow warned of severe consequences if NATO expanded further.", "THREATEN", "13"),
    case("North Korea warned that its army is ready to strike.", "THREATEN", "13"),
    case("The Taliban warned that they are planning attacks on Kabul.", "THREATEN", "13"),
    case("North Korea warned that it is ready for war with the United States.", "THREATEN", "13"),
    # a warning quoted as the content of another: the quoted clause says what is warned of
    case('"We warn the government that a cut will result in strikes," the Nigerian unions warned the minister.',
         "THREATEN", "13"),
    # a meeting organised or arranged is convened (CAMEO 040), not an appeal to meet (026)
    case("Qatar organized a meeting of Afghan and American envoys in Doha.", "CONSULT", "04"),
    case("Kenya arranged talks between the two Sudanese factions in Nairobi.", "CONSULT", "04"),
    # congratulations sent or tweeted are praise (CAMEO 051)
    case("The Mexican president sent his congratulations to the new prime minister of Canada.", "SUPPORT", "05"),
    case("Macron tweeted congratulations to the Portuguese president on his re-election.", "SUPPORT", "05"),
    # a demand made, voiced, issued or renewed is a demand (CAMEO 10)
    case("The demand was also voiced by Poland and the Baltic states.", "REQUEST", "10"),
    case("Seoul issued a demand that Tokyo withdraw the export curbs.", "REQUEST", "10"),
    case("Hungary renewed its demand that Ukraine restore minority language rights.", "REQUEST", "10"),
    # a meeting where the doers acted is held by them (CAMEO 04), beside what they did there
    case("At a summit in Lisbon, the leaders of Spain and Portugal agreed to build a railway.", "CONSULT", "04",
         "AGREE"),
    case("During talks in Doha, the Afghan envoy demanded the release of prisoners.", "CONSULT", "04", "REQUEST"),
    # (fixev22) ... with the party met named, or a meeting of states by its name; a party's own meeting or a
    # conference of scholars is no consultation
    case("During a meeting with the Chinese president, the Brazilian president praised the trade deal.",
         "CONSULT", "04", "SUPPORT"),
    case("At an EU summit in Brussels, Hungary vetoed the aid package for Ukraine.", "REJECT", "12", "CONSULT"),
    case("At an academic conference in Bergen, the Norwegian foreign minister praised Sweden.", "SUPPORT", "05"),
    case("At a meeting of his party in Izmir, Erdogan criticised the opposition leader.", "ACCUSE", "11"),
    # (fixev22) a warning of a party's answer, of a blow at a target, of force a party's act would bring, or
    # that a party faces a response, is a threat
    case("Pyongyang warned of a merciless answer to any drills near its waters.", "THREATEN", "13"),
    case("Azerbaijan warned of a heavy blow against separatist forces in the mountains.", "THREATEN", "13"),
    case("Beijing warned of war if Taipei declared independence.", "THREATEN", "13"),
    case("Tehran warned that Israel faces a crushing response.", "THREATEN", "13"),
    case("The Iranian foreign minister warned of a storm of retaliation against Riyadh.", "THREATEN", "13"),
    # (fixev22) a type of a weapon, or a technology, deployed is a mobilisation
    case("Russia deployed a new type of hypersonic missile in Kaliningrad.", "MOBILIZE", "15"),
    case("Israel deployed new laser technology against drones on the Lebanese border.", "MOBILIZE", "15"),
]

NO_EVENT_TEXTS = [
    # a manner of acting, a skill or software deployed; one person's tour of duty
    "Pakistan deployed a new diplomatic strategy.",
    "Obama deployed his charm in Havana.",
    "The Indian government deployed its new tax software in March.",
    # sessions and evenings organised are no meeting of parties
    "Kenya's ruling party organized poetry sessions and movie nights for young voters.",
    # jobs killed; deaths counted by a rate are a statistic
    "Erdogan's economic policies killed thousands of jobs.",
    "Hundreds of Afghan migrants were killed every year on the roads of Iran.",
    # a hazard warned of; how things are
    "The French president warned of a powerful storm heading for Brittany.",
    "The Canadian prime minister warned the audience that the country is falling behind its rivals.",
    "The Italian government warned about the risks of a housing bubble.",
    # (fixev22) a lecture or a party's conference organised; deaths counted per week; a general's tour
    "The Chilean embassy organised a talk by a Peruvian novelist in Santiago.",
    "The Greek ruling party organised a conference on soil science in Athens.",
    "Around 20 civilians were killed per week in the fighting around the town.",
    "The American general was deployed to Kabul in 2011.",
    # ... a blow to a thing, a hazard a failure would bring: alerts
    "The central bank warned of a heavy blow to the economy.",
    "Poland warned of floods if the dam on the Oder failed.",
]
