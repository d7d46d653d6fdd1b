"""The session-19 battery (evbattery19, issue 19): constructions session 18 left known-broken.

Every sentence was written for this file; none comes from a dev set, a seed or a reference corpus.
Cases use :func:`tests.battery18_sentences.case` (PLOVER type, CAMEO roots, allowed extras) and pass
as the session-18 battery's do. The classes: acts asked of another party by an invitation, a request
or a permission (only the asking happens); definite nominal acts that a reaction takes as subject,
told with their own participants (news) or named as known events (background); groups of states named
by a region's adjective; attacks on positions held by force against criticism of a stance; a person's
"his country"; the polarity of coordinated clauses. ``NO_EVENT_TEXTS`` must code nothing.

``KNOWN_FAILING`` lists the sentences the coder still gets wrong, with the reason: they stay in the
battery (its runner counts them as failures) and the tests mark them as strict expected failures.
"""

from __future__ import annotations

from tests.battery18_sentences import case

EVENT_CASES = [
    # (a) invited, requested, permitted acts: the asking is the event, the act asked is not done
    case("Egypt invited Israeli and Palestinian negotiators to hold talks in Cairo.", "AGREE", "03"),
    case("The Vatican extended an invitation to the Iraqi president to visit Rome.", "AGREE", "03"),
    case("Jordan accepted an invitation to attend the conference in Paris.", "AGREE", "03"),
    case("The UN Security Council invited Ukraine to address the meeting.", "AGREE", "03"),
    case("Japan invited South Korean leaders to join a summit in Tokyo.", "AGREE", "03"),
    case("Qatar invited the two sides to Doha for talks.", "AGREE", "03"),
    case("Washington asked Ankara to release the detained pastor.", "REQUEST", "10 02"),
    case("The mediators urged both sides to sign the ceasefire in Khartoum.", "REQUEST", "10 02"),
    # the invited act done is still coded
    case("The Bolivian president visited Santiago at Chile's invitation.", "CONSULT", "04"),
    # (b) a definite act with its own participants, the subject of a reaction, is news too
    case("The killing of four protesters in Khartoum drew condemnation.", "ASSAULT", "18", "ACCUSE"),
    case("The arrest of 12 opposition members on Sunday was condemned by the European Union.", "COERCE", "17",
         "ACCUSE"),
    case("The release of three hostages in Gaza was welcomed by Israel.", "RETREAT", "08", "SUPPORT"),
    case("The deportation of 200 migrants was criticized by the United Nations.", "COERCE", "17", "ACCUSE"),
    # ... but not when its date lies a year or more before the report's day: a reaction to a past act
    case("The massacre of 300 villagers in 1982 drew condemnation from the bishop.", "ACCUSE", "11"),
    case("The arrest of 40 students in 1989 was condemned by Amnesty International.", "ACCUSE", "11"),
    # a known event named as the reaction's topic is not reported again
    case("The Iraq war drew criticism from the senator.", "ACCUSE", "11"),
    case("The killing of Khashoggi drew condemnation from Turkey.", "ACCUSE", "11"),
    # an act named by the country or region it was done to ("of" + place) is a known event too
    case("The bombardment of Gaza was condemned by the Arab League.", "ACCUSE", "11"),
    case("The invasion of Kuwait drew condemnation from the Security Council.", "ACCUSE", "11"),
    # ... but a place after a preposition of place is where a new act happened
    case("The detention of two activists in Moscow was condemned by the European Union.", "COERCE", "17",
         "ACCUSE"),
    # (c) groups of states named by a region's adjective
    case("Arab countries rejected the peace plan.", "REJECT", "12"),
    case("Gulf countries cut diplomatic ties with Qatar.", "SANCTION", "16"),
    case("Gulf Arab states cut diplomatic ties with Qatar.", "SANCTION", "16"),
    case("European countries expelled Russian diplomats.", "SANCTION", "16"),
    case("Western powers condemned the missile test.", "ACCUSE", "11"),
    case("African nations agreed to send troops to Somalia.", "AGREE", "03"),
    case("Western powers urged Iran to return to the nuclear talks.", "REQUEST", "10 02"),
    # (d) positions held by force against a stance
    case("Israel attacked Hezbollah positions in southern Lebanon.", "ASSAULT", "19"),
    case("Iran attacked US positions in Iraq.", "ASSAULT", "19"),
    case("Hamas attacked Israeli positions near the border fence.", "ASSAULT", "19"),
    case("France attacked Germany's position on the budget.", "ACCUSE", "11"),
    case("The senator attacked the Taliban's position on women's rights.", "ACCUSE", "11"),
    case("The senator attacked the party's positions on trade and immigration.", "ACCUSE", "11"),
    case("Syrian rebels attacked army positions in Idlib province.", "ASSAULT", "19"),
    # (e) a person's "his country", "her government"
    case("The Indian foreign minister said his country would provide vaccines to Nepal.", "AGREE", "03"),
    case("The Kenyan president said his government would cooperate with the ICC.", "AGREE", "03"),
    # (f) a conjunct's polarity is its own
    case("The cause was not known, but rebels shelled the town overnight.", "ASSAULT", "19"),
    case("Police did not arrest the organisers but detained 20 protesters.", "COERCE", "17"),
    case("The talks were not productive, but both sides agreed to meet again.", "AGREE", "03"),
]

NO_EVENT_TEXTS = [
    # (a) a permission; invitations and leave given to no party: nothing done
    "Parliament authorized the government to impose sanctions on Russia.",
    "The museum invited visitors to explore its new gallery.",
    "The company invited customers to test the new phone.",
    "The coach allowed the players to attend the gala.",
    # (b) a known event named as the subject of a state, not of a reaction
    "The killing of the mayor in 1998 remains unsolved.",
    # (c) a compass, a comparison: no group of states acts
    "Drought hit several Western states this summer.",
    "European countries have older populations than Asian nations.",
    "Gulf states are among the richest in the world.",
    "Arab states have large youth populations.",
    # (e) a person named with no state: no party
    "The farmer said his country had abandoned him.",
    "The president said his country would never forget the victims.",
    # (f) both conjuncts denied
    "The army did not attack the village and did not shell the camp.",
    "Russia did not send troops or supply weapons.",
    "The ministers did not meet on Monday and did not speak by phone.",
]

# The rule that gave a coordinated clause with its own subject, negation or auxiliary its own polarity
# was reverted (session 19): on 800 unlabelled benchmark sentences it made about 5 events right and 7
# wrong, and it reached one find set only. The first conjunct's "not" still decides the conjunct's.
CONJUNCT_POLARITY = "the first conjunct's negation still decides a coordinated clause's polarity (rule reverted)"
KNOWN_FAILING = {
    "The cause was not known, but rebels shelled the town overnight.": CONJUNCT_POLARITY,
    "Police did not arrest the organisers but detained 20 protesters.": CONJUNCT_POLARITY,
    "The talks were not productive, but both sides agreed to meet again.": CONJUNCT_POLARITY,
    "The army did not attack the village and did not shell the camp.": CONJUNCT_POLARITY,
    "The ministers did not meet on Monday and did not speak by phone.": CONJUNCT_POLARITY,
}
