"""The session-20 ACCUSE battery (evaccuse20, issue 19): suits told by other verbs than "sue", and the
label a speaker gives in evaluative speech.

Every sentence was written for this file; none comes from a dev set, a seed or a reference corpus.
Cases use :func:`tests.battery18_sentences.case` (PLOVER type, CAMEO roots, allowed extras) and pass
as the session-18 battery's do. PLOVER ACCUSE:allege covers "sue, indict, charge; bring to trial"
(CAMEO 115, bring lawsuit against): a suit, a complaint or charges brought, lodged or being prepared
against a party, a motion filed against one, a party taken to court, a suit faced from another. ACCUSE
:disapprove covers condemnation by a label (CAMEO 111): what a speaker calls a party or its conduct,
also through a verb of showing ("argued the audit proves the spending was reckless"), a belittling
rank ("a second-rate lawyer") and words of distress said of a party's conduct ("the governor's
handling of the floods has been troubling"). Distress at a happening or a state of things, a motion or
a petition against no party, a person or a thing taken to a court building and an appeal to the
public are no accusation (``NO_EVENT_TEXTS``).
"""

from __future__ import annotations

from tests.battery18_sentences import case

EVENT_CASES = [
    # a suit or charges, by other verbs than "sue" (CAMEO 115)
    case("Greenpeace brought a lawsuit against Shell over the oil spill in the Niger Delta.", "ACCUSE", "11"),
    case("South Korean prosecutors brought charges against former president Park Geun-hye on Monday.",
         "ACCUSE", "11"),
    case("Bolivian prosecutors prepared an indictment against the former interior minister last month.",
         "ACCUSE", "11"),
    case("Ukraine took Russia to the International Court of Justice in 2017.", "ACCUSE", "11"),
    case("The ACLU filed a motion against the Justice Department in federal court.", "ACCUSE", "11"),
    case("Exxon faces a lawsuit from the state of New York over its climate disclosures.", "ACCUSE", "11"),
    case("The Philippines lodged a case against China at the arbitration tribunal in The Hague.", "ACCUSE", "11"),
    case("A grievance that the nurses' union filed against the health ministry in March is still pending.",
         "ACCUSE", "11"),
    # the label a speaker gives (CAMEO 111)
    case("Kenya's opposition argued that the audit demonstrates the ministry's procurement was corrupt.",
         "ACCUSE", "11"),
    case("The rights group insisted the leaked files reveal the police response was a disgrace.", "ACCUSE", "11"),
    case('"The ministry\'s handling of the floods has been troubling," Angela Merkel continued.', "ACCUSE", "11"),
    case("Pope Francis said the government's treatment of migrants is disturbing.", "ACCUSE", "11"),
    case("Beijing described the Taiwanese leader as a second-rate politician.", "ACCUSE", "11"),
    case("Zimbabwe's ruling party called the opposition leader a second-rate lawyer.", "ACCUSE", "11"),
]

NO_EVENT_TEXTS = [
    # distress at a happening, a trend or a state of things blames no one, even when the thing has
    # an owner
    "Chancellor Angela Merkel said the rise in infections was troubling.",
    "The finance minister said the country's trade figures were troubling.",
    "Doctors said the singer's recovery was troubling.",
    # a verb of showing with no label of condemnation
    "President Obama said the report shows the economy is recovering.",
    # "continued" with no quotation
    "The prime minister continued his tour of the region on Tuesday.",
    # a motion against a text, not a party; a motion with nothing it is filed against; a document
    # prepared; persons taken to a court building; an appeal to the public
    "Two senators filed a motion against the tax bill on Tuesday.",
    "Kenya's parliament filed a motion to extend the session.",
    "The lawyers prepared a summary of the case.",
    "The union took its members to the court house in buses.",
    "The opposition took its complaints to the court of public opinion.",
]
