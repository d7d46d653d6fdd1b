"""The session-21 charge battery (evcharge21, issue 19): a charge, an allegation or a suspicion is
ACCUSE (CAMEO 112), and what it charges is its content, not an act coded as done.

Every sentence was written for this file; none comes from a dev set, a seed or a reference corpus.
Cases use :func:`tests.battery18_sentences.case` and pass as the session-18 battery's do. "X charged
that Y did Z" is an allegation like "X alleged that"; "Y is alleged to have done Z", "Y was accused of
Z" and "Y is suspected of Z" are charges whose maker the sentence need not name. ``NO_EVENT_TEXTS``
must code nothing: "charge" in its other senses (a fee, a battery, a charge of cavalry) and a
suspicion that estimates rather than accuses ("are suspected to have").
"""

from __future__ import annotations

from tests.battery18_sentences import case

EVENT_CASES = [
    # "charged that": the clause is what is alleged
    case("The opposition charged that the governor had rigged the election.", "ACCUSE", "11"),
    case("Human rights groups charged that the army shelled villages near the border.", "ACCUSE", "11"),
    case("Venezuela's foreign minister charged that Colombia was training mercenaries.", "ACCUSE", "11"),
    # agentless charges: the maker of the allegation or the suspicion is not named
    case("The minister is alleged to have taken bribes from a construction firm.", "ACCUSE", "11"),
    case("Two Iranian diplomats are suspected of plotting an attack on exiles in Paris.", "ACCUSE", "11"),
    case("The general was accused of ordering the killing of protesters.", "ACCUSE", "11"),
    case("A farmer alleged that the mining company poisoned the river.", "ACCUSE", "11"),
]

NO_EVENT_TEXTS = [
    "The airline will charge passengers a fee for checked bags.",
    "The phone was charged overnight.",
    "Many of the freed detainees are suspected to have returned to the fighting.",
    "The bank charged interest at four percent.",
]
