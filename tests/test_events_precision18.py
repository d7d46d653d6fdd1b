"""Session 18 precision pass (issue 19): events coded where the news reports none.

Every sentence here was written for this file. Texts run through the real pipeline (nlp,
times, places, actors, events), loaded once for the module.
"""

from __future__ import annotations

import pytest

from parley.events.discards import page_furniture
from tests.conftest import coded_events as coded
from tests.conftest import event_kinds

# ---------------------------------------------------------------- page furniture
TEASER = ("Senator Jane Rowe Jane Ellen RoweRebels attack army base in the north Minister threatens to "
          "quit over budget MORE (D-Ore.) met the Chilean ambassador on Tuesday.")
GALLERY = ("Hide Caption 4 of 12 Photos: Photos: Russian airstrikes on Aleppo Russian airstrikes on Aleppo "
           "– Venezuelan police fired tear gas at protesters in Caracas on Sunday.")


def test_linked_headlines_after_a_repeated_name_are_furniture():
    (start, end), = page_furniture(TEASER)
    assert TEASER[start:end].startswith("Rebels attack") and TEASER[start:end].endswith("budget MORE")


def test_a_gallery_title_repeated_after_its_mark_is_furniture():
    (start, end), = page_furniture(GALLERY)
    assert GALLERY[start:end] == "Photos: Photos: Russian airstrikes on Aleppo Russian airstrikes on Aleppo"


@pytest.mark.parametrize("text", [
    "Rebels attacked an army base in the north on Monday, and MORE attacks are feared.",   # no glued name
    "Mitch McConnell said McConnell would vote MORE often.",        # a name's inner capital is no glue
    "Photos: Russian airstrikes on Aleppo – a boy walks through the rubble.",   # a title said once
])
def test_ordinary_text_is_no_furniture(text):
    assert page_furniture(text) == []


def test_events_of_linked_headlines_are_not_coded(code_pipeline):
    assert event_kinds(coded(code_pipeline, TEASER)) == [("CONSULT", "04")]


def test_a_gallery_title_is_not_coded_but_its_caption_is(code_pipeline):
    assert event_kinds(coded(code_pipeline, GALLERY)) == [("COERCE", "17")]
