"""Claims mechanism: intervals from qualifiers, comparison rules, robustness (no model needed)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.claims import DATA_FILE, ClaimRulesError, compare_claims, extract_claims, load_rules

PUB = date(2024, 1, 19)


def only(text: str) -> dict:
    claims = extract_claims(text, [], None, PUB)
    assert len(claims) == 1, claims
    return claims[0]


@pytest.mark.parametrize("text,quantity,low,high,qualifier", [
    ("The war has killed nearly 500,000 people.", "deaths|conflict", 475_000, 500_000, "nearly"),
    ("The war killed over 300,000 people in Syria.", "deaths|syrian war", 300_000, 400_000, "over"),
    ("The war killed more than 350,000 people.", "deaths|conflict", 350_000, 360_000, "more than"),
    ("Fighting has left hundreds of thousands dead.", "deaths|conflict", 200_000, 999_999, None),
    ("About 60 delegates attended the 20th round of talks.", "participants|20th round", 55, 65, "about"),
    ("The quake in February 2023 killed some 59,000 people.", "deaths|february 2023 earthquakes", 56_050, 61_950, "some"),
    ("The Feb. 6 earthquakes killed 56,000 people.", "deaths|february 2023 earthquakes", 55_500, 56_500, None),
    ("The war killed ½ million people.", "deaths|conflict", 450_000, 550_000, None),
    ("The war killed 310,215 people.", "deaths|conflict", 310_215, 310_215, None),
    ("The war displaced half of Syria's population.", "displaced|syrian war", 0.45, 0.55, None),
    ("Nearly 40% of the population fled the war.", "displaced|conflict", 0.38, 0.4, "nearly"),
    ("The United States gave $2.5bn in aid.", "money|aid", 2_450_000_000, 2_550_000_000, None),
    ("Turkey, which hosts 3.5 million Syrian refugees, fears more.", "refugees|syrian war|turkey",
     3_450_000, 3_550_000, None),
    ("Nearly 7 million Syrians remain displaced inside the country.",
     "internally displaced|syrian war", 6_650_000, 7_000_000, "nearly"),
    ("It was a 12-year-old war.", "age|conflict", 12, 13, None),
    ("The war in Yemen has killed more than 10,000 Yemenis.", "deaths|yemeni war", 10_000, 20_000, "more than"),
    ("Two million people fled the war.", "displaced|conflict", 1_500_000, 2_500_000, None),
    ("Dozens of troops were deployed.", "troops|conflict", 24, 99, None),
    ("The war, now in its sixth year, goes on.", "age|conflict", 5, 6, None),
])
def test_claims_interval(text, quantity, low, high, qualifier):
    claim = only(text)
    assert claim["quantity"] == quantity
    assert claim["low"] == pytest.approx(low) and claim["high"] == pytest.approx(high)
    assert claim["qualifier"] == qualifier
    assert claim["as_of"] == PUB.isoformat() and claim["source"] is None


def test_claims_over_keeps_literal_open_bound():
    assert only("The war killed over 300,000 people.")["high_literal"] is None


@pytest.mark.parametrize("text", [
    "The Astana talks on Jan. 24-25 were the 21st round since 2017.",
    "Resolution 2642 was adopted in 2022.",
    "The ministry said seven meetings were held in 2017.",
    "A 52-year-old Syrian war veteran spoke.",
    "An offensive would push hundreds of thousands more people towards the border of the war zone.",
])
def test_claims_not_a_claim(text):
    assert extract_claims(text, [], None, PUB) == []


@pytest.mark.parametrize("text", [
    "The war killed 1e309 people.", "The war killed " + "9" * 400 + " people.", "The war killed 10^400 people.",
    "More than 1,000,000,000,000,000,000,000,000 people died in the war.", "", "nearly", "over 300,000",
    "about 250 percent of the population fled the war", "½ million", "killed ½½ people", "¾",
])
def test_claims_robust(text):
    claims = extract_claims(text, [], None, None)
    json.dumps(claims, allow_nan=False)
    json.dumps(compare_claims(claims), allow_nan=False)
    assert all(c["high"] is None or c["low"] <= c["high"] for c in claims)


WORDS = ["nearly", "over", "about", "500,000", "1e309", "½", "million", "half", "of", "the", "population",
         "people", "killed", "displaced", "war", "hundreds", "thousands", "%", "$", "12-year-old", "its", "6th",
         "year", "9" * 30, ",", ".", "and", "refugees", "delegates", "1.5", "bn"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25))
def test_claims_never_crash(words):
    claims = extract_claims(" ".join(words), [], None, PUB)
    json.dumps(compare_claims(claims), allow_nan=False)
    for c in claims:
        assert c["high"] is None or c["low"] <= c["high"]


def claim(text, low, high, unit="people", quantity="deaths|syrian war", as_of="2023-06-21", **extra):
    return {"text": text, "low": low, "high": high, "unit": unit, "quantity": quantity, "as_of": as_of,
            "source": extra.pop("source", "x"), **extra}


@pytest.mark.parametrize("claims,verdict,words", [
    ([claim("a", 475_000, 500_000), claim("b", 450_000, 550_000)], "consistent", "overlap"),
    ([claim("nearly 500,000", 475_000, 500_000), claim("over 300,000", 300_000, 400_000)], "different",
     "75,000 apart"),
    ([claim("about 60", 55, 65), claim("about 70", 65, 75)], "different", "do not overlap"),
    ([claim("nearly 500,000", 475_000, 500_000), claim("500,000", 500_000, 500_000)], "consistent", "overlap"),
    ([claim("7 million", 6.65e6, 7e6), claim("half", 0.45, 0.55, unit="share")], "not comparable", "share"),
    ([claim("a", 1, 2)], "consistent", "single"),
    ([claim("12-year-old", 12, 13, unit="year", quantity="age|syrian war", as_of="2023-06-21"),
      claim("six-year-old", 6, 7, unit="year", quantity="age|syrian war", as_of="2017-02-17")],
     "consistent", "start"),
    ([claim("12-year-old", 12, 13, unit="year", quantity="age|syrian war", as_of="2023-06-21"),
      claim("six-year-old", 6, 7, unit="year", quantity="age|syrian war", as_of="2023-06-21")],
     "different", "do not overlap"),
])
def test_claims_compare(claims, verdict, words):
    (g,) = compare_claims(claims)
    assert g["verdict"] == verdict and words in g["reason"], g["reason"]
    assert g["id"] == g["quantity"].replace("|", "-").replace(" ", "-")
    assert set(g["claims"][0]) >= {"text", "low", "high", "unit", "as_of", "source"}


def test_claims_compare_literal_reading():
    claims = [claim("nearly 500,000", 475_000, 500_000, high_literal=500_000),
              claim("over 300,000", 300_000, 400_000, high_literal=None)]
    assert compare_claims(claims)[0]["verdict"] == "different"
    assert compare_claims(claims, literal=True)[0]["verdict"] == "consistent"


def test_claims_rules_validated(tmp_path):
    bad = tmp_path / "claims.yaml"
    bad.write_text("version: 1\nqualifiers: {}\n", encoding="utf-8")
    with pytest.raises(ClaimRulesError, match=r"claims.yaml:1: missing keys \[.numbers."):
        load_rules(bad)
    # a noun pointing at a measure the file does not define is reported at the noun's line
    text = DATA_FILE.read_text(encoding="utf-8")
    lines = text.splitlines()
    noun_line = next(i for i, line in enumerate(lines, 1) if line.strip().startswith("lives:"))
    lines[noun_line - 1] = lines[noun_line - 1].split(":")[0] + ": no_such_measure"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ClaimRulesError, match=rf"claims.yaml:{noun_line}: nouns.lives: unknown measures"):
        load_rules(bad)


@pytest.mark.parametrize("text,lead,as_of", [
    ("By the end of 2022 the war had killed 300,000 people.", "the end of 2022", "2022-12-31"),
    ("In 2022 the war killed 3,000 people.", "2022", PUB.isoformat()),
])
def test_claims_as_of_from_times(text, lead, as_of):
    start = text.index(lead)
    times = [{"text": lead, "char_start": start, "char_end": start + len(lead), "start": "2022-01-01",
              "end": "2022-12-31", "precision": "year"}]
    (claim,) = extract_claims(text, [], None, PUB, times=times)
    assert claim["as_of"] == as_of


def test_claims_generic_context_not_compared():
    claims = extract_claims("The fighting killed 40 people. It cost $2 million in aid. Fighting killed 90 people.",
                            [], None, PUB)
    assert [(c["quantity"], c["specific"]) for c in claims] == [
        ("deaths|conflict", False), ("money|aid", False), ("deaths|conflict", False)]
    assert compare_claims(claims) == []


def test_claims_compare_names_document_when_no_source():
    claims = [claim("nearly 500,000", 475_000, 500_000, source=None, doc_id="d1"),
              claim("over 300,000", 300_000, 400_000, source=None, doc_id="d2")]
    reason = compare_claims(claims)[0]["reason"]
    assert "document d1" in reason and "document d2" in reason


@pytest.mark.parametrize("text,quantity,specific", [
    ("An airstrike on a village in Syria killed at least 15 people.", "deaths|conflict", False),
    ("Syria, Syria, Syria. The 18-year war in Afghanistan has gone on.", "age|afghan war", True),
    ("Syria, Syria. Fighting has killed 40,000 people.", "deaths|syrian war", True),
    ("Syria, Syria. More than 5 million Venezuelan refugees have left.", "refugees|conflict", False),
    ("Syria, Syria. Turkey deployed 3,000 troops in the war.", "troops|syrian war", False),
    ("Clinton won 54 delegates in the 2nd round of voting.", "participants|meeting", False),
])
def test_claims_context(text, quantity, specific):
    cut = text.rfind(". ") + 2 if ". " in text else 0
    sentences = [{"index": 0, "char_start": 0, "char_end": cut}, {"index": 1, "char_start": cut, "char_end": len(text)}]
    (claim,) = extract_claims(text, sentences, None, PUB)
    assert (claim["quantity"], claim["specific"]) == (quantity, specific)


@pytest.mark.parametrize("later,note", [
    ((300_000, 400_000), "below an earlier one"),
    ((500_000, 600_000), "may be the toll growing"),
])
def test_claims_running_total_over_time(later, note):
    claims = [claim("nearly 500,000", 475_000, 500_000, as_of="2023-06-21"),
              claim("later", *later, as_of="2024-01-19")]
    (group,) = compare_claims(claims)
    assert group["verdict"] == "different" and note in group["reason"], group["reason"]
