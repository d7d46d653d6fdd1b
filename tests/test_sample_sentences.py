"""The ``--foreign`` filter of bench/sample_sentences.py: which sentences name a foreign state or an
international organisation. Sentences written for this test."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from sample_sentences import foreign_pattern  # noqa: E402

FOREIGN = foreign_pattern()


@pytest.mark.parametrize("sentence", [
    "The minister flew to Peru on Monday.",
    "Talks with South Korea resumed in the spring.",
    "A Syrian convoy crossed the river at dawn.",
    "Chinese negotiators left early.",
    "The U.N. envoy asked both sides for calm.",
    "NATO ministers will gather next month.",
    "The Kremlin said nothing about the report.",
    "Officials in the European Union approved the plan.",
])
def test_a_sentence_naming_a_foreign_state_or_a_body_passes(sentence):
    assert FOREIGN.search(sentence)


@pytest.mark.parametrize("sentence", [
    "The governor of New Mexico signed the bill.",
    "Voters in Georgia went to the polls.",
    "Rep. Jim Jordan asked the first question.",
    "The United States and its American allies disagreed.",
    "A union vote is set for Tuesday.",
])
def test_a_sentence_with_only_us_names_or_lookalike_words_does_not(sentence):
    assert not FOREIGN.search(sentence)
