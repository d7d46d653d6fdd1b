"""The session-20 ACCUSE battery (evaccuse20, issue 19): suits told by other verbs than "sue", and the
label a speaker gives in evaluative speech.

Every sentence was written for this file; none comes from a dev set, a seed or a reference corpus.
Cases use :func:`tests.battery18_sentences.case` (PLOVER type, CAMEO roots, allowed extras) and pass
as the session-18 battery's do. PLOVER ACCUSE:allege covers "sue, indict, charge; bring to trial"
(CAMEO 115, bring lawsuit against): a suit, a complaint or charges brought, lodged or being prepared
against a party, a motion filed against one, a party taken to court, a suit faced from another. ACCUSE
:disapprove covers condemnation by a label (CAMEO 111): what a speaker calls a party or its conduct,
also through a verb of showing ("said the emails show the silence was negligence"), a belittling rank
("a third-rate journalist") and words of distress said of what a party owns ("the minister's conduct
is troubling"). Distress at a happening, a motion with no party against it and an appeal to the public
are no accusation (``NO_EVENT_TEXTS``; the controls among the event cases code no ACCUSE).
"""

from __future__ import annotations

from tests.battery18_sentences import case

EVENT_CASES = [
    # a suit or charges, by other verbs than "sue" (CAMEO 115)
    case("Greenpeace brought a lawsuit against Shell over the oil spill in the Niger Delta.", "ACCUSE", "11"),
    case("South Korean prosecutors brought charges against former president Park Geun-hye on Monday.",
         "ACCUSE", "11"),
    case("Kenya's opposition is preparing a lawsuit against the electoral commission.", "ACCUSE", "11"),
    case("Ukraine took Russia to the International Court of Justice in 2017.", "ACCUSE", "11"),
    case("The ACLU filed a motion against the Justice Department in federal court.", "ACCUSE", "11"),
    case("Exxon faces a lawsuit from the state of New York over its climate disclosures.", "ACCUSE", "11"),
    case("The Philippines lodged a case against China at the arbitration tribunal in The Hague.", "ACCUSE", "11"),
    case("Sales fell sharply, according to a complaint that the Sierra Club filed last week against the "
         "Interior Department.", "ACCUSE", "11"),
    # the label a speaker gives (CAMEO 111)
    case("Senator Lindsey Graham said the emails show the State Department's silence was evidence of gross "
         "negligence.", "ACCUSE", "11"),
    case("Senator Lindsey Graham said the emails prove the Pentagon's handling of the raid was a failure.",
         "ACCUSE", "11"),
    case('"Frankly," Senator Lindsey Graham continued, "the defence minister\'s conduct is deeply troubling."',
         "ACCUSE", "11"),
    case("Senator Lindsey Graham called the minister's conduct troubling.", "ACCUSE", "11"),
    case("President Trump called the CNN anchor a third-rate journalist on Twitter.", "ACCUSE", "11"),
]

NO_EVENT_TEXTS = [
    # distress at a happening or a trend blames no one
    "Chancellor Angela Merkel said the rise in infections was troubling.",
    # a verb of showing with no label of condemnation
    "President Obama said the report shows the economy is recovering.",
    # "continued" with no quotation
    "The prime minister continued his tour of the region on Tuesday.",
    # a motion with no party it is filed against; a document prepared; an appeal to the public
    "Kenya's parliament filed a motion to extend the session.",
    "The lawyers prepared a summary of the case.",
    "The opposition took its complaints to the court of public opinion.",
]
