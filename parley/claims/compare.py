"""Compare claims about one quantity across documents: consistent, different, not comparable."""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any

from parley.claims.rules import load_rules


def _year_fraction(day: Any) -> float | None:
    if not day:
        return None
    d = day if isinstance(day, date) else date.fromisoformat(str(day)[:10])
    return d.year + (d.timetuple().tm_yday - 1) / 365.25


def _comparison_interval(claim: dict, literal: bool) -> tuple[float, float | None, str]:
    """The interval a claim is compared on, and its unit; an age becomes the start it implies."""
    low, high = claim.get("low"), claim.get("high")
    if literal and "high_literal" in claim:
        high = claim["high_literal"]
    unit = claim.get("unit") or "?"
    as_of = _year_fraction(claim.get("as_of"))
    if unit == "year" and claim.get("quantity", "").startswith("age|") and as_of is not None:
        return as_of - (high if high is not None else math.inf), as_of - low, "start"
    return low, high, unit


def _overlap(a: tuple[float, float | None], b: tuple[float, float | None]) -> bool:
    """Half-open overlap; ranges that only touch overlap when one of them is a single point."""
    ha = math.inf if a[1] is None else a[1]
    hb = math.inf if b[1] is None else b[1]
    lo, hi = max(a[0], b[0]), min(ha, hb)
    return lo < hi or (lo == hi and (a[0] == ha or b[0] == hb))


def _fmt(x: float | None, unit: str) -> str:
    if x is None or not math.isfinite(x):
        return "no upper bound"
    if unit == "share":
        return f"{x:.0%}"
    if unit == "start":
        return f"{math.floor(x)}-{min(12, int((x - math.floor(x)) * 12) + 1):02d}"
    return f"{x:,.0f}" if abs(x) >= 10 else f"{x:g}"


def _describe(claim: dict, interval: tuple[float, float | None, str]) -> str:
    who = claim.get("source") or (f"document {claim['doc_id']}" if claim.get("doc_id") else None)
    where = ", ".join(str(x) for x in (who, claim.get("as_of")) if x)
    lo, hi, unit = interval
    span = _fmt(lo, unit) if hi == lo else f"{_fmt(lo, unit)}–{_fmt(hi, unit)}"
    return f"“{claim.get('text')}” [{span}]" + (f" ({where})" if where else "")


def _verdict(claims: list[dict], intervals: list[tuple[float, float | None, str]]) -> tuple[str, str]:
    """Compare a group: the claims in its most common unit as intervals, then the units."""
    by_unit: dict[str, list[int]] = {}
    for k, interval in enumerate(intervals):
        by_unit.setdefault(interval[2], []).append(k)
    main = max(sorted(by_unit), key=lambda u: len(by_unit[u]))
    # intervals on a line all overlap iff the highest low is below the lowest high
    lo = max(by_unit[main], key=lambda k: intervals[k][0])
    hi = min(by_unit[main], key=lambda k: math.inf if intervals[k][1] is None else intervals[k][1])
    a, b = intervals[hi], intervals[lo]
    if not _overlap(a[:2], b[:2]):
        gap = b[0] - a[1]
        apart = f"at least {_fmt(gap, main)} apart" if gap > 0 and main != "start" else "the ranges do not overlap"
        mid_a, mid_b = (a[0] + a[1]) / 2, (b[0] + (b[1] if b[1] is not None else b[0])) / 2
        if mid_a > 0 and main not in ("start", "share"):
            apart += f", the larger about {mid_b / mid_a:.1f} times the smaller"
        if "high_literal" in claims[hi] and claims[hi]["high_literal"] is None:
            apart += (f" (read literally, “{claims[hi].get('text')}” has no upper bound and"
                      " would not contradict the other)")
        return "different", f"{_describe(claims[hi], a)} and {_describe(claims[lo], b)}: {apart}."
    if len(by_unit) > 1:
        narrowest = {u: min(ks, key=lambda k: (intervals[k][1] or math.inf) - intervals[k][0])
                     for u, ks in by_unit.items()}
        kinds = " and ".join(f"{_describe(claims[narrowest[u]], intervals[narrowest[u]])} is "
                             + ("a share of a whole" if u == "share" else f"a count in {u}")
                             for u, ks in sorted(by_unit.items()))
        why = "a share cannot be set against a count without the size of the whole" \
            if "share" in by_unit else "the units differ"
        agree = f" The {len(by_unit[main])} figures in {main} agree with each other." if len(by_unit[main]) > 1 else ""
        return "not comparable", f"{kinds}: {why}.{agree}"
    if len(claims) == 1:
        return "consistent", "A single claim; nothing to compare it with."
    common = f"{_fmt(b[0], main)}–{_fmt(a[1], main)}"
    return "consistent", f"The {len(claims)} figures overlap: all " + (
        f"imply a start within {common}." if main == "start" else f"fit within {common}.")


def _running_total(claims: list[dict], intervals: list[tuple[float, float | None, str]]) -> str:
    """Say whether a running total's figures fall over time (a contradiction) or only rise."""
    dated = sorted({(str(c["as_of"])[:10], i[0], i[1]) for c, i in zip(claims, intervals)
                    if c.get("as_of") and i[2] != "share"})
    for k, (day, low, _) in enumerate(dated):
        for later, _, later_high in dated[k + 1:]:
            if later > day and later_high is not None and later_high < low:
                return (f" A later figure ({later}: at most {_fmt(later_high, '')}) is below an earlier one"
                        f" ({day}: at least {_fmt(low, '')}), which a running total cannot be.")
    return " No later figure is below an earlier one: the gap may be the toll growing over time."


def _compare_group(quantity: str, claims: list[dict], literal: bool) -> dict:
    claims = sorted(claims, key=lambda c: (str(c.get("as_of") or ""), str(c.get("source") or "")))
    intervals = [_comparison_interval(c, literal) for c in claims]
    verdict, reason = _verdict(claims, intervals)
    dates = sorted({str(c.get("as_of"))[:10] for c in claims if c.get("as_of")})
    grows = load_rules().data["measures"].get(quantity.split("|")[0], {}).get("cumulative", False)
    if grows and verdict == "different" and len(dates) > 1:
        reason += _running_total(claims, intervals)
    elif len(dates) > 1 and int(dates[-1][:4]) > int(dates[0][:4]) and not quantity.startswith("age|"):
        reason += f" The figures date from {dates[0]} to {dates[-1]}; the number may have changed in between."
    keys = ("text", "low", "high", "unit", "as_of", "source", "qualifier", "value", "doc_id", "sentence",
            "char_start", "char_end")
    return {"id": re.sub(r"[^a-z0-9]+", "-", quantity.lower()).strip("-"), "quantity": quantity,
            "subject": claims[0].get("subject"), "claims": [{k: c.get(k) for k in keys} for c in claims],
            "verdict": verdict, "reason": reason}


def compare_claims(claims: list[dict], literal: bool = False) -> list[dict]:
    """Group claims about the same quantity and compare their intervals.

    :param claims: claim dicts (from :func:`extract_claims`, across documents); each needs
        ``quantity``, ``low``, ``high`` and ``unit``; ``as_of``, ``source``, ``text`` are reported.
    :param literal: read "over v" as having no upper bound (``high_literal``) instead of the
        rounding convention (see the module docstring).
    :returns: one group per quantity: ``{"id", "quantity", "subject", "claims": [{text, low,
        high, unit, as_of, source, ...}], "verdict", "reason"}`` with verdict ``"consistent"``
        (the intervals overlap), ``"different"`` (two of them are disjoint; the reason says by
        how much) or ``"not comparable"`` (a share against a count, or other units; says why).
        Disputed groups come first. Claims marked ``"specific": False`` (money, or a count with
        no named conflict, event or round) are left out: nothing says that two of them, even
        in one article, count the same thing.
    """
    groups: dict[str, list[dict]] = {}
    for claim in claims:
        if claim.get("quantity") and claim.get("low") is not None and claim.get("specific", True):
            groups.setdefault(claim["quantity"], []).append(claim)
    order = {"different": 0, "not comparable": 1, "consistent": 2}
    result, seen = [], set()
    for quantity, members in groups.items():
        group = _compare_group(quantity, members, literal)
        while group["id"] in seen:  # two quantities that slug alike
            group["id"] += "-"
        seen.add(group["id"])
        result.append(group)
    return sorted(result, key=lambda g: (order[g["verdict"]], -len(g["claims"]), g["quantity"]))
