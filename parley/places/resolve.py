"""Choose the place a name means: countries first, then populous places, then the context.

The context is a vote of countries: the document's other places, its actors and its
demonyms. A candidate in a voted country gains about what a 30-fold larger population
would give it, a candidate in a neighbour of a voted country a little.
"""

from __future__ import annotations

import math
from collections import Counter
from datetime import date, datetime
from typing import Any, Iterable, Mapping

import pycountry

from parley.places.index import RANK_CURATED, PlaceIndex, load_index, normalize_name

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


def score(place: dict, rank: int, votes: Counter, index: PlaceIndex) -> float:
    """Return how likely ``place`` is meant, given how its name matched and the context.

    :param place: a place record of the index.
    :param rank: how the name matched (RANK_CURATED, RANK_PRIMARY, RANK_ALTERNATE).
    :param votes: country votes from :func:`country_votes`.
    :param index: the place index (for neighbours).
    """
    return (math.log10(place["population"] + 10) + RANK_WEIGHT * rank
            + _context_bonus(place["country"], votes, index))


def _contains(place: dict, inner: dict) -> bool:
    """Whether ``place`` is the country, or the state, that ``inner`` lies in."""
    if inner["country"] != place["country"]:
        return False
    if place["feature"] == "country":
        return True
    return place["feature"] == "region" and place.get("admin1") is not None \
        and place.get("admin1") == inner.get("admin1")


def choose(candidates: list[tuple[dict, int]], votes: Counter, index: PlaceIndex,
           unvoted_min: int = 0, region: bool = False, within: dict | None = None) -> dict | None:
    """Pick the best candidate; a name that is a country's name always means the country.

    :param candidates: ``(place, rank)`` pairs from :meth:`PlaceIndex.candidates`.
    :param votes: country votes.
    :param index: the place index.
    :param unvoted_min: when there are votes, drop towns smaller than this in countries
        without a vote (unless named by a curated alias).
    :param region: the text shows a state or region is meant ("Washington Gov."); prefer one.
    :param within: a place the name is written as the container of ("Hempstead, New York");
        prefer the candidates that contain it.
    """
    countries = [(p, r) for p, r in candidates if p["feature"] == "country" and r >= RANK_CURATED]
    regions = [(p, r) for p, r in candidates if p["feature"] in ("region", "country")] if region else []
    if within is not None:
        regions = [(p, r) for p, r in candidates if _contains(p, within)]
    pool = countries or regions or candidates
    if unvoted_min and votes:
        pool = [(p, r) for p, r in pool if p["feature"] != "city" or r >= RANK_CURATED
                or p["population"] >= unvoted_min or votes.get(p["country"])]
    if not pool:
        return None
    return max(pool, key=lambda pr: score(pr[0], pr[1], votes, index))[0]


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
    :returns: ``geonameid, name, country, lat, lon, feature, aliases, within``; ``aliases``
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
            "aliases": aliases, "within": None}


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
