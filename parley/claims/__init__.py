"""Numeric claims: what is counted, how many, as of when, says who; and where sources differ.

The ``parley_claims`` stage finds counts, shares and durations in a document ("nearly
500,000 people", "half of Syria's population", "a 12-year-old war"), reads each as an
interval with its qualifier, names the quantity it is about (``"deaths|syrian war"``: a
measure and its context), and records the as-of date and the source (the speaker when the
sentence reports one, else the outlet). :func:`compare_claims` groups claims about one
quantity across documents and compares their intervals.

How a stated figure becomes an interval (the vocabulary is ``parley/data/claims.yaml``):

- "nearly v" is ``[0.95 v, v)``; "over v" is ``(v, v + step]`` where ``step`` is the precision
  the writer rounded to (over 300,000 -> up to 400,000: a writer with 480,000 in hand would
  have said "nearly half a million"). The literal reading, with no upper bound, is kept as
  ``high_literal`` (``None``) and :func:`compare_claims` uses it with ``literal=True``.
- "about v" and bare round numbers cover what rounds to v: ``[v - step/2, v + step/2)``.
- "hundreds of thousands" is ``[200,000, 999,999]``; shares ("half of") have unit ``share``;
  ages of a war ("a 12-year-old war", "its sixth year") have unit ``year`` and are compared
  through the start date they imply.

Intervals are half-open, so ranges that only touch ("about 60" and "about 70") do not
overlap, while an exact figure on a boundary does.

What a figure counts comes from a counting noun ("lives", "delegates", "troops") or the verb
next to it ("killed", "displaced", "fled"); its context is a dated event in the sentence
("the February 2023 earthquakes"), else the document's conflict (the one whose cues it
names most), else nothing specific. Figures with no specific context, and all money, are
kept on the document but not compared: nothing says two articles' "40 people" or two
"$2 million" are the same quantity.

Modules: :mod:`parley.claims.rules` (vocabulary, numbers to intervals),
:mod:`parley.claims.extract` (the stage), :mod:`parley.claims.compare` (verdicts).
"""

from parley.claims.compare import compare_claims
from parley.claims.extract import extract_claims, make_claims
from parley.claims.rules import DATA_FILE, ClaimRules, ClaimRulesError, load_rules

__all__ = ["DATA_FILE", "ClaimRules", "ClaimRulesError", "compare_claims", "extract_claims", "load_rules",
           "make_claims"]
