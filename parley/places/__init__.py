"""Places: mentions resolved offline to GeoNames ids, names, coordinates and countries.

``make_places()`` builds the ``parley_places`` stage; :func:`resolve_place` resolves one
name, with the name valid on a date and namesakes decided by the countries in context.
See ``parley/data/places/`` for the aliases, names that changed, regions and demonyms.
"""

from parley.places.cache import load_index
from parley.places.index import PlaceDataError, PlaceIndex, normalize_name
from parley.places.mentions import find_places, make_places
from parley.places.resolve import resolve_place

__all__ = ["PlaceDataError", "PlaceIndex", "find_places", "load_index", "make_places",
           "normalize_name", "resolve_place"]
