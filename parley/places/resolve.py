"""Choose the place a name means: countries first, then populous places, then the context.

The context is a vote of countries: the document's other places, its actors and its
demonyms. A candidate in a voted country gains about what a 30-fold larger population
would give it, a candidate in a neighbour of a voted country a little.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Iterable, Mapping

import pycountry

from parley.places.cache import load_index
from parley.places.index import RANK_CURATED, RANK_PRIMARY, PlaceIndex, normalize_name

RANK_WEIGHT = 0.75          # a curated alias outweighs a GeoNames alternate name by 1.5
# A voted country is worth about a 30-fold population gap: Tripoli in Lebanon (229,000)
# beats Tripoli in Libya (1.3 million) in a document about Lebanon, while Paris, Texas
# does not beat Paris, France in a document about the United States.
VOTED_BONUS = 1.0           # plus VOTED_SHARE_BONUS times the country's share of the vote
VOTED_SHARE_BONUS = 0.5
NEIGHBOUR_BONUS = 1.0       # times the share of the vote held by the country's neighbours
# In a document whose countries are known, a town this small in a country nobody mentions
# is more likely a misread name ("Obama", a town in Japan) than the place meant; a name
# matched by the gazetteer alone (no NER label) must name an even larger place.
UNVOTED_MIN_POPULATION = 100_000
GAZETTEER_UNVOTED_MIN_POPULATION = 1_000_000
# A town in a state or province the document names gains about what a 50-fold population
# would give it (instead of its country's vote, which it implies); one near a place the
# document already placed gains 1.5 (twice that in the same sentence), a little when it is
# within a few hundred kilometres.
REGION_BONUS = 1.75
NEAR_KM, NEAR_BONUS = 150.0, 1.5
NEARISH_KM, NEARISH_BONUS = 500.0, 0.5
REGION_FEATURES = ("region", "province", "county")

Context = Mapping[str, float] | Iterable[str] | Any | None


def country_votes(context: Context) -> Counter:
    """Return a :class:`Counter` of ISO3 country codes from a context.

    :param context: ISO3 (or ISO2) codes, as an iterable (one vote each) or a mapping to
        weights; or a :class:`~parley.document.Document`, whose places and actor mentions
        vote; None for no context.
    """
    votes: Counter = Counter()
    if hasattr(context, "places") and hasattr(context, "mentions"):
        context = [item.get("country") for item in [*context.places, *context.mentions]]
    if not context:
        return votes
    items = context.items() if isinstance(context, Mapping) else ((c, 1.0) for c in context)
    for code, weight in items:
        if not code:
            continue
        if len(code) == 2:
            record = pycountry.countries.get(alpha_2=code.upper())
            code = record.alpha_3 if record else code
        votes[code.upper()] += weight
    return votes


def _context_bonus(country: str | None, votes: Counter, index: PlaceIndex) -> float:
    total = sum(votes.values())
    if not total or country is None:
        return 0.0
    if votes.get(country):
        return VOTED_BONUS + VOTED_SHARE_BONUS * votes[country] / total
    neighbours = sum(votes.get(n, 0) for n in index.neighbours.get(country, ()))
    return NEIGHBOUR_BONUS * neighbours / total


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


@dataclass
class Evidence:
    """What the rest of the document says about where it is.

    :ivar regions: votes for first-order regions, ``(iso3, admin1)`` (a US state, a province)
        named by the document, its dateline or its qualifiers.
    :ivar anchors: places already resolved in the document, ``(lat, lon, name, sentence,
        token)``;
        a town near one of them beats a far namesake.
    :ivar sentence: the sentence of the name being resolved (anchors there count double).
    """

    regions: Counter = field(default_factory=Counter)
    anchors: list[tuple[float, float, str, int | None, int]] = field(default_factory=list)
    sentence: int | None = None
    current: int | None = None   # the token where the name being resolved starts

    def near(self, place: dict) -> tuple[float, str | None]:
        """The bonus a place earns for lying near the document's other places, and the nearest."""
        if place["lat"] is None or place["feature"] not in ("city", "county", "province"):
            return 0.0, None
        best, name = 0.0, None
        for lat, lon, anchor, sentence, start in self.anchors:
            if start == self.current:
                continue  # a place is not evidence for itself
            km = distance_km(place["lat"], place["lon"], lat, lon)
            bonus = NEAR_BONUS if km <= NEAR_KM else NEARISH_BONUS if km <= NEARISH_KM else 0.0
            if sentence is not None and sentence == self.sentence:
                bonus *= 2
            if bonus > best:
                best, name = bonus, anchor
        return best, name


def score(place: dict, rank: int, votes: Counter, index: PlaceIndex, evidence: Evidence | None = None) -> float:
    """Return how likely ``place`` is meant, given how its name matched and the context.

    :param place: a place record of the index.
    :param rank: how the name matched (RANK_CURATED, RANK_PRIMARY, RANK_ALTERNATE).
    :param votes: country votes from :func:`country_votes`.
    :param index: the place index (for neighbours).
    :param evidence: the document's regions and resolved places, if any.
    """
    context = _context_bonus(place["country"], votes, index)
    near = 0.0
    if evidence is not None:
        if place.get("admin1") and evidence.regions.get((place["country"], place["admin1"])) \
                and place["feature"] != "region":
            context = max(context, REGION_BONUS)  # a named state implies its country's vote: not both
        near = evidence.near(place)[0]
    return math.log10((place["population"] or 0) + 10) + RANK_WEIGHT * rank + context + near


def _contains(place: dict, inner: dict) -> bool:
    """Whether ``place`` is the country, or the first-order region, that ``inner`` lies in."""
    if inner["country"] != place["country"] or place is inner:
        return False
    if place["feature"] == "country":
        return True
    return place["feature"] in REGION_FEATURES and place.get("admin1") is not None \
        and place.get("admin1") == inner.get("admin1")


def _seat_of_namesake_region(pool: list[tuple[dict, int]]) -> list[tuple[dict, int]]:
    """Drop a region whose namesake town lies in it: a bare "Kandahar" or "New York" is the town."""
    towns = [p for p, r in pool if p["feature"] == "city" and r >= RANK_PRIMARY]  # "Oklahoma" is no town's own name
    return [(p, r) for p, r in pool
            if not (p["feature"] in ("province", "region") and any(_contains(p, t) for t in towns))]


def choose_with_reason(candidates: list[tuple[dict, int]], votes: Counter, index: PlaceIndex,
                       unvoted_min: int = 0, region: bool = False, within: dict | None = None,
                       evidence: Evidence | None = None) -> tuple[dict | None, str | None]:
    """Pick the best candidate and say why (see :func:`choose`).

    :returns: ``(place, reason)``; the reason names the evidence that decided: "country name",
        "qualified by X" (the name is written "Town, X"), "region cue", "in a state/country the
        document names", "near X", "most populous namesake" or "only candidate".
    """
    countries = [(p, r) for p, r in candidates if p["feature"] == "country" and r >= RANK_CURATED]
    if countries:
        return max(countries, key=lambda pr: pr[1])[0], "country name"
    reason = None
    pool = candidates
    if within is not None:
        inside = [(p, r) for p, r in candidates if _contains(within, p) or _contains(p, within)]
        if inside:
            pool, reason = inside, f"qualified by {within['name']}"
    if region and reason is None:
        regions = [(p, r) for p, r in pool if p["feature"] in REGION_FEATURES or p["feature"] == "country"]
        if regions:
            pool, reason = regions, "region cue"
    if reason is None and len(pool) > 1:
        curated = [(p, r) for p, r in pool if r >= RANK_CURATED]
        if curated and len(curated) < len(pool):
            pool, reason = curated, "curated name"  # parley's own data says what the name means
        else:
            pool = _seat_of_namesake_region(pool) or pool
    if unvoted_min and votes and reason is None:
        pool = [(p, r) for p, r in pool if p["feature"] not in ("city", "county") or r >= RANK_CURATED
                or p["population"] >= unvoted_min or votes.get(p["country"])
                or (evidence is not None and evidence.regions.get((p["country"], p.get("admin1"))))]
    if not pool:
        return None, None
    ranked = sorted(pool, key=lambda pr: -score(pr[0], pr[1], votes, index, evidence))
    best = ranked[0][0]
    if reason is None:
        reason = _why(best, ranked, votes, evidence)
    return best, reason


def _why(best: dict, ranked: list[tuple[dict, int]], votes: Counter, evidence: Evidence | None) -> str:
    if len(ranked) == 1:
        return "only candidate"
    runner = ranked[1][0]
    if evidence is not None:
        bonus, anchor = evidence.near(best)
        if bonus and bonus > evidence.near(runner)[0]:
            return f"near {anchor}"
        if best.get("admin1") and evidence.regions.get((best["country"], best["admin1"])) \
                and not evidence.regions.get((runner["country"], runner.get("admin1"))):
            return "in a region the document names"
    if votes.get(best["country"]) and not votes.get(runner["country"]):
        return "in a country the document names"
    if (best["population"] or 0) >= (runner["population"] or 0):
        return "most populous namesake"
    return "best name match"


def choose(candidates: list[tuple[dict, int]], votes: Counter, index: PlaceIndex,
           unvoted_min: int = 0, region: bool = False, within: dict | None = None,
           evidence: Evidence | None = None) -> dict | None:
    """Pick the best candidate; a name that is a country's name always means the country.

    :param candidates: ``(place, rank)`` pairs from :meth:`PlaceIndex.candidates`.
    :param votes: country votes.
    :param index: the place index.
    :param unvoted_min: when there are votes, drop towns smaller than this in countries
        without a vote (unless named by a curated alias or in a region the document names).
    :param region: the text shows a state or region is meant ("Washington Gov."); prefer one.
    :param within: a place the name is written with ("Hempstead, New York"): prefer the
        candidates that contain it or lie in it.
    :param evidence: the document's regions and resolved places.
    """
    return choose_with_reason(candidates, votes, index, unvoted_min, region, within, evidence)[0]


def name_on(place: dict, on: date | None) -> str:
    """Return the name ``place`` went by on ``on`` (its current name when ``on`` is None).

    :param place: a place record, whose ``history`` lists ``(name, since)`` in date order.
    :param on: the date of the document, or None.
    """
    history = place["history"]
    if not history:
        return place["name"]
    if isinstance(on, datetime):
        on = on.date()
    if on is None:
        return history[-1][0]
    valid = [name for name, since in history if since is None or since <= on]
    return valid[-1] if valid else history[0][0]


def describe(place: dict, on: date | None = None) -> dict:
    """Return the JSON-ready resolution of ``place`` as of ``on``.

    :param place: a place record of the index.
    :param on: the document's date, or None.
    :returns: ``geonameid, name, country, lat, lon, feature, aliases, within, derived``
        (``derived``: the coordinates are derived, not a source's own); ``aliases``
        holds the place's other names, those it had at other times first (most recent first);
        ``within`` is None (it names the containing place of an area, see find_places).
    """
    name = name_on(place, on)
    seen = {normalize_name(name)}
    aliases = []
    for alias in [n for n, _ in reversed(place["history"])] + [place["name"], *place["aliases"]]:
        if normalize_name(alias) not in seen:
            seen.add(normalize_name(alias))
            aliases.append(alias)
    return {"geonameid": place["geonameid"], "name": name, "country": place["country"],
            "lat": place["lat"], "lon": place["lon"], "feature": place["feature"],
            "aliases": aliases, "within": None, "derived": bool(place.get("derived"))}


def resolve_place(name: str, on: date | None = None, context: Context = None,
                  index: PlaceIndex | None = None) -> dict | None:
    """Resolve a place name offline to a GeoNames place, with the name valid on a date.

    Example::

        resolve_place("Tripoli", context=["LBN"])["country"]   # "LBN"
        resolve_place("Astana", on=date(2020, 1, 1))["name"]   # "Nur-Sultan"

    :param name: the name as written ("Astana", "Türkiye", "the Middle East").
    :param on: the document's date; picks the name valid then (Astana/Nur-Sultan).
    :param context: countries the document mentions (ISO3 codes, a mapping to weights, or the
        Document itself); they decide between namesakes (Tripoli in Libya or in Lebanon).
    :param index: a place index; the cached default when None.
    :returns: the :func:`describe` dict, or None when the name is no known place.
    """
    index = index or load_index()
    if index.demonym(name):
        return None  # "Kazakh" is an adjective, though GeoNames lists it as a town's name
    place = choose(index.candidates(name), country_votes(context), index)
    return describe(place, on) if place else None
